/**
 * The brief parser: a one-sentence marketing goal (English, Chinese or both) to a
 * `CampaignBrief`. This folder holds its offline policy.
 */
export { parseBrief, MAX_GOAL_LENGTH, type BriefParserContext } from './parse-brief.js';
export { translateProductQuery, PRODUCT_GLOSSARY, type GlossaryEntry } from './glossary.js';
export { detectLanguage, type GoalLanguage } from './language.js';
export { briefParser, BriefParserInput } from './brief-parser-agent.js';
export { matchProducts, MAX_MATCHED_PRODUCTS, STRONG_MATCH } from './match-products.js';
