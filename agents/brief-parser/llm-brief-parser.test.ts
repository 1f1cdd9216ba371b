import { describe, expect, it } from 'vitest';
import { CampaignBrief } from '../../src/core/index.js';
import { ScriptedChatModel, script, testAgentContext } from '../../src/testing/index.js';
import { catalogSearchTool, searchCatalog } from '../../tools/catalog/index.js';
import { contentText } from '../llm/index.js';
import { describeLlmAgent, scriptedDeps } from '../llm/agent-scenarios.js';
import { briefParser } from './brief-parser-agent.js';
import { parseBriefLlm } from './llm-brief-parser.js';

const ctx = testAgentContext();
const tools = [catalogSearchTool(ctx.catalog)];
const GOAL = 'Sell our ceramic tableware this month, budget 3000 GBP per day, keep CPA under 12 GBP';
const offline = await briefParser.run({ goal: GOAL }, ctx);
const search = () => [script.toolCall('catalog_search', { query: 'ceramic tableware', k: 20 })];

describeLlmAgent({
  agent: 'brief-parser',
  tools,
  run: (deps) => parseBriefLlm({ goal: GOAL }, ctx, deps),
  toolSteps: search,
  invalidCall: {
    name: 'catalog_search',
    args: { query: '', k: 500 },
    issue: /Too big: expected number to be <=50/,
  },
  final: () => offline,
  verify: (brief) => {
    expect(CampaignBrief.parse(brief)).toEqual(offline);
  },
});

describe('brief parser LLM guards', () => {
  it('the deterministic reading keeps the money, targets and schedule; product ids must be search results', async () => {
    const model = new ScriptedChatModel([
      ...search(),
      script.json({ ...offline, productIds: ['99999', ...offline.productIds] }),
      script.json({
        ...offline,
        budget: { amount: 1_000_000, currency: 'GBP', period: 'day' },
        targetCpa: { amount: 500, currency: 'GBP' },
        targetRoas: 40,
        schedule: { days: 3660 },
      }),
    ]);
    const { deps, events } = scriptedDeps(model, tools);
    const brief = await parseBriefLlm({ goal: GOAL }, ctx, deps);
    expect(contentText(model.calls[2]?.messages.at(-1)?.content ?? '')).toMatch(
      /productIds were not returned by catalog_search in this run: 99999/,
    );
    expect(brief.budget).toEqual({ amount: 3000, currency: 'GBP', period: 'day' });
    expect(brief.targetCpa).toEqual({ amount: 12, currency: 'GBP' });
    expect(brief.targetRoas).toBeUndefined();
    expect(brief.schedule).toEqual(offline.schedule);
    const guarded = events.find((e) => e.type === 'output.guarded');
    expect(guarded?.type === 'output.guarded' && guarded.corrections.join('\n')).toMatch(
      /^budget .*1000000/m,
    );
  });

  it('a goal without a budget fails before any model call, as offline', async () => {
    const model = new ScriptedChatModel([]);
    const { deps } = scriptedDeps(model, tools);
    await expect(parseBriefLlm({ goal: 'Sell our ceramic tableware' }, ctx, deps)).rejects.toMatchObject({
      code: 'BAD_GOAL',
      missing: ['budget'],
    });
    expect(model.calls).toHaveLength(0);
  });

  it('tells the model the reading and offers only catalog_search', async () => {
    const model = new ScriptedChatModel([...search(), script.json(offline)]);
    await parseBriefLlm({ goal: GOAL }, ctx, scriptedDeps(model, tools).deps);
    const first = model.calls[0];
    expect(first?.tools.map((t) => t.name)).toEqual(['catalog_search']);
    expect(contentText(first?.messages[0]?.content ?? '')).toMatch(/^You are Lodestone's brief parser/);
    const input = contentText(first?.messages[1]?.content ?? '');
    expect(input).toContain('"amount": 3000');
    expect(input).toContain('"productWordsInEnglish": "ceramic tableware"');
    expect(searchCatalog(ctx.catalog, 'ceramic tableware', 20).length).toBeGreaterThan(0);
  });
});
