/**
 * Order `strict`: the steps one after another with no other event in
 * between; same-time events in any order (docs/functions/funnel.md, "order").
 */
import { NameCounters, OrderFactory, OrderRule } from "./order";
import { UserEvents } from "./rows";
import { SAMPLE_PLAN, StepPlan } from "./steps";
import { keepShapes } from "./keep";

class Strict implements OrderRule {
  private readonly counters: NameCounters;
  /** The attempt reach() kept for the user: its first group and how many steps it took there. */
  private keptStartGroup = -1;
  private keptStepsAtStart = 0;

  constructor(
    private readonly plan: StepPlan,
    private readonly windowMs: number,
  ) {
    this.counters = new NameCounters(plan.nameCount);
  }

  /**
   * A strict chain takes some events of its first time (the rest are
   * arranged before it), then must use every event of each following time
   * (any event left over would sit inside the chain), and may end with some
   * events of its last time (the rest after it). So from each start group,
   * for each number of steps taken there, the chain is forced: absorb whole
   * groups while their events are exactly the next steps, then take what
   * fits of the first group that is not. Each absorbed group uses at least
   * one step, so an attempt visits at most k groups.
   */
  reach(user: UserEvents): number {
    const k = this.plan.stepCount;
    const { groupTime, groupCount } = user;
    let furthest = 0;
    this.keptStartGroup = -1;
    this.keptStepsAtStart = 0;
    for (let g = 0; g < groupCount && furthest < k; g++) {
      const atStart = this.prefixFit(user, g, 1);
      // More steps at the first time is better for the medians (earlier step
      // times), so on a tie the larger count, tried first, is kept.
      for (let taken = atStart; taken >= 1; taken--) {
        let reach = taken;
        let next = taken + 1;
        for (let h = g + 1; next <= k && h < groupCount && groupTime[h]! - groupTime[g]! <= this.windowMs; h++) {
          const fit = this.prefixFit(user, h, next);
          reach = next - 1 + fit;
          if (fit !== user.groupSize(h)) break;
          next += fit;
        }
        if (reach > furthest) {
          furthest = reach;
          this.keptStartGroup = g;
          this.keptStepsAtStart = taken;
          if (furthest === k) break;
        }
      }
    }
    return furthest;
  }

  /** Step times of the attempt reach() kept (the earliest start reaching F). */
  times(user: UserEvents, F: number, stepTime: Float64Array): void {
    const { groupTime, groupCount } = user;
    const g = this.keptStartGroup;
    let next = 1;
    while (next <= this.keptStepsAtStart && next <= F) stepTime[next++] = groupTime[g]!;
    for (let h = g + 1; next <= F && h < groupCount; h++) {
      const fit = this.prefixFit(user, h, next);
      for (let q = 0; q < fit && next <= F; q++) stepTime[next++] = groupTime[h]!;
      if (fit !== user.groupSize(h)) break;
    }
  }

  /**
   * How many steps from step j on group g can fill: the longest run
   * j, j+1, … whose names, with multiplicity, are among the group's events.
   */
  private prefixFit(user: UserEvents, g: number, j: number): number {
    const { stepCount: k, nameOfStep } = this.plan;
    const b = user.groupStart[g]!;
    if (user.groupStart[g + 1]! - b === 1) return user.code[b] === nameOfStep[j] ? 1 : 0;
    const available = this.counters.available;
    user.tally(g, available, 1);
    let fit = 0;
    while (j + fit <= k && available[nameOfStep[j + fit]!]! > 0) {
      available[nameOfStep[j + fit]!]!--;
      fit++;
    }
    user.untally(g, available);
    return fit;
  }
}

export const strict: OrderFactory = (plan, windowMs) => new Strict(plan, windowMs);

// Its layout kept: keep.ts.
keepShapes(strict(SAMPLE_PLAN, Infinity));
