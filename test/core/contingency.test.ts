import { generateContingency } from "../../src/core/generators/contingency";
import { defaultContext } from "../../src/core/generators/context";
import { samplePlan, planFromTemplate } from "../../src/core/plan/fromTemplate";
import { PlanValidationError } from "../../src/core/plan/validate";
import type { Plan } from "../../src/core/plan/types";
import { SUPPORTED_LOCALES, type Locale } from "../../src/core/i18n";
import { expectFormulasSound, expectGolden, hasCjk } from "./planSheetChecks";

const clone = (p: Plan): Plan => JSON.parse(JSON.stringify(p)) as Plan;

describe.each(SUPPORTED_LOCALES.map((l) => [l]))("generateContingency, sample plan in %s", (locale) => {
  const plan = samplePlan(locale as Locale);
  const ctx = defaultContext(locale as Locale);
  const sheet = generateContingency(plan, ctx);
  const rows = sheet.blocks[0]!.rows;
  const last = 4 + plan.contingencies.length;

  it("has the issue's columns, translated", () => {
    const header = rows[3]!.map((c) => c?.value);
    if (locale === "en")
      expect(header).toEqual(["#", "Risk", "Trigger (decision condition)", "Response", "Owner", "Resources needed", "Status"]);
    else for (const h of header.slice(1)) expect(hasCjk(h as string)).toBe(true);
    expect(sheet.name).toBe(ctx.sheetNames.contingency);
    expectFormulasSound(sheet, ctx);
  });

  it("is seeded from plan.contingencies (the template's risks), owners by name", () => {
    expect(plan.contingencies.length).toBeGreaterThanOrEqual(4);
    plan.contingencies.forEach((c, i) => {
      const row = rows[4 + i]!.map((cell) => cell?.value);
      expect(row).toEqual([
        i + 1, c.risk, c.trigger, c.response, plan.team.people.find((p) => p.id === c.ownerId)!.name, c.resources,
        locale === "en" ? "Watching" : "观察中",
      ]);
    });
    const triggers = plan.contingencies.map((c) => c.trigger).join(" | ");
    expect(triggers).toContain(locale === "en" ? "D+3 registrations < 60 % of target pace" : "发布后第 3 天注册数 < 目标进度的 60 %");
  });

  it("has a status list, an owner list, a table and a triggered highlight", () => {
    expect(sheet.validations![0]).toEqual(expect.objectContaining({
      kind: "list", range: `G5:G${last}`, values: locale === "en" ? ["Watching", "Triggered", "Resolved"] : ["观察中", "已触发", "已解除"],
    }));
    expect(sheet.validations![1]).toEqual(expect.objectContaining({ kind: "list", range: `E5:E${last}`, values: plan.team.people.map((p) => p.name) }));
    expect(sheet.tables).toEqual([expect.objectContaining({ name: "OpsContingency", range: `A4:G${last}` })]);
    expect(sheet.conditionalFormats![0]).toMatchObject({
      kind: "expression", range: `A5:G${last}`, formula: locale === "en" ? '=$G5="Triggered"' : '=$G5="已触发"',
    });
    expect(sheet.freeze).toEqual({ rows: 4, columns: 2 });
  });

  it("matches the golden file", () => expectGolden(`contingency.${locale}`, sheet));
});

describe("generateContingency, details", () => {
  it("writes each status and a blank row when the plan has no contingencies", () => {
    const plan = clone(samplePlan("en"));
    plan.contingencies[0]!.status = "triggered";
    plan.contingencies[1]!.status = "resolved";
    let sheet = generateContingency(plan, defaultContext("en"));
    expect(sheet.blocks[0]!.rows.slice(4, 7).map((r) => r[6]!.value)).toEqual(["Triggered", "Resolved", "Watching"]);
    plan.contingencies = [];
    sheet = generateContingency(plan, defaultContext("en"));
    expect(sheet.blocks[0]!.rows).toHaveLength(5);
    expect(sheet.tables![0]!.range).toBe("A4:G5");
  });

  it.each(["operation-activity", "paid-tier-launch"])("seeds %s's own risks", (id) => {
    const plan = planFromTemplate(id, { startDate: "2026-03-02", locale: "zh-CN" });
    const sheet = generateContingency(plan, defaultContext("zh-CN"));
    expect(sheet.blocks[0]!.rows.length).toBe(4 + plan.contingencies.length);
    expect(hasCjk(sheet.blocks[0]!.rows[4]![1]!.value as string)).toBe(true);
  });

  it("refuses a plan whose contingency owner is not in the team", () => {
    const plan = clone(samplePlan("en"));
    plan.contingencies[0]!.ownerId = "ghost";
    expect(() => generateContingency(plan, defaultContext("en"))).toThrow(PlanValidationError);
  });
});
