import { defaultContext, defaultSheetNames, type SheetKind } from "../../src/core/generators/context";
import { PLAN_SHEET_KINDS, buildPlanWorkbook, withDependencies } from "../../src/core/generators/workbook";
import { samplePlan } from "../../src/core/plan/fromTemplate";
import { PlanValidationError } from "../../src/core/plan/validate";

const plan = samplePlan("en");
const kindsOf = (kinds: SheetKind[]) => buildPlanWorkbook(plan, defaultContext("en"), kinds).sheets.map((s) => s.kind);

describe("withDependencies", () => {
  it.each<[SheetKind[], SheetKind[]]>([
    // chosen                       written (workbook order)
    [["schedule"], ["schedule", "settings"]],
    [["raci"], ["schedule", "raci", "settings"]],
    [["summary"], ["kpi", "summary"]],
    [["contingency"], ["contingency"]],
    [["intake"], ["intake"]],
    [["tiering", "metrics", "overview"], []],
    [[], []],
    [[...PLAN_SHEET_KINDS], ["schedule", "raci", "contingency", "kpi", "summary", "intake", "settings"]],
  ])("%j → %j", (chosen, written) => {
    expect(withDependencies(chosen)).toEqual(written);
  });
});

describe("buildPlanWorkbook", () => {
  it("assembles every chosen generator, named by the context", () => {
    const spec = buildPlanWorkbook(plan, defaultContext("en"), [...PLAN_SHEET_KINDS]);
    const names = defaultSheetNames("en");
    expect(spec.sheets.map((s) => s.name)).toEqual([names.schedule, names.raci, names.contingency, names.kpi, names.summary, names.intake, names.settings]);
  });

  it("adds the Settings sheet and the Holidays name whenever the schedule is chosen", () => {
    const spec = buildPlanWorkbook(plan, defaultContext("en"), ["schedule"]);
    expect(spec.sheets.map((s) => s.kind)).toEqual(["schedule", "settings"]);
    expect(spec.names).toEqual([{ name: "Holidays", refersTo: expect.stringMatching(/^'Settings'!\$A\$\d+:\$A\$\d+$/) }]);
    const workdays = spec.sheets[0]!.blocks.flatMap((b) => b.rows.flat()).filter((c) => c?.formula?.includes("WORKDAY"));
    expect(workdays.length).toBeGreaterThan(0);
    for (const c of workdays) expect(c!.formula).toContain("Holidays");
  });

  it("writes no defined names without the schedule", () => {
    expect(buildPlanWorkbook(plan, defaultContext("en"), ["kpi", "contingency"]).names).toBeUndefined();
  });

  it("gives the intake sheet the holidays only when the schedule is written too", () => {
    const withSchedule = buildPlanWorkbook(plan, defaultContext("en"), ["intake", "schedule"]).sheets.find((s) => s.kind === "intake")!;
    const alone = buildPlanWorkbook(plan, defaultContext("en"), ["intake"]).sheets[0]!;
    const formulas = (s: typeof alone) => s.blocks.flatMap((b) => b.rows.flat()).map((c) => c?.formula ?? "").filter((f) => f.includes("WORKDAY"));
    expect(formulas(withSchedule).some((f) => f.includes("Holidays"))).toBe(true);
    expect(formulas(alone).some((f) => f.includes("Holidays"))).toBe(false);
  });

  it("uses resolved names in cross-sheet formulas", () => {
    const ctx = defaultContext("en");
    ctx.sheetNames.schedule = "Schedule (2)";
    ctx.sheetNames.settings = "Settings (2)";
    const spec = buildPlanWorkbook(plan, ctx, ["raci"]);
    expect(spec.sheets.map((s) => s.name)).toEqual(["Schedule (2)", "Roles", "Settings (2)"]);
    expect(spec.names![0]!.refersTo).toMatch(/^'Settings \(2\)'!/);
    const raciFormulas = spec.sheets[1]!.blocks.flatMap((b) => b.rows.flat()).map((c) => c?.formula ?? "").filter((f) => f.includes("!"));
    expect(raciFormulas.length).toBeGreaterThan(0);
    for (const f of raciFormulas) expect(f).toContain("'Schedule (2)'!");
  });

  it("writes in the context's language", () => {
    const spec = buildPlanWorkbook(samplePlan("zh-CN"), defaultContext("zh-CN"), ["kpi"]);
    expect(spec.sheets[0]!.name).toBe("数据指标");
  });

  it("ignores kinds that are not made from a plan", () => {
    expect(kindsOf(["tiering", "kpi"])).toEqual(["kpi"]);
  });

  it("refuses an invalid plan with every problem", () => {
    const bad = samplePlan("en");
    bad.schedule.tasks[0]!.dependsOn = [bad.schedule.tasks[1]!.id];
    expect(() => buildPlanWorkbook(bad, defaultContext("en"), ["schedule"])).toThrow(PlanValidationError);
  });
});
