/** @jest-environment jsdom */
/** The in-memory workbook, the address helpers and the plan's custom XML part. */
import { FakeWorkbook, seedDemoData } from "../../src/taskpane/host/fakeWorkbook";
import { joinAddress, splitAddress } from "../../src/taskpane/host/WorkbookHost";
import { PLAN_NAMESPACE, planFromXml } from "../../src/taskpane/host/officeHost";

describe("addresses", () => {
  it.each([
    ["Users!A2:A9", "Users", "A2:A9"],
    ["'My data'!$B$2:$B$9", "My data", "B2:B9"],
    ["'Tom''s'!A1", "Tom's", "A1"],
    ["C3", "", "C3"],
  ])("splitAddress(%s)", (address, sheet, range) => expect(splitAddress(address)).toEqual({ sheet, range }));

  it.each([
    ["Users", "A1:B2", "Users!A1:B2"],
    ["My data", "A1", "'My data'!A1"],
    ["Tom's", "A1", "'Tom''s'!A1"],
    ["客户", "A1", "'客户'!A1"],
    ["AB12", "A1", "'AB12'!A1"],
  ])("joinAddress(%s, %s)", (sheet, range, out) => expect(joinAddress(sheet, range)).toBe(out));
});

describe("FakeWorkbook", () => {
  it("writes specs as cells, with keep-both names and defined names", async () => {
    const fake = new FakeWorkbook();
    fake.setValues("Data", "A1", [["x"]]);
    const progress: string[] = [];
    const spec = {
      sheets: [{ kind: "k", name: "Data", blocks: [{ anchor: "B2", rows: [[{ value: 1 }, null, { formula: "=B2*2", numberFormat: "0.0" }]] }] }],
      names: [{ name: "N", refersTo: "'Data (2)'!$A$1" }],
    };
    const created = await fake.writeSheets(spec, { onExisting: "keepBoth", onProgress: (p) => progress.push(`${p.state}:${p.sheet}:${p.index}/${p.total}`) });
    expect(created).toEqual(["Data (2)"]);
    expect(progress).toEqual(["writing:Data (2):0/1", "done:Data (2):0/1"]);
    expect(fake.cell("Data (2)", "B2")).toEqual({ value: 1 });
    expect(fake.cell("Data (2)", "C2")).toBeUndefined();
    expect(fake.cell("Data (2)", "D2")).toEqual({ formula: "=B2*2", numberFormat: "0.0" });
    expect(fake.cell("Data", "A1")).toEqual({ value: "x" });
    expect(fake.names.get("N")).toBe("'Data (2)'!$A$1");
    await fake.writeSheets(spec, { onExisting: "replace" });
    expect(fake.cell("Data", "A1")).toBeUndefined();
    expect(fake.sheetNames).toEqual(["Data", "Data (2)"]);
  });

  it("reads the selection and ranges", async () => {
    const fake = new FakeWorkbook();
    seedDemoData(fake);
    fake.select("Customers!A2:B3");
    expect(await fake.getSelectedRange()).toEqual({ address: "Customers!A2:B3", values: [["Customer 01", 520000], ["Customer 02", 310000]] });
    expect(await fake.readRange("Users!$A$2:$A$3")).toEqual([["u1"], ["u2"]]);
    expect(await fake.readRange("Users!Z1")).toEqual([[""]]);
    await expect(fake.readRange("Nope!A1")).rejects.toThrow("No sheet named Nope");
  });

  it("fails once on request, then works", async () => {
    const fake = new FakeWorkbook();
    fake.failures.savePlan = new Error("boom");
    await expect(fake.savePlan("x")).rejects.toThrow("boom");
    await fake.savePlan("x");
    expect(await fake.loadPlan()).toBe("x");
  });
});

describe("plan custom XML part", () => {
  it("reads back the text, escaped or not", () => {
    const text = '{"title":"R&D <launch> \\"Q3\\""}';
    const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    expect(planFromXml(`<?xml version="1.0"?><plan xmlns="${PLAN_NAMESPACE}">${escaped}</plan>`)).toBe(text);
  });

  it("ignores other XML and broken XML", () => {
    expect(planFromXml(`<plan xmlns="urn:other">{}</plan>`)).toBeNull();
    expect(planFromXml(`<plan xmlns="${PLAN_NAMESPACE}">`)).toBeNull();
  });
});
