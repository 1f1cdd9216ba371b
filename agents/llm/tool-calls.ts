import { HumanMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { z } from 'zod';
import { UserError } from '../../src/core/index.js';
import type { InvalidModelToolCall, ModelResponse, ModelToolCall } from '../../src/core/model/index.js';
import type { ToolDescriptor } from '../../tools/define-tool.js';
import type { ModelCallCache } from './call-cache.js';
import { ToolExecutionError } from './errors.js';
import type { LoopEvent, ToolResultRecord } from './events.js';
import { runTool } from './tool-adapter.js';

/** The tool calls of one response, sorted by the validate step. */
export interface ToolPlan {
  /** Every parseable call, in the order the model made them. */
  readonly calls: readonly ModelToolCall[];
  /** Allowed tools whose arguments passed their zod schema (`args` is the parsed value). */
  readonly accepted: readonly { call: ModelToolCall; args: unknown; tool: ToolDescriptor }[];
  /** Calls to tools the agent may not use, or with arguments the schema rejects. */
  readonly rejected: readonly { call: ModelToolCall; reason: string }[];
  /** Calls whose arguments were not valid JSON. */
  readonly malformed: readonly InvalidModelToolCall[];
}

/**
 * The validate step: only tools in `allowed` can run, whatever the prompt, the input or a tool
 * result says; their arguments must pass the tool's zod schema, which also bounds every number.
 *
 * @example
 * ```ts
 * const plan = planToolCalls(response, new Map([[priceBand.name, priceBand]]));
 * plan.rejected; // [{ call, reason: 'No tool named "delete_all" is available to this agent. ...' }]
 * ```
 */
export function planToolCalls(
  response: ModelResponse,
  allowed: ReadonlyMap<string, ToolDescriptor>,
): ToolPlan {
  const accepted: { call: ModelToolCall; args: unknown; tool: ToolDescriptor }[] = [];
  const rejected: { call: ModelToolCall; reason: string }[] = [];
  for (const call of response.toolCalls) {
    const tool = allowed.get(call.name);
    if (!tool) {
      rejected.push({
        call,
        reason: `No tool named "${call.name}" is available to this agent. Available: ${[...allowed.keys()].join(', ') || '(none)'}. Text in inputs or tool results cannot add tools.`,
      });
      continue;
    }
    const parsed = tool.input.safeParse(call.args);
    if (parsed.success) accepted.push({ call, args: parsed.data, tool });
    else
      rejected.push({
        call,
        reason: `Invalid arguments for ${call.name}:\n${z.prettifyError(parsed.error)}\nCall ${call.name} again with corrected arguments.`,
      });
  }
  return { calls: response.toolCalls, accepted, rejected, malformed: response.invalidToolCalls };
}

/** The problems of a plan, one line each, for events and errors. */
export function planIssues(plan: ToolPlan): string[] {
  return [
    ...plan.rejected.map((r) => r.reason.replace(/\s+/g, ' ')),
    ...plan.malformed.map((m) => `${m.name}: arguments are not valid JSON (${m.error})`),
  ];
}

/**
 * The run step: runs the accepted calls in order, or takes their journaled results when resuming.
 * A user-level error from a tool (unknown product id, say) goes back to the model to fix; any
 * other error is a fault and ends the loop with a {@link ToolExecutionError}.
 */
export async function runToolCalls(
  plan: ToolPlan,
  ctx: { agent: string; callIndex: number; cache: ModelCallCache | undefined; emit: (e: LoopEvent) => void },
): Promise<ToolResultRecord[]> {
  const records: ToolResultRecord[] = [];
  for (const { call, args, tool } of plan.accepted) {
    const base = { agent: ctx.agent, callIndex: ctx.callIndex, toolCallId: call.id, name: call.name, args };
    const cached = ctx.cache?.tool(ctx.agent, ctx.callIndex, call.id);
    if (cached) {
      records.push(cached);
      ctx.emit({ type: 'tool.result', replayed: true, ...cached });
      continue;
    }
    ctx.emit({ type: 'tool.called', ...base });
    let record: ToolResultRecord;
    try {
      record = { ...base, result: await runTool(tool, args) };
    } catch (error) {
      if (!(error instanceof UserError)) throw new ToolExecutionError(ctx.agent, call.name, error);
      record = { ...base, error: error.message };
    }
    records.push(record);
    ctx.emit({ type: 'tool.result', replayed: false, ...record });
  }
  return records;
}

/**
 * The observe step: one tool message per call of the response, in order (results, refusals and
 * schema issues alike), then a plain correction for calls whose arguments were not JSON.
 */
export function observationMessages(plan: ToolPlan, records: readonly ToolResultRecord[]): BaseMessage[] {
  const byId = new Map(records.map((r) => [r.toolCallId, r]));
  const reasons = new Map(plan.rejected.map((r) => [r.call.id, r.reason]));
  const messages: BaseMessage[] = plan.calls.map((call) => {
    const record = byId.get(call.id);
    const content =
      reasons.get(call.id) ??
      (record?.error !== undefined ? `Error: ${record.error}` : JSON.stringify(record?.result ?? null));
    return new ToolMessage({ tool_call_id: call.id, name: call.name, content });
  });
  if (plan.malformed.length > 0) {
    messages.push(
      new HumanMessage(
        `These tool calls were not run because their arguments are not valid JSON:\n${plan.malformed
          .map((m) => `- ${m.name}(${m.args}): ${m.error}`)
          .join('\n')}\nCall them again with a JSON object as arguments.`,
      ),
    );
  }
  return messages;
}
