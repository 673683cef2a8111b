/** A plan field path ("schedule.tasks[2].ownerId") in the words of the wizard ("Task 3 › Owner"). */
import type { PaneKey, PaneT } from "./i18n";
import { stepOfPath, type StepId } from "./planEditing";

const STEP_KEY: Record<StepId, PaneKey> = {
  goal: "stepGoal",
  team: "stepTeam",
  schedule: "stepSchedule",
  indicators: "stepIndicators",
  contingency: "stepContingency",
  review: "stepReview",
};

export function stepLabel(t: PaneT, step: StepId): string {
  return t(STEP_KEY[step]);
}

const FIELD_KEY: Record<string, PaneKey> = {
  title: "planTitle",
  "goal.type": "goalType",
  "goal.target.value": "targetValue",
  "goal.target.unit": "targetUnit",
  "goal.target.by": "targetBy",
  "team.people": "people",
  "team.channels": "channels",
  "team.budget": "budget",
  "team.currency": "currency",
  "schedule.startDate": "startDate",
  "schedule.launchDate": "launchDate",
  "schedule.launchTaskId": "launchTask",
  "schedule.holidays": "holidays",
  "schedule.tasks": "tasks",
  "schedule.templateId": "template",
  raci: "sheet_raci",
  indicators: "stepIndicators",
  contingencies: "stepContingency",
};

const ITEM: { re: RegExp; label: PaneKey; fields: Record<string, PaneKey> }[] = [
  { re: /^team\.people\[(\d+)\](?:\.(\w+))?/, label: "personLabel", fields: { name: "personName", role: "personRole" } },
  {
    re: /^schedule\.tasks\[(\d+)\](?:\.(\w+))?/,
    label: "taskLabel",
    fields: { name: "taskName", ownerId: "taskOwner", durationDays: "taskDuration", dependsOn: "taskDependsOn", phase: "taskPhase", milestone: "taskMilestone" },
  },
  { re: /^indicators\[(\d+)\](?:\.(\w+))?/, label: "indicatorLabel", fields: { name: "indicatorName", target: "indicatorTarget", direction: "indicatorDirection", actualFormula: "liveFormula" } },
  { re: /^contingencies\[(\d+)\](?:\.(\w+))?/, label: "riskLabel", fields: { risk: "risk", trigger: "trigger", response: "response", ownerId: "riskOwner", resources: "resources" } },
];

export function describePath(t: PaneT, path: string): string {
  for (const item of ITEM) {
    const m = item.re.exec(path);
    if (m) {
      const head = t(item.label, { n: Number(m[1]) + 1 });
      const field = m[2] ? item.fields[m[2]] : undefined;
      return field ? `${head} › ${t(field)}` : head;
    }
  }
  const five = /^goal\.fiveW2H\.(\w+)/.exec(path);
  if (five) return `${t("fiveW2H")} › ${t(`w_${five[1]}` as PaneKey)}`;
  let best: string | undefined;
  for (const key of Object.keys(FIELD_KEY)) {
    if ((path === key || path.startsWith(key + ".") || path.startsWith(key + "[")) && (!best || key.length > best.length)) best = key;
  }
  return best ? t(FIELD_KEY[best]!) : stepLabel(t, stepOfPath(path));
}
