export * from './creative-analyst.js';
export { seasonOf, scenesOf, sellingPointsOf, titleCase } from './features.js';
