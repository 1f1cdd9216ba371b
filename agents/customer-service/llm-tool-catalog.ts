import { z } from 'zod';
import { systemClock } from '../../src/core/index.js';
import {
  captureLeadTool,
  DEFAULT_COUPON_POLICY,
  issueCouponTool,
  type CouponPolicy,
  type LeadStore,
} from '../../tools/leads/index.js';
import { createRetailTools, isRetailWriteTool, type RetailStore } from '../../tools/retail/index.js';
import { searchProductsTool } from './search-products.js';

/** A tool the LLM policy may propose: what the model is shown, and the schema its args must pass. */
export interface SupportToolSpec {
  readonly name: string;
  readonly description: string;
  readonly input: z.ZodType;
  /** Changes the buyer's data: proposed with `confirm`, run only after their explicit yes. */
  readonly write: boolean;
}

/** The tools of the support workflow, by name. */
export interface SupportToolCatalog {
  readonly tools: readonly SupportToolSpec[];
  readonly names: readonly string[];
  get(name: string): SupportToolSpec | undefined;
}

/**
 * Handing off is a step of its own (`handoff`): the workflow calls transfer_to_human_agents
 * itself, so the model is not offered it as a call.
 */
export const HANDOFF_TOOL = 'transfer_to_human_agents';

// The descriptors are built only for their names, descriptions and schemas; the policy never
// runs a tool (the workflow does), so any use of these stand-ins is a bug and says so.
const notHere = (what: string) =>
  new Proxy(
    {},
    {
      get() {
        throw new Error(`The LLM support policy never runs tools; it touched the ${what}`);
      },
    },
  );

/**
 * The tools the support workflow runs (support-conversation-session's tool runner: every retail
 * tool, search_products, capture_lead and issue_coupon) minus {@link HANDOFF_TOOL}, with the same
 * descriptors, so their names, descriptions and zod input schemas cannot drift.
 *
 * @example
 * ```ts
 * const catalog = supportToolCatalog();
 * catalog.get('cancel_pending_order')?.write; // true
 * catalog.get('find_user_id_by_email')?.input.safeParse({ email: 'x' }).success; // false
 * ```
 */
export function supportToolCatalog(options: { couponPolicy?: CouponPolicy } = {}): SupportToolCatalog {
  const store = notHere('retail store') as RetailStore;
  const leads = notHere('lead store') as LeadStore;
  const ids = () => {
    throw new Error('The LLM support policy never runs tools');
  };
  const descriptors = [
    ...Object.values(createRetailTools(store)),
    searchProductsTool(() => Promise.reject(new Error('The LLM support policy never runs tools'))),
    captureLeadTool({ store: leads, clock: systemClock, ids }),
    issueCouponTool({
      store: leads,
      policy: options.couponPolicy ?? DEFAULT_COUPON_POLICY,
      clock: systemClock,
      ids,
    }),
  ];
  const tools: SupportToolSpec[] = descriptors
    .filter((d) => d.name !== HANDOFF_TOOL)
    .map((d) => ({
      name: d.name,
      description: d.description,
      input: d.input,
      write: isRetailWriteTool(d.name),
    }));
  const byName = new Map(tools.map((t) => [t.name, t]));
  return { tools, names: tools.map((t) => t.name), get: (name) => byName.get(name) };
}

/**
 * A tool's input as JSON Schema, the way the model reads it (every `.describe()` included).
 *
 * @example
 * ```ts
 * toolInputJsonSchema(supportToolCatalog().get('find_user_id_by_email')!); // { type: 'object', properties: { email: ... } }
 * ```
 */
export function toolInputJsonSchema(tool: SupportToolSpec): unknown {
  const { $schema: _schema, ...schema } = z.toJSONSchema(tool.input, { io: 'input', unrepresentable: 'any' });
  return schema;
}
