import { useCallback, useEffect, useRef, useState } from "react";
import { usePaneT } from "../../i18n";
import { STEPS, problemsOfStep, type StepId } from "../../planEditing";
import type { PlanWizardProps } from "./PlanWizard.types";

/** Fields whose problems show while typing, before Next. */
const IMMEDIATE = /(\.durationDays|\.dependsOn(\[\d+\])?|\.target|^goal\.target\.value|^schedule\.launchDate|^team\.budget)$/;

export function usePlanWizard({ problems, save, update, initialStep = "goal" }: PlanWizardProps) {
  // A language switch: the template's texts still in the plan follow it, and so does the sheets' language.
  const { locale } = usePaneT();
  const shownLocale = useRef(locale);
  useEffect(() => {
    const from = shownLocale.current;
    if (from === locale) return;
    shownLocale.current = locale;
    // The translation needs the templates (both languages, ≈ 12 KB gzip): fetched on the first
    // switch, not with the pane (its start-up budget), in the chunk the template choice fetches
    // too (one copy of the list of templates). The sheets' language follows at once.
    update((d) => {
      d.locale = locale;
    });
    void import(/* webpackChunkName: "plan-templates" */ "../../../core/plan/translate").then(({ translateTemplateText }) =>
      update((d) => {
        translateTemplateText(d, from, locale);
      }),
    );
  }, [locale, update]);

  const [step, setStep] = useState<StepId>(initialStep);
  /** Steps whose validation messages are visible (the user tried to leave them, or to generate). */
  const [shown, setShown] = useState<ReadonlySet<StepId>>(new Set());
  const [blocked, setBlocked] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const blockedRef = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  const index = STEPS.indexOf(step);
  const stepProblems = problemsOfStep(problems, step);
  // What the user types into a number or date box is checked at once (a day count of 0 or −3,
  // a loop of tasks); "required" fields wait until the user tries to leave the step.
  const visibleProblems = shown.has(step) ? stepProblems : stepProblems.filter((p) => IMMEDIATE.test(p.path));

  // After a step change, move focus to the new step's heading so keyboard and screen-reader users start there.
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [step]);

  // Once the step's problems are fixed, the "fix the fields" note goes away.
  useEffect(() => {
    if (blocked && stepProblems.length === 0) setBlocked(false);
  }, [blocked, stepProblems.length]);

  const goTo = useCallback(
    (target: StepId) => {
      void save();
      moved.current = true;
      setBlocked(false);
      setStep(target);
      if (target === "review") setShown((old) => new Set(old).add(step));
    },
    [save, step],
  );

  const next = () => {
    if (stepProblems.length > 0) {
      setShown((old) => new Set(old).add(step));
      setBlocked(true);
      // Focus the first field that has a problem (it scrolls into view, even 29 tasks up);
      // without one (a problem of the whole step) the note saying what to fix.
      requestAnimationFrame(() => {
        const target = bodyRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? blockedRef.current;
        target?.focus();
        target?.scrollIntoView?.({ block: "center" });
      });
      return;
    }
    const target = STEPS[index + 1];
    if (target) goTo(target);
  };
  const back = () => {
    const target = STEPS[index - 1];
    if (target) goTo(target);
  };
  /** From the review's problem list: go there and show its messages. */
  const fix = (target: StepId) => {
    setShown((old) => new Set(old).add(target));
    goTo(target);
  };

  return {
    step,
    index,
    total: STEPS.length,
    visibleProblems,
    blockedRef,
    blocked,
    goTo,
    next,
    back,
    fix,
    headingRef,
    bodyRef,
  };
}
