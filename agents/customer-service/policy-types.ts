import type { Interpretation } from './intent-router.js';

/** A tool the policy wants run, with its arguments (validated by the tool at the boundary). */
export interface ToolCall {
  readonly tool: string;
  readonly args: Readonly<Record<string, unknown>>;
}

/** The outcome of a tool call, tagged with the buyer turn it belongs to. */
export interface Observation extends ToolCall {
  readonly turn: number;
  readonly ok: boolean;
  readonly result?: unknown;
  readonly error?: string;
}

/** One buyer message and what it was understood to mean. */
export interface BuyerTurn {
  readonly text: string;
  readonly interpretation: Interpretation;
}

/**
 * What a policy decides next. A `call` to a write tool must carry `confirm`, the exact action in
 * words; the workflow shows it to the buyer and runs the call only after an explicit yes.
 */
export type PolicyStep =
  | { readonly kind: 'call'; readonly call: ToolCall; readonly confirm?: string }
  | {
      readonly kind: 'reply';
      readonly text: string;
      readonly citations?: readonly string[];
      readonly resolved?: boolean;
    }
  | { readonly kind: 'handoff'; readonly summary: string };

/** The slice of the conversation a policy sees. It holds no tools and no clock. */
export interface PolicyView {
  readonly turns: readonly BuyerTurn[];
  /** Every tool outcome so far, oldest first. */
  readonly observations: readonly Observation[];
  /** The authenticated buyer, once a find_user_id_* call succeeded. */
  readonly userId?: string;
  readonly sourceCampaign?: string;
  /** What the agent told the buyer so far (answers, questions, confirmations), with the turn each answered. */
  readonly agentReplies?: readonly { readonly turn: number; readonly text: string }[];
  /** Calls the workflow's guards refused, with the rule that refused them (oldest first). */
  readonly blocked?: readonly BlockedAttempt[];
}

/** A call the workflow refused before it ran, and why. */
export interface BlockedAttempt extends ToolCall {
  readonly turn: number;
  readonly reason:
    'not_authenticated' | 'other_buyer' | 'one_user_only' | 'unknown_contact' | 'identity_not_given';
}

/** A policy: offline (deterministic TypeScript) or, later, an LLM tool loop. */
export type SupportPolicy = (view: PolicyView) => PolicyStep | Promise<PolicyStep>;
