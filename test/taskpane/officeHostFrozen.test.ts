/** @jest-environment jsdom */
/**
 * officeHost.hasFrozenFormulas against a small Excel double: the Share tab's
 * frozen state from the hidden sheet, in one sync. A hidden sheet written by
 * an older OpsKit (no "Copy of" column) has its value copies recognised by
 * the sheet names, read in the same sync, so the pane offers to delete them.
 */
import { OPS_FORMULAS_SHEET, opsFormulasSheet, type FormulaRecord } from "../../src/core/sharing/formulasSheet";
import { officeHost } from "../../src/taskpane/host/officeHost";

const COPY: FormulaRecord = { sheet: "Metrics (values)", address: "A5", formula: "=OPS.TIER(B5:B9)", rows: 5, cols: 1, frozenAt: "2026-05-01" };

function installExcel(sheetNames: string[], hiddenValues: unknown[][] | null) {
  let syncs = 0;
  const loads: string[] = [];
  const loaded = new Set<string>();
  const pending: string[] = [];
  const context = {
    sync: async () => {
      syncs++;
      loaded.clear();
      for (const p of pending.splice(0)) loaded.add(p);
    },
    workbook: {
      worksheets: {
        load: (p: string) => {
          loads.push(`worksheets ${p}`);
          pending.push("names");
        },
        get items() {
          if (!loaded.has("names")) throw new Error("PropertyNotLoaded: items");
          return sheetNames.map((name) => ({ name }));
        },
        getItemOrNullObject: (name: string) => ({
          isNullObject: name !== OPS_FORMULAS_SHEET || hiddenValues === null,
          getUsedRangeOrNullObject: () => ({
            isNullObject: false,
            load: (p: string) => {
              loads.push(`used ${p}`);
              pending.push("values");
            },
            get values() {
              if (!loaded.has("values")) throw new Error("PropertyNotLoaded: values");
              return hiddenValues;
            },
          }),
        }),
      },
    },
  };
  (globalThis as unknown as Record<string, unknown>).Excel = { run: (fn: (ctx: typeof context) => Promise<unknown>) => fn(context) };
  return { loads, syncs: () => syncs };
}

/** The hidden sheet's values, optionally as an older OpsKit wrote it (no column G). */
const hiddenValues = (records: FormulaRecord[], legacy: boolean): unknown[][] =>
  opsFormulasSheet(records, "en").blocks[0]!.rows.map((r) => r.slice(0, legacy ? 6 : 7).map((c) => c?.value ?? ""));

describe("officeHost.hasFrozenFormulas", () => {
  it("is null without the hidden sheet", async () => {
    installExcel(["Metrics"], null);
    expect(await officeHost.hasFrozenFormulas()).toBeNull();
  });

  it("lists the value copies of the current layout (column G), in one sync", async () => {
    const excel = installExcel(["Metrics", "Metrics (values)", OPS_FORMULAS_SHEET], hiddenValues([{ ...COPY, copyOf: "Metrics" }], false));
    expect(await officeHost.hasFrozenFormulas()).toEqual({ count: 1, frozenAt: "2026-05-01", copies: ["Metrics (values)"] });
    expect(excel.syncs()).toBe(1);
  });

  it("recognises an older OpsKit's value copies by the sheet names, read in the same sync", async () => {
    const excel = installExcel(["Metrics", "Metrics (values)", OPS_FORMULAS_SHEET], hiddenValues([COPY], true));
    expect(await officeHost.hasFrozenFormulas()).toEqual({ count: 1, frozenAt: "2026-05-01", copies: ["Metrics (values)"] });
    expect(excel.syncs()).toBe(1);
    expect(excel.loads).toEqual(["worksheets items/name", "used values"]);
  });

  it("does not call a sheet a copy when its original is gone (Restore will ask instead of guessing)", async () => {
    installExcel(["Metrics 2026", "Metrics (values)", OPS_FORMULAS_SHEET], hiddenValues([COPY], true));
    expect(await officeHost.hasFrozenFormulas()).toEqual({ count: 1, frozenAt: "2026-05-01", copies: [] });
  });
});
