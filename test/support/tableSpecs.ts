/** Small hand-written TableSpecs for the adapter tests (generators are tested elsewhere). */
import { a1, rangeA1, sheetRef } from "../../src/core/tablespec/a1";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../../src/core/tablespec/types";

export const HEADERS = ["ID", "Task", "Start", "Duration", "End", "Status"];

/** 2025-03-03 (a Monday) as an Excel serial. */
export const START_SERIAL = 45719;

/**
 * A schedule-like sheet: title (merged), header at row 3, `rows` tasks from
 * row 4; End = WORKDAY(Start, Duration-1, Holidays); each task after the first
 * starts the workday after its predecessor ends.
 */
export function scheduleSheet(rows: number, name = "Schedule", settings = "Settings"): SheetSpec {
  const first = 3; // 0-based row of the first task
  const data: (CellSpec | null)[][] = [];
  for (let i = 0; i < rows; i++) {
    const r = first + i;
    const start: CellSpec =
      i === 0
        ? { value: START_SERIAL, numberFormat: "yyyy-mm-dd", style: "input" }
        : { formula: `=WORKDAY(${a1(r - 1, 4)},1,Holidays)`, numberFormat: "yyyy-mm-dd", style: "computed" };
    data.push([
      { value: `T${i + 1}` },
      { value: `Task ${i + 1}` },
      start,
      { value: 1 + (i % 5), numberFormat: "0", style: "input" },
      { formula: `=WORKDAY(${a1(r, 2)},${a1(r, 3)}-1,Holidays)`, numberFormat: "yyyy-mm-dd", style: "computed" },
      { value: "Not started" },
    ]);
  }
  const last = first + rows - 1;
  return {
    kind: "schedule",
    name,
    blocks: [
      { anchor: "A1", rows: [[{ value: "Execution schedule", style: "title", mergeAcross: 6 }]] },
      { anchor: "A2", rows: [[{ formula: `="Holidays: "&COUNT(${sheetRef(settings, "$A$2:$A$20")})`, style: "note" }]] },
      { anchor: "A3", rows: [HEADERS.map((h) => ({ value: h, style: "header" as const }))] },
      { anchor: "A4", rows: data },
    ],
    columns: [
      { index: 0, width: 6 },
      { index: 1, width: 30 },
      { index: 2, width: 12 },
      { index: 3, width: 12 },
      { index: 4, width: 12 },
      { index: 5, width: 14 },
      { index: 7, hidden: true },
    ],
    freeze: { rows: 3, columns: 2 },
    tables: [{ name: "tblSchedule", range: rangeA1(2, 0, last, 5), style: "TableStyleLight9" }],
    conditionalFormats: [
      {
        kind: "expression",
        range: rangeA1(first, 0, last, 5),
        formula: "=$F4=\"Done\"",
        format: { fill: "#C6EFCE", fontColor: "#006100" },
        priority: 2,
      },
      {
        kind: "expression",
        range: rangeA1(first, 0, last, 5),
        formula: "=$F4=\"Blocked\"",
        format: { fill: "#FFC7CE", bold: true },
        priority: 1,
        stopIfTrue: true,
      },
      {
        kind: "cellValue",
        range: rangeA1(first, 3, last, 3),
        operator: "greaterThan",
        formula1: "4",
        format: { fontColor: "#9C0006" },
      },
    ],
    validations: [
      {
        kind: "list",
        range: rangeA1(first, 5, last, 5),
        values: ["Not started", "In progress", "Blocked", "Done"],
        prompt: "Pick a status",
      },
      { kind: "decimal", range: rangeA1(first, 3, last, 3), min: 1, max: 250 },
    ],
    print: { orientation: "landscape", fitToWidth: true, repeatRows: "3:3", area: rangeA1(0, 0, last, 5), header: "Schedule", footer: "Page &P of &N" },
    tabColor: "#1F4E79",
  };
}

export function settingsSheet(name = "Settings"): SheetSpec {
  // 2025-03-07 and 2025-03-17 are holidays.
  return {
    kind: "settings",
    name,
    blocks: [
      { anchor: "A1", rows: [[{ value: "Holidays", style: "header" }], [{ value: 45723, numberFormat: "yyyy-mm-dd", style: "input" }], [{ value: 45733, numberFormat: "yyyy-mm-dd", style: "input" }]] },
    ],
    columns: [{ index: 0, width: 14 }],
  };
}

export function tieringSheet(name = "Customer tiers"): SheetSpec {
  const customers: [string, number][] = [
    ["Acme", 500],
    ["Globex", 300],
    ["Initech", 100],
    ["Umbrella", 60],
    ["Hooli", 40],
  ];
  const n = customers.length;
  const rows: (CellSpec | null)[][] = customers.map(([c, v], i) => {
    const r = 1 + i;
    return [
      { value: c },
      { value: v, numberFormat: "#,##0" },
      { formula: `=${a1(r, 1)}/SUM(${rangeA1(1, 1, n, 1, true)})`, numberFormat: "0.0%" },
      { formula: `=SUM(${a1(1, 1, true, true)}:${a1(r, 1, false, true)})/SUM(${rangeA1(1, 1, n, 1, true)})`, numberFormat: "0.0%" },
    ];
  });
  return {
    kind: "tiering",
    name,
    blocks: [
      { anchor: "A1", rows: [["Customer", "Value", "Share", "Cumulative share"].map((h) => ({ value: h, style: "header" as const }))] },
      { anchor: "A2", rows },
    ],
    charts: [
      {
        kind: "pareto",
        title: "Customer value (Pareto)",
        categories: rangeA1(1, 0, n, 0),
        columns: [{ name: "Value", values: rangeA1(1, 1, n, 1) }],
        lines: [{ name: "Cumulative share", values: rangeA1(1, 3, n, 3) }],
        anchor: "F2",
        widthCells: 8,
        heightCells: 16,
      },
    ],
  };
}

export function demoWorkbook(rows: number): WorkbookSpec {
  return {
    sheets: [scheduleSheet(rows), settingsSheet(), tieringSheet()],
    names: [{ name: "Holidays", refersTo: sheetRef("Settings", "$A$2:$A$20") }],
  };
}
