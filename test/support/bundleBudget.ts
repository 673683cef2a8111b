/**
 * The task pane page's start-up budget (gzip bytes of the JavaScript loaded
 * before the pane is usable). The goal is 120 KB. The page's own script tags
 * are within it (116.4 KB on 2026-12-03, from 151.7 KB that morning), but what
 * Chromium fetches before the first step is interactive is not yet: 125.3 KB
 * (en) and 126.4 KB (zh-CN), with the language chunk and the default plan's
 * template code. So START_BUDGET is a ratchet at today's weight and can only
 * go down: lower it with each step toward the goal (CONTRIBUTING.md, "Bundle
 * budget", lists the next steps).
 */
export const START_GOAL = 120 * 1024;
export const START_BUDGET = 128 * 1024;
/** What the page's own <script> tags may add up to: the goal, met. */
export const PAGE_SCRIPTS_BUDGET = START_GOAL;
