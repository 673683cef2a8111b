/**
 * The plan being edited: loaded from the workbook at start (recovering a
 * damaged or older saved plan, or starting a new one), edited immutably,
 * validated on every change, saved on request (the wizard saves at every
 * step change and after generating).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { parsePlan, serializePlan } from "../../core/plan/persist";
import type { Plan, PlanProblem } from "../../core/plan/types";
import { validatePlan } from "../../core/plan/validate";
import type { Locale } from "../../core/i18n";
import type { WorkbookHost } from "../host/WorkbookHost";
import { editPlan } from "../planEditing";
import { newPlan } from "../planSources";

export type SaveState = "idle" | "saving" | "saved" | "failed";

export interface LoadNotice {
  kind: "recovered" | "failed";
  problems: PlanProblem[];
}

export function usePlanStore(host: WorkbookHost, locale: Locale) {
  const [plan, setPlan] = useState<Plan | null>(null);
  const [notice, setNotice] = useState<LoadNotice | null>(null);
  const [saveState, setSaveState] = useState<SaveState>("idle");
  const planRef = useRef<Plan | null>(null);
  planRef.current = plan;

  useEffect(() => {
    let live = true;
    host
      .loadPlan()
      .then((text) => {
        if (!live) return;
        const parsed = parsePlan(text, { locale });
        if (parsed.plan) {
          setPlan(parsed.plan);
          if (parsed.recovered) setNotice({ kind: "recovered", problems: parsed.problems });
        } else {
          setPlan(newPlan(locale));
          if (parsed.problems.length > 0) setNotice({ kind: "failed", problems: parsed.problems });
        }
      })
      .catch(() => {
        if (!live) return;
        setPlan(newPlan(locale));
        setNotice({ kind: "failed", problems: [] });
      });
    return () => {
      live = false;
    };
  }, [host]); // once per host: a language switch later must not reload the plan


  const update = useCallback((edit: (draft: Plan) => void) => setPlan((old) => (old ? editPlan(old, edit) : old)), []);

  const save = useCallback(async () => {
    const current = planRef.current;
    if (!current) return;
    setSaveState("saving");
    try {
      await host.savePlan(serializePlan(current));
      setSaveState("saved");
    } catch {
      setSaveState("failed");
    }
  }, [host]);

  // Messages in the pane's language (the plan's own locale only decides the sheets' language).
  const problems = useMemo(() => (plan ? validatePlan(plan, locale) : []), [plan, locale]);

  return { plan, update, save, saveState, problems, notice, dismissNotice: () => setNotice(null) };
}
