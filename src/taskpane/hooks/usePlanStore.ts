/**
 * The plan being edited: loaded from the workbook at start (recovering a
 * damaged or older saved plan, or starting a new one), edited immutably,
 * validated on every change, saved on request (the wizard saves at every
 * step change and after generating).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { blankPlan, parsePlan, serializePlan } from "../../core/plan/persist";
import type { Plan, PlanProblem } from "../../core/plan/types";
import { validatePlan } from "../../core/plan/validate";
import type { Locale } from "../../core/i18n";
import type { WorkbookHost } from "../host/WorkbookHost";
import { editPlan } from "../planEditing";

/**
 * A new plan from the default template: a separate chunk holding that one template (not the list of
 * every template, which the Schedule step's template choice fetches), fetched only when the workbook holds no plan.
 */
function loadNewPlan(locale: Locale): Promise<Plan> {
  return import(/* webpackChunkName: "plan-default" */ "../planSources").then((m) => m.newPlan(locale));
}

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
      .then(
        async (text) => {
          const parsed = parsePlan(text, { locale });
          const plan = parsed.plan ?? (await loadNewPlan(locale));
          if (!live) return;
          setPlan(plan);
          if (parsed.plan && parsed.recovered) setNotice({ kind: "recovered", problems: parsed.problems });
          if (!parsed.plan && parsed.problems.length > 0) setNotice({ kind: "failed", problems: parsed.problems });
        },
        async () => {
          const plan = await loadNewPlan(locale);
          if (!live) return;
          setPlan(plan);
          setNotice({ kind: "failed", problems: [] });
        },
      )
      .catch(() => {
        // Even the templates could not be loaded: an empty plan still lets the user work.
        if (live) setPlan(blankPlan(locale));
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
