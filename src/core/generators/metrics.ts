/**
 * The demo's data and live-metrics sheets: an Activity sheet of event rows
 * (user, time, event, channel) plus paid users and amounts, and a Metrics
 * sheet whose cells are OPS.* formulas over those ranges, presented with
 * number formats, a heat-map, data bars and charts (src/core/presentation).
 */
import { tIn, type MessageKey } from "../i18n";
import { a1, parseA1, parseRange, rangeA1, sheetRef } from "../tablespec/a1";
import type { BlockSpec, CellSpec, ChartSpec, ColorScaleSpec, DataBarSpec, SheetSpec } from "../tablespec/types";
import { isOpsError, type Grid, type OpsError } from "../errors";
import { retention } from "../metrics/retention";
import { funnel } from "../metrics/funnel";
import { payrate } from "../metrics/payrate";
import { FORMATS, presentMetric, type MetricResult } from "../presentation";
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
  return {
    kind: "activity",
    name: ctx.sheetNames.activity,
    blocks: [{ anchor: "A1", rows: [activityHeader(ctx), ...activityRows(activity)] }],
    columns: ACTIVITY_WIDTHS.map((width, index) => ({ index, width })),
    freeze: { rows: 1, columns: 0 },
  };
}

/** A:I — user, time, event, channel, gap, paid user, amount, gap, active user. */
const ACTIVITY_WIDTHS = [10, 17, 14, 11, 3, 11, 10, 3, 22];

function activityHeader(ctx: GeneratorContext): (CellSpec | null)[] {
  const title = (key: MessageKey): CellSpec => ({ value: tIn(ctx.locale, key), style: "header" });
  return [
    title("activityHeaderUser"),
    title("activityHeaderTime"),
    title("activityHeaderEvent"),
    title("activityHeaderChannel"),
    null,
    title("activityHeaderPaid"),
    title("activityHeaderAmount"),
    null,
    title("activityHeaderActive"),
  ];
}

/** The three lists side by side (events, payers with amounts, active users), as long as the longest. */
function activityRows(activity: SampleActivity): (CellSpec | null)[][] {
  const n = Math.max(activity.userIds.length, activity.payers.length, activity.active.length);
  return Array.from({ length: n }, (_, i) => {
    const hasEvent = i < activity.userIds.length;
    const hasPayer = i < activity.payers.length;
    const isActive = i < activity.active.length;
    return [
      hasEvent ? { value: activity.userIds[i]! } : null,
      hasEvent ? { value: activity.times[i]!, numberFormat: "yyyy-mm-dd hh:mm" } : null,
      hasEvent ? { value: activity.events[i]! } : null,
      hasEvent ? { value: activity.channels[i]! } : null,
      null,
      hasPayer ? { value: activity.payers[i]! } : null,
      hasPayer ? { value: activity.amounts[i]!, numberFormat: "#,##0" } : null,
      null,
      isActive ? { value: activity.active[i]! } : null,
    ];
  });
}

/** The charts' bottom row (exclusive), or `row` when there are none. */
function chartsBottom(charts: readonly ChartSpec[], row: number): number {
  return charts.reduce((bottom, c) => Math.max(bottom, parseA1(c.anchor).row + Math.max(1, c.heightCells)), row);
}

/**
 * The Metrics sheet: labelled live OPS.* formulas over the Activity and
 * Customer tiers sheets, each presented by the metric presentation generator
 * (src/core/presentation): cohort dates and percentages as number formats
 * under the spill, a colour-scale heat-map on the retention shares, data
 * bars on the funnel's conversions and native charts beside each grid
 * (retention curves and first-period retention, the funnel as bars). The
 * spills' extents are computed here with the same core functions the
 * add-in runs, so the blocks and charts never run into each other.
 */
export function generateMetrics(activity: SampleActivity, customerCount: number, ctx: GeneratorContext): SheetSpec {
  const title: BlockSpec = {
    anchor: "A1",
    rows: [[{ value: tIn(ctx.locale, "metricsTitle"), style: "title" }], [{ value: tIn(ctx.locale, "metricsSubtitle"), style: "note" }]],
  };
  const stack = stackSections(metricSections(activity, ctx), ctx);
  const tierColumn = stack.right + 1;
  const widths = new Map(stack.widths).set(tierColumn, 12);
  const { colorScales, dataBars, charts } = stack;
  return {
    kind: "metrics",
    name: ctx.sheetNames.metrics,
    blocks: [title, ...stack.blocks, tierBlock(customerCount, ctx, tierColumn)],
    columns: [...widths].sort((a, b) => a[0] - b[0]).map(([index, width]) => ({ index, width })),
    ...(colorScales.length ? { colorScales } : {}),
    ...(dataBars.length ? { dataBars } : {}),
    ...(charts.length ? { charts } : {}),
    print: { orientation: "landscape", fitToWidth: true },
  };
}

/** One labelled live formula and the result the add-in will spill for it (computed here by the same core function). */
interface MetricSection {
  label: MessageKey;
  formula: string;
  result: MetricResult;
}

/** The sheet's metrics over the Activity sheet: weekly and channel retention, the funnel, the payment rate and ARPPU. */
function metricSections(activity: SampleActivity, ctx: GeneratorContext): MetricSection[] {
  const r = activityRanges(activity, ctx);
  const col = (xs: readonly unknown[]) => xs.map((x) => [x]);
  const stepsConstant = `{${FUNNEL_EVENTS.map((s) => `"${s}"`).join(";")}}`;
  const asGrid = (x: Grid | number | OpsError): Grid => (isOpsError(x) ? [[x]] : typeof x === "number" ? [[x]] : x);
  return [
    {
      label: "metricsWeeklyRetention",
      formula: `=OPS.RETENTION(${r.users},${r.times},"week",4)`,
      result: { metric: "retention", period: "week", grid: asGrid(retention(col(activity.userIds), col(activity.times), "week", 4, null, null)) },
    },
    {
      label: "metricsChannelRetention",
      formula: `=OPS.RETENTION(${r.users},${r.times},"day",{1,7},"classic",${r.channels})`,
      result: {
        metric: "retention",
        period: "day",
        grid: asGrid(retention(col(activity.userIds), col(activity.times), "day", [[1, 7]], "classic", col(activity.channels))),
      },
    },
    {
      label: "metricsFunnel",
      formula: `=OPS.FUNNEL(${stepsConstant},${r.users},${r.events},${r.times},14)`,
      result: { metric: "funnel", grid: asGrid(funnel(col([...FUNNEL_EVENTS]), col(activity.userIds), col(activity.events), col(activity.times), 14, null)) },
    },
    {
      label: "metricsPayRate",
      formula: `=OPS.PAYRATE(${r.payers},${r.users})`,
      result: { metric: "payrate", measure: "rate", grid: asGrid(payrate(col(activity.payers), col(activity.userIds), null, null)) },
    },
    {
      label: "metricsArppu",
      formula: `=OPS.PAYRATE(${r.payers},${r.users},${r.amounts},"arppu")`,
      result: { metric: "payrate", measure: "arppu", grid: asGrid(payrate(col(activity.payers), col(activity.userIds), col(activity.amounts), "arppu")) },
    },
  ];
}

/** The sections one under the other from row 4, each with its label, presentation and live formula; `right` is the first free column. */
function stackSections(sections: readonly MetricSection[], ctx: GeneratorContext) {
  const blocks: BlockSpec[] = [];
  const colorScales: ColorScaleSpec[] = [];
  const dataBars: DataBarSpec[] = [];
  const charts: ChartSpec[] = [];
  const widths = new Map<number, number>([[0, 14]]);
  let row = 3;
  let right = 0; // the first column right of every grid and chart
  for (const s of sections) {
    blocks.push({ anchor: a1(row, 0), rows: [[{ value: tIn(ctx.locale, s.label), style: "subtitle" }]] });
    const anchor = a1(row + 1, 0);
    const p = presentMetric(s.result, { locale: ctx.locale, anchor, cells: "formatsOnly" });
    blocks.push(...p.blocks);
    // The live formula sits where the presented value starts (a payment rate's value is beside its label); later blocks win.
    const at = s.result.metric === "payrate" ? a1(row + 2, 1) : anchor;
    blocks.push({ anchor: at, rows: [[{ formula: s.formula, ...(s.result.metric === "payrate" ? { numberFormat: payrateFormat(s.result) } : {}) }]] });
    colorScales.push(...p.colorScales);
    dataBars.push(...p.dataBars);
    charts.push(...p.charts);
    for (const c of p.columns) widths.set(c.index, Math.max(widths.get(c.index) ?? 0, c.width ?? 0));
    const area = parseRange(p.range);
    right = Math.max(right, area.col2 + 1, ...p.charts.map((c) => parseA1(c.anchor).col + Math.max(1, c.widthCells)));
    row = Math.max(area.row2 + 1, chartsBottom(p.charts, row)) + 2;
  }
  return { blocks, colorScales, dataBars, charts, widths, right };
}

/** TIER spills one label per customer: its own column, right of the grids and charts. */
function tierBlock(customerCount: number, ctx: GeneratorContext, column: number): BlockSpec {
  const first = TIERING_LAYOUT.firstDataRow;
  const lastValue = first + Math.max(customerCount, 1) - 1;
  const values = sheetRef(ctx.sheetNames.tiering, rangeA1(first, TIERING_COLUMNS.value, lastValue, TIERING_COLUMNS.value, true));
  return {
    anchor: a1(3, column),
    rows: [[{ value: tIn(ctx.locale, "metricsTiers"), style: "subtitle" }], [{ formula: `=OPS.TIER(${values})` }]],
  };
}

/** The number format the presentation gives a payment-rate value. */
function payrateFormat(result: MetricResult): string {
  return result.measure === "arpu" || result.measure === "arppu" ? FORMATS.money : result.measure === "payers" ? FORMATS.whole : FORMATS.share;
}
