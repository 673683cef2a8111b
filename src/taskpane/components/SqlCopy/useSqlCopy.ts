import { useEffect, useMemo, useState } from "react";
import type { SqlOptionsByMetric } from "../../../core/sql";
import { usePaneT } from "../../i18n";

type SqlModule = typeof import("../../../core/sql");

export const SQL_PANE_METRICS = ["retention", "funnel", "payrate", "tier"] as const;
export type SqlPaneMetric = (typeof SQL_PANE_METRICS)[number];
export const SQL_PERIODS = ["day", "week", "month"] as const;
export const SQL_MODES = ["classic", "unbounded"] as const;
export const SQL_MEASURES = ["rate", "arpu", "arppu", "payers"] as const;
export const SQL_TIER_METHODS = ["pareto", "rank", "threshold"] as const;

export interface SqlChoices {
  metric: SqlPaneMetric;
  period: (typeof SQL_PERIODS)[number];
  /** Number of periods, as typed. */
  periods: string;
  mode: (typeof SQL_MODES)[number];
  /** Event names, comma-separated. */
  steps: string;
  windowDays: string;
  measure: (typeof SQL_MEASURES)[number];
  method: (typeof SQL_TIER_METHODS)[number];
  /** Cutoffs, comma-separated; blank = the method's defaults. */
  cutoffs: string;
  /** Funnel: the segment column to break the funnel down by (first touch); blank = no breakdown. */
  funnelSegments: string;
  /** Retention: a start-list table such as signups(user_id, ts); blank = cohorts from the first activity. */
  startTable: string;
}

export const START_CHOICES: SqlChoices = {
  metric: "retention",
  period: "day",
  periods: "7",
  mode: "classic",
  steps: "visit, signup, purchase",
  windowDays: "14",
  measure: "rate",
  method: "pareto",
  cutoffs: "",
  funnelSegments: "",
  startTable: "",
};

const list = (text: string) =>
  text
    .split(/[,，]/)
    .map((x) => x.trim())
    .filter((x) => x !== "");
/** A typed number; text that is not one stays text so the generator says what is wrong. */
const num = (text: string): number | string => (text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text);

/** A typed name, or undefined when blank (the option is then left out). */
const nameOrNone = (text: string): string | undefined => (text.trim() === "" ? undefined : text.trim());

/** The generator options for the pane's choices (what sqlFor receives); blank optional names are left out. */
export function sqlOptionsOf(c: SqlChoices): { metric: SqlPaneMetric; options: SqlOptionsByMetric[SqlPaneMetric] } {
  switch (c.metric) {
    case "retention": {
      const periods = (c.periods.trim() === "" ? undefined : num(c.periods)) as number;
      const startTable = nameOrNone(c.startTable);
      return { metric: "retention", options: { period: c.period, periods, mode: c.mode, ...(startTable ? { startTable } : {}) } };
    }
    case "funnel": {
      const windowDays = (c.windowDays.trim() === "" ? undefined : num(c.windowDays)) as number;
      const segments = nameOrNone(c.funnelSegments);
      return { metric: "funnel", options: { steps: list(c.steps), windowDays, ...(segments ? { segments } : {}) } };
    }
    case "payrate":
      return { metric: "payrate", options: { measure: c.measure } };
    case "tier": {
      const cutoffs = list(c.cutoffs).map(num) as number[];
      return { metric: "tier", options: cutoffs.length > 0 ? { method: c.method, cutoffs } : { method: c.method } };
    }
  }
}

export type CopyState = "idle" | "copied" | "unavailable";

export function useSqlCopy() {
  const { t } = usePaneT();
  const [sql, setSql] = useState<SqlModule | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [choices, setChoices] = useState<SqlChoices>(START_CHOICES);
  const [copy, setCopy] = useState<CopyState>("idle");

  useEffect(() => {
    let live = true;
    // The generators are their own chunk: fetched when the Share tab first shows them.
    import(/* webpackChunkName: "sql" */ "../../../core/sql").then(
      (m) => live && setSql(m),
      () => live && setLoadFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  const query = useMemo((): { text: string; error: string | null } => {
    if (!sql) return { text: "", error: null };
    try {
      const { metric, options } = sqlOptionsOf(choices);
      return { text: sql.sqlFor(metric, options), error: null };
    } catch (e) {
      return { text: "", error: t("sqlInvalid", { message: e instanceof Error ? e.message : String(e) }) };
    }
  }, [sql, choices, t]);

  const set = <K extends keyof SqlChoices>(key: K, value: SqlChoices[K]) => {
    setCopy("idle");
    setChoices((c) => ({ ...c, [key]: value }));
  };

  const copyQuery = async () => {
    const clipboard = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
    if (!clipboard?.writeText) {
      setCopy("unavailable");
      return;
    }
    try {
      await clipboard.writeText(query.text);
      setCopy("copied");
    } catch {
      setCopy("unavailable");
    }
  };

  return { ready: sql !== null, loadFailed, choices, set, query, copy, copyQuery };
}
