/**
 * officeHost.activeSheetName against an office-addin-mock Excel: the active
 * worksheet's name, loaded alone ("name") and read after one sync. The mock
 * returns "Error, property was not loaded" for a property read before its
 * load and sync, so the load/sync discipline is exercised; a failed sync
 * rejects (the Metrics tab shows its read error then).
 */
import { OfficeMockObject } from "office-addin-mock";
import { officeHost } from "../../src/taskpane/host/officeHost";

function installExcel(activeName: string) {
  let syncs = 0;
  let failure: Error | null = null;
  const loads: unknown[] = [];
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          active: { name: activeName, position: 2, visibility: "Visible" },
          getActiveWorksheet(this: { active: OfficeMockObject }) {
            return this.active;
          },
        },
      },
    },
    run: async function (this: { context: unknown }, fn: (context: unknown) => Promise<unknown>) {
      return fn(this.context);
    },
  });
  // The mock's objects, typed loosely: office-addin-mock has no Excel typings.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const excel = mock as any;
  const sync = excel.context.sync.bind(excel.context) as () => Promise<void>;
  excel.context.sync = async () => {
    syncs++;
    if (failure) throw failure;
    await sync();
  };
  const sheet = excel.context.workbook.worksheets.active;
  const load = sheet.load.bind(sheet) as (p: unknown) => unknown;
  sheet.load = (properties: unknown) => {
    loads.push(properties);
    return load(properties);
  };
  (globalThis as unknown as Record<string, unknown>).Excel = mock;
  return { sheet, loads, syncs: () => syncs, failSync: (e: Error) => void (failure = e) };
}

describe("officeHost.activeSheetName", () => {
  it("resolves to the active sheet's name: only the name loaded, one sync", async () => {
    const excel = installExcel("Q4 report");
    await expect(officeHost.activeSheetName()).resolves.toBe("Q4 report");
    expect(excel.syncs()).toBe(1);
    expect(excel.loads).toEqual(["name"]);
    // Nothing else of the sheet was asked for.
    expect(excel.sheet.position).toBe("Error, property was not loaded");
    expect(excel.sheet.visibility).toBe("Error, property was not loaded");
  });

  it("rejects when Excel refuses the request (the pane then shows its read error)", async () => {
    const excel = installExcel("Report");
    excel.failSync(new Error("GeneralException"));
    await expect(officeHost.activeSheetName()).rejects.toThrow("GeneralException");
    expect(excel.syncs()).toBe(1);
  });
});
