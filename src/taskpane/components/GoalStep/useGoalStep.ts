import type { FiveW2H, GoalType } from "../../../core/plan/types";
import { fieldMessage } from "../../planEditing";
import type { GoalStepProps } from "./GoalStep.types";

export const GOAL_TYPES: readonly GoalType[] = ["users", "revenue", "activity"];
export const FIVE_W2H_KEYS: readonly (keyof FiveW2H)[] = ["what", "why", "who", "when", "where", "how", "howMuch"];

export function useGoalStep({ plan, update, problems }: GoalStepProps) {
  const message = (path: string) => fieldMessage(problems, path);
  return {
    plan,
    message,
    setTitle: (title: string) => update((d) => void (d.title = title)),
    setType: (type: GoalType) => update((d) => void (d.goal.type = type)),
    setTargetValue: (value: number | undefined) => update((d) => void (d.goal.target.value = value ?? 0)),
    setTargetUnit: (unit: string) => update((d) => void (d.goal.target.unit = unit)),
    setTargetBy: (by: string) => update((d) => void (d.goal.target.by = by)),
    set5W2H: (key: keyof FiveW2H, text: string) => update((d) => void (d.goal.fiveW2H[key] = text)),
  };
}
