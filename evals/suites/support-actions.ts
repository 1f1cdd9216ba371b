/**
 * `support-actions`: does the customer-service agent know which actions a conversation calls for?
 * Gold: the action buttons the human agent pressed in each ABCD conversation (`data/abcd`, the
 * `take_action` targets of the delexed turns, in order). The policy sees only the customer's
 * messages and predicts the whole sequence; scored by exact match, prefix match (share of the
 * gold sequence matched from its start) and normalised edit distance, plus whether the predicted
 * ABCD subflow is the conversation's.
 *
 * Offline policy: the agent's intent router (`interpret`: shop rules, then the Bitext naive Bayes)
 * on each customer message in turn; the first intent that has an ABCD counterpart
 * (`ABCD_SUBFLOW_OF_INTENT`) decides, and `expectedActions(intent)` — kb.json's sequence for that
 * subflow — is the prediction. Baseline: the most frequent gold sequence of the train split.
 *
 * The repository ships ABCD's 3-conversation sample, so the figures describe 3 conversations (one
 * of them in the test split): they show the pipeline works and the scorers bite, not how good the
 * agent is. Put the full `abcd_v1.1.json` in `data/abcd` and the same suite scores ABCD's official
 * test split.
 */
import {
  abcdSubflows,
  ABCD_SUBFLOW_OF_INTENT,
  classifySubflowLlm,
  expectedActions,
  interpret,
  loadOrTrainIntentModel,
  type IntentClassifier,
} from '../../agents/customer-service/index.js';
import { readAbcd } from '../datasets/abcd.js';
import { defineSuite, shareMetric } from '../harness/index.js';
import { modelAnswerFailure, withEvalLlm } from '../llm/index.js';
import { exactMatch, normalizedEditDistance, prefixMatch } from '../scorers/index.js';

/** One ABCD conversation: the customer's messages and the agent's gold actions. */
export interface ActionTask {
  readonly id: string;
  readonly split: 'train' | 'test';
  readonly customerTurns: readonly string[];
  readonly flow: string;
  readonly subflow: string;
  readonly gold: readonly string[];
}

/** A predicted action sequence, and the subflow it was taken from (null: none recognised). */
export interface ActionPrediction {
  readonly subflow: string | null;
  readonly actions: readonly string[];
  /** The agent intent that decided, and the index of the customer message it came from. */
  readonly intent?: string;
  readonly turn?: number;
}

interface Env {
  readonly classifier: IntentClassifier;
  /** The train split's most frequent gold sequence, and its most frequent subflow. */
  readonly majority: ActionPrediction;
}

/**
 * The offline prediction: the first customer message whose intent maps to an ABCD subflow
 * decides the subflow, and kb.json's sequence for it is the prediction.
 *
 * @example
 * ```ts
 * predictActions(['just wanted to check on the status of a refund'], classifier);
 * // { subflow: 'refund_status', actions: ['pull-up-account', 'validate-purchase', 'notify-team', 'update-order'], … }
 * ```
 */
export function predictActions(turns: readonly string[], classifier: IntentClassifier): ActionPrediction {
  for (const [turn, text] of turns.entries()) {
    const { intent } = interpret(text, classifier);
    const subflow = ABCD_SUBFLOW_OF_INTENT[intent];
    if (subflow !== undefined) return { subflow, actions: expectedActions(intent), intent, turn };
  }
  return { subflow: null, actions: [] };
}

function mostFrequent(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** The train split's most frequent gold sequence (ties: the first by its text) and subflow. */
export function majorityPrediction(tasks: readonly ActionTask[]): ActionPrediction {
  const train = tasks.filter((t) => t.split === 'train');
  const sequence = mostFrequent(train.map((t) => JSON.stringify(t.gold)));
  return {
    subflow: mostFrequent(train.map((t) => t.subflow)) ?? null,
    actions: sequence === undefined ? [] : (JSON.parse(sequence) as string[]),
  };
}

export const supportActions = defineSuite<ActionTask, ActionPrediction, Env>({
  name: 'support-actions',
  module: import.meta.url,
  description:
    'ABCD conversations: predict the agent’s action sequence from the customer’s messages; exact, prefix and edit-distance match.',
  dataset: () => {
    const abcd = readAbcd();
    return {
      id: abcd.file === 'abcd_sample.json' ? 'abcd-sample' : 'abcd',
      hash: abcd.hash,
      tasks: abcd.conversations.map((c) => ({
        id: `abcd-${c.convoId}`,
        split: c.split,
        customerTurns: c.customerTurns,
        flow: c.flow,
        subflow: c.subflow,
        gold: c.actions,
      })),
    };
  },
  setup: (dataset) => ({
    classifier: loadOrTrainIntentModel().classifier,
    majority: majorityPrediction(dataset.tasks),
  }),
  run: (task, { env }) => predictActions(task.customerTurns, env.classifier),
  runDescription:
    'Intent router on each customer message; the first intent with an ABCD subflow gives expectedActions(intent)',
  llm: (model) => ({
    name: model,
    description: `classifySubflowLlm (agents/customer-service) on ${model}: the model names the conversation's ABCD subflow, whose kb.json sequence is the prediction`,
    run: async (task, ctx): Promise<ActionPrediction> => {
      const subflows = abcdSubflows();
      try {
        const subflow = await withEvalLlm(ctx, [], (deps) =>
          classifySubflowLlm(task.customerTurns, subflows, deps),
        );
        return { subflow, actions: subflows[subflow] ?? [] };
      } catch (error) {
        if (!modelAnswerFailure(error)) throw error;
        return { subflow: null, actions: [] };
      }
    },
  }),
  baseline: {
    name: 'majority-sequence',
    description: 'The most frequent gold action sequence of the train split, for every conversation',
    run: (_task, { env }) => env.majority,
  },
  score: (task, predicted) => {
    const exact = exactMatch(predicted.actions, task.gold);
    return {
      pass: exact === 1,
      metrics: {
        exactMatch: exact,
        prefixMatch: prefixMatch(predicted.actions, task.gold),
        editDistance: normalizedEditDistance(predicted.actions, task.gold),
        subflowAccuracy: predicted.subflow === task.subflow ? 1 : 0,
      },
      details: {
        subflow: task.subflow,
        predictedSubflow: predicted.subflow,
        gold: task.gold,
        predicted: predicted.actions,
        ...(predicted.intent === undefined ? {} : { intent: predicted.intent, turn: predicted.turn }),
      },
    };
  },
  metrics: {
    exactMatch: shareMetric('predicted action sequence is the gold one'),
    prefixMatch: shareMetric('share of the gold sequence matched from its first action'),
    editDistance: shareMetric('Levenshtein distance over actions / the longer length', 'lower'),
    subflowAccuracy: shareMetric('predicted ABCD subflow is the conversation’s'),
  },
  primaryMetric: 'prefixMatch',
});
