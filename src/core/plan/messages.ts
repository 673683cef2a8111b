/**
 * Messages of the plan checks added for issue 16 (bounds, dates, launch,
 * plain-words problems) and the plan content added to the Summary sheet, in
 * their own namespace on the shared i18next instance, as persist.ts does (no
 * edits to the shared catalogues). Every key in en and zh-CN.
 */
import { i18n } from "../i18n/start";
import type { Locale } from "../i18n/start";

export const PLAN_CHECKS_NS = "planChecks";

const en = {
  durationRange: "must be a whole number of working days from 1 to {{max}} (got {{got}})",
  targetPositive: "must be a number greater than 0",
  numberRequired: "enter a number",
  notNegative: "must not be negative",
  byBeforeStart: "must be on or after the plan's start ({{start}})",
  byInPast: "is in the past ({{today}})",
  launchBeforeStart: "must be on or after the plan's start ({{start}})",
  textRequired: "cannot be blank",
  ownerMissing: "choose an owner",
  ownersMissing: "{{count}} tasks have no owner (tasks {{tasks}}): add people on Team & resources if needed, then choose owners on the Schedule step",
  cycle: "this would make a loop: {{cycle}} (each waits for the next)",
  endsAfterGoal: "The schedule ends on {{end}}, after the goal date {{by}}.",
  holidayPick: "Pick a date first, then Add holiday.",
  bilingualRequired: "is required: the text in every language ({{locales}})",
  // Summary sheet: the plan as it was set out (5W2H, launch, channels, budget)
  summaryPlanTitle: "The plan as set out",
  summaryPlanHint: "From the plan wizard: the 5W2H frame, the launch date, the channels and the budget, to compare with what happened.",
  summaryPlanWhat: "What",
  summaryPlanWhy: "Why",
  summaryPlanWho: "Who",
  summaryPlanWhen: "When",
  summaryPlanWhere: "Where",
  summaryPlanHow: "How",
  summaryPlanHowMuch: "How much",
  summaryPlanLaunch: "Launch date",
  summaryPlanChannels: "Channels",
  summaryPlanBudget: "Budget",
} as const;

const zhCN: Record<keyof typeof en, string> = {
  durationRange: "必须是 1 到 {{max}} 之间的整数工作日（当前为 {{got}}）",
  targetPositive: "必须是大于 0 的数字",
  numberRequired: "请输入数字",
  notNegative: "不能为负数",
  byBeforeStart: "不能早于计划开始日期（{{start}}）",
  byInPast: "已是过去的日期（今天是 {{today}}）",
  launchBeforeStart: "不能早于计划开始日期（{{start}}）",
  textRequired: "不能为空",
  ownerMissing: "请选择负责人",
  ownersMissing: "{{count}} 个任务没有负责人（任务 {{tasks}}）：如有需要请先在“团队与资源”中添加人员，再在“进度计划”步骤中选择负责人",
  cycle: "这会形成循环：{{cycle}}（每项都在等下一项）",
  endsAfterGoal: "进度计划在 {{end}} 结束，晚于目标日期 {{by}}。",
  holidayPick: "请先选择日期，再点“添加节假日”。",
  bilingualRequired: "为必填项：每种语言的文本（{{locales}}）",
  summaryPlanTitle: "计划概要",
  summaryPlanHint: "来自计划向导：5W2H、发布日期、渠道和预算，用于与实际情况对照。",
  summaryPlanWhat: "做什么（What）",
  summaryPlanWhy: "为什么（Why）",
  summaryPlanWho: "谁来做（Who）",
  summaryPlanWhen: "何时（When）",
  summaryPlanWhere: "在哪里（Where）",
  summaryPlanHow: "怎么做（How）",
  summaryPlanHowMuch: "花多少（How much）",
  summaryPlanLaunch: "发布日期",
  summaryPlanChannels: "渠道",
  summaryPlanBudget: "预算",
};

export type PlanCheckKey = keyof typeof en;

const bundles: Record<Locale, Record<PlanCheckKey, string>> = { en, "zh-CN": zhCN };
for (const lng of Object.keys(bundles) as Locale[]) {
  if (!i18n.hasResourceBundle(lng, PLAN_CHECKS_NS)) i18n.addResourceBundle(lng, PLAN_CHECKS_NS, bundles[lng]);
}

export function planCheckText(locale: Locale, key: PlanCheckKey, params?: Record<string, string | number>): string {
  return i18n.getFixedT(locale, PLAN_CHECKS_NS)(key, params ?? {});
}
