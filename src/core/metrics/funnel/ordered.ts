/**
 * Order `ordered` (the default): the steps in funnel order, other events
 * allowed in between, same-time events in any order
 * (docs/functions/funnel.md, "order").
 */
import { NONE, NameCounters, OrderFactory, OrderRule, runsFillable } from "./order";
import { UserEvents } from "./rows";
import { SAMPLE_PLAN, StepPlan } from "./steps";
import { keepShapes } from "./keep";

class Ordered implements OrderRule {
  /** Forward pass: the latest start of a chain reaching step j so far (1-based). */
  private readonly latestStart: Float64Array;
  /** Backward pass: the earliest end of a chain for steps j..F among later events. */
  private readonly earliestEnd: Float64Array;
  /** runsFillable's result for the current group. */
  private readonly runEnd: Int32Array;
  private readonly counters: NameCounters;

  constructor(
    private readonly plan: StepPlan,
    private readonly windowMs: number,
  ) {
    const k = plan.stepCount;
    this.latestStart = new Float64Array(k + 2);
    this.earliestEnd = new Float64Array(k + 2);
    this.runEnd = new Int32Array(k + 2);
    this.counters = new NameCounters(plan.nameCount);
  }

  /**
   * Forward over the time groups.
   *
   * latestStart[j] = the latest start (step-1 time) of any chain reaching
   * step j so far. A later start dominates: every later event can extend it
   * and it stays in the window longer. Because a chain reaching j contains
   * one reaching j−1 with the same start, latestStart[] never increases with j.
   *
   * A group at time T may fill several consecutive steps at once (its events
   * can be arranged in any order). Steps j0+1..j can come from the group when
   * their names, counted with multiplicity, are among its events; for each j
   * the smallest such j0 (runsFillable) is the best choice, since
   * latestStart[] is largest there (j0 = 0 means "start here", at T).
   */
  reach(user: UserEvents): number {
    const { stepCount: k, firstStepNamed, stepsNamed } = this.plan;
    const { latestStart, runEnd, counters, windowMs } = this;
    const { code, groupStart, groupTime, groupCount } = user;
    for (let j = 1; j <= k; j++) latestStart[j] = NONE;
    let reach = 0;
    for (let g = 0; g < groupCount && reach < k; g++) {
      const time = groupTime[g]!;
      const b = groupStart[g]!;
      if (groupStart[g + 1]! - b === 1) {
        // One event named a: it can fill any step named a, from the chain one
        // step short. Descending, so it never fills two steps of one chain.
        const a = code[b]!;
        for (let q = firstStepNamed[a + 1]! - 1; q >= firstStepNamed[a]!; q--) {
          const j = stepsNamed[q]!;
          const from = j === 1 ? time : latestStart[j - 1]!;
          if (from !== NONE && time - from <= windowMs && from > latestStart[j]!) {
            latestStart[j] = from;
            if (j > reach) reach = j;
          }
        }
        continue;
      }
      user.tally(g, counters.available, 1);
      runsFillable(this.plan, counters, 1, k, 1, runEnd);
      user.untally(g, counters.available);
      // Descending, so latestStart[j0] (j0 < j) is still the value before this group.
      for (let j = k; j >= 1; j--) {
        const j0 = runEnd[j]!;
        if (j0 === j) continue;
        const from = j0 === 0 ? time : latestStart[j0]!;
        if (from !== NONE && time - from <= windowMs && from > latestStart[j]!) {
          latestStart[j] = from;
          if (j > reach) reach = j;
        }
      }
    }
    return reach;
  }

  /**
   * From a given start, greedily: each step at the earliest group that still
   * has an unused event of its name. That gives the pointwise-earliest times
   * from that start, so it reaches F within the window whenever any chain
   * from that start does. Usually the user's first step-1 time is the
   * earliest start reaching F; otherwise it is found backward over the
   * groups (earliestStart).
   */
  times(user: UserEvents, furthest: number, stepTime: Float64Array): void {
    const stepOne = this.plan.nameOfStep[1]!;
    let first = 0;
    while (first < user.groupCount && !user.groupHas(first, stepOne)) first++;
    if (this.greedyFrom(user, first, furthest, stepTime)) return;
    const start = this.earliestStart(user, furthest);
    // F was reached, so some group starts a full chain.
    if (start < 0 || !this.greedyFrom(user, start, furthest, stepTime)) throw new Error("funnel: no start found for a reached step");
  }

  /** Greedy step times from the group `start`; true when step F is reached within the window. */
  private greedyFrom(user: UserEvents, start: number, F: number, stepTime: Float64Array): boolean {
    const { nameOfStep } = this.plan;
    const available = this.counters.available;
    const { groupTime, groupCount } = user;
    let j = 1;
    for (let g = start; j <= F && g < groupCount && groupTime[g]! - groupTime[start]! <= this.windowMs; g++) {
      user.tally(g, available, 1);
      while (j <= F && available[nameOfStep[j]!]! > 0) {
        available[nameOfStep[j]!]!--;
        stepTime[j++] = groupTime[g]!;
      }
      user.untally(g, available);
    }
    return j > F;
  }

  /**
   * The earliest group starting a chain to step F within the window,
   * backward over the groups: earliestEnd[j] = the earliest end (step-F
   * time) of a chain for steps j..F among the later events (an earlier end
   * dominates). A group with a step-1 event starts a full chain when that
   * end is within the window; the last such group seen backward is the
   * earliest.
   */
  private earliestStart(user: UserEvents, F: number): number {
    const { firstStepNamed, stepsNamed } = this.plan;
    const { earliestEnd, runEnd, counters, windowMs } = this;
    const { code, groupStart, groupTime, groupCount } = user;
    for (let j = 1; j <= F; j++) earliestEnd[j] = Infinity;
    let start = -1;
    for (let g = groupCount - 1; g >= 0; g--) {
      const time = groupTime[g]!;
      const b = groupStart[g]!;
      if (groupStart[g + 1]! - b === 1) {
        const a = code[b]!;
        // Ascending, so earliestEnd[j+1] is still the value before this group.
        for (let q = firstStepNamed[a]!; q < firstStepNamed[a + 1]!; q++) {
          const j = stepsNamed[q]!;
          if (j > F) break;
          const end = j === F ? time : earliestEnd[j + 1]!;
          if (j === 1 && end - time <= windowMs) start = g;
          if (end < earliestEnd[j]!) earliestEnd[j] = end;
        }
        continue;
      }
      user.tally(g, counters.available, 1);
      runsFillable(this.plan, counters, F, 1, -1, runEnd);
      user.untally(g, counters.available);
      for (let j = 1; j <= F; j++) {
        const last = runEnd[j]! - 1;
        if (last < j) continue;
        const end = last === F ? time : earliestEnd[last + 1]!;
        if (j === 1 && end - time <= windowMs) start = g;
        if (end < earliestEnd[j]!) earliestEnd[j] = end;
      }
    }
    return start;
  }
}

export const ordered: OrderFactory = (plan, windowMs) => new Ordered(plan, windowMs);

// Its layout kept: keep.ts.
keepShapes(ordered(SAMPLE_PLAN, Infinity));
