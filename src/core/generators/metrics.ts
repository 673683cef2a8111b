/**
 * The demo's data and live-metrics sheets: an Activity sheet of event rows
 * (user, time, event, channel) plus paid users and amounts, and a Metrics
 * sheet whose cells are OPS.* formulas over those ranges. The spill heights
 * are computed here with the same core functions the add-in runs, so the
 * blocks never spill into each other.
 */
import { tIn, type MessageKey } from "../i18n";
import { a1, rangeA1, sheetRef } from "../tablespec/a1";
import type { BlockSpec, CellSpec, SheetSpec } from "../tablespec/types";
import { isOpsError } from "../errors";
import { retention } from "../metrics/retention";
import { funnel } from "../metrics/funnel";
import type { GeneratorContext } from "./context";
import { seededRandom } from "./sampleData";
import { TIERING_COLUMNS, TIERING_LAYOUT } from "./tiering";

export const FUNNEL_EVENTS = ["browse", "register", "try", "pay"] as const;
const NOISE_EVENTS = ["view_docs", "open_app", "contact_sales"] as const;
const CHANNELS = ["search", "ads", "partner", "referral"] as const;

export interface SampleActivity {
  userIds: string[];
  /** Excel serials with a time of day (whole seconds). */
  times: number[];
  events: string[];
  channels: string[];
  /** One row per paying user (users who reached "pay"). */
  payers: string[];
  amounts: number[];
  /** The users with an event in the last 7 days of the period (the activity rate's numerator), in order of first id. */
  active: string[];
}

/**
 * About `rows` event rows over `days` days from `firstDay` (a serial). Users
 * arrive over the period and come back with a decaying probability; some
 * move down the funnel. Seeded: the same arguments give the same rows.
 */
export function sampleActivity(rows = 3000, seed = 42, firstDay = 46082, days = 90): SampleActivity {
  const random = seededRandom(seed);
  const out: SampleActivity = { userIds: [], times: [], events: [], channels: [], payers: [], amounts: [], active: [] };
  let user = 0;
  while (out.userIds.length < rows) {
    const id = `U${String(++user).padStart(5, "0")}`;
    const channel = CHANNELS[Math.floor(random() * CHANNELS.length)]!;
    let day = firstDay + Math.floor(random() * days);
    let reached = 0;
    const visits = 1 + Math.floor(-Math.log(1 - random()) * 6);
    for (let v = 0; v < visits && out.userIds.length < rows && day < firstDay + days; v++) {
      const time = day + Math.floor(random() * 86400) / 86400;
      let event: string;
      if (reached < FUNNEL_EVENTS.length && random() < 0.6 - reached * 0.1) event = FUNNEL_EVENTS[reached++]!;
      else event = NOISE_EVENTS[Math.floor(random() * NOISE_EVENTS.length)]!;
      out.userIds.push(id);
      out.times.push(time);
      out.events.push(event);
      out.channels.push(channel);
      day += Math.floor(-Math.log(1 - random()) * 5);
    }
    if (reached === FUNNEL_EVENTS.length) {
      out.payers.push(id);
      out.amounts.push(random() < 0.3 ? 2598 : 1299);
    }
  }
  const recent = new Set<string>();
  out.times.forEach((t, i) => {
    if (t >= firstDay + days - 7) recent.add(out.userIds[i]!);
  });
  out.active = [...recent].sort();
  return out;
}

const ACTIVITY_FIRST_ROW = 1; // 0-based: row 2 in Excel, under the header
const ACTIVITY_COLUMNS = { user: 0, time: 1, event: 2, channel: 3, paid: 5, amount: 6, active: 8 } as const;

/** A1 ranges of the Activity sheet's columns, quoted with the sheet name. */
export function activityRanges(activity: SampleActivity, ctx: GeneratorContext) {
  const sheet = ctx.sheetNames.activity;
  const last = ACTIVITY_FIRST_ROW + activity.userIds.length - 1;
  const lastPaid = ACTIVITY_FIRST_ROW + Math.max(activity.payers.length, 1) - 1;
  const lastActive = ACTIVITY_FIRST_ROW + Math.max(activity.active.length, 1) - 1;
  const col = (c: number, lastRow: number) => sheetRef(sheet, rangeA1(ACTIVITY_FIRST_ROW, c, lastRow, c, true));
  return {
    users: col(ACTIVITY_COLUMNS.user, last),
    times: col(ACTIVITY_COLUMNS.time, last),
    events: col(ACTIVITY_COLUMNS.event, last),
    channels: col(ACTIVITY_COLUMNS.channel, last),
    payers: col(ACTIVITY_COLUMNS.paid, lastPaid),
    amounts: col(ACTIVITY_COLUMNS.amount, lastPaid),
    active: col(ACTIVITY_COLUMNS.active, lastActive),
  };
}

export function generateActivity(activity: SampleActivity, ctx: GeneratorContext): SheetSpec {
  const tr = (key: MessageKey) => tIn(ctx.locale, key);
  const header: (CellSpec | null)[] = [
    { value: tr("activityHeaderUser"), style: "header" },
    { value: tr("activityHeaderTime"), style: "header" },
    { value: tr("activityHeaderEvent"), style: "header" },
    { value: tr("activityHeaderChannel"), style: "header" },
    null,
    { value: tr("activityHeaderPaid"), style: "header" },
    { value: tr("activityHeaderAmount"), style: "header" },
    null,
    { value: tr("activityHeaderActive"), style: "header" },
  ];
  const rows: (CellSpec | null)[][] = [header];
  const n = Math.max(activity.userIds.length, activity.payers.length, activity.active.length);
  for (let i = 0; i < n; i++) {
    const hasEvent = i < activity.userIds.length;
    const hasPayer = i < activity.payers.length;
    const isActive = i < activity.active.length;
    rows.push([
      hasEvent ? { value: activity.userIds[i]! } : null,
      hasEvent ? { value: activity.times[i]!, numberFormat: "yyyy-mm-dd hh:mm" } : null,
      hasEvent ? { value: activity.events[i]! } : null,
      hasEvent ? { value: activity.channels[i]! } : null,
      null,
      hasPayer ? { value: activity.payers[i]! } : null,
      hasPayer ? { value: activity.amounts[i]!, numberFormat: "#,##0" } : null,
      null,
      isActive ? { value: activity.active[i]! } : null,
    ]);
  }
  return {
    kind: "activity",
    name: ctx.sheetNames.activity,
    blocks: [{ anchor: "A1", rows }],
    columns: [
      { index: 0, width: 10 }, { index: 1, width: 17 }, { index: 2, width: 14 }, { index: 3, width: 11 },
      { index: 4, width: 3 }, { index: 5, width: 11 }, { index: 6, width: 10 }, { index: 7, width: 3 }, { index: 8, width: 22 },
    ],
    freeze: { rows: 1, columns: 0 },
  };
}

function spillHeight(result: unknown): number {
  return isOpsError(result) || !Array.isArray(result) ? 1 : result.length;
}

/** The Metrics sheet: labelled OPS.* formulas over the Activity and Customer tiers sheets. */
export function generateMetrics(activity: SampleActivity, customerCount: number, ctx: GeneratorContext): SheetSpec {
  const tr = (key: MessageKey) => tIn(ctx.locale, key);
  const r = activityRanges(activity, ctx);
  const col = (xs: readonly unknown[]) => xs.map((x) => [x]);
  const stepsConstant = `{${FUNNEL_EVENTS.map((s) => `"${s}"`).join(";")}}`;

  const sections: { label: MessageKey; formula: string; height: number; format?: string }[] = [
    {
      label: "metricsWeeklyRetention",
      formula: `=OPS.RETENTION(${r.users},${r.times},"week",4)`,
      height: spillHeight(retention(col(activity.userIds), col(activity.times), "week", 4, null, null)),
    },
    {
      label: "metricsChannelRetention",
      formula: `=OPS.RETENTION(${r.users},${r.times},"day",{1,7},"classic",${r.channels})`,
      height: spillHeight(
        retention(col(activity.userIds), col(activity.times), "day", [[1, 7]], "classic", col(activity.channels)),
      ),
    },
    {
      label: "metricsFunnel",
      formula: `=OPS.FUNNEL(${stepsConstant},${r.users},${r.events},${r.times},14)`,
      height: spillHeight(
        funnel(col([...FUNNEL_EVENTS]), col(activity.userIds), col(activity.events), col(activity.times), 14, null),
      ),
    },
    { label: "metricsPayRate", formula: `=OPS.PAYRATE(${r.payers},${r.users})`, height: 1, format: "0.0%" },
    { label: "metricsArppu", formula: `=OPS.PAYRATE(${r.payers},${r.users},${r.amounts},"arppu")`, height: 1, format: "#,##0.00" },
  ];

  const blocks: BlockSpec[] = [
    {
      anchor: "A1",
      rows: [[{ value: tr("metricsTitle"), style: "title" }], [{ value: tr("metricsSubtitle"), style: "note" }]],
    },
  ];
  let row = 3;
  for (const s of sections) {
    blocks.push({
      anchor: a1(row, 0),
      rows: [[{ value: tr(s.label), style: "subtitle" }], [{ formula: s.formula, ...(s.format ? { numberFormat: s.format } : {}) }]],
    });
    row += 1 + s.height + 2;
  }

  // TIER spills one label per customer: its own column, beside the other blocks.
  const tierSheet = ctx.sheetNames.tiering;
  const first = TIERING_LAYOUT.firstDataRow;
  const values = sheetRef(tierSheet, rangeA1(first, TIERING_COLUMNS.value, first + Math.max(customerCount, 1) - 1, TIERING_COLUMNS.value, true));
  blocks.push({
    anchor: a1(3, 9),
    rows: [[{ value: tr("metricsTiers"), style: "subtitle" }], [{ formula: `=OPS.TIER(${values})` }]],
  });

  return {
    kind: "metrics",
    name: ctx.sheetNames.metrics,
    blocks,
    columns: [{ index: 0, width: 14 }, ...[1, 2, 3, 4, 5, 6, 7, 8].map((index) => ({ index, width: 12 })), { index: 9, width: 12 }],
    print: { orientation: "landscape", fitToWidth: true },
  };
}
