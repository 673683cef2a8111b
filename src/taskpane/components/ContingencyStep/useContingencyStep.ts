import { useState } from "react";
import type { Contingency } from "../../../core/plan/types";
import { fieldMessage, freshId } from "../../planEditing";
import type { ContingencyStepProps } from "./ContingencyStep.types";

type TextField = "risk" | "trigger" | "response" | "resources" | "ownerId";

export function useContingencyStep({ plan, update, problems }: ContingencyStepProps) {
  const [focusId, setFocusId] = useState<string | null>(null);
  const risks = plan.contingencies;

  const addRisk = () => {
    const id = freshId("R", risks.map((r) => r.id));
    update((d) =>
      void d.contingencies.push({ id, risk: "", trigger: "", response: "", ownerId: d.team.people[0]?.id ?? "", resources: "", status: "watching" }),
    );
    setFocusId(id);
  };
  const removeRisk = (id: string) => {
    const index = risks.findIndex((r) => r.id === id);
    update((d) => void (d.contingencies = d.contingencies.filter((r) => r.id !== id)));
    const neighbour = risks[index + 1] ?? risks[index - 1];
    setFocusId(neighbour?.id ?? null);
  };
  const setField = (id: string, field: TextField, value: string) =>
    update((d) => {
      const risk = d.contingencies.find((r) => r.id === id) as Contingency | undefined;
      if (risk) risk[field] = value;
    });

  return {
    risks,
    people: plan.team.people,
    focusId,
    addRisk,
    removeRisk,
    setField,
    message: (path: string) => fieldMessage(problems, path),
  };
}
