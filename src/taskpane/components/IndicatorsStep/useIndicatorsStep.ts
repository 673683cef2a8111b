import { useState } from "react";
import {
  buildIndicatorFormula,
  indicatorRanges,
  parseIndicatorFormula,
  type RangeRole,
} from "../../../core/plan/indicatorFormulas";
import type { Indicator, IndicatorKind, IndicatorUnit } from "../../../core/plan/types";
import { usePaneT } from "../../i18n";
import { fieldMessage, freshId, moveItem } from "../../planEditing";
import type { IndicatorsStepProps } from "./IndicatorsStep.types";

export const ADDABLE_KINDS: readonly IndicatorKind[] = [
  "nextDayRetention", "cycleRetention", "channelRetention", "activityRate", "paymentRate",
  "arpu", "arppu", "funnelStep", "registrations", "custom",
];

export const KIND_UNIT: Record<IndicatorKind, IndicatorUnit> = {
  registrations: "count",
  nextDayRetention: "percent",
  cycleRetention: "percent",
  channelRetention: "percent",
  activityRate: "percent",
  paymentRate: "percent",
  arpu: "currency",
  arppu: "currency",
  funnelStep: "percent",
  custom: "count",
};

type Drafts = Record<string, Partial<Record<RangeRole, string>>>;

export function useIndicatorsStep({ plan, update, problems }: IndicatorsStepProps) {
  const { t } = usePaneT();
  const [kindToAdd, setKindToAdd] = useState<IndicatorKind>("nextDayRetention");
  const [focusId, setFocusId] = useState<string | null>(null);
  // Ranges being filled in (a formula exists only once all of them are); seeded from saved formulas.
  const [drafts, setDrafts] = useState<Drafts>(() => {
    const out: Drafts = {};
    for (const ind of plan.indicators) out[ind.id] = parseIndicatorFormula(ind.kind, ind.actualFormula) ?? {};
    return out;
  });

  const edit = (id: string, change: (ind: Indicator) => void) =>
    update((d) => {
      const ind = d.indicators.find((x) => x.id === id);
      if (ind) change(ind);
    });

  const addIndicator = () => {
    const id = freshId("K", plan.indicators.map((x) => x.id));
    update((d) =>
      // No target yet (NaN shows an empty box): a target of 0 could never show progress, so the user sets one.
      void d.indicators.push({ id, kind: kindToAdd, name: t(`kind_${kindToAdd}`), definition: "", unit: KIND_UNIT[kindToAdd], target: NaN }),
    );
    setFocusId(id);
  };

  const removeIndicator = (id: string) => {
    const index = plan.indicators.findIndex((x) => x.id === id);
    update((d) => void (d.indicators = d.indicators.filter((x) => x.id !== id)));
    const neighbour = plan.indicators[index + 1] ?? plan.indicators[index - 1];
    setFocusId(neighbour?.id ?? null);
  };

  const rangesOf = (ind: Indicator): Partial<Record<RangeRole, string>> => drafts[ind.id] ?? parseIndicatorFormula(ind.kind, ind.actualFormula) ?? {};

  const setRange = (ind: Indicator, role: RangeRole, address: string) => {
    const ranges = { ...rangesOf(ind), [role]: address };
    setDrafts((old) => ({ ...old, [ind.id]: ranges }));
    const formula = buildIndicatorFormula(ind.kind, ranges);
    edit(ind.id, (x) => {
      if (formula) x.actualFormula = formula;
      else delete x.actualFormula;
    });
  };

  return {
    indicators: plan.indicators,
    kindToAdd,
    setKindToAdd,
    addIndicator,
    removeIndicator,
    moveIndicator: (id: string, delta: number) =>
      update((d) => void moveItem(d.indicators, d.indicators.findIndex((x) => x.id === id), delta)),
    focusId,
    setName: (id: string, name: string) => edit(id, (x) => void (x.name = name)),
    setTarget: (id: string, target: number | undefined) => edit(id, (x) => void (x.target = target ?? NaN)),
    setDirection: (id: string, direction: "higher" | "lower") => edit(id, (x) => void (x.direction = direction)),
    roles: (ind: Indicator) => indicatorRanges(ind.kind),
    rangesOf,
    setRange,
    message: (path: string) => fieldMessage(problems, path),
  };
}
