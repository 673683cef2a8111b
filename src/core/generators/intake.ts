/**
 * Requirement intake: incoming customer requirements graded L1–L4 so urgent
 * ones are not buried in the release queue (shared/domain.md §3, §5).
 *
 * Layout (1-based rows): title 1, subtitle 2, headers on row 4.
 *   Log A:I — ID · Date · Customer · Customer tier · Requirement · Grade ·
 *   Response due · Owner · Status, entries from row 5.
 *   Grade table K:P — Grade · Meaning · Response target · Within (hours) ·
 *   Within (workdays) · Open, L1–L4 on rows 5–8.
 *
 * Response due is a native formula from the Date and the grade's row of the
 * grade table: Date + hours/24 when the grade has hours, else
 * WORKDAY(Date, workdays[, holidays]) when it has workdays, else "" (the
 * backlog has no due date). Editing the table's hours or workdays moves every
 * due date. Overdue, unfinished entries turn red; L1 grades are bold red.
 *
 * Options:
 * - entries: rows to pre-fill (the demo); then `blankRows` empty rows.
 * - holidays: a reference or defined name for WORKDAY's holidays (e.g.
 *   "Holidays" or "'Settings'!$A$2:$A$60"); none by default, because this
 *   sheet cannot know whether the workbook has one.
 * - linkTiering: Customer tier looks the customer up on the tiering sheet
 *   (ctx.sheetNames.tiering, its Final tier column); only set it when that
 *   sheet is written too. Otherwise the tier is an input with a list.
 */
import type { CellSpec, ConditionalFormatSpec, DataValidationSpec, SheetSpec } from "../tablespec/types";
import { a1, columnLetters, rangeA1, sheetRef } from "../tablespec/a1";
import { PALETTE, TAB_COLORS } from "../tablespec/palette";
import { tIn, type Locale, type MessageKey } from "../i18n";
import type { GeneratorContext } from "./context";
import { DATE_TIME_FORMAT, excelString, formulaCell, header, inputCell, rectangular, serialOf, tableNameFor, tablePrint, textCell } from "./dataCells";
import { TIERING_COLUMNS, TIERING_DEFAULT_LABELS } from "./tiering";

export const REQUIREMENT_GRADES = ["L1", "L2", "L3", "L4"] as const;
export type RequirementGrade = (typeof REQUIREMENT_GRADES)[number];

/** Response-time targets per grade: hours, or workdays, or neither (backlog). */
export const GRADE_TARGETS: Readonly<Record<RequirementGrade, { hours?: number; workdays?: number }>> = {
  L1: { hours: 4 },
  L2: { workdays: 1 },
  L3: { workdays: 10 },
  L4: {},
};

export type IntakeStatus = "new" | "accepted" | "inProgress" | "done" | "rejected";
const STATUS_KEYS: Record<IntakeStatus, MessageKey> = {
  new: "intakeStatusNew",
  accepted: "intakeStatusAccepted",
  inProgress: "intakeStatusInProgress",
  done: "intakeStatusDone",
  rejected: "intakeStatusRejected",
};

export interface IntakeEntry {
  /** Default REQ-001, REQ-002, ... by position. */
  id?: string;
  /** ISO date, optionally with time: "2026-03-02 14:30". */
  date: string;
  customer: string;
  /** Ignored when linkTiering is on (the tier then comes from the tiering sheet). */
  customerTier?: string;
  requirement: string;
  grade: RequirementGrade;
  owner?: string;
  status?: IntakeStatus;
}

export interface IntakeOptions {
  entries?: IntakeEntry[];
  /** Empty rows after the entries (default 40). */
  blankRows?: number;
  /** WORKDAY holidays: a range reference or defined name, without "=". */
  holidays?: string;
  /** Look the customer tier up on the tiering sheet. */
  linkTiering?: boolean;
  /** Values of the customer-tier list when not linked (default S, A, B, C). */
  tierLabels?: string[];
}

/** 0-based columns. */
export const INTAKE_COLUMNS = {
  id: 0,
  date: 1,
  customer: 2,
  tier: 3,
  requirement: 4,
  grade: 5,
  due: 6,
  owner: 7,
  status: 8,
  gGrade: 10,
  gMeaning: 11,
  gTarget: 12,
  gHours: 13,
  gWorkdays: 14,
  gOpen: 15,
} as const;

export const INTAKE_LAYOUT = { titleRow: 0, subtitleRow: 1, headerRow: 3, firstDataRow: 4 } as const;

const COL = INTAKE_COLUMNS;

/** Where this sheet's log and grade table sit (0-based rows) and what their formulas read. */
interface IntakeFrame {
  locale: Locale;
  /** First and last row of the log. */
  firstLogRow: number;
  lastLogRow: number;
  /** Rows of L1 and L4 in the grade table. */
  firstGradeRow: number;
  lastGradeRow: number;
  /** WORKDAY's holidays (a range or defined name), or undefined. */
  holidays: string | undefined;
}

function intakeFrame(ctx: GeneratorContext, options: IntakeOptions): IntakeFrame {
  const entries = options.entries ?? [];
  const logRows = Math.max(1, entries.length + Math.max(0, Math.floor(options.blankRows ?? 40)));
  const firstLogRow = INTAKE_LAYOUT.firstDataRow;
  const firstGradeRow = INTAKE_LAYOUT.firstDataRow;
  return {
    locale: ctx.locale,
    firstLogRow,
    lastLogRow: firstLogRow + logRows - 1,
    firstGradeRow,
    lastGradeRow: firstGradeRow + REQUIREMENT_GRADES.length - 1,
    holidays: options.holidays?.trim().replace(/^=/, ""),
  };
}

/** Widths of the log (A:I), the gap J and the grade table (K:P). */
const INTAKE_WIDTHS: readonly [number, number][] = [
  [COL.id, 10], [COL.date, 17], [COL.customer, 28], [COL.tier, 12], [COL.requirement, 48], [COL.grade, 8], [COL.due, 17],
  [COL.owner, 14], [COL.status, 12], [9, 3], [COL.gGrade, 10], [COL.gMeaning, 80], [COL.gTarget, 28], [COL.gHours, 14],
  [COL.gWorkdays, 16], [COL.gOpen, 8],
];

export function generateIntake(ctx: GeneratorContext, options: IntakeOptions = {}): SheetSpec {
  const { locale } = ctx;
  const frame = intakeFrame(ctx, options);
  const headerRow = INTAKE_LAYOUT.headerRow;
  return {
    kind: "intake",
    name: ctx.sheetNames.intake,
    blocks: [
      { anchor: "A1", rows: [[textCell(tIn(locale, "intakeSheetTitle"), "title")], [textCell(tIn(locale, "intakeSheetSubtitle"), "subtitle")]] },
      { anchor: a1(headerRow, 0), rows: rectangular([headerCells(locale, LOG_HEADER_KEYS), ...logRows(ctx, options, frame)]) },
      { anchor: a1(headerRow, COL.gGrade), rows: rectangular([headerCells(locale, GRADE_HEADER_KEYS), ...gradeRows(frame)]) },
      { anchor: a1(frame.lastGradeRow + 2, COL.gGrade), rows: [[textCell(tIn(locale, "intakeGradeNote"), "note")]] },
    ],
    columns: INTAKE_WIDTHS.map(([index, width]) => ({ index, width })),
    freeze: { rows: headerRow + 1, columns: 0 },
    tables: [
      {
        name: tableNameFor("tblIntake", ctx.sheetNames.intake, "underscore"),
        range: rangeA1(headerRow, COL.id, frame.lastLogRow, COL.status),
        style: "TableStyleLight9",
      },
    ],
    conditionalFormats: intakeRules(frame),
    validations: intakeValidations(frame, options),
    print: tablePrint(headerRow, frame.lastLogRow, COL.status),
    tabColor: TAB_COLORS.intake,
  };
}

const LOG_HEADER_KEYS: readonly MessageKey[] = [
  "intakeHeaderId",
  "intakeHeaderDate",
  "intakeHeaderCustomer",
  "intakeHeaderCustomerTier",
  "intakeHeaderRequirement",
  "intakeHeaderGrade",
  "intakeHeaderResponseDue",
  "intakeHeaderOwner",
  "intakeHeaderStatus",
];

const GRADE_HEADER_KEYS: readonly MessageKey[] = [
  "intakeGradeHeaderGrade",
  "intakeGradeHeaderMeaning",
  "intakeGradeHeaderTarget",
  "intakeGradeHeaderHours",
  "intakeGradeHeaderWorkdays",
  "intakeGradeHeaderOpen",
];

const headerCells = (locale: Locale, keys: readonly MessageKey[]): CellSpec[] => keys.map((k) => header(tIn(locale, k)));

/** One column of the grade table (L1..L4), absolute. */
const gradeColumn = (frame: IntakeFrame, column: number) => rangeA1(frame.firstGradeRow, column, frame.lastGradeRow, column, true);
/** One column of the log, absolute. */
const logColumn = (frame: IntakeFrame, column: number) => rangeA1(frame.firstLogRow, column, frame.lastLogRow, column, true);

/** The log: the given entries as inputs, then blank rows; Response due always a formula, Customer tier linked or an input. */
function logRows(ctx: GeneratorContext, options: IntakeOptions, frame: IntakeFrame): (CellSpec | null)[][] {
  const entries = options.entries ?? [];
  const count = frame.lastLogRow - frame.firstLogRow + 1;
  return Array.from({ length: count }, (_, i) => {
    const entry: IntakeEntry | undefined = entries[i];
    const row = frame.firstLogRow + i;
    return [
      inputCell(entry ? (entry.id ?? `REQ-${String(i + 1).padStart(3, "0")}`) : undefined),
      inputCell(serialOf(entry?.date), DATE_TIME_FORMAT),
      inputCell(entry?.customer),
      options.linkTiering ? formulaCell(linkedTierFormula(ctx, row)) : inputCell(entry?.customerTier),
      inputCell(entry?.requirement),
      inputCell(entry?.grade),
      formulaCell(dueFormula(frame, row), DATE_TIME_FORMAT),
      inputCell(entry?.owner),
      inputCell(entry ? tIn(frame.locale, STATUS_KEYS[entry.status ?? "new"]) : undefined),
    ];
  });
}

/**
 * Response due of a log row: Date + hours/24 when the row's grade has hours,
 * else WORKDAY(Date, workdays[, holidays]) when it has workdays, else "";
 * "" while Date or Grade is blank, and when the grade is not in the table.
 */
function dueFormula(frame: IntakeFrame, row: number): string {
  const date = a1(row, COL.date);
  const grade = a1(row, COL.grade);
  const gradeRow = `MATCH(${grade},${gradeColumn(frame, COL.gGrade)},0)`;
  const hours = `INDEX(${gradeColumn(frame, COL.gHours)},${gradeRow})`;
  const workdays = `INDEX(${gradeColumn(frame, COL.gWorkdays)},${gradeRow})`;
  const workday = `WORKDAY(${date},${workdays}${frame.holidays ? `,${frame.holidays}` : ""})`;
  return (
    `=IF(OR(${date}="",${grade}=""),"",IFERROR(IF(${hours}<>"",${date}+${hours}/24,` +
    `IF(${workdays}<>"",${workday},"")),""))`
  );
}

/** Customer tier looked up on the tiering sheet (its Final tier column, by customer name); "" when not found. */
function linkedTierFormula(ctx: GeneratorContext, row: number): string {
  const wholeColumn = (c: number) => sheetRef(ctx.sheetNames.tiering, `$${columnLetters(c)}:$${columnLetters(c)}`);
  const customer = a1(row, COL.customer);
  return `=IF(${customer}="","",IFERROR(INDEX(${wholeColumn(TIERING_COLUMNS.final)},MATCH(${customer},${wholeColumn(TIERING_COLUMNS.customer)},0))&"",""))`;
}

/** The grade table: L1–L4 with meaning, target text, hours and workdays (inputs) and the open entries of each grade. */
function gradeRows(frame: IntakeFrame): (CellSpec | null)[][] {
  const { locale } = frame;
  const notDone = excelString("<>" + tIn(locale, "intakeStatusDone"));
  const notRejected = excelString("<>" + tIn(locale, "intakeStatusRejected"));
  const grades = logColumn(frame, COL.grade);
  const statuses = logColumn(frame, COL.status);
  return REQUIREMENT_GRADES.map((grade, t) => {
    const target = GRADE_TARGETS[grade];
    const label = a1(frame.firstGradeRow + t, COL.gGrade);
    return [
      textCell(grade, "header"),
      textCell(tIn(locale, `intake${grade}Meaning` as MessageKey)),
      textCell(tIn(locale, `intake${grade}Target` as MessageKey), "note"),
      inputCell(target.hours, "0"),
      inputCell(target.workdays, "0"),
      formulaCell(`=COUNTIFS(${grades},${label},${statuses},${notDone},${statuses},${notRejected})`, "0"),
    ];
  });
}

/** An overdue, unfinished entry's due date in red; L1 grades bold red. */
function intakeRules(frame: IntakeFrame): ConditionalFormatSpec[] {
  const { firstLogRow: first, lastLogRow: last } = frame;
  const due = a1(first, COL.due, false, true);
  const status = a1(first, COL.status, false, true);
  const grade = a1(first, COL.grade, false, true);
  const done = excelString(tIn(frame.locale, "intakeStatusDone"));
  const rejected = excelString(tIn(frame.locale, "intakeStatusRejected"));
  return [
    {
      kind: "expression",
      range: rangeA1(first, COL.due, last, COL.due),
      formula: `=AND(ISNUMBER(${due}),${due}<NOW(),${status}<>${done},${status}<>${rejected})`,
      format: { fill: PALETTE.badFill, fontColor: PALETTE.bad },
      priority: 1,
    },
    {
      kind: "expression",
      range: rangeA1(first, COL.grade, last, COL.grade),
      formula: `=${grade}=${excelString("L1")}`,
      format: { fontColor: PALETTE.today, bold: true },
      priority: 2,
    },
  ];
}

/** Lists for Grade, Status and (unless linked) Customer tier, dates for Date, non-negative hours and workdays. */
function intakeValidations(frame: IntakeFrame, options: IntakeOptions): DataValidationSpec[] {
  const logColumnRange = (c: number) => rangeA1(frame.firstLogRow, c, frame.lastLogRow, c);
  const statuses = (Object.keys(STATUS_KEYS) as IntakeStatus[]).map((s) => tIn(frame.locale, STATUS_KEYS[s]));
  const tierLabels = options.tierLabels ?? [...TIERING_DEFAULT_LABELS];
  return [
    { kind: "list", range: logColumnRange(COL.grade), values: [...REQUIREMENT_GRADES], allowBlank: true },
    { kind: "list", range: logColumnRange(COL.status), values: statuses, allowBlank: true },
    { kind: "date", range: logColumnRange(COL.date), allowBlank: true },
    ...(options.linkTiering ? [] : [{ kind: "list" as const, range: logColumnRange(COL.tier), values: tierLabels, allowBlank: true }]),
    { kind: "decimal", range: rangeA1(frame.firstGradeRow, COL.gHours, frame.lastGradeRow, COL.gWorkdays), min: 0, allowBlank: true },
  ];
}
