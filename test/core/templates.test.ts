/* eslint-disable @typescript-eslint/no-explicit-any -- the row tables corrupt arbitrary fields of plain JSON on purpose */
import { TEMPLATE_FILES, listTemplates, validateTemplate, findTemplate, type ScheduleTemplate } from "../../src/core/templates";
import { findCycles, topologicalOrder } from "../../src/core/plan/graph";
import { planFromTemplate, samplePlan } from "../../src/core/plan/fromTemplate";
import { validatePlan } from "../../src/core/plan/validate";
import { scheduleDates } from "../../src/core/plan/scheduleDates";
import { isoOfSerial } from "../../src/core/dates";
import { SUPPORTED_LOCALES } from "../../src/core/i18n";
import { hasCjk } from "./planSheetChecks";

const STANDARD_RISKS = ["incentive-abuse", "product-not-ready", "channel-under-delivers", "service-overload"];
const templates = listTemplates();
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe("template files", () => {
  it("lists the three templates", () => {
    expect(templates.map((t) => t.id)).toEqual(["b2b-launch", "operation-activity", "paid-tier-launch"]);
  });

  describe.each(templates.map((t) => [t.id, t] as [string, ScheduleTemplate]))("%s", (_id, template) => {
    it("is valid", () => expect(validateTemplate(template)).toEqual([]));

    it("is bilingual: every user text has Chinese in zh-CN", () => {
      const texts = [
        template.name, template.description,
        ...template.roles.map((r) => r.name), ...template.phases.map((p) => p.name),
        ...template.tasks.map((t) => t.name),
        ...template.risks.flatMap((r) => [r.risk, r.trigger, r.response, r.resources]),
        ...template.indicators.map((i) => i.definition),
      ];
      for (const text of texts) {
        for (const locale of SUPPORTED_LOCALES) expect(text[locale].trim()).not.toBe("");
        expect([text.en, hasCjk(text["zh-CN"])]).toEqual([text.en, true]);
      }
    });

    it("has acyclic dependencies in a valid order", () => {
      const edges = template.tasks.flatMap((t) => t.dependsOn.map((d) => ({ from: t.id, to: d, path: t.id })));
      expect(findCycles(edges)).toEqual([]);
      const byId = new Map(template.tasks.map((t) => [t.id, t]));
      const order = topologicalOrder([...byId.keys()], (id) => byId.get(id)!.dependsOn);
      expect(order).toHaveLength(template.tasks.length);
    });

    it("has the standard risks plus its own, roles in use, a milestone and indicators", () => {
      const riskIds = template.risks.map((r) => r.id);
      expect(riskIds).toEqual(expect.arrayContaining(STANDARD_RISKS));
      expect(riskIds.length).toBeGreaterThan(STANDARD_RISKS.length);
      for (const risk of template.risks) expect(risk.trigger.en).toMatch(/\d/); // a measurable decision condition
      // every role takes part somewhere: owns a task, has a RACI letter, or owns a risk
      const used = new Set([
        ...template.tasks.flatMap((t) => [t.role, ...Object.keys(t.raci ?? {})]),
        ...template.risks.map((r) => r.role),
      ]);
      for (const role of template.roles) expect([role.id, used.has(role.id)]).toEqual([role.id, true]);
      expect(template.tasks.some((t) => t.milestone)).toBe(true);
      expect(template.indicators.length).toBeGreaterThan(0);
      expect(template.launchTaskId).toBeDefined();
    });

    it.each(SUPPORTED_LOCALES.map((l) => [l]))("makes a valid plan in %s", (locale) => {
      const plan = planFromTemplate(template.id, { startDate: "2026-03-02", locale });
      expect(validatePlan(plan)).toEqual([]);
      expect(plan.schedule.tasks).toHaveLength(template.tasks.length);
      expect(plan.contingencies.map((c) => c.id)).toEqual(template.risks.map((r) => r.id));
      expect(plan.indicators.map((i) => i.id)).toEqual(template.indicators.map((i) => i.id));
      // one placeholder person per role, named after the role
      expect(plan.team.people.map((p) => p.name)).toEqual(template.roles.map((r) => r.name[locale]));
    });
  });

  it("cover the issue's content", () => {
    const en = (id: string) => findTemplate(id)!.tasks.map((t) => t.name.en).join(" | ");
    for (const word of ["5W2H", "operation plan", "White paper", "Industry solutions", "case studies", "Brochures", "videos", "manual",
      "internally", "Sales training", "service training", "Launch day", "data watch", "Effect evaluation", "User analysis",
      "Market analysis", "Lessons learned", "Follow-up to-dos", "partners"])
      expect(en("b2b-launch")).toContain(word);
    expect(findTemplate("operation-activity")!.phases).toHaveLength(6);
    for (const word of ["Learn the product", "60 users", "written record", "price", "ONE core paid feature", "Launch day",
      "Expiry reminders", "campaign 1", "campaign 2"])
      expect(en("paid-tier-launch")).toContain(word);
  });
});

describe("validateTemplate reports each problem with its path", () => {
  const base = () => clone(findTemplate("operation-activity")!) as unknown as Record<string, any>;
  it.each<[string, (t: Record<string, any>) => void, string, RegExp]>([
    ["not an object", () => undefined, "", /object/],
    ["missing zh-CN", (t) => delete t.tasks[2].name["zh-CN"], "tasks[2].name.zh-CN", /text/],
    ["extra language", (t) => (t.tasks[2].name.fr = "x"), "tasks[2].name.fr", /unknown field/],
    ["unknown role", (t) => (t.tasks[0].role = "ceo"), "tasks[0].role", /"ceo" is not one of the roles/],
    ["unknown phase", (t) => (t.tasks[0].phase = "x"), "tasks[0].phase", /phases/],
    ["zero duration", (t) => (t.tasks[1].durationDays = 0), "tasks[1].durationDays", /whole number/],
    ["half a day", (t) => (t.tasks[1].durationDays = 1.5), "tasks[1].durationDays", /whole number/],
    ["missing dependency", (t) => (t.tasks[1].dependsOn = ["A99"]), "tasks[1].dependsOn[0]", /A99/],
    ["cycle (reported at its first arrow)", (t) => (t.tasks[0].dependsOn = ["A02"]), "tasks[0].dependsOn[0]", /A01 → A02 → A01/],
    ["duplicate task id", (t) => (t.tasks[3].id = "A01"), "tasks[3].id", /duplicate/],
    ["bad raci letter", (t) => (t.tasks[0].raci = { pm: "A" }), "tasks[0].raci.pm", /R, C, I/],
    ["owner role in raci", (t) => (t.tasks[0].raci = { ops: "R" }), "tasks[0].raci.ops", /always A/],
    ["unknown risk role", (t) => (t.risks[0].role = "x"), "risks[0].role", /roles/],
    ["bad indicator kind", (t) => (t.indicators[0].kind = "x"), "indicators[0].kind", /registrations/],
    ["target not a number", (t) => (t.indicators[0].target = "5"), "indicators[0].target", /number/],
    ["unknown launch task", (t) => (t.launchTaskId = "Z"), "launchTaskId", /Z/],
    ["no tasks", (t) => (t.tasks = []), "tasks", /empty/],
    ["goal type", (t) => (t.goal.type = "fun"), "goal.type", /users, revenue, activity/],
    ["5W2H missing", (t) => delete t.goal.fiveW2H.howMuch, "goal.fiveW2H.howMuch", /every language/],
  ])("%s → %s", (_name, mutate, path, message) => {
    let template: unknown = base();
    if (_name === "not an object") template = 42;
    else mutate(template as Record<string, any>);
    const problems = validateTemplate(template);
    expect(problems).toContainEqual(expect.objectContaining({ path, message: expect.stringMatching(message) }));
  });

  it("the loader's list is the three JSON files", () => expect(TEMPLATE_FILES).toHaveLength(3));
});

describe("planFromTemplate", () => {
  it("assigns owners to the first person holding the role (by id or name, any language) and adds placeholders", () => {
    const plan = planFromTemplate("paid-tier-launch", {
      startDate: "2026-03-02",
      locale: "en",
      title: "VIP",
      people: [
        { id: "a", name: "Ann", role: "运营" },            // Operator, by its Chinese name
        { id: "b", name: "Bo", role: " product MANAGER " }, // by English name, case and spaces ignored
        { id: "c", name: "Cy", role: "pm" },                // second PM: not used
        { id: "d", name: "Di", role: "eng" },               // by role id
      ],
    });
    const owner = (taskId: string) => plan.schedule.tasks.find((t) => t.id === taskId)!.ownerId;
    expect(owner("P01")).toBe("a");
    expect(owner("P04")).toBe("b");
    expect(owner("P06")).toBe("d");
    expect(plan.team.people.map((p) => p.id)).toEqual(["a", "b", "c", "d", "marketing", "service", "data"]);
    expect(plan.team.people.find((p) => p.id === "marketing")!.name).toBe("Marketing");
    expect(plan.title).toBe("VIP");
    expect(validatePlan(plan)).toEqual([]);
  });

  it("writes RACI from the template, the owner always A, the stronger letter when one person has two roles", () => {
    const plan = planFromTemplate("paid-tier-launch", {
      startDate: "2026-03-02",
      locale: "en",
      people: [{ id: "x", name: "X", role: "ops" }, { id: "y", name: "Y", role: "eng" }, { id: "z", name: "Z", role: "data" }],
    });
    expect(plan.raci.P08).toEqual({ x: "A", y: "R", marketing: "R", service: "R", z: "R", pm: "C" });
    const solo = planFromTemplate("paid-tier-launch", {
      startDate: "2026-03-02",
      locale: "en",
      people: ["ops", "pm", "eng", "marketing", "service", "data"].map((role) => ({ id: "me", name: "Me", role })).slice(0, 1)
        .concat([{ id: "me2", name: "Me too", role: "pm" }]),
    });
    // P04: owner pm (me2); template raci ops R, data C, marketing I
    expect(solo.raci.P04).toEqual({ me2: "A", me: "R", data: "C", marketing: "I" });
  });

  it("seeds contingencies from the template's risks and dates from the schedule", () => {
    const plan = planFromTemplate("b2b-launch", { startDate: "2026-03-02", locale: "zh-CN", holidays: ["2026-04-06"] });
    expect(plan.contingencies[2]).toEqual({
      id: "channel-under-delivers",
      risk: "渠道效果不达预期",
      trigger: "发布后第 3 天注册数 < 目标进度的 60 %",
      response: expect.stringContaining("预算"),
      ownerId: "ops",
      resources: "20 % 预算储备；市场 2 天",
      status: "watching",
    });
    const dates = scheduleDates(plan);
    expect(plan.schedule.launchDate).toBe(isoOfSerial(dates.get("L18")!.start));
    expect(plan.goal.target.by).toBe(isoOfSerial(Math.max(...[...dates.values()].map((d) => d.end))));
    expect(plan.indicators.every((i) => i.reviewDate !== undefined)).toBe(true);
    expect(plan.goal.fiveW2H.what).toBe("发布什么产品，面向哪些客户？");
  });

  it("rejects an unknown template and a bad start date", () => {
    expect(() => planFromTemplate("nope", { startDate: "2026-03-02", locale: "en" })).toThrow(/Unknown schedule template "nope"; available: b2b-launch/);
    expect(() => planFromTemplate("b2b-launch", { startDate: "2026-02-30", locale: "en" })).toThrow(/2026-02-30/);
  });

  it.each(SUPPORTED_LOCALES.map((l) => [l]))("samplePlan(%s) is complete and valid", (locale) => {
    const plan = samplePlan(locale);
    expect(validatePlan(plan)).toEqual([]);
    expect(plan.locale).toBe(locale);
    expect(plan.team.people).toHaveLength(7);
    expect(plan.schedule.holidays.length).toBeGreaterThan(0);
    expect(Object.values(plan.goal.fiveW2H).every((v) => v.length > 10)).toBe(true);
    expect(plan.schedule.tasks.filter((t) => t.status === "done")).toHaveLength(2);
  });
});
