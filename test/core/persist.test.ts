import { PLAN_FORMAT, blankPlan, parsePlan, serializePlan } from "../../src/core/plan/persist";
import { PLAN_VERSION, type Plan } from "../../src/core/plan/types";
import { validatePlan } from "../../src/core/plan/validate";

function fullPlan(): Plan {
  const plan = blankPlan("zh-CN");
  plan.title = "VIP launch";
  plan.goal = {
    type: "revenue",
    target: { value: 100, unit: "upgrades", by: "2026-06-30" },
    fiveW2H: { what: "Paid tier", why: "Revenue", who: "SMB admins", when: "Q2", where: "In product", how: "Trial", howMuch: "1299/yr" },
  };
  plan.team = { people: [{ id: "p1", name: "Li Lei", role: "Operations" }], channels: ["email"], budget: 5000, currency: "CNY" };
  plan.schedule = {
    templateId: "paidTier",
    startDate: "2026-04-01",
    launchTaskId: "t2",
    launchDate: "2026-04-06", // format 2: the launch task's start
    holidays: ["2026-05-01"],
    tasks: [
      { id: "t1", phase: "Prep", name: "Call 60 users", ownerId: "p1", durationDays: 3, dependsOn: [], milestone: false },
      { id: "t2", phase: "Launch", name: "Go live", ownerId: "p1", durationDays: 1, dependsOn: ["t1"], milestone: true, status: "notStarted", percentComplete: 0 },
    ],
  };
  plan.raci = { t1: { p1: "A" } };
  plan.indicators = [
    { id: "k1", kind: "paymentRate", name: "Payment rate", definition: "payers / users", unit: "percent", target: 0.05, actualFormula: "=OPS.PAYRATE(A1:A9,B1:B9)" },
  ];
  plan.contingencies = [{ id: "c1", risk: "Low uptake", trigger: "D+3 < 60 %", response: "Email", ownerId: "p1", resources: "2 days", status: "watching" }];
  return plan;
}

describe("serializePlan / parsePlan", () => {
  it("round-trips a full plan without problems", () => {
    const plan = fullPlan();
    const text = serializePlan(plan);
    expect(JSON.parse(text)).toMatchObject({ format: PLAN_FORMAT, version: PLAN_VERSION });
    const back = parsePlan(text);
    expect(back).toEqual({ plan, problems: [], recovered: false });
  });

  it("round-trips a blank plan", () => {
    expect(parsePlan(serializePlan(blankPlan()))).toEqual({ plan: blankPlan(), problems: [], recovered: false });
  });

  it.each([
    // text                      plan    problems
    ["", null, 0],
    ["   ", null, 0],
    ["{not json", null, 1],
    ["[1,2,3]", null, 1],
    ['"a string"', null, 1],
    ['{"hello":1}', null, 1],
  ])("parsePlan(%j) gives plan %s and %i problem(s)", (text, plan, count) => {
    const r = parsePlan(text);
    expect(r.plan).toBe(plan);
    expect(r.problems).toHaveLength(count);
    expect(r.recovered).toBe(false);
  });

  it("treats null and undefined as nothing saved", () => {
    expect(parsePlan(null)).toEqual({ plan: null, problems: [], recovered: false });
    expect(parsePlan(undefined)).toEqual({ plan: null, problems: [], recovered: false });
  });

  it("reads a number box saved blank (JSON null) back as blank, for validation to point at", () => {
    const plan = fullPlan();
    plan.schedule.tasks[1]!.durationDays = NaN;
    plan.goal.target.value = NaN;
    const r = parsePlan(serializePlan(plan));
    expect(r.problems).toEqual([]);
    expect(r.plan!.schedule.tasks[1]!.durationDays).toBeNaN();
    expect(r.plan!.goal.target.value).toBeNaN();
    expect(validatePlan(r.plan!).map((p) => p.path)).toEqual(["goal.target.value", "schedule.tasks[1].durationDays"]);
  });

  it("keeps valid fields and defaults broken ones, naming each path", () => {
    const saved = JSON.parse(serializePlan(fullPlan()));
    saved.plan.goal.target.value = "lots";
    saved.plan.goal.type = "fame";
    saved.plan.team.people.push(42);
    saved.plan.schedule.tasks[1].durationDays = "soon";
    saved.plan.schedule.holidays = "2026-05-01";
    saved.plan.indicators[0].unit = "furlongs";
    saved.plan.contingencies = {};
    const r = parsePlan(JSON.stringify(saved));
    expect(r.recovered).toBe(true);
    expect(r.plan).not.toBeNull();
    const plan = r.plan!;
    expect(plan.title).toBe("VIP launch");
    expect(plan.goal.type).toBe("users");
    expect(plan.goal.target).toEqual({ value: 0, unit: "upgrades", by: "2026-06-30" });
    expect(plan.team.people).toEqual([{ id: "p1", name: "Li Lei", role: "Operations" }]);
    expect(plan.schedule.tasks[1]!.durationDays).toBe(1);
    expect(plan.schedule.tasks[1]!.dependsOn).toEqual(["t1"]);
    expect(plan.schedule.holidays).toEqual([]);
    expect(plan.indicators[0]!.unit).toBe("count");
    expect(plan.indicators[0]!.actualFormula).toBe("=OPS.PAYRATE(A1:A9,B1:B9)");
    expect(plan.contingencies).toEqual([]);
    expect(r.problems.map((p) => p.path).sort()).toEqual(
      [
        "contingencies",
        "goal.target.value",
        "goal.type",
        "indicators[0].unit",
        "schedule.holidays",
        "schedule.tasks[1].durationDays",
        "team.people[1]",
      ].sort(),
    );
    for (const p of r.problems) expect(p.message).not.toBe("");
  });

  it("recovers an older, bare plan object (format 0) and reports the upgrade", () => {
    const old = fullPlan() as unknown as Record<string, unknown>;
    delete old.version;
    const r = parsePlan(JSON.stringify(old));
    expect(r.plan).toEqual(fullPlan());
    expect(r.recovered).toBe(true);
    expect(r.problems).toEqual([{ path: "version", message: expect.stringContaining("older") }]);
  });

  it("reads a plan from a newer version, dropping what it does not know", () => {
    const saved = JSON.parse(serializePlan(fullPlan()));
    saved.version = PLAN_VERSION + 1;
    saved.plan.version = PLAN_VERSION + 1;
    saved.plan.futureField = { anything: true };
    const r = parsePlan(JSON.stringify(saved));
    expect(r.plan).toEqual(fullPlan());
    expect(r.problems.map((p) => p.path)).toEqual(["version"]);
    expect(r.problems[0]!.message).toContain("newer");
  });

  it("replaces missing and duplicate ids with fresh ones", () => {
    const saved = JSON.parse(serializePlan(fullPlan()));
    saved.plan.schedule.tasks[1].id = "t1";
    delete saved.plan.team.people[0].id;
    const r = parsePlan(JSON.stringify(saved));
    const ids = r.plan!.schedule.tasks.map((t) => t.id);
    expect(new Set(ids).size).toBe(2);
    expect(r.plan!.team.people[0]!.id).not.toBe("");
    expect(r.problems.map((p) => p.path)).toEqual(expect.arrayContaining(["schedule.tasks[1].id", "team.people[0].id"]));
  });

  it("drops bad RACI letters only", () => {
    const saved = JSON.parse(serializePlan(fullPlan()));
    saved.plan.raci = { t1: { p1: "A", p2: "Z" }, t2: 7 };
    const r = parsePlan(JSON.stringify(saved));
    expect(r.plan!.raci).toEqual({ t1: { p1: "A" } });
    expect(r.problems.map((p) => p.path)).toEqual(["raci.t1.p2", "raci.t2"]);
  });

  it("writes its messages in the requested language", () => {
    const r = parsePlan("{oops", { locale: "zh-CN" });
    expect(r.problems[0]!.message).toMatch(/无法读取/);
  });

  it("never throws, whatever the text", () => {
    const samples = ["null", "0", "true", '{"format":"opskit.plan","plan":null}', '{"goal":null,"schedule":[],"team":"x"}', "{".repeat(5000)];
    for (const s of samples) expect(() => parsePlan(s)).not.toThrow();
    const r = parsePlan('{"goal":null,"schedule":[],"team":"x"}');
    expect(r.plan).not.toBeNull();
    expect(r.recovered).toBe(true);
  });
});
