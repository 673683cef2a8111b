import { useRef, useState } from "react";
import { defaultSheetNames, type SheetKind } from "../../../core/generators/context";
import { buildPlanWorkbook, withDependencies, PLAN_SHEET_KINDS, type PlanSheetKind } from "../../../core/generators/workbook";
import type { Locale } from "../../../core/i18n";
import { planCheckText } from "../../../core/plan/messages";
import { endAfterGoal } from "../../../core/plan/scheduleDates";
import { useHost } from "../../host/HostContext";
import { useSheetWriter } from "../../hooks/useSheetWriter";
import { usePaneT } from "../../i18n";
import { plainError } from "../../errors";
import type { ReviewStepProps } from "./ReviewStep.types";

/** "1, 3–5, 12" from the task paths of problems. */
function numbersOf(problems: readonly { path: string }[]): string {
  const ns = problems.map((p) => Number(/\[(\d+)\]/.exec(p.path)![1]) + 1).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < ns.length; ) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j]! + 1) j++;
    parts.push(j > i ? `${ns[i]}–${ns[j]}` : String(ns[i]));
    i = j + 1;
  }
  return parts.join(", ");
}

const REQUIRES: Partial<Record<PlanSheetKind, PlanSheetKind>> = { raci: "schedule", summary: "kpi" };

export function useReviewStep({ plan, update, allProblems, onSave }: ReviewStepProps) {
  const host = useHost();
  const { t, locale: paneLocale } = usePaneT();
  const writer = useSheetWriter();
  const [chosen, setChosen] = useState<Set<PlanSheetKind>>(() => new Set(PLAN_SHEET_KINDS));
  const [showProblems, setShowProblems] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);

  /** Checking a sheet also checks what it needs; unchecking one also unchecks what needs it. */
  const toggle = (kind: PlanSheetKind, on: boolean) =>
    setChosen((old) => {
      const next = new Set(old);
      if (on) {
        next.add(kind);
        const need = REQUIRES[kind];
        if (need) next.add(need);
      } else {
        next.delete(kind);
        for (const [k, need] of Object.entries(REQUIRES)) if (need === kind) next.delete(k as PlanSheetKind);
      }
      return next;
    });

  const generate = async () => {
    if (writer.busy) return;
    setOpenError(null);
    if (allProblems.length > 0) {
      setShowProblems(true);
      requestAnimationFrame(() => problemsRef.current?.focus());
      return;
    }
    setShowProblems(false);
    const kinds = withDependencies([...chosen] as SheetKind[]);
    if (kinds.length === 0) return;
    const all = defaultSheetNames(plan.locale);
    const desired = Object.fromEntries(kinds.map((k) => [k, all[k]])) as Record<SheetKind, string>;
    await writer.write({
      desired,
      build: (names) => buildPlanWorkbook(plan, { locale: plan.locale, sheetNames: { ...all, ...names } }, kinds),
      after: () => onSave(),
    });
  };

  const open = async (sheet: string) => {
    try {
      await host.activateSheet(sheet);
      setOpenError(null);
    } catch (e) {
      setOpenError(plainError(t, "activate", e));
    }
  };

  const late = endAfterGoal(plan);
  // Many tasks without an owner (every person removed) is one problem, said once.
  const ownerless = allProblems.filter((p) => /^schedule\.tasks\[\d+\]\.ownerId$/.test(p.path));
  const problems =
    ownerless.length > 1
      ? allProblems.flatMap((p) =>
          p === ownerless[0]
            ? [{ path: "schedule.tasks", message: planCheckText(paneLocale, "ownersMissing", { count: ownerless.length, tasks: numbersOf(ownerless) }) }]
            : ownerless.includes(p)
              ? []
              : [p],
        )
      : allProblems;

  return {
    plan,
    problems,
    /** Warning when the schedule ends after the goal's date (does not block generating). */
    lateEnd: late ? planCheckText(paneLocale, "endsAfterGoal", late) : null,
    chosen,
    toggle,
    generate,
    writer,
    open,
    openError,
    showProblems: showProblems && allProblems.length > 0,
    problemsRef,
    nothingChosen: chosen.size === 0,
    setSheetLocale: (locale: Locale) => update((d) => void (d.locale = locale)),
  };
}
