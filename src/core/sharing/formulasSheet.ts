/**
 * The hidden sheet that keeps the original OPS.* formulas when values are
 * frozen for sharing (kind "opsFormulas", always named OPS_FORMULAS_SHEET so
 * the pane finds it in any language), and the plan of a one-click restore.
 * Shared by the spec-level freeze (freeze.ts) and the pane (src/excel/sharing.ts).
 * Light on purpose: no metric code here, so the task pane does not load it.
 *
 * Layout: title (row 1), note (row 2), optionally the location of the
 * "values frozen" note in row 3 (A3 = NOTE_CELL_MARKER, B3 sheet, C3 cell or
 * range), header (row 4), one record per row from row 5: sheet, cell,
 * formula (as text), spill rows, spill columns, date frozen, and, for a
 * freeze in copies, the sheet the copy was made of (column G).
 *
 * Restore undoes exactly what Freeze did (restorePlan): a record frozen in
 * place gets its formula back; a record frozen in a copy ("Metrics (values)")
 * means the copy was made by the freeze, so the copy is deleted and the
 * original, which kept its live formulas, is not touched.
 *
 * A hidden sheet written by an older OpsKit has no column G ("legacy": its
 * header stops at the date), so its records do not say which were frozen in
 * copies. resolveLegacyRecords reads it from the sheet names: a freeze in
 * copies named each copy uniqueSheetName("<original> (values)"), and never
 * recorded the original (it stayed live). A record whose sheet is such a name
 * of an existing sheet that has no record of its own is a copy; a record
 * whose sheet merely looks like a copy (or whose original has records too) is
 * undecided, and a restore then changes nothing and says so.
 */
import { tIn, type Locale } from "../i18n";
import { isOpsError, type CellOut } from "../errors";
import { a1, parseA1, rangeA1 } from "../tablespec/a1";
import { numberedSheetName, sanitizeSheetName } from "../tablespec/sheetNames";
import type { CellSpec, SheetSpec } from "../tablespec/types";

export const OPS_FORMULAS_SHEET = "OpsKit formulas";
export const OPS_FORMULAS_KIND = "opsFormulas";

/** 0-based layout of the hidden sheet. */
export const OPS_FORMULAS_LAYOUT = {
  titleRow: 0,
  noteRow: 1,
  /** A: marker, B: sheet, C: cell of the frozen-values note (optional). */
  noteCellRow: 2,
  headerRow: 3,
  firstRow: 4,
  columns: { sheet: 0, address: 1, formula: 2, rows: 3, cols: 4, frozenAt: 5, copyOf: 6 },
} as const;

/** The marker in A3 that introduces the note cell's location. */
export const NOTE_CELL_MARKER = "note-cell";

export interface FormulaCellRef {
  sheet: string;
  address: string;
  formula: string;
}

export interface FormulaRecord extends FormulaCellRef {
  /** Size of the frozen area (the spill), ≥ 1. */
  rows: number;
  cols: number;
  /** ISO date the values were frozen. */
  frozenAt: string;
  /** Frozen in a copy made by the freeze: the sheet it is a copy of (`sheet` is the copy). */
  copyOf?: string;
}

export interface CellLocation {
  sheet: string;
  /** A cell or a range (the note's lines, e.g. "A2:A4"). */
  address: string;
}

/** The constant a frozen result cell holds; null for an empty result ("" or a non-finite number). */
export function frozenValue(v: CellOut | undefined): string | number | null {
  if (v === undefined) return null;
  if (isOpsError(v)) return v.code;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  return v === "" ? null : v;
}

/** The hidden sheet holding the original formulas. */
export function opsFormulasSheet(records: readonly FormulaRecord[], locale: Locale = "en", noteCell?: CellLocation): SheetSpec {
  const L = OPS_FORMULAS_LAYOUT;
  const tr = (key: Parameters<typeof tIn>[1]) => tIn(locale, key);
  const rows: (CellSpec | null)[][] = [
    [{ value: tr("shareFormulasTitle"), style: "title" }, null, null, null, null, null, null],
    [{ value: tr("shareFormulasNote"), style: "note" }, null, null, null, null, null, null],
    noteCell
      ? [{ value: NOTE_CELL_MARKER, style: "note" }, { value: noteCell.sheet }, { value: noteCell.address }, null, null, null, null]
      : [null, null, null, null, null, null, null],
    (
      [
        "shareFormulasHeaderSheet",
        "shareFormulasHeaderAddress",
        "shareFormulasHeaderFormula",
        "shareFormulasHeaderRows",
        "shareFormulasHeaderColumns",
        "shareFormulasHeaderFrozenAt",
        "shareFormulasHeaderCopyOf",
      ] as const
    ).map((k) => ({ value: tr(k), style: "header" as const })),
    ...records.map((r) => [
      { value: r.sheet },
      { value: r.address },
      { value: r.formula.startsWith("=") ? r.formula : `=${r.formula}` },
      { value: r.rows, numberFormat: "0" },
      { value: r.cols, numberFormat: "0" },
      { value: r.frozenAt },
      r.copyOf ? { value: r.copyOf } : null,
    ]),
  ];
  return {
    kind: OPS_FORMULAS_KIND,
    name: OPS_FORMULAS_SHEET,
    blocks: [{ anchor: a1(L.titleRow, 0), rows }],
    columns: [
      { index: 0, width: 18 },
      { index: 1, width: 8 },
      { index: 2, width: 90 },
      { index: 3, width: 10 },
      { index: 4, width: 12 },
      { index: 5, width: 12 },
      { index: 6, width: 18 },
    ],
    hidden: true,
  };
}

const positiveInt = (v: unknown): number => {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : 1;
};

const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v).trim());

/** What the hidden sheet holds. */
export interface FormulaSheetRead {
  records: FormulaRecord[];
  noteCell?: CellLocation;
  /**
   * Written by an older OpsKit, before column G ("Copy of"): the header has
   * the date column but no G, so a record without copyOf may still be a copy
   * (see resolveLegacyRecords). Absent for the current layout.
   */
  legacy?: true;
}

/**
 * The records of the hidden sheet from its values, the grid starting at A1
 * (as the pane reads them from Excel). Rows that do not hold a sheet, a cell
 * address and a formula are ignored.
 */
export function readFormulaRecords(values: readonly (readonly unknown[])[]): FormulaSheetRead {
  const L = OPS_FORMULAS_LAYOUT;
  const C = L.columns;
  const records: FormulaRecord[] = [];
  for (let r = L.firstRow; r < values.length; r++) {
    const row = values[r] ?? [];
    const sheet = text(row[C.sheet]);
    const address = text(row[C.address]).replace(/\$/g, "").toUpperCase();
    let formula = text(row[C.formula]);
    if (formula.startsWith("'")) formula = formula.slice(1);
    if (sheet === "" || !/^[A-Z]{1,3}\d{1,7}$/.test(address) || !formula.startsWith("=")) continue;
    const record: FormulaRecord = { sheet, address, formula, rows: positiveInt(row[C.rows]), cols: positiveInt(row[C.cols]), frozenAt: text(row[C.frozenAt]) };
    const copyOf = text(row[C.copyOf]);
    // A copy of itself is not a copy (a damaged row): restore it in place rather than delete the sheet.
    if (copyOf !== "" && copyOf.toLowerCase() !== sheet.toLowerCase()) record.copyOf = copyOf;
    records.push(record);
  }
  const noteRow = values[L.noteCellRow] ?? [];
  const noteSheet = text(noteRow[1]);
  const noteAddress = text(noteRow[2]).toUpperCase();
  const noteCell =
    text(noteRow[0]) === NOTE_CELL_MARKER && noteSheet !== "" && /^\$?[A-Z]{1,3}\$?\d{1,7}(:\$?[A-Z]{1,3}\$?\d{1,7})?$/.test(noteAddress)
      ? { sheet: noteSheet, address: noteAddress.replace(/\$/g, "") }
      : undefined;
  const header = values[L.headerRow] ?? [];
  const legacy = text(header[C.frozenAt]) !== "" && text(header[C.copyOf]) === "";
  return { records, ...(noteCell ? { noteCell } : {}), ...(legacy ? { legacy: true as const } : {}) };
}

const COPY_SUFFIX = " (values)";
/** " (2)", " (3)"… that uniqueSheetName appends when a name is taken. */
const NUMBER_SUFFIX = / \((\d+)\)$/;

/** Whether `name` is a name a freeze in copies gave the copy of `original`: uniqueSheetName("<original> (values)"). */
function isCopyNameOf(name: string, original: string): boolean {
  const base = sanitizeSheetName(`${original}${COPY_SUFFIX}`);
  const n = name.toLowerCase();
  if (n === base.toLowerCase()) return true;
  const m = NUMBER_SUFFIX.exec(name);
  if (!m || Number(m[1]) < 2) return false;
  return n === numberedSheetName(base, Number(m[1])).toLowerCase();
}

/**
 * Whether a sheet name shows the " (values)" a freeze in copies adds, whole
 * or cut at Excel's 31 characters ("Customer tiering for 2026 (valu"),
 * before or after a " (2)".
 */
function looksLikeCopy(name: string): boolean {
  const n = name.toLowerCase();
  if (n.includes(COPY_SUFFIX.trim())) return true;
  const cutAt = (s: string, length: number) => {
    if (s.length !== length) return false;
    for (let k = 2; k < COPY_SUFFIX.length; k++) if (s.endsWith(COPY_SUFFIX.slice(0, k))) return true;
    return false;
  };
  const m = NUMBER_SUFFIX.exec(n);
  return cutAt(n, 31) || (!!m && cutAt(n.slice(0, -m[0].length), 31 - m[0].length));
}

/** The records of a legacy hidden sheet with the copies it made recognised, and those it cannot tell. */
export interface LegacyResolution {
  /** The records, each recognised copy with its copyOf. */
  records: FormulaRecord[];
  /** Records on an existing sheet that may be a copy or may have been frozen in place: a restore must not guess. */
  undecided: FormulaRecord[];
}

/**
 * Reads a legacy hidden sheet's records (no column G) against the
 * workbook's sheet names. A record without copyOf on sheet S is:
 * - a copy of O when S is a name a freeze in copies gave the copy of an
 *   existing sheet O, S shows " (values)", and O has no record of its own
 *   (a freeze in copies left the original live and unrecorded);
 * - undecided when S exists and looks like a copy otherwise: its original is
 *   gone or renamed, or the original has records too, or S is only a "(2)"
 *   of a long name's copy;
 * - in place otherwise (as before; missing when S is gone).
 * Records that have copyOf are kept as they are.
 */
export function resolveLegacyRecords(records: readonly FormulaRecord[], sheetNames: readonly string[]): LegacyResolution {
  const exists = new Set(sheetNames.map((n) => n.toLowerCase()));
  const recorded = new Set(records.filter((r) => r.copyOf === undefined).map((r) => r.sheet.toLowerCase()));
  const out: FormulaRecord[] = [];
  const undecided: FormulaRecord[] = [];
  for (const r of records) {
    if (r.copyOf !== undefined) {
      out.push(r);
      continue;
    }
    const sheet = r.sheet.toLowerCase();
    const origins = sheetNames.filter((o) => o.toLowerCase() !== sheet && isCopyNameOf(r.sheet, o));
    const shows = looksLikeCopy(r.sheet);
    if (origins.length > 0 && shows && origins.every((o) => !recorded.has(o.toLowerCase()))) {
      out.push({ ...r, copyOf: origins[0]! });
      continue;
    }
    if (exists.has(sheet) && (origins.length > 0 || shows)) undecided.push(r);
    out.push(r);
  }
  return { records: out, undecided };
}

/** One restore step: clear the frozen area, then write the formula into its anchor. */
export interface RestoreWrite {
  sheet: string;
  /** The frozen area (the anchor alone, or the spill rectangle). */
  clear: string;
  address: string;
  formula: string;
}

/** The writes that put the formulas back (the pane runs them in one batch), latest freeze last. */
export function restoreWrites(records: readonly FormulaRecord[]): RestoreWrite[] {
  return records.map((r) => {
    const { row, col } = parseA1(r.address);
    const clear = r.rows === 1 && r.cols === 1 ? r.address : rangeA1(row, col, row + r.rows - 1, col + r.cols - 1);
    return { sheet: r.sheet, clear, address: r.address, formula: r.formula };
  });
}


/** What a restore does: formulas back where they were frozen in place, the copies the freeze made deleted. */
export interface RestorePlan {
  /** Formulas to write back (records frozen in place whose sheet exists), latest freeze last. */
  writes: RestoreWrite[];
  /** The records those writes restore. */
  restored: FormulaRecord[];
  /** Sheet copies made by the freeze, to delete (each once, in record order); their originals stay as they are. */
  deleteSheets: string[];
  /** Records frozen in place whose sheet no longer exists (nothing to write them into). */
  missing: FormulaRecord[];
  /**
   * Records of a legacy hidden sheet that may be copies or may have been
   * frozen in place (resolveLegacyRecords). When there are any, the plan is
   * empty: the restore changes nothing and tells the user.
   */
  undecided: FormulaRecord[];
}

/** The workbook's sheet names, given when the hidden sheet is legacy (FormulaSheetRead.legacy). */
export interface LegacyContext {
  sheetNames: readonly string[];
}

/**
 * Undoes a freeze: `exists` says whether a sheet is in the workbook (names
 * compare without case, as Excel's do). A copy that is already gone needs
 * no undoing and is neither deleted nor missing. For a legacy hidden sheet
 * pass `legacy`: the copies are recognised by their names first, and when
 * some record cannot be told, nothing is planned (see `undecided`).
 */
export function restorePlan(records: readonly FormulaRecord[], exists: (sheet: string) => boolean, legacy?: LegacyContext): RestorePlan {
  if (legacy) {
    const resolved = resolveLegacyRecords(records, legacy.sheetNames);
    if (resolved.undecided.length > 0) return { writes: [], restored: [], deleteSheets: [], missing: [], undecided: resolved.undecided };
    records = resolved.records;
  }
  const inPlace = records.filter((r) => r.copyOf === undefined);
  const restored = inPlace.filter((r) => exists(r.sheet));
  const deleteSheets: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    if (r.copyOf === undefined || !exists(r.sheet) || seen.has(r.sheet.toLowerCase())) continue;
    seen.add(r.sheet.toLowerCase());
    deleteSheets.push(r.sheet);
  }
  return { writes: restoreWrites(restored), restored, deleteSheets, missing: inPlace.filter((r) => !exists(r.sheet)), undecided: [] };
}

/**
 * The earlier records a new freeze appends to. The hidden sheet is rewritten
 * in the current layout, so a legacy sheet's copies must be recognised now
 * (their copyOf goes into column G); when some cannot be told, the freeze is
 * refused (restore first) rather than turn them into records frozen in place.
 */
export function previousRecords(read: FormulaSheetRead, sheetNames: readonly string[], locale: Locale = "en"): FormulaRecord[] {
  if (!read.legacy) return read.records;
  const resolved = resolveLegacyRecords(read.records, sheetNames);
  if (resolved.undecided.length > 0) throw new Error(tIn(locale, "shareLegacyFreezeUndecided", { sheets: undecidedSheets(resolved.undecided).join(", ") }));
  return resolved.records;
}

/** The sheets of undecided records, each once, in record order (for the message). */
export function undecidedSheets(records: readonly FormulaRecord[]): string[] {
  const seen = new Map<string, string>();
  for (const r of records) if (!seen.has(r.sheet.toLowerCase())) seen.set(r.sheet.toLowerCase(), r.sheet);
  return [...seen.values()];
}

/**
 * Count and latest date of the hidden sheet's records, and the value copies a
 * restore deletes (for a legacy hidden sheet, pass `legacy` so the copies are
 * recognised by their names).
 */
export function frozenSummary(records: readonly FormulaRecord[], legacy?: LegacyContext): { count: number; frozenAt: string; copies: string[] } {
  if (legacy) records = resolveLegacyRecords(records, legacy.sheetNames).records;
  const dates = records.map((r) => r.frozenAt).filter((d) => d !== "").sort();
  const copies = [...new Set(records.filter((r) => r.copyOf !== undefined).map((r) => r.sheet))];
  return { count: records.length, frozenAt: dates[dates.length - 1] ?? "", copies };
}
