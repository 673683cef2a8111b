/* eslint-disable @typescript-eslint/no-explicit-any -- the row tables corrupt arbitrary fields of plain JSON on purpose */
/**
 * One checker for plans and template files (src/core/validation/check.ts):
 * the same kind of field is reported the same way by both validators — a
 * missing field "is required", a wrong value says what it got where the
 * message has room for it — and through the catalogue in either language.
 */
import { Checks, bilingual, checkFields, list, oneOf, wholeDays } from "../../src/core/validation/check";
import { validatePlan } from "../../src/core/plan/validate";
import { findTemplate, validateTemplate } from "../../src/core/templates";
import { samplePlan } from "../../src/core/plan/fromTemplate";

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const template = () => clone(findTemplate("operation-activity")!) as unknown as Record<string, any>;
const plan = () => clone(samplePlan("en")) as unknown as Record<string, any>;

describe("template files report what they got, and missing fields as required", () => {
  it.each<[string, (t: Record<string, any>) => void, string, string]>([
    ["missing milestone", (t) => delete t.tasks[1].milestone, "tasks[1].milestone", "is required"],
    ["missing role", (t) => delete t.tasks[1].role, "tasks[1].role", "is required"],
    ["missing goal", (t) => delete t.goal, "goal", "is required"],
    ["missing list", (t) => delete t.risks, "risks", "is required"],
    ["zero duration", (t) => (t.tasks[1].durationDays = 0), "tasks[1].durationDays", "must be a whole number of working days, 1 or more (got 0)"],
    ["goal type", (t) => (t.goal.type = "fun"), "goal.type", 'must be one of: users, revenue, activity (got "fun")'],
    ["raci letter", (t) => (t.tasks[0].raci = { pm: null }), "tasks[0].raci.pm", 'must be one of: R, C, I (got "null")'],
    ["missing language", (t) => delete t.tasks[2].name["zh-CN"], "tasks[2].name.zh-CN", "is required: the text in every language (en, zh-CN)"],
    ["blank text", (t) => (t.tasks[2].name.en = " "), "tasks[2].name.en", "cannot be blank"],
    ["text of another kind", (t) => (t.tasks[2].name.en = 7), "tasks[2].name.en", "must be text"],
    ["dependency listed twice", (t) => (t.tasks[3].dependsOn = ["A01", "A01"]), "tasks[3].dependsOn[1]", '"A01" is listed twice'],
  ])("%s", (_name, mutate, path, message) => {
    const t = template();
    mutate(t);
    expect(validateTemplate(t)).toContainEqual({ template: "operation-activity", path, message });
  });
});

describe("the same kind of field, the same message in plans and templates", () => {
  it.each<[string, (p: Record<string, any>) => void, string, (t: Record<string, any>) => void, string]>([
    ["missing milestone", (p) => delete p.schedule.tasks[0].milestone, "schedule.tasks[0].milestone", (t) => delete t.tasks[0].milestone, "tasks[0].milestone"],
    ["milestone not true or false", (p) => (p.schedule.tasks[0].milestone = "yes"), "schedule.tasks[0].milestone", (t) => (t.tasks[0].milestone = "yes"), "tasks[0].milestone"],
    ["goal type", (p) => (p.goal.type = "fame"), "goal.type", (t) => (t.goal.type = "fame"), "goal.type"],
    ["target not a number", (p) => (p.indicators[0].target = "5"), "indicators[0].target", (t) => (t.indicators[0].target = "5"), "indicators[0].target"],
    ["missing dependency", (p) => (p.schedule.tasks[1].dependsOn = ["Z9"]), "schedule.tasks[1].dependsOn[0]", (t) => (t.tasks[1].dependsOn = ["Z9"]), "tasks[1].dependsOn[0]"],
    ["loop", (p) => (p.schedule.tasks[0].dependsOn = ["L02"]), "schedule.tasks[0].dependsOn[0]", (t) => (t.tasks[0].dependsOn = ["A02"]), "tasks[0].dependsOn[0]"],
  ])("%s", (_name, breakPlan, planPath, breakTemplate, templatePath) => {
    const p = plan();
    breakPlan(p);
    const t = template();
    breakTemplate(t);
    const fromPlan = validatePlan(p, "en").find((x) => x.path === planPath)?.message;
    const fromTemplate = validateTemplate(t).find((x) => x.path === templatePath)?.message;
    expect(fromPlan).toBeDefined();
    // Loops name their own ids (L01 / A01): compare the wording around them.
    const words = (m: string | undefined) => m?.replace(/\b[LA]\d\d\b/g, "#");
    expect(words(fromTemplate)).toBe(words(fromPlan));
  });
});

describe("the checker's messages come from the catalogue in its language", () => {
  const table = [
    ["name", bilingual()],
    ["days", wholeDays(260)],
    ["kind", oneOf(["a", "b"])],
    ["items", list()],
  ] as const;
  it.each<[string, Record<string, string>]>([
    ["en", { name: "is required: the text in every language (en, zh-CN)", days: "must be a whole number of working days from 1 to 260 (got 0)", kind: 'must be one of: a, b (got "c")', items: "must be a list" }],
    ["zh-CN", { name: "为必填项：每种语言的文本（en, zh-CN）", days: "必须是 1 到 260 之间的整数工作日（当前为 0）", kind: "必须是以下之一：a, b（当前为“c”）", items: "必须是一个列表" }],
  ])("%s", (locale, expected) => {
    const c = new Checks(locale as "en" | "zh-CN");
    checkFields(c, { days: 0, kind: "c", items: "x" }, "", table);
    expect(Object.fromEntries(c.problems.map((p) => [p.path, p.message]))).toEqual(expected);
  });
});
