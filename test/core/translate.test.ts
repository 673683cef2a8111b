import { planFromTemplate } from "../../src/core/plan/fromTemplate";
import { translateTemplateText } from "../../src/core/plan/translate";
import type { Plan } from "../../src/core/plan/types";

const clone = (p: Plan): Plan => JSON.parse(JSON.stringify(p)) as Plan;

describe("translateTemplateText", () => {
  it.each(["b2b-launch", "operation-activity", "paid-tier-launch"])("turns %s's English texts into its Chinese ones, and back", (id) => {
    const en = planFromTemplate(id, { startDate: "2026-03-02", locale: "en" });
    const zh = planFromTemplate(id, { startDate: "2026-03-02", locale: "zh-CN" });
    const plan = clone(en);
    expect(translateTemplateText(plan, "en", "zh-CN")).toBeGreaterThan(0);
    expect({ ...plan, locale: "zh-CN" }).toEqual(zh);
    translateTemplateText(plan, "zh-CN", "en");
    expect(plan).toEqual(en);
  });

  it("leaves what the user wrote", () => {
    const plan = planFromTemplate("b2b-launch", { startDate: "2026-03-02", locale: "en" });
    plan.schedule.tasks[0]!.name = "Kick-off with the CEO";
    plan.title = "CloudDesk launch";
    translateTemplateText(plan, "en", "zh-CN");
    expect(plan.schedule.tasks[0]!.name).toBe("Kick-off with the CEO");
    expect(plan.title).toBe("CloudDesk launch");
    expect(plan.schedule.tasks[1]!.name).toMatch(/[\u4e00-\u9fff]/);
  });
});
