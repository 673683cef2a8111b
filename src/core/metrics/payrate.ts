/**
 * OPS.PAYRATE: payment rate, ARPU, ARPPU or the payer count. Definition,
 * examples and errors: docs/functions/payrate.md.
 *
 * The same function gives the activity rate: active ids as `payers`, all ids
 * as `population`.
 *
 * Count form — `payers` and `population` are each a single number:
 *   a negative → #NUM! (checked first), payers > population → #VALUE!;
 *   `amounts` is one total revenue figure (one number, else #VALUE!).
 * ID form — otherwise: distinct non-blank ids compared as trimmed text
 *   (numbers by their text, so 7 and "7" are one id; the number 0 is blank).
 *   A payer counts only when it is in the population. `amounts` pairs with
 *   `payers` cell by cell and is summed over the rows whose payer is in the
 *   population; a blank amount counts 0, a non-number on such a row → #VALUE!
 *   naming the row.
 *
 * Decisions where the contract is silent:
 * - A payer id repeated on several rows is one payer, and every one of its
 *   amount rows is summed (one row per payment is the common layout).
 * - Amounts on rows whose payer is blank or not in the population are
 *   ignored, text included.
 * - Count form also applies when one side is a single number and the other a
 *   single blank cell (Excel for Mac/Online pass an empty cell as "", Windows
 *   as 0): the blank counts 0, so both platforms give the same answer.
 * - Counts need not be whole (a population may be an average, e.g. average
 *   concurrent users); amounts may be negative (refunds, net revenue).
 * - `amounts` given as one blank cell counts as omitted; the number 0 is a
 *   real revenue figure, not blank. In ID form `amounts` may be a row while
 *   `payers` is a column (or vice versa) when the cell counts match: the
 *   pairing is by position either way.
 * - A malformed `amounts` is reported even for measures that do not use it.
 * - Check order: measure word, argument shapes and values, amounts required
 *   (arpu/arppu), then #DIV/0! (population 0 first, then 0 payers for arppu).
 */
import { OpsError, fail, guard } from "../errors";
import { Matrix, asMatrix, column, isBlank, isBlankKey, isOmitted, optionWord, rowLabel } from "../args";
import { KeyInterner } from "../intern";

export const PAYRATE_MEASURES = ["rate", "arpu", "arppu", "payers"] as const;
export type PayrateMeasure = (typeof PAYRATE_MEASURES)[number];

/** The counts a measure is computed from. `revenue` is null when no amounts were given. */
export interface PayrateCounts {
  payers: number;
  population: number;
  revenue: number | null;
}

export function payrate(payers: unknown, population: unknown, amounts?: unknown, measure?: unknown): number | OpsError {
  return guard(() => {
    const which = optionWord(measure ?? null, "measure", PAYRATE_MEASURES, "rate");
    const counts = isCountForm(payers, population)
      ? countForm(payers, population, amounts ?? null)
      : idForm(payers, population, amounts ?? null);
    return measureOf(counts, which);
  });
}

/** Computes a measure from counts; aborts with #VALUE! / #DIV/0! as the contract says. */
export function measureOf(counts: PayrateCounts, measure: PayrateMeasure): number {
  if (measure === "payers") return counts.payers;
  if ((measure === "arpu" || measure === "arppu") && counts.revenue === null) {
    fail("#VALUE!", "amountsRequired", { measure });
  }
  if (counts.population === 0) fail("#DIV/0!", "divByZeroPopulation");
  switch (measure) {
    case "rate":
      return counts.payers / counts.population;
    case "arpu":
      return (counts.revenue ?? 0) / counts.population;
    case "arppu":
      if (counts.payers === 0) fail("#DIV/0!", "divByZeroPayers");
      return (counts.revenue ?? 0) / counts.payers;
  }
}

/** The only cell of a 1×1 argument (a scalar counts as 1×1), else undefined. */
function singleCell(arg: unknown): { value: unknown } | undefined {
  const m = asMatrix(arg);
  if (m.length === 1 && m[0]!.length === 1) return { value: m[0]![0] };
  if (m.length === 1 && m[0]!.length === 0) return { value: null };
  return undefined;
}

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function isCountForm(payers: unknown, population: unknown): boolean {
  const p = singleCell(payers);
  const n = singleCell(population);
  if (p === undefined || n === undefined) return false;
  const pNum = isNumber(p.value);
  const nNum = isNumber(n.value);
  if (pNum && nNum) return true;
  // One single number and one single blank cell: the blank counts 0.
  return (pNum && isBlank(n.value)) || (nNum && isBlank(p.value));
}

function countForm(payers: unknown, population: unknown, amounts: unknown): PayrateCounts {
  const p = numberOrZero(singleCell(payers)!.value);
  const n = numberOrZero(singleCell(population)!.value);
  if (p < 0) fail("#NUM!", "negativeNumber", { arg: "payers", got: p });
  if (n < 0) fail("#NUM!", "negativeNumber", { arg: "population", got: n });
  if (p > n) fail("#VALUE!", "payersExceedPopulation", { payers: p, population: n });
  let revenue: number | null = null;
  if (!isOmitted(amounts as Matrix | null, false)) {
    const a = singleCell(amounts);
    if (a === undefined || !isNumber(a.value)) fail("#VALUE!", "amountsNotSingle");
    revenue = a.value;
  }
  return { payers: p, population: n, revenue };
}

function numberOrZero(value: unknown): number {
  return isNumber(value) ? value : 0;
}

function idForm(payersArg: unknown, populationArg: unknown, amountsArg: unknown): PayrateCounts {
  const payerCells = column(payersArg, "payers");
  const populationCells = column(populationArg, "population");
  let amountCells: unknown[] | null = null;
  if (!isOmitted(amountsArg as Matrix | null, false)) {
    amountCells = column(amountsArg, "amounts");
    if (amountCells.length !== payerCells.length) {
      fail("#VALUE!", "amountsShape", { na: amountCells.length, np: payerCells.length });
    }
  }

  const ids = new KeyInterner(0, undefined, { keepNames: false });
  for (const v of populationCells) ids.code(v);
  const population = ids.size;

  const counted = new Uint8Array(population);
  let payers = 0;
  let revenue = 0;
  for (let i = 0; i < payerCells.length; i++) {
    const id = payerCells[i];
    if (isBlankKey(id)) continue;
    const code = ids.lookup(id);
    if (code < 0) continue;
    if (counted[code] === 0) {
      counted[code] = 1;
      payers++;
    }
    if (amountCells !== null) {
      const amount = amountCells[i];
      if (isBlank(amount)) continue;
      if (!isNumber(amount)) fail("#VALUE!", "textInNumbers", { arg: "amounts", row: rowLabel(i), got: String(amount) });
      revenue += amount;
    }
  }
  return { payers, population, revenue: amountCells === null ? null : revenue };
}
