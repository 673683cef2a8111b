/**
 * The tier preview of the Customer tiering tab: tier counts, values and
 * shares for the values (and names) read from the workbook, computed with
 * OPS.TIER's own code (tier.ts), so the preview, the function and the
 * written sheet agree. Pure: the pane's hook keeps only state and host calls.
 *
 * Rules:
 * - Only finite numbers are tiered; text cells (a header row) and blanks are
 *   left out, as OPS.TIER leaves them without a tier.
 * - Blank is args.ts's rule (null, undefined, or text that is only spaces).
 *   A column of blank cells is "empty", as if nothing were picked.
 * - A customer without a name (blank name cell, or no names range) gets
 *   `defaultName(row)`, row counted from 1 in the picked range.
 * - Names and values must have the same number of rows.
 * - The share of value is per total of the tiered values (zero and negative
 *   included), as the sheet's summary has it.
 */
import { isBlank } from "../args";
import { isOpsError } from "../errors";
import { DEFAULT_CUTOFFS, DEFAULT_LABELS, tier, type TierMethod } from "./tier";

/** The tier labels the pane previews and writes. */
export const PREVIEW_LABELS: readonly string[] = DEFAULT_LABELS;

/** Starting cutoffs per method (thresholds: revenue at least 100k / 30k / 5k). */
export const START_CUTOFFS: Readonly<Record<TierMethod, readonly number[]>> = {
  pareto: DEFAULT_CUTOFFS.pareto,
  rank: DEFAULT_CUTOFFS.rank,
  threshold: [100000, 30000, 5000],
};

export interface TierCount {
  label: string;
  count: number;
  value: number;
  share: number;
}

export interface PreviewCustomer {
  name: string;
  value: number;
}

export type TierPreview =
  | { kind: "empty" }
  | { kind: "mismatch"; names: number; values: number }
  | { kind: "noNumbers" }
  | { kind: "badCutoffs"; detail: string }
  | { kind: "counts"; counts: TierCount[]; customers: PreviewCustomer[] };

type Column = readonly (readonly unknown[])[];

const firstColumn = (values: Column | null): unknown[] => (values ?? []).map((row) => row[0] ?? "");

/** Tier counts for the preview (see the header for the rules). */
export function previewTiers(
  names: Column | null,
  values: Column | null,
  method: TierMethod,
  cutoffs: readonly (number | undefined)[],
  defaultName: (row: number) => string,
): TierPreview {
  const valueColumn = firstColumn(values);
  if (valueColumn.every(isBlank)) return { kind: "empty" };
  const nameColumn = names ? firstColumn(names) : null;
  if (nameColumn && nameColumn.length !== valueColumn.length) return { kind: "mismatch", names: nameColumn.length, values: valueColumn.length };
  if (!valueColumn.some((v) => typeof v === "number" && Number.isFinite(v))) return { kind: "noNumbers" };
  if (cutoffs.some((c) => c === undefined || !Number.isFinite(c))) return { kind: "badCutoffs", detail: "" };

  const customers: PreviewCustomer[] = [];
  valueColumn.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v)) return;
    const name = nameColumn?.[i];
    customers.push({ name: isBlank(name) ? defaultName(i + 1) : String(name).trim(), value: v });
  });
  const result = tier(
    customers.map((c) => [c.value]),
    method,
    [cutoffs as number[]],
    [PREVIEW_LABELS as string[]],
  );
  if (isOpsError(result)) return { kind: "badCutoffs", detail: result.message };
  const total = customers.reduce((sum, c) => sum + c.value, 0);
  const counts: TierCount[] = PREVIEW_LABELS.map((label) => ({ label, count: 0, value: 0, share: 0 }));
  result.forEach((line, i) => {
    const c = counts[PREVIEW_LABELS.indexOf(String(line[0]))];
    if (c) {
      c.count++;
      c.value += customers[i]!.value;
    }
  });
  for (const c of counts) c.share = total !== 0 ? c.value / total : 0;
  return { kind: "counts", counts, customers };
}
