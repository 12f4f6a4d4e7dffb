/**
 * Article bodies live in article/body.ts. This re-export stays only because stories/ is being
 * reworked on another branch and still imports it from here: when that lands, point
 * stories/storyOps.ts and its staging test at article/body.js and delete this file.
 */
export { collapse, extractText, renderBody } from '../article/body.js';
