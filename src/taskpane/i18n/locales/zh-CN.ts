/** Everything the pane shows before it is interactive, in Simplified Chinese (a chunk of its own in the browser build; see ../index.ts). */
import { planZhCN } from "../../../core/i18n/plan.zh-CN";
import { paneZhCN } from "../zh-CN";

export const bundle = { pane: paneZhCN, plan: planZhCN };
