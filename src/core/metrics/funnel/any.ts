/**
 * Order `any`: steps 1..i in any order, all within one window
 * (docs/functions/funnel.md, "order").
 */
import { NameCounters, OrderFactory, OrderRule } from "./order";
import { UserEvents } from "./rows";
import { SAMPLE_PLAN, StepPlan } from "./steps";
import { keepShapes } from "./keep";

class AnyOrder implements OrderRule {
  private readonly counters: NameCounters;
  /** The first group of the earliest window reach() found reaching its result. */
  private keptStartGroup = -1;

  constructor(
    private readonly plan: StepPlan,
    private readonly windowMs: number,
  ) {
    this.counters = new NameCounters(plan.nameCount);
  }

  /**
   * The longest prefix of steps whose names, with multiplicity, all occur
   * within one span of the window. A sliding window over the time groups
   * (starting at each group) keeps per-name counts; the prefix is cut at the
   * first step whose name has run out, i.e. for name a seen c times, at the
   * (c+1)-th step named a.
   */
  reach(user: UserEvents): number {
    const { stepCount: k, nameCount: d, firstStepNamed, stepsNamed } = this.plan;
    const available = this.counters.available;
    const { groupTime, groupCount } = user;
    let furthest = 0;
    this.keptStartGroup = -1;
    let right = 0;
    for (let g = 0; g < groupCount; g++) {
      while (right < groupCount && groupTime[right]! - groupTime[g]! <= this.windowMs) user.tally(right++, available, 1);
      let reach = k;
      for (let a = 0; a < d; a++) {
        const seen = available[a]!;
        if (firstStepNamed[a]! + seen < firstStepNamed[a + 1]!) {
          const cut = stepsNamed[firstStepNamed[a]! + seen]! - 1;
          if (cut < reach) reach = cut;
        }
      }
      if (reach > furthest) {
        furthest = reach;
        this.keptStartGroup = g;
        if (furthest === k) break;
      }
      user.tally(g, available, -1);
    }
    available.fill(0);
    return furthest;
  }

  /**
   * From the earliest window start, each step gets the earliest unused
   * event of its name (the r-th step named a gets the r-th a), and step i's
   * time is when steps 1..i are all done (the running maximum).
   */
  times(user: UserEvents, F: number, stepTime: Float64Array): void {
    const { nameCount: d, nameOfStep, firstStepNamed, stepsNamed } = this.plan;
    const { available: wanted, used } = this.counters;
    const { time, code, length } = user;
    for (let j = 1; j <= F; j++) wanted[nameOfStep[j]!]!++;
    let assigned = 0;
    for (let p = user.groupStart[this.keptStartGroup]!; assigned < F && p < length; p++) {
      const a = code[p]!;
      if (a < d && used[a]! < wanted[a]!) {
        stepTime[stepsNamed[firstStepNamed[a]! + used[a]!]!] = time[p]!;
        used[a]!++;
        assigned++;
      }
    }
    wanted.fill(0);
    used.fill(0);
    for (let j = 2; j <= F; j++) if (stepTime[j]! < stepTime[j - 1]!) stepTime[j] = stepTime[j - 1]!;
  }
}

export const any: OrderFactory = (plan, windowMs) => new AnyOrder(plan, windowMs);

// Its layout kept: keep.ts.
keepShapes(any(SAMPLE_PLAN, Infinity));
