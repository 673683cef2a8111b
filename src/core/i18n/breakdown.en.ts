/**
 * Messages of the funnel breakdown by segment and of retention from a start
 * list (docs/functions/funnel.md, docs/functions/retention.md). zh-CN in
 * breakdown.zh-CN.ts, same keys.
 */
export const breakdownEn = {
  funnelHeaderSegment: "Segment",
  funnelAll: "All",
  funnelSegmentsWithoutEvents: "segments needs the event form: give user ids as values, and events",
  retentionStartHalf: "start_ids and start_dates go together: give both or neither (only {{given}} was given)",
  retentionNoStartRows: "No activity rows: the start list has no row with both an id and a date",
} as const;
