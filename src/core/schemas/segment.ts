import { z } from 'zod';

/**
 * A piece of evidence. `source` says where it comes from and `ref` names the record so that it
 * can be checked (a rule `from->to`, a user id, a product id, a tool call id, a brief field).
 */
export const Evidence = z.object({
  source: z.enum(['rule', 'user-history', 'catalog', 'memory', 'brief', 'tool', 'statistic']),
  ref: z.string().min(1).describe('Id of the cited record'),
  summary: z.string().min(1).describe('The fact, in words'),
  values: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
});
export type Evidence = z.infer<typeof Evidence>;

/** One step of an explicit reasoning chain: a claim, the evidence for it, and a confidence. */
export const ReasoningStep = z.object({
  claim: z.string().min(1),
  evidence: z.array(Evidence).min(1),
  confidence: z.number().min(0).max(1),
});
export type ReasoningStep = z.infer<typeof ReasoningStep>;

export const PredictedBuyer = z.object({
  userId: z.string(),
  score: z.number().min(0).max(1),
});

/** An audience segment with the reasoning that led to it. */
export const AudienceSegment = z.object({
  name: z.string().min(1),
  kind: z.enum(['past-buyers', 'complement-buyers', 'similar-users', 'interest', 'broad']),
  description: z.string(),
  productIds: z.array(z.string()).describe('Products to show this segment'),
  size: z.number().int().nonnegative().describe('Known users in the segment'),
  reasoning: z.array(ReasoningStep).min(1),
  predictedBuyers: z.array(PredictedBuyer),
  predictedCvr: z.number().min(0).max(1).describe('Predicted conversion rate per click'),
});
export type AudienceSegment = z.infer<typeof AudienceSegment>;
