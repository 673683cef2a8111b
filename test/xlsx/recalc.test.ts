/**
 * Proves the LibreOffice harness on a small spec: the native formulas of the
 * .xlsx we write carry no cached values; LibreOffice recalculates them and the
 * values read back equal numbers computed here in TypeScript. The last suite
 * records what LibreOffice does with the cached values of OPS formulas.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { a1, sheetRef } from "../../src/core/tablespec/a1";
import type { CellSpec, WorkbookSpec } from "../../src/core/tablespec/types";
import { writeXlsxFile } from "../../src/xlsx/writeXlsx";
import { describeWithLibreOffice, errorsIn, readAllValues, recalculate, type CellResult } from "../support/libreoffice";

const DAY = 86_400_000;
const serial = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY + 25569;
const weekday = (s: number): number => new Date((s - 25569) * DAY).getUTCDay(); // 0 = Sunday

/** A naive WORKDAY, written independently of the generators' code. */
function workday(start: number, days: number, holidays: readonly number[]): number {
  let d = start;
  let left = days;
  while (left > 0) {
    d++;
    if (weekday(d) !== 0 && weekday(d) !== 6 && !holidays.includes(d)) left--;
  }
  return d;
}

const HOLIDAYS = [serial(2025, 3, 7), serial(2025, 3, 17), serial(2025, 4, 18)];
const START = serial(2025, 3, 3);
const DURATIONS = [1, 3, 5, 2, 8];
const DATA: [string, number][] = [
  ["A", 120],
  ["B", 80],
  ["A", 40],
  ["C", 15.5],
  ["B", 4.5],
  ["A", 240],
];

function spec(): WorkbookSpec {
  const settings = "Settings";
  const plan = "Launch plan"; // a name that needs quoting
  const data = "Data";
  const taskRows: CellSpec[][] = DURATIONS.map((dur, i) => {
    const r = 1 + i;
    return [
      i === 0 ? { value: START, numberFormat: "yyyy-mm-dd" } : { formula: `=WORKDAY(${a1(r - 1, 2)},1,Holidays)`, numberFormat: "yyyy-mm-dd" },
      { value: dur },
      { formula: `=WORKDAY(${a1(r, 0)},${a1(r, 1)}-1,Holidays)`, numberFormat: "yyyy-mm-dd" },
    ];
  });
  const dataRange = (col: string): string => sheetRef(data, `$${col}$2:$${col}$${DATA.length + 1}`);
  return {
    sheets: [
      {
        kind: "schedule",
        name: plan,
        blocks: [
          { anchor: "A1", rows: [[{ value: "Start" }, { value: "Days" }, { value: "End" }]] },
          { anchor: "A2", rows: taskRows },
          {
            anchor: "E1",
            rows: ["A", "B", "C"].map((cat, i) => [
              { value: cat },
              { formula: `=SUMIF(${dataRange("A")},E${i + 1},${dataRange("B")})` },
              { formula: `=F${i + 1}/SUM(${dataRange("B")})`, numberFormat: "0.0%" },
            ]),
          },
          {
            anchor: "E5",
            rows: [
              [{ value: "Holiday count" }, { formula: "=COUNT(Holidays)" }],
              [{ value: "Largest A" }, { formula: `=MAXIFS(${dataRange("B")},${dataRange("A")},"A")` }],
              [{ value: "Size" }, { formula: `=IFS(F1>300,"big",F1>100,"medium",TRUE,"small")` }],
              [{ value: "Last end" }, { formula: `=MAX(C2:C${DURATIONS.length + 1})`, numberFormat: "yyyy-mm-dd" }],
            ],
          },
        ],
      },
      {
        kind: "settings",
        name: settings,
        blocks: [{ anchor: "A1", rows: [[{ value: "Holidays" }], ...HOLIDAYS.map((h) => [{ value: h, numberFormat: "yyyy-mm-dd" }])] }],
      },
      {
        kind: "metrics",
        name: data,
        blocks: [{ anchor: "A1", rows: [[{ value: "Category" }, { value: "Amount" }], ...DATA.map(([c, v]) => [{ value: c }, { value: v }])] }],
      },
    ],
    // Blank cells at the end of the holiday range, as the Settings sheet leaves room for more.
    names: [{ name: "Holidays", refersTo: sheetRef(settings, "$A$2:$A$20") }],
  };
}

describeWithLibreOffice("LibreOffice recalculation harness", () => {
  let dir: string;
  let recalculated: string;
  let all: Map<string, Map<string, CellResult>>;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "opskit-recalc-"));
    const file = path.join(dir, "small.xlsx");
    await writeXlsxFile(spec(), file);
    const out = await recalculate(file);
    if (!out) throw new Error("soffice disappeared");
    recalculated = out;
    all = await readAllValues(recalculated);
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
    if (recalculated) await fs.rm(path.dirname(recalculated), { recursive: true, force: true });
  });

  it("chains WORKDAY through the Holidays name", () => {
    const values = all.get("Launch plan")!;
    let start = START;
    DURATIONS.forEach((dur, i) => {
      const end = workday(start, dur - 1, HOLIDAYS);
      expect([i, values.get(`A${i + 2}`)]).toEqual([i, start]);
      expect([i, values.get(`C${i + 2}`)]).toEqual([i, end]);
      start = workday(end, 1, HOLIDAYS);
    });
    // concrete anchors: task 3 starts Mon 10 March (Fri 7 March is a holiday) and ends
    // Fri 14 March; task 4 starts Tue 18 March (weekend, then the 17 March holiday)
    expect(values.get("A4")).toBe(serial(2025, 3, 10));
    expect(values.get("C4")).toBe(serial(2025, 3, 14));
    expect(values.get("A5")).toBe(serial(2025, 3, 18));
    expect(values.get("F8")).toBe(values.get(`C${DURATIONS.length + 1}`));
  });

  it("computes SUMIF, shares and newer functions across sheets", () => {
    const values = all.get("Launch plan")!;
    const total = DATA.reduce((s, [, v]) => s + v, 0);
    for (const [i, cat] of ["A", "B", "C"].entries()) {
      const sum = DATA.filter(([c]) => c === cat).reduce((s, [, v]) => s + v, 0);
      expect(values.get(`F${i + 1}`)).toBeCloseTo(sum, 10);
      expect(values.get(`G${i + 1}`)).toBeCloseTo(sum / total, 12);
    }
    expect(values.get("F5")).toBe(HOLIDAYS.length);
    expect(values.get("F6")).toBe(240);
    expect(values.get("F7")).toBe("big");
  });

  it("leaves no error in any cell", () => {
    expect([...all.keys()]).toEqual(["Launch plan", "Settings", "Data"]);
    for (const [sheet, values] of all) expect([sheet, errorsIn(values)]).toEqual([sheet, []]);
  });
});

/**
 * What LibreOffice shows when it opens a file with OPS formulas: the .xlsx
 * carries their results as cached values over the whole spill (so a
 * previewer or a data reader sees numbers), but Calc has no OpsKit add-in:
 * it does not keep those cached values for a function it does not know, and
 * shows #NAME? over the whole spill — whether it recalculates on load or is
 * set to keep cached results. The native formula beside them is computed.
 */
describeWithLibreOffice("LibreOffice and OPS formulas with cached values", () => {
  const values = [500, 300, 100, 10];
  const opsSpec: WorkbookSpec = {
    sheets: [
      {
        kind: "metrics",
        name: "Calc",
        blocks: [
          { anchor: "A1", rows: values.map((v) => [{ value: v }]) },
          { anchor: "C1", rows: [[{ formula: "=OPS.TIER(A1:A4)" }, { formula: "=SUM(A1:A4)" }, { formula: "=OPS.PAYRATE({\"a\"},{\"a\";\"b\"})" }]] },
        ],
      },
    ],
  };
  let dir: string;
  const results = new Map<string, Map<string, CellResult>>();

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "opskit-recalc-ops-"));
    const file = path.join(dir, "ops.xlsx");
    await writeXlsxFile(opsSpec, file);
    for (const mode of ["always", "never"] as const) {
      const out = await recalculate(file, { recalc: mode });
      if (!out) throw new Error("soffice disappeared");
      results.set(mode, (await readAllValues(out)).get("Calc")!);
      await fs.rm(path.dirname(out), { recursive: true, force: true });
    }
  }, 240_000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it.each(["always", "never"])("recalculation %s: #NAME? over each OPS spill, the native SUM computed", (mode) => {
    const calc = results.get(mode)!;
    expect(["C1", "C2", "C3", "C4", "E1"].map((a) => [a, calc.get(a)])).toEqual(
      ["C1", "C2", "C3", "C4", "E1"].map((a) => [a, { error: "#NAME?" }]),
    );
    expect(calc.get("D1")).toBe(values.reduce((s, v) => s + v, 0));
  });
});
