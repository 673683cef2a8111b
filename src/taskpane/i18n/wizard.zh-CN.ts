/** 计划向导一致性检查的界面文字（简体中文），与 wizard.en.ts 的键一一对应。 */
import type { wizardEn } from "./wizard.en";

export const wizardZhCN: Record<keyof typeof wizardEn, string> = {
  undo: "撤销",
  taskRemovedLabel: "已删除的任务",
  taskRemoved: "已删除“{{name}}”。",
  taskRemovedDependentsOne: "原本在它之后的任务现在接在它的前置任务之后。",
  taskRemovedDependents: "原本在它之后的 {{count}} 个任务现在接在它的前置任务之后。",
  launchTask: "发布任务",
  launchTaskHint: "发布日期即此任务的开始日期。修改发布日期会整体移动进度计划。",
  launchTaskNone: "无发布任务",
  wouldLoop: "在等本任务",
  shareCopiesNote: "冻结到副本时，每个含 OPS 公式的工作表会得到一个名为“<工作表> (values)”的副本，保存数值；原工作表保留 OPS 公式，检查结果仍会列出它们，工作簿仍需要 OpsKit。“恢复”会删除这些副本，原工作表保持不变。若要发给没有 OpsKit 的人，请取消勾选以原地冻结。",
  shareInPlaceNote: "原地冻结时，OPS 公式被替换为其值，工作簿不再需要 OpsKit；“恢复”会写回原公式。",
  shareFrozenDoneOne: "已于 {{date}} 将 1 个 OPS 单元格冻结为值。",
  shareFrozenStateOne: "1 个公式已冻结（值截至 {{date}}），原公式保存在隐藏工作表中。",
  shareRestoredOne: "已恢复 1 个公式，隐藏工作表已删除。",
  shareRestoredMissingOne: "1 个公式未恢复，因为其所在工作表已不存在。",
  shareRestoreFirst: "公式已处于冻结状态：请先恢复，再重新冻结。",
};
