/** 共享页“恢复”的界面文字（简体中文），与 share.en.ts 的键一一对应。 */
import type { shareEn } from "./share.en";

export const shareZhCN: Record<keyof typeof shareEn, string> = {
  shareRestoreCopies: "删除数值副本",
  shareFrozenCopiesState: "已在副本中冻结数值（截至 {{date}}）：{{sheets}}。恢复会删除这些副本；原工作表保留实时公式。",
  shareRemovedCopies: "已删除数值副本：{{sheets}}。原工作表未作改动；隐藏工作表已删除。",
  shareRestoredNothing: "没有需要恢复的内容；隐藏工作表已删除。",
  shareRestoreUndecided:
    "恢复未作任何改动：此工作簿由旧版 OpsKit 冻结，其记录无法说明 {{sheets}} 是数值副本（应删除）还是原地冻结的工作表（应写回公式）。如果它们是数值副本，请删除后再次点击“恢复”；否则，其原公式列在隐藏工作表“{{hidden}}”中。",
};
