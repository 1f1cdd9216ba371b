import { z } from 'zod';
import { initialMessages, loopOptionsOf, runToolLoop, type LlmRunDeps } from '../llm/index.js';

/** What {@link classifyIntentLlm} and {@link classifySubflowLlm} run with: no tools are offered. */
export type LlmClassifyDeps = Omit<LlmRunDeps, 'tools'>;

/** One label out of a closed list, as the model must answer it; a label not on the list is re-asked. */
function labelOutput(field: string, labels: readonly string[], what: string) {
  if (labels.length === 0) throw new TypeError(`No ${what} to choose from`);
  return z.object({
    [field]: z.enum(labels as [string, ...string[]]).describe(`the ${what}, exactly as listed`),
  });
}

/**
 * The customer-service agent's LLM intent reading: the model picks one of `intents` for a buyer
 * message (a structured answer; anything off the list is re-asked with the list). In the support
 * workflow the deterministic reading stays the authority for confirmations; this is the reading
 * the `support-intents` eval scores under `--model`.
 *
 * @example
 * ```ts
 * await classifyIntentLlm('I want my money back', classifier.intents, deps); // 'get_refund'
 * ```
 */
export async function classifyIntentLlm(
  text: string,
  intents: readonly string[],
  deps: LlmClassifyDeps,
): Promise<string> {
  const output = labelOutput('intent', intents, 'intent');
  const { output: answer } = await runToolLoop({
    agent: 'customer-service/intent',
    output,
    messages: initialMessages({
      instructions: `You classify one message a buyer sent to an online shop's customer service into exactly one of these intents: ${intents.join(', ')}.`,
      output,
      input: { message: text },
    }),
    ...loopOptionsOf(deps),
  });
  return answer.intent as string;
}

/**
 * The customer-service agent's LLM reading of a whole conversation as one ABCD subflow (the task
 * the customer needs done), whose gold action sequence (`abcdSubflows()`) the agent then follows.
 * `subflows` maps each subflow to its actions; the model sees the actions as a hint.
 *
 * @example
 * ```ts
 * await classifySubflowLlm(['hi', 'where is my refund?'], abcdSubflows(), deps); // 'status_refund'
 * ```
 */
export async function classifySubflowLlm(
  customerTurns: readonly string[],
  subflows: Readonly<Record<string, readonly string[]>>,
  deps: LlmClassifyDeps,
): Promise<string> {
  const names = Object.keys(subflows).sort();
  const output = labelOutput('subflow', names, 'subflow');
  const { output: answer } = await runToolLoop({
    agent: 'customer-service/subflow',
    output,
    messages: initialMessages({
      instructions: [
        "You read a customer's messages to an online clothing shop's support agent and name the one task (subflow) the agent must carry out.",
        'The subflows, each with the actions the agent takes for it:',
        ...names.map((n) => `- ${n}: ${(subflows[n] ?? []).join(' → ')}`),
      ].join('\n'),
      output,
      input: { customerMessages: customerTurns },
    }),
    ...loopOptionsOf(deps),
  });
  return answer.subflow as string;
}
