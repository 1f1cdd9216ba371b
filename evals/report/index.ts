export { renderHtml } from './html.js';
export { renderMarkdown, formatEstimate, metricOrder } from './markdown.js';
export { renderInChromium, chromiumPath, CHROMIUM_PATHS, type RenderCheck } from './chromium.js';
