/**
 * First-touch attribution for OPS.FUNNEL's `segments`
 * (docs/functions/funnel.md, "segments"): a user's segment is the one on
 * their earliest step-1 row (earliest by time in ms; on a tie, the first in
 * the range; without times, the first step-1 row). A user without a step-1
 * row belongs to no segment.
 */
import { t } from "../../i18n";
import { EventRows } from "./rows";
import { StepPlan } from "./steps";
import { keepShapes } from "./keep";
import { Lease } from "../../pool";

export interface SegmentGroups {
  /** Segments with at least one user, in output order. */
  readonly count: number;
  /** Segment (output order) of each user; −1 for a user without a step-1 row. */
  readonly ofUser: Int32Array;
  readonly labels: readonly string[];
}

/** `lease`: the call's (pool.ts); the groups it returns are read only within the call. */
export function attributeSegments(rows: EventRows, plan: StepPlan, lease: Lease): SegmentGroups {
  const { count, user, time, code, userCount } = rows;
  const segmentKey = rows.segmentKey!;
  const segments = rows.segments!;
  const stepOne = plan.nameOfStep[1]!;
  const touchRow = lease.int32(userCount, -1);
  const touchTime = lease.float64(userCount, Infinity);
  for (let r = 0; r < count; r++) {
    if (code[r] !== stepOne) continue;
    const u = user[r]!;
    // Strictly earlier only: rows are in range order, so a tie keeps the first.
    if (time[r]! < touchTime[u]!) {
      touchTime[u] = time[r]!;
      touchRow[u] = r;
    }
  }
  // The deciding row's segment, read with the rows (rows.ts). Its code follows the range order of
  // all step-1 rows; the output order does not depend on it (it is by first attribution row, below).
  const keyOfUser = lease.int32(userCount);
  for (let u = 0; u < userCount; u++) {
    const r = touchRow[u]!;
    if (r >= 0) keyOfUser[u] = segmentKey[r]!;
  }
  // Segments in order of their first attribution row in the range.
  const keys = segments.size + 1;
  const firstTouch = new Int32Array(keys).fill(0x7fffffff);
  for (let u = 0; u < userCount; u++) {
    const r = touchRow[u]!;
    if (r >= 0 && r < firstTouch[keyOfUser[u]!]!) firstTouch[keyOfUser[u]!] = r;
  }
  const order: number[] = [];
  for (let key = 0; key < keys; key++) if (firstTouch[key]! !== 0x7fffffff) order.push(key);
  order.sort((a, b) => firstTouch[a]! - firstTouch[b]!);
  const groupOfKey = new Int32Array(keys).fill(-1);
  order.forEach((key, g) => (groupOfKey[key] = g));
  const ofUser = lease.int32Raw(userCount);
  for (let u = 0; u < userCount; u++) ofUser[u] = touchRow[u]! < 0 ? -1 : groupOfKey[keyOfUser[u]!]!;
  const labels = order.map((key) => (key === 0 ? t("blankSegment") : segments.names[key - 1]!));
  return segmentGroups(order.length, ofUser, labels);
}

/** The SegmentGroups object, built at one site (its layout is kept: keep.ts). */
function segmentGroups(count: number, ofUser: Int32Array, labels: readonly string[]): SegmentGroups {
  return { count, ofUser, labels };
}

// Its layout kept: keep.ts.
keepShapes(segmentGroups(0, new Int32Array(0), ["a"]));
