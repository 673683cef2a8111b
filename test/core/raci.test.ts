import { generateRaci, raciMatrix, raciCheckCell, RACI_LETTERS } from "../../src/core/generators/raci";
import { generateSchedule } from "../../src/core/generators/schedule";
import { SCHEDULE_LAYOUT } from "../../src/core/generators/planCommon";
import { defaultContext, type GeneratorContext } from "../../src/core/generators/context";
import { samplePlan } from "../../src/core/plan/fromTemplate";
import { PlanValidationError } from "../../src/core/plan/validate";
import { parseA1 } from "../../src/core/tablespec/a1";
import type { Plan } from "../../src/core/plan/types";
import { SUPPORTED_LOCALES, type Locale } from "../../src/core/i18n";
import { cellAt, expectFormulasSound, expectGolden, hasCjk } from "./planSheetChecks";

const FIRST = 4;
const clone = (p: Plan): Plan => JSON.parse(JSON.stringify(p)) as Plan;

describe.each(SUPPORTED_LOCALES.map((l) => [l]))("generateRaci, sample plan in %s", (locale) => {
  const plan = samplePlan(locale as Locale);
  const ctx = defaultContext(locale as Locale);
  const sheet = generateRaci(plan, ctx);
  const people = plan.team.people;
  const tasks = plan.schedule.tasks;
  const checkCol = 2 + people.length;
  const last = FIRST + tasks.length;

  it("is named from the context; formulas are sound and only reference the schedule sheet", () => {
    expect(sheet.name).toBe(ctx.sheetNames.raci);
    expectFormulasSound(sheet, ctx);
    const refs = JSON.stringify(sheet).match(/'[^']+'!/g) ?? [];
    expect(new Set(refs)).toEqual(new Set([`'${ctx.sheetNames.schedule}'!`]));
  });

  it("has one column per person with the people's names and roles, translated headers", () => {
    const header = sheet.blocks[0]!.rows[3]!.map((c) => c?.value);
    expect(header).toEqual([
      locale === "en" ? "ID" : "编号", locale === "en" ? "Task" : "任务", ...people.map((p) => p.name), locale === "en" ? "Check" : "检查",
    ]);
    expect(sheet.blocks[0]!.rows[2]!.slice(2, 2 + people.length).map((c) => c?.value)).toEqual(people.map((p) => p.role));
    if (locale === "zh-CN") expect(hasCjk(cellAt(sheet, 0, 0)!.value as string)).toBe(true);
  });

  it("marks exactly one A per task, on the schedule's owner; other letters from plan.raci", () => {
    const matrix = raciMatrix(plan);
    tasks.forEach((t, i) => {
      const row = sheet.blocks[0]!.rows[FIRST + i]!;
      const letters = row.slice(2, 2 + people.length).map((c) => c?.value ?? "");
      expect(letters.filter((l) => l === "A")).toHaveLength(1);
      expect(letters[people.findIndex((p) => p.id === t.ownerId)]).toBe("A");
      people.forEach((p, j) => expect(letters[j]).toBe(matrix.get(t.id)!.get(p.id) ?? ""));
      for (const l of letters) expect(["", ...RACI_LETTERS]).toContain(l);
    });
    // the schedule's Owner column shows the same person
    const schedule = generateSchedule(plan, ctx);
    tasks.forEach((t, i) =>
      expect(schedule.blocks[0]!.rows[SCHEDULE_LAYOUT.firstTaskRow + i]![SCHEDULE_LAYOUT.columns.owner]!.value).toBe(
        people.find((p) => p.id === t.ownerId)!.name,
      ));
  });

  it("looks the task name up on the schedule by ID, with the plan's name as fallback", () => {
    tasks.forEach((t, i) => {
      const row = sheet.blocks[0]!.rows[FIRST + i]!;
      const r = FIRST + i + 1;
      expect(row[0]).toEqual({ value: t.id });
      expect(row[1]!.formula).toBe(
        `=IFERROR(INDEX('${ctx.sheetNames.schedule}'!$C:$C,MATCH($A${r},'${ctx.sheetNames.schedule}'!$A:$A,0)),"${t.name.replace(/"/g, '""')}")`,
      );
    });
  });

  it("checks exactly one A and that the A is the schedule's owner, flagged by a warning format", () => {
    const lastPerson = String.fromCharCode(65 + 1 + people.length);
    const row = FIRST + 1;
    const check = sheet.blocks[0]!.rows[FIRST]![checkCol]!;
    expect(raciCheckCell(plan, 0)).toBe(`${String.fromCharCode(65 + checkCol)}${row}`);
    expect(check.formula).toContain(`COUNTIF(C${row}:${lastPerson}${row},"A")<>1`);
    expect(check.formula).toContain(`INDEX('${ctx.sheetNames.schedule}'!$D:$D,MATCH($A${row},'${ctx.sheetNames.schedule}'!$A:$A,0))`);
    expect(check.formula).toContain(locale === "en" ? '"Needs exactly one A"' : '"需要且只能有一个 A"');
    const warning = sheet.conditionalFormats!.find((cf) => cf.kind === "expression" && cf.formula.includes("<>"))!;
    expect(warning).toMatchObject({ range: `${String.fromCharCode(65 + checkCol)}5:${String.fromCharCode(65 + checkCol)}${last}`, format: { fill: "#FFC7CE" } });
  });

  it("has R/A/C/I validation lists on the matrix and per-person totals", () => {
    const lastPerson = String.fromCharCode(65 + 1 + people.length);
    expect(sheet.validations).toEqual([
      expect.objectContaining({ kind: "list", range: `C5:${lastPerson}${last}`, values: ["R", "A", "C", "I"], allowBlank: true }),
    ]);
    const totalA = sheet.blocks[0]!.rows[last]!;
    expect(totalA[2]!.formula).toBe(`=COUNTIF(C5:C${last},"A")`);
    const totalR = sheet.blocks[0]!.rows[last + 1]!;
    expect(totalR[2]!.formula).toBe(`=COUNTIF(C5:C${last},"R")`);
    expect(sheet.freeze).toEqual({ rows: 4, columns: 2 });
    expect(sheet.print).toMatchObject({ orientation: "landscape", fitToWidth: true });
  });

  it("matches the golden file", () => expectGolden(`raci.${locale}`, sheet));
});

describe("generateRaci, details", () => {
  it("follows a renamed schedule sheet", () => {
    const ctx: GeneratorContext = defaultContext("en");
    ctx.sheetNames = { ...ctx.sheetNames, schedule: "Bob's plan" };
    const sheet = generateRaci(samplePlan("en"), ctx);
    expect(sheet.blocks[0]!.rows[4]![1]!.formula).toContain("'Bob''s plan'!$C:$C");
    expectFormulasSound(sheet, ctx);
  });

  it("defaults the owner to A when plan.raci has no entry, and escapes quotes in names", () => {
    const plan = clone(samplePlan("en"));
    plan.raci = {};
    plan.schedule.tasks[0]!.name = 'Say "hello"';
    const sheet = generateRaci(plan, defaultContext("en"));
    const row = sheet.blocks[0]!.rows[4]!;
    expect(row.slice(2, 9).map((c) => c?.value ?? "")).toEqual(["A", "", "", "", "", "", ""]);
    expect(row[1]!.formula).toContain('"Say ""hello"""');
    expectFormulasSound(sheet, defaultContext("en"));
  });

  it("refuses a plan with two A on one task", () => {
    const plan = clone(samplePlan("en"));
    plan.raci.L01!.p2 = "A";
    expect(() => generateRaci(plan, defaultContext("en"))).toThrow(PlanValidationError);
  });

  it("check cells sit on each task row", () => {
    const plan = samplePlan("en");
    expect(parseA1(raciCheckCell(plan, 3))).toEqual({ row: 7, col: 9 });
  });
});
