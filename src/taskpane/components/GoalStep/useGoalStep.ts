import type { FiveW2H, GoalType } from "../../../core/plan/types";
import { planCheckText } from "../../../core/plan/messages";
import { usePaneT } from "../../i18n";
import { fieldMessage } from "../../planEditing";

/** Today as ISO text in local time. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
import type { GoalStepProps } from "./GoalStep.types";

export const GOAL_TYPES: readonly GoalType[] = ["users", "revenue", "activity"];
export const FIVE_W2H_KEYS: readonly (keyof FiveW2H)[] = ["what", "why", "who", "when", "where", "how", "howMuch"];

export function useGoalStep({ plan, update, problems }: GoalStepProps) {
  const { locale } = usePaneT();
  const message = (path: string) => fieldMessage(problems, path);
  // A goal date already past is worth a warning, not a block (a plan under way keeps its date).
  const today = todayIso();
  const by = plan.goal.target.by;
  const byWarning = /^\d{4}-\d{2}-\d{2}$/.test(by) && by < today ? planCheckText(locale, "byInPast", { today }) : undefined;
  return {
    plan,
    message,
    byWarning,
    setTitle: (title: string) => update((d) => void (d.title = title)),
    setType: (type: GoalType) => update((d) => void (d.goal.type = type)),
    setTargetValue: (value: number | undefined) => update((d) => void (d.goal.target.value = value ?? NaN)),
    setTargetUnit: (unit: string) => update((d) => void (d.goal.target.unit = unit)),
    setTargetBy: (by: string) => update((d) => void (d.goal.target.by = by)),
    set5W2H: (key: keyof FiveW2H, text: string) => update((d) => void (d.goal.fiveW2H[key] = text)),
  };
}
