/** One launch date (issue 16, item 5): the launch task's start, moved as one with the schedule; format 1 → 2 migration. */
import { isoOfSerial, parseIsoSerial } from "../../src/core/dates";
import { launchStart, moveLaunchTo, syncLaunchDate } from "../../src/core/plan/launch";
import { parsePlan } from "../../src/core/plan/persist";
import { samplePlan } from "../../src/core/plan/fromTemplate";
import { scheduleDates } from "../../src/core/plan/scheduleDates";
import { PLAN_VERSION, type Plan } from "../../src/core/plan/types";
import { validatePlan } from "../../src/core/plan/validate";
import { networkdays } from "../../src/core/workday";

const clone = (p: Plan): Plan => JSON.parse(JSON.stringify(p)) as Plan;
/** The plan as format 1 saved it: a free launchDate, no launchTaskId. */
function savedAsV1(plan: Plan, edit: (p: Record<string, any>) => void = () => {}): string { // eslint-disable-line @typescript-eslint/no-explicit-any
  const body = clone(plan) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  body.version = 1;
  delete body.schedule.launchTaskId;
  edit(body);
  return JSON.stringify({ format: "opskit.plan", version: 1, plan: body });
}

describe("launch date", () => {
  it("is the launch task's start in a new plan", () => {
    const plan = samplePlan("en");
    expect(plan.schedule.launchTaskId).toBe("L18");
    expect(plan.schedule.launchDate).toBe(isoOfSerial(scheduleDates(plan).get("L18")!.start));
  });

  it.each<[string, string]>([
    // wanted          lands on (a Saturday moves to the Monday after)
    ["2026-05-20",     "2026-05-20"],
    ["2026-03-20",     "2026-03-20"],
    ["2026-05-23",     "2026-05-25"],
  ])("moves the whole schedule so the launch task starts on %s", (wanted, lands) => {
    const plan = clone(samplePlan("en"));
    const before = scheduleDates(plan);
    const holidays = plan.schedule.holidays.map(parseIsoSerial);
    expect(moveLaunchTo(plan, wanted)).toBe(true);
    expect(plan.schedule.launchDate).toBe(lands);
    const after = scheduleDates(plan);
    expect(isoOfSerial(after.get("L18")!.start)).toBe(lands);
    // Every task moved by the same number of working days: the chain is kept.
    const shift = (id: string) => networkdays(Math.min(before.get(id)!.start, after.get(id)!.start), Math.max(before.get(id)!.start, after.get(id)!.start), holidays);
    const shifts = new Set(plan.schedule.tasks.map((t) => shift(t.id)));
    expect(shifts.size).toBe(1);
    expect(validatePlan(plan)).toEqual([]);
  });

  it("follows the launch task when the start moves, and goes with it when it is removed", () => {
    const plan = clone(samplePlan("en"));
    plan.schedule.startDate = "2026-03-09";
    syncLaunchDate(plan);
    expect(plan.schedule.launchDate).toBe(isoOfSerial(launchStart(plan)!));
    expect(plan.schedule.launchDate).not.toBe(samplePlan("en").schedule.launchDate);
    plan.schedule.tasks = plan.schedule.tasks.filter((t) => t.id !== "L18");
    syncLaunchDate(plan);
    expect(plan.schedule.launchTaskId).toBeUndefined();
    expect(plan.schedule.launchDate).toBeUndefined();
  });

  it("reports a launch task that is not a task, and a launch before the start", () => {
    const plan = clone(samplePlan("en"));
    plan.schedule.launchTaskId = "L99";
    expect(validatePlan(plan)).toContainEqual({ path: "schedule.launchTaskId", message: expect.stringMatching(/"L99" is not a task/) });
    const early = clone(samplePlan("en"));
    early.schedule.launchTaskId = "L01";
    early.schedule.tasks[0]!.start = "2026-02-23";
    syncLaunchDate(early);
    expect(validatePlan(early)).toContainEqual({ path: "schedule.launchDate", message: "must be on or after the plan's start (2026-03-02)" });
  });
});

describe("saved plans of format 1", () => {
  it("name the template's launch task; the launch date follows it", () => {
    const plan = samplePlan("en");
    const r = parsePlan(savedAsV1(plan, (p) => (p.schedule.launchDate = "2026-01-01")));
    expect(r.plan!.version).toBe(PLAN_VERSION);
    expect(r.plan!.schedule.launchTaskId).toBe("L18");
    expect(r.plan!.schedule.launchDate).toBe(plan.schedule.launchDate);
    expect(r.problems.map((p) => p.path)).toEqual(["version"]);
    expect(validatePlan(r.plan!)).toEqual([]);
  });

  it("without a template, name the task that started on the saved launch date (a milestone first)", () => {
    const plan = samplePlan("en");
    const r = parsePlan(savedAsV1(plan, (p) => (p.schedule.templateId = "")));
    expect(r.plan!.schedule.launchTaskId).toBe("L18");
    const r2 = parsePlan(savedAsV1(plan, (p) => {
      p.schedule.templateId = "";
      p.schedule.launchDate = plan.schedule.startDate; // L01 starts then
    }));
    expect(r2.plan!.schedule.launchTaskId).toBe("L01");
  });

  it("drop a launch date no task started on, and say so", () => {
    const r = parsePlan(savedAsV1(samplePlan("en"), (p) => {
      p.schedule.templateId = "";
      p.schedule.launchDate = "2026-03-03";
    }));
    expect(r.plan!.schedule.launchTaskId).toBeUndefined();
    expect(r.plan!.schedule.launchDate).toBeUndefined();
    expect(r.problems).toContainEqual({ path: "schedule.launchDate", message: expect.stringMatching(/2026-03-03 belonged to no task/) });
  });

  it("of format 2 keep their launch task as saved", () => {
    const plan = clone(samplePlan("en"));
    plan.schedule.launchTaskId = "L12";
    syncLaunchDate(plan);
    const r = parsePlan(JSON.stringify({ format: "opskit.plan", version: PLAN_VERSION, plan }));
    expect(r.problems).toEqual([]);
    expect(r.plan!.schedule).toMatchObject({ launchTaskId: "L12", launchDate: plan.schedule.launchDate });
  });
});
