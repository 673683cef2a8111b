/**
 * The `steps` argument of OPS.FUNNEL, resolved once into integer codes
 * (docs/functions/funnel.md, "steps").
 */
import { column, isBlankKey, keyText } from "../../args";
import { fail } from "../../errors";

/** The steps: k steps over d distinct names. */
export interface StepPlan {
  /** Number of steps. */
  readonly stepCount: number;
  /** Number of distinct step names; code d (= nameCount) stands for "not a step". */
  readonly nameCount: number;
  /** Step texts (trimmed), for the output. */
  readonly labels: readonly string[];
  /** Name code (0..d−1) of each step, 1-based: nameOfStep[1..k]. */
  readonly nameOfStep: Int32Array;
  readonly codeOfName: ReadonlyMap<string, number>;
  /** The steps named a, ascending: stepsNamed[firstStepNamed[a] .. firstStepNamed[a+1]). */
  readonly firstStepNamed: Int32Array;
  readonly stepsNamed: Int32Array;
}

export function readSteps(steps: unknown): StepPlan {
  if (steps === null || steps === undefined) fail("#VALUE!", "funnelNoSteps");
  const cells = column(steps, "steps");
  const k = cells.length;
  if (k === 0) fail("#VALUE!", "funnelNoSteps");
  const labels: string[] = [];
  const nameOfStep = new Int32Array(k + 1);
  const codeOfName = new Map<string, number>();
  for (let i = 0; i < k; i++) {
    const cell = cells[i];
    if (isBlankKey(cell)) fail("#VALUE!", "funnelBlankStep", { index: i + 1 });
    const name = keyText(cell);
    let code = codeOfName.get(name);
    if (code === undefined) {
      code = codeOfName.size;
      codeOfName.set(name, code);
    }
    labels.push(name);
    nameOfStep[i + 1] = code;
  }
  const d = codeOfName.size;
  const firstStepNamed = new Int32Array(d + 1);
  for (let j = 1; j <= k; j++) firstStepNamed[nameOfStep[j]! + 1]!++;
  for (let a = 0; a < d; a++) firstStepNamed[a + 1]! += firstStepNamed[a]!;
  const fillAt = firstStepNamed.slice(0, d);
  const stepsNamed = new Int32Array(k);
  for (let j = 1; j <= k; j++) stepsNamed[fillAt[nameOfStep[j]!]!++] = j;
  return { stepCount: k, nameCount: d, labels, nameOfStep, codeOfName, firstStepNamed, stepsNamed };
}

/** A plan kept for the life of the module, so its layout stays known to optimized code (keep.ts); the orders' kept objects use it. */
export const SAMPLE_PLAN: StepPlan = readSteps([["a"], ["b"]]);
