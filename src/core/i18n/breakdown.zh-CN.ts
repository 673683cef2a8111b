/** 漏斗按分组拆分、按起始名单计算留存的提示（键与 breakdown.en.ts 相同）。 */
import type { breakdownEn } from "./breakdown.en";

export const breakdownZhCN: Record<keyof typeof breakdownEn, string> = {
  funnelHeaderSegment: "分组",
  funnelAll: "全部",
  funnelSegmentsWithoutEvents: "segments 只用于事件形式：请把用户 ID 作为 values，并给出 events",
  retentionStartHalf: "start_ids 与 start_dates 必须同时给出或同时省略（只给了 {{given}}）",
  retentionNoStartRows: "没有活动数据行：起始名单中没有同时有 ID 和日期的行",
};
