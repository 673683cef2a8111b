/** Everything the pane shows before it is interactive, in English: its own strings and the plan's messages (a chunk of its own in the browser build; see ../index.ts). */
import { planEn } from "../../../core/i18n/plan.en";
import { paneEn } from "../en";

export const bundle = { pane: paneEn, plan: planEn };
