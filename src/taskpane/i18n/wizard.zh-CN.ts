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
};
