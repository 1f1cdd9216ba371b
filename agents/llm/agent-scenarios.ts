/**
 * Test support: the scenarios every agent's LLM policy is tested under with the strict scripted
 * model — a normal run, invalid tool arguments re-asked then fixed, malformed JSON, a refusal, a
 * 429 then success, a timeout, and an exhausted budget. Each agent's `llm-*.test.ts` calls
 * {@link describeLlmAgent} with its policy, a valid and an invalid tool call, and a final answer.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/index.js';
import { ScriptedChatModel, script, type ScriptedStep } from '../../src/testing/index.js';
import type { ToolDescriptor } from '../../tools/define-tool.js';
import { BudgetLedger, type BudgetLimits } from './budget.js';
import { BudgetExceededError, ModelRefusalError } from './errors.js';
import type { LoopEvent } from './events.js';
import type { LlmRunDeps } from './llm-policy.js';
import { contentText } from './messages.js';

/** What {@link describeLlmAgent} needs to know about an agent. */
export interface LlmAgentSpec<T> {
  readonly agent: string;
  /** Every tool the agent is offered, in order. */
  readonly tools: readonly ToolDescriptor[];
  /** Runs the agent's LLM policy with these deps. */
  readonly run: (deps: LlmRunDeps) => Promise<T>;
  /** Tool-call steps a normal run makes before its final answer. */
  readonly toolSteps: () => ScriptedStep[];
  /** A call whose arguments fail the tool's schema, and the issue the model is told. */
  readonly invalidCall: { name: string; args: Record<string, unknown>; issue: RegExp };
  /** A valid final answer (after `toolSteps`). */
  readonly final: () => unknown;
  /** Checks a successful output. */
  readonly verify: (output: T) => void;
}

/** Deps of one scripted run: the model, the tools, a ledger, no retry delays, events collected. */
export function scriptedDeps(
  model: ScriptedChatModel,
  tools: readonly ToolDescriptor[],
  limits: BudgetLimits = {},
): { deps: LlmRunDeps; events: LoopEvent[]; ledger: BudgetLedger } {
  const events: LoopEvent[] = [];
  const ledger = new BudgetLedger({
    clock: fixedClock('2026-11-29T09:00:00Z'),
    agent: { steps: 16, ...limits },
  });
  return {
    deps: {
      model,
      tools,
      ledger,
      retry: { maxRetries: 3, delayMs: () => 0 },
      onEvent: (e) => events.push(e),
    },
    events,
    ledger,
  };
}

/** Declares the seven scripted-model scenarios of an agent's LLM policy. */
export function describeLlmAgent<T>(spec: LlmAgentSpec<T>): void {
  const run = (steps: ScriptedStep[], limits?: BudgetLimits) => {
    const model = new ScriptedChatModel(steps);
    const { deps, events, ledger } = scriptedDeps(model, spec.tools, limits);
    return { model, events, ledger, promise: spec.run(deps) };
  };
  const feedback = (model: ScriptedChatModel, call: number) =>
    model.calls[call]?.messages.map((m) => contentText(m.content)).join('\n') ?? '';

  describe(`${spec.agent} LLM policy (scripted model)`, () => {
    it('a normal run: the agent’s tools only, then a valid structured answer', async () => {
      const { model, events, promise } = run([...spec.toolSteps(), script.json(spec.final())]);
      spec.verify(await promise);
      model.assertComplete();
      const offered = spec.tools.map((t) => t.name);
      expect(model.calls.every((c) => c.tools.map((t) => t.name).join() === offered.join())).toBe(true);
      expect(events.filter((e) => e.type === 'tool.result').length).toBeGreaterThan(0);
      expect(events.at(-1)?.type === 'loop.done' || events.at(-1)?.type === 'output.guarded').toBe(true);
    });

    it('invalid tool arguments are re-asked with the zod issues, then the fixed call runs', async () => {
      const bad = script.toolCall(spec.invalidCall.name, spec.invalidCall.args);
      const { model, events, promise } = run([bad, ...spec.toolSteps(), script.json(spec.final())]);
      spec.verify(await promise);
      expect(feedback(model, 1)).toContain(`Invalid arguments for ${spec.invalidCall.name}`);
      expect(feedback(model, 1)).toMatch(spec.invalidCall.issue);
      expect(events.find((e) => e.type === 'loop.reasked')).toMatchObject({ reason: 'tool-calls' });
    });

    it('malformed JSON in the answer is re-asked', async () => {
      const broken = script.reply(JSON.stringify(spec.final()).slice(0, 40));
      const { model, events, promise } = run([...spec.toolSteps(), broken, script.json(spec.final())]);
      spec.verify(await promise);
      expect(feedback(model, model.calls.length - 1)).toMatch(/Your final answer is not valid JSON/);
      expect(events.find((e) => e.type === 'loop.reasked')).toMatchObject({ reason: 'malformed-json' });
    });

    it('a refusal ends the agent with a typed error, without re-asking', async () => {
      const { model, events, promise } = run([
        script.reply("I'm sorry, but I can't help with that request."),
      ]);
      await expect(promise).rejects.toBeInstanceOf(ModelRefusalError);
      expect(model.calls).toHaveLength(1);
      expect(events.at(-1)).toMatchObject({ type: 'loop.failed', code: 'MODEL_REFUSAL' });
    });

    it('a 429 is retried as a state, then the run succeeds', async () => {
      const limited = script.httpError(429, 'Rate limit reached', { 'retry-after': '1' });
      const { model, events, promise } = run([limited, ...spec.toolSteps(), script.json(spec.final())]);
      spec.verify(await promise);
      expect(model.calls).toHaveLength(spec.toolSteps().length + 2);
      expect(events.find((e) => e.type === 'model.retry')).toMatchObject({ kind: 'rate-limit', attempt: 1 });
    });

    it('a timeout is retried, then the run succeeds', async () => {
      const { events, promise } = run([script.timeout(), ...spec.toolSteps(), script.json(spec.final())]);
      spec.verify(await promise);
      expect(events.find((e) => e.type === 'model.retry')).toMatchObject({ kind: 'timeout' });
    });

    it('an exhausted budget stops the agent before the call, with a typed error', async () => {
      const { model, events, ledger, promise } = run([...spec.toolSteps(), script.json(spec.final())], {
        steps: 1,
      });
      const error = await promise.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BudgetExceededError);
      expect(error).toMatchObject({ code: 'BUDGET_EXCEEDED', budget: 'steps', scope: 'agent', limit: 1 });
      expect(model.calls).toHaveLength(1);
      expect(ledger.usage(spec.agent).steps).toBe(1);
      expect(events.at(-1)).toMatchObject({ type: 'loop.failed', code: 'BUDGET_EXCEEDED' });
    });
  });
}
