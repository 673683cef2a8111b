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
import type { CellSpec, ConditionalFormatSpec, SheetSpec } from "../tablespec/types";
import { a1, columnLetters, rangeA1, sheetRef } from "../tablespec/a1";
import { PALETTE } from "../tablespec/palette";
import { tIn, type MessageKey } from "../i18n";
import type { GeneratorContext } from "./context";
import { DATE_TIME_FORMAT, formulaCell, header, inputCell, lit, rectangular, serialOf, tableNameFor, textCell } from "./dataCells";
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

export function generateIntake(ctx: GeneratorContext, options: IntakeOptions = {}): SheetSpec {
  const { locale } = ctx;
  const tr = (key: MessageKey) => tIn(locale, key);
  const C = INTAKE_COLUMNS;
  const L = INTAKE_LAYOUT;
  const entries = options.entries ?? [];
  const n = Math.max(1, entries.length + Math.max(0, Math.floor(options.blankRows ?? 40)));
  const first = L.firstDataRow;
  const lastRow = first + n - 1;
  const gFirst = L.firstDataRow;
  const gLast = gFirst + REQUIREMENT_GRADES.length - 1;
  const done = tr("intakeStatusDone");
  const rejected = tr("intakeStatusRejected");

  const gradeCol = (c: number) => rangeA1(gFirst, c, gLast, c, true);
  const logCol = (c: number) => rangeA1(first, c, lastRow, c, true);
  const holidays = options.holidays?.trim().replace(/^=/, "");

  const logHeaders = [
    "intakeHeaderId",
    "intakeHeaderDate",
    "intakeHeaderCustomer",
    "intakeHeaderCustomerTier",
    "intakeHeaderRequirement",
    "intakeHeaderGrade",
    "intakeHeaderResponseDue",
    "intakeHeaderOwner",
    "intakeHeaderStatus",
  ].map((k) => header(tr(k as MessageKey)));

  const wholeColumn = (c: number) => `$${columnLetters(c)}:$${columnLetters(c)}`;
  const tieringFinal = sheetRef(ctx.sheetNames.tiering, wholeColumn(TIERING_COLUMNS.final));
  const tieringNames = sheetRef(ctx.sheetNames.tiering, wholeColumn(TIERING_COLUMNS.customer));
  const rows: (CellSpec | null)[][] = [];
  for (let i = 0; i < n; i++) {
    const e: IntakeEntry | undefined = entries[i];
    const row = first + i;
    const date = a1(row, C.date);
    const grade = a1(row, C.grade);
    const customer = a1(row, C.customer);
    const match = `MATCH(${grade},${gradeCol(C.gGrade)},0)`;
    const hours = `INDEX(${gradeCol(C.gHours)},${match})`;
    const workdays = `INDEX(${gradeCol(C.gWorkdays)},${match})`;
    const workday = `WORKDAY(${date},${workdays}${holidays ? `,${holidays}` : ""})`;
    const dueFormula =
      `=IF(OR(${date}="",${grade}=""),"",IFERROR(IF(${hours}<>"",${date}+${hours}/24,` +
      `IF(${workdays}<>"",${workday},"")),""))`;
    const tierCell: CellSpec = options.linkTiering
      ? formulaCell(
          `=IF(${customer}="","",IFERROR(INDEX(${tieringFinal},MATCH(${customer},${tieringNames},0))&"",""))`,
        )
      : inputCell(e?.customerTier);
    const dateSerial = serialOf(e?.date);
    rows.push([
      inputCell(e ? (e.id ?? `REQ-${String(i + 1).padStart(3, "0")}`) : undefined),
      inputCell(dateSerial, DATE_TIME_FORMAT),
      inputCell(e?.customer),
      tierCell,
      inputCell(e?.requirement),
      inputCell(e?.grade),
      formulaCell(dueFormula, DATE_TIME_FORMAT),
      inputCell(e?.owner),
      inputCell(e ? tr(STATUS_KEYS[e.status ?? "new"]) : undefined),
    ]);
  }

  const gradeHeaders = [
    "intakeGradeHeaderGrade",
    "intakeGradeHeaderMeaning",
    "intakeGradeHeaderTarget",
    "intakeGradeHeaderHours",
    "intakeGradeHeaderWorkdays",
    "intakeGradeHeaderOpen",
  ].map((k) => header(tr(k as MessageKey)));
  const gradeRows: (CellSpec | null)[][] = REQUIREMENT_GRADES.map((g, t) => {
    const target = GRADE_TARGETS[g];
    const label = a1(gFirst + t, C.gGrade);
    return [
      textCell(g, "header"),
      textCell(tr(`intake${g}Meaning` as MessageKey)),
      textCell(tr(`intake${g}Target` as MessageKey), "note"),
      inputCell(target.hours, "0"),
      inputCell(target.workdays, "0"),
      formulaCell(
        `=COUNTIFS(${logCol(C.grade)},${label},${logCol(C.status)},${lit("<>" + done)},${logCol(C.status)},${lit(
          "<>" + rejected,
        )})`,
        "0",
      ),
    ];
  });

  const due = a1(first, C.due, false, true);
  const status = a1(first, C.status, false, true);
  const gradeTop = a1(first, C.grade, false, true);
  const conditionalFormats: ConditionalFormatSpec[] = [
    {
      kind: "expression",
      range: rangeA1(first, C.due, lastRow, C.due),
      formula: `=AND(ISNUMBER(${due}),${due}<NOW(),${status}<>${lit(done)},${status}<>${lit(rejected)})`,
      format: { fill: PALETTE.badFill, fontColor: PALETTE.bad },
      priority: 1,
    },
    {
      kind: "expression",
      range: rangeA1(first, C.grade, lastRow, C.grade),
      formula: `=${gradeTop}=${lit("L1")}`,
      format: { fontColor: PALETTE.today, bold: true },
      priority: 2,
    },
  ];

  const plain = (c: number) => rangeA1(first, c, lastRow, c);
  const tierLabels = options.tierLabels ?? [...TIERING_DEFAULT_LABELS];
  const statuses = (Object.keys(STATUS_KEYS) as IntakeStatus[]).map((s) => tr(STATUS_KEYS[s]));

  return {
    kind: "intake",
    name: ctx.sheetNames.intake,
    blocks: [
      { anchor: "A1", rows: [[textCell(tr("intakeSheetTitle"), "title")], [textCell(tr("intakeSheetSubtitle"), "subtitle")]] },
      { anchor: a1(L.headerRow, 0), rows: rectangular([logHeaders, ...rows]) },
      { anchor: a1(L.headerRow, C.gGrade), rows: rectangular([gradeHeaders, ...gradeRows]) },
      { anchor: a1(gLast + 2, C.gGrade), rows: [[textCell(tr("intakeGradeNote"), "note")]] },
    ],
    columns: [
      { index: C.id, width: 10 },
      { index: C.date, width: 17 },
      { index: C.customer, width: 28 },
      { index: C.tier, width: 12 },
      { index: C.requirement, width: 48 },
      { index: C.grade, width: 8 },
      { index: C.due, width: 17 },
      { index: C.owner, width: 14 },
      { index: C.status, width: 12 },
      { index: 9, width: 3 },
      { index: C.gGrade, width: 10 },
      { index: C.gMeaning, width: 80 },
      { index: C.gTarget, width: 28 },
      { index: C.gHours, width: 14 },
      { index: C.gWorkdays, width: 16 },
      { index: C.gOpen, width: 8 },
    ],
    freeze: { rows: L.headerRow + 1, columns: 0 },
    tables: [
      {
        name: tableNameFor("tblIntake", ctx.sheetNames.intake),
        range: rangeA1(L.headerRow, C.id, lastRow, C.status),
        style: "TableStyleLight9",
      },
    ],
    conditionalFormats,
    validations: [
      { kind: "list", range: plain(C.grade), values: [...REQUIREMENT_GRADES], allowBlank: true },
      { kind: "list", range: plain(C.status), values: statuses, allowBlank: true },
      { kind: "date", range: plain(C.date), allowBlank: true },
      ...(options.linkTiering
        ? []
        : [{ kind: "list" as const, range: plain(C.tier), values: tierLabels, allowBlank: true }]),
      { kind: "decimal", range: rangeA1(gFirst, C.gHours, gLast, C.gWorkdays), min: 0, allowBlank: true },
    ],
    print: {
      orientation: "landscape",
      fitToWidth: true,
      repeatRows: `${L.headerRow + 1}:${L.headerRow + 1}`,
      area: rangeA1(0, 0, lastRow, C.status),
    },
    tabColor: "#C55A11",
  };
}
