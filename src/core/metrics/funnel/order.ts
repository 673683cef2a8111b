/**
 * What every order word of OPS.FUNNEL implements (ordered.ts, strict.ts,
 * any.ts; the table keyed by the word is orders.ts), and the helpers they
 * share. Definitions: docs/functions/funnel.md, "order".
 */
import { StepPlan } from "./steps";
import { UserEvents } from "./rows";
import { keepShapes } from "./keep";

/**
 * One order's algorithms for one call (its scratch state is allocated once
 * and reused for every user).
 */
export interface OrderRule {
  /** The furthest step (0..k) the user reaches by any attempt. */
  reach(user: UserEvents): number;
  /**
   * Step times of the earliest attempt reaching `furthest` (the value the
   * last reach() returned for this same user, at least 2): stepTime[j] is
   * the time at which steps 1..j are all done, for j = 1..furthest.
   */
  times(user: UserEvents, furthest: number, stepTime: Float64Array): void;
}

/** Builds an order's rule for the steps and the window (Infinity without times). */
export type OrderFactory = (plan: StepPlan, windowMs: number) => OrderRule;

/** "No chain reaches this step yet" in a forward pass (times are ≥ 0 there). */
export const NONE = -1;

/**
 * Per-name counters (nameCount + 1 entries, the last for events that are
 * not steps); both are kept all-zero between uses.
 */
export class NameCounters {
  /** Events of each name available (in a group or a window). */
  readonly available: Int32Array;
  /** Scratch for runsFillable. */
  readonly used: Int32Array;

  constructor(nameCount: number) {
    this.available = new Int32Array(nameCount + 1);
    this.used = new Int32Array(nameCount + 1);
  }
}

/**
 * The two-pointer over the steps: which runs of consecutive steps the
 * events counted in `counters.available` can fill (names counted with
 * multiplicity).
 *
 * Walking j from `first` to `last` (direction `dir` = +1 or −1), end[j] is
 * the far end of the longest run ending at j, exclusive: with dir = +1 the
 * steps end[j]+1 .. j are fillable (end[j] = j when none is), with dir = −1
 * the steps j .. end[j]−1 are. The pointer only moves one way, so the walk
 * is linear in the number of steps.
 */
export function runsFillable(
  plan: StepPlan,
  counters: NameCounters,
  first: number,
  last: number,
  dir: 1 | -1,
  end: Int32Array,
): void {
  const { nameOfStep, nameCount } = plan;
  const { available, used } = counters;
  let far = first - dir;
  for (let j = first; j !== last + dir; j += dir) {
    const a = nameOfStep[j]!;
    used[a]!++;
    while (used[a]! > available[a]!) {
      far += dir;
      used[nameOfStep[far]!]!--;
    }
    end[j] = far;
  }
  for (let a = 0; a < nameCount; a++) used[a] = 0;
}

// Its layout kept: keep.ts.
keepShapes(new NameCounters(1));
