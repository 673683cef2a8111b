/* eslint-disable @typescript-eslint/no-explicit-any -- the row tables corrupt arbitrary fields of plain JSON on purpose */
import { validatePlan, assertValidPlan, PlanValidationError, keySegment } from "../../src/core/plan/validate";
import { samplePlan } from "../../src/core/plan/fromTemplate";
import type { Plan } from "../../src/core/plan/types";

type Mutable = Record<string, any>;
const sample = (): Mutable => JSON.parse(JSON.stringify(samplePlan("en"))) as Mutable;
const taskIndex = (plan: Mutable, id: string) => (plan.schedule.tasks as { id: string }[]).findIndex((t) => t.id === id);

describe("validatePlan", () => {
  it("accepts the sample plans", () => {
    expect(validatePlan(samplePlan("en"))).toEqual([]);
    expect(validatePlan(samplePlan("zh-CN"))).toEqual([]);
  });

  it.each<[string, (p: Mutable) => void, string, RegExp]>([
    // kind of problem              mutation                                                           path                                  message
    ["wrong version",               (p) => (p.version = 99),                                           "version",                            /unsupported plan version 99/],
    ["unknown locale",              (p) => (p.locale = "fr"),                                          "locale",                             /en, zh-CN/],
    ["blank title",                 (p) => (p.title = "  "),                                           "title",                              /^cannot be blank$/],
    ["missing goal",                (p) => delete p.goal,                                              "goal",                               /required/],
    ["goal type",                   (p) => (p.goal.type = "fame"),                                     "goal.type",                          /users, revenue, activity/],
    ["target not a number",         (p) => (p.goal.target.value = "2000"),                             "goal.target.value",                  /number/],
    ["target NaN",                  (p) => (p.goal.target.value = NaN),                                "goal.target.value",                  /number/],
    ["impossible date",             (p) => (p.goal.target.by = "2026-02-30"),                          "goal.target.by",                     /real date.*2026-02-30/],
    ["date in another format",      (p) => (p.schedule.startDate = "2026/03/02"),                      "schedule.startDate",                 /YYYY-MM-DD/],
    ["date with a time",            (p) => (p.schedule.launchDate = "2026-04-07 10:00"),               "schedule.launchDate",                /YYYY-MM-DD/],
    ["5W2H field not text",         (p) => (p.goal.fiveW2H.howMuch = 300000),                          "goal.fiveW2H.howMuch",               /text/],
    ["people not a list",           (p) => (p.team.people = {}),                                       "team.people",                        /list/],
    ["no people",                   (p) => (p.team.people = []),                                       "team.people",                        /empty/],
    ["person without name",         (p) => delete p.team.people[1].name,                               "team.people[1].name",                /required/],
    ["duplicate person id",         (p) => (p.team.people[3].id = "p1"),                               "team.people[3].id",                  /duplicate id "p1"/],
    ["negative budget",             (p) => (p.team.budget = -1),                                       "team.budget",                        /≥ 0/],
    ["channel not text",            (p) => (p.team.channels[0] = 5),                                   "team.channels[0]",                   /text/],
    ["holiday not a date",          (p) => (p.schedule.holidays[1] = "May Day"),                       "schedule.holidays[1]",               /real date/],
    ["no tasks",                    (p) => (p.schedule.tasks = []),                                    "schedule.tasks",                     /empty/],
    ["task not an object",          (p) => (p.schedule.tasks[4] = "L05"),                              "schedule.tasks[4]",                  /object/],
    ["duplicate task id",           (p) => (p.schedule.tasks[3].id = "L01"),                           "schedule.tasks[3].id",               /duplicate id "L01"/],
    ["blank task name",             (p) => (p.schedule.tasks[2].name = ""),                            "schedule.tasks[2].name",             /^cannot be blank$/],
    ["owner not in team",           (p) => (p.schedule.tasks[5].ownerId = "p99"),                      "schedule.tasks[5].ownerId",          /"p99" is not a person/],
    ["duration zero",               (p) => (p.schedule.tasks[0].durationDays = 0),                     "schedule.tasks[0].durationDays",     /whole number.*got 0/],
    ["duration fractional",         (p) => (p.schedule.tasks[0].durationDays = 2.5),                   "schedule.tasks[0].durationDays",     /whole number.*2.5/],
    ["duration text",               (p) => (p.schedule.tasks[0].durationDays = "3"),                   "schedule.tasks[0].durationDays",     /whole number/],
    ["milestone not boolean",       (p) => (p.schedule.tasks[0].milestone = "yes"),                    "schedule.tasks[0].milestone",        /true or false/],
    ["dependsOn not a list",        (p) => (p.schedule.tasks[1].dependsOn = "L01"),                    "schedule.tasks[1].dependsOn",        /list/],
    ["missing dependency",          (p) => (p.schedule.tasks[3].dependsOn = ["L03", "L77"]),           "schedule.tasks[3].dependsOn[1]",     /depends on "L77"/],
    ["duplicate dependency",        (p) => (p.schedule.tasks[3].dependsOn = ["L03", "L03"]),           "schedule.tasks[3].dependsOn[1]",     /listed twice/],
    ["self dependency",             (p) => (p.schedule.tasks[0].dependsOn = ["L01"]),                  "schedule.tasks[0].dependsOn[0]",     /circular dependency: L01 → L01/],
    ["circular dependency",         (p) => (p.schedule.tasks[0].dependsOn = ["L05"]),                  "schedule.tasks[0].dependsOn[0]",     /circular dependency: L01 → L05 → L03 → L02 → L01/],
    ["bad task status",             (p) => (p.schedule.tasks[0].status = "finished"),                  "schedule.tasks[0].status",           /notStarted, inProgress, blocked, done/],
    ["percent above 1",             (p) => (p.schedule.tasks[0].percentComplete = 40),                 "schedule.tasks[0].percentComplete",  /0 to 1/],
    ["bad fixed start",             (p) => (p.schedule.tasks[0].start = "2026-13-01"),                 "schedule.tasks[0].start",            /real date/],
    ["RACI letter",                 (p) => (p.raci.L01.p3 = "X"),                                      "raci.L01.p3",                        /R, A, C or I.*"X"/],
    ["RACI two A",                  (p) => (p.raci.L01.p2 = "A"),                                      "raci.L01",                           /task L01 has 2 people marked A/],
    ["RACI A not the owner",        (p) => { delete p.raci.L01.p1; p.raci.L01.p2 = "A"; },             "raci.L01.p2",                        /A of task L01 must be its owner \(p1\)/],
    ["RACI unknown task",           (p) => (p.raci.L99 = { p1: "A" }),                                 "raci.L99",                           /"L99" is not a task/],
    ["RACI unknown person",         (p) => (p.raci.L01.nobody = "I"),                                  "raci.L01.nobody",                    /"nobody" is not a person/],
    ["RACI odd key in path",        (p) => (p.raci["L 1"] = {}),                                       'raci["L 1"]',                        /not a task/],
    ["indicator target text",       (p) => (p.indicators[1].target = "8%"),                            "indicators[1].target",               /number/],
    // bounds (issue 16): what a typo or a blank box would otherwise write
    ["duration past a year",        (p) => (p.schedule.tasks[0].durationDays = 261),                   "schedule.tasks[0].durationDays",     /from 1 to 260 \(got 261\)/],
    ["duration typo",               (p) => (p.schedule.tasks[0].durationDays = 21234567),              "schedule.tasks[0].durationDays",     /from 1 to 260/],
    ["duration blank box",          (p) => (p.schedule.tasks[0].durationDays = NaN),                   "schedule.tasks[0].durationDays",     /from 1 to 260/],
    ["goal target zero",            (p) => (p.goal.target.value = 0),                                  "goal.target.value",                  /greater than 0/],
    ["goal target negative",        (p) => (p.goal.target.value = -5),                                 "goal.target.value",                  /greater than 0/],
    ["goal date before the start",  (p) => (p.goal.target.by = "2026-02-27"),                          "goal.target.by",                     /on or after the plan's start \(2026-03-02\)/],
    ["indicator target negative",   (p) => (p.indicators[0].target = -0.1),                            "indicators[0].target",               /not be negative/],
    ["indicator target zero",       (p) => (p.indicators[0].target = 0),                               "indicators[0].target",               /greater than 0/],
    ["indicator unit",              (p) => (p.indicators[0].unit = "people"),                          "indicators[0].unit",                 /percent, count, currency, days/],
    ["indicator kind",              (p) => (p.indicators[0].kind = "vanity"),                          "indicators[0].kind",                 /registrations/],
    ["indicator formula",           (p) => (p.indicators[0].actualFormula = "OPS.PAYRATE(A1:A9)"),    "indicators[0].actualFormula",        /starting with =/],
    ["indicator actual",            (p) => (p.indicators[0].actual = "12"),                            "indicators[0].actual",               /number/],
    ["indicator review date",       (p) => (p.indicators[0].reviewDate = "soon"),                      "indicators[0].reviewDate",           /real date/],
    ["duplicate indicator id",      (p) => (p.indicators[2].id = p.indicators[0].id),                  "indicators[2].id",                   /duplicate/],
    ["contingency owner",           (p) => (p.contingencies[0].ownerId = "ghost"),                     "contingencies[0].ownerId",           /"ghost" is not a person/],
    ["contingency status",          (p) => (p.contingencies[0].status = "panic"),                      "contingencies[0].status",            /watching, triggered, resolved/],
    ["contingency without risk",    (p) => delete p.contingencies[1].risk,                             "contingencies[1].risk",              /required/],
  ])("%s → %s", (_kind, mutate, path, message) => {
    const plan = sample();
    mutate(plan);
    const problems = validatePlan(plan);
    expect(problems).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it("reports every problem at once, not only the first", () => {
    const plan = sample();
    plan.title = "";
    plan.schedule.tasks[0].durationDays = 0;
    plan.schedule.tasks[1].dependsOn = ["nope"];
    plan.indicators[0].target = null;
    expect(validatePlan(plan).map((p) => p.path)).toEqual([
      "title", "schedule.tasks[0].durationDays", "schedule.tasks[1].dependsOn[0]", "indicators[0].target",
    ]);
  });

  it("reports each cycle of a plan with two knots", () => {
    const plan = sample();
    plan.schedule.tasks[0].dependsOn = ["L02"];
    plan.schedule.tasks[taskIndex(plan, "L23")].dependsOn = ["L26"];
    const cycles = validatePlan(plan).filter((p) => /circular/.test(p.message));
    expect(cycles.map((c) => c.message.match(/: (.*) \(/)![1])).toEqual(["L01 → L02 → L01", "L23 → L26 → L23"]);
  });

  it("writes messages in the plan's language, or the one asked for", () => {
    const plan = JSON.parse(JSON.stringify(samplePlan("zh-CN"))) as Mutable;
    plan.schedule.tasks[0].durationDays = 0;
    expect(validatePlan(plan)[0]!.message).toBe("必须是 1 到 260 之间的整数工作日（当前为 0）");
    expect(validatePlan(plan, "en")[0]!.message).toBe("must be a whole number of working days from 1 to 260 (got 0)");
  });

  it("rejects non-objects", () => {
    expect(validatePlan(null)).toEqual([{ path: "", message: "must be an object" }]);
    expect(validatePlan([])).toEqual([{ path: "", message: "must be an object" }]);
  });

  it("tolerates optional fields being absent", () => {
    const plan = sample();
    delete plan.schedule.launchDate;
    delete plan.team.budget;
    delete plan.team.currency;
    for (const t of plan.schedule.tasks) { delete t.status; delete t.percentComplete; }
    for (const i of plan.indicators) delete i.reviewDate;
    plan.raci = {};
    expect(validatePlan(plan)).toEqual([]);
  });

  it("assertValidPlan throws every problem", () => {
    const plan = sample();
    plan.schedule.tasks[0].dependsOn = ["L05"];
    plan.schedule.tasks[1].ownerId = "x";
    let error: unknown;
    try {
      assertValidPlan(plan as unknown as Plan);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanValidationError);
    expect((error as PlanValidationError).problems.map((p) => p.path)).toEqual(["schedule.tasks[1].ownerId", "schedule.tasks[0].dependsOn[0]"]);
    expect((error as Error).message).toMatch(/circular dependency/);
  });

  it.each([["L05", ".L05"], ["a b", '["a b"]'], ["x.y", '["x.y"]'], ["1st", '["1st"]']])("path segment of key %p is %p", (key, seg) =>
    expect(keySegment(key)).toBe(seg));
});

describe("validatePlan: plain words (issue 16, item 12)", () => {
  it.each<[string, (p: Mutable) => void, string, string]>([
    // field             mutation                                        path                           message
    ["title",            (p) => (p.title = ""),                          "title",                       "cannot be blank"],
    ["unit",             (p) => (p.goal.target.unit = " "),              "goal.target.unit",            "cannot be blank"],
    ["task name",        (p) => (p.schedule.tasks[0].name = ""),         "schedule.tasks[0].name",      "cannot be blank"],
    ["task owner",       (p) => (p.schedule.tasks[0].ownerId = ""),      "schedule.tasks[0].ownerId",   "choose an owner"],
    ["risk owner",       (p) => (p.contingencies[0].ownerId = ""),       "contingencies[0].ownerId",    "choose an owner"],
  ])("a blank %s", (_field, mutate, path, message) => {
    const plan = sample();
    mutate(plan);
    expect(validatePlan(plan)).toContainEqual({ path, message });
  });
});
