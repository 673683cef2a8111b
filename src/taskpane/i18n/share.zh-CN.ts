/** 共享页“恢复”的界面文字（简体中文），与 share.en.ts 的键一一对应。 */
import type { shareEn } from "./share.en";

export const shareZhCN: Record<keyof typeof shareEn, string> = {
  shareRestoreCopies: "删除数值副本",
  shareFrozenCopiesState: "已在副本中冻结数值（截至 {{date}}）：{{sheets}}。恢复会删除这些副本；原工作表保留实时公式。",
  shareRemovedCopies: "已删除数值副本：{{sheets}}。原工作表未作改动；隐藏工作表已删除。",
  shareRestoredNothing: "没有需要恢复的内容；隐藏工作表已删除。",
};
