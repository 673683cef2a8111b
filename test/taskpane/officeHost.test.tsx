/** @jest-environment jsdom */
/**
 * officeHost against a small hand-made Excel/Office double: the plan goes
 * into one custom XML part (replacing the old one), or into the document
 * settings where custom XML parts are unsupported; writing delegates to
 * src/excel and its progress is reported per sheet.
 */
import { PLAN_NAMESPACE, PLAN_SETTING, officeHost } from "../../src/taskpane/host/officeHost";
import type { WriteProgress } from "../../src/taskpane/host/WorkbookHost";

jest.mock("../../src/excel/host", () => ({
  runWriteSheets: jest.fn(async (spec: { sheets: { name: string; kind: string }[] }, options: { onProgress?: (s: string, i: number, n: number) => void }) => {
    spec.sheets.forEach((s, i) => options.onProgress?.(s.name, i + 1, spec.sheets.length));
    return { written: spec.sheets.map((s) => ({ kind: s.kind, requested: s.name, actual: s.name === "Schedule" ? "Schedule (2)" : s.name })) };
  }),
}));

interface Part {
  id: string;
  xml: string;
  deleted: boolean;
}

function installOffice(customXml: boolean) {
  const parts: Part[] = [];
  const settings = new Map<string, unknown>();
  let syncs = 0;
  // Deletes and adds are queued and applied in order at sync, as Excel runs a batch;
  // `failAdds` makes the next adds fail there (the rest of that batch is not applied).
  const queue: (() => void)[] = [];
  const control = { failAdds: 0 };
  // What each load of a parts collection asked Excel for (e.g. "items/id").
  const loads: string[] = [];
  const context = {
    sync: async () => {
      syncs++;
      for (const op of queue.splice(0)) op();
    },
    workbook: {
      customXmlParts: {
        getByNamespace: (ns: string) => {
          const coll = {
            items: [] as unknown[],
            load: (properties: string) => {
              loads.push(properties);
              coll.items = parts
                .filter((p) => !p.deleted && p.xml.includes(`xmlns="${ns}"`))
                .map((p) => ({ id: p.id, getXml: () => ({ value: p.xml }), delete: () => void queue.push(() => (p.deleted = true)) }));
            },
          };
          return coll;
        },
        add: (xml: string) => {
          const part = { id: "", load: () => undefined };
          queue.push(() => {
            if (control.failAdds > 0) {
              control.failAdds--;
              queue.length = 0;
              throw new Error("GeneralException: the part could not be added");
            }
            part.id = String(parts.length + 1);
            parts.push({ id: part.id, xml, deleted: false });
          });
          return part;
        },
      },
    },
  };
  const g = globalThis as unknown as Record<string, unknown>;
  g.Excel = { run: (fn: (ctx: typeof context) => Promise<unknown>) => fn(context) };
  g.Office = {
    AsyncResultStatus: { Succeeded: "succeeded" },
    context: {
      requirements: { isSetSupported: () => customXml },
      document: {
        settings: {
          get: (k: string) => settings.get(k),
          set: (k: string, v: unknown) => settings.set(k, v),
          saveAsync: (cb: (r: { status: string }) => void) => cb({ status: "succeeded" }),
        },
      },
    },
  };
  return { parts, settings, control, loads, syncs: () => syncs };
}

describe("officeHost plan storage", () => {
  it("keeps exactly one custom XML part with the plan, escaped", async () => {
    const office = installOffice(true);
    expect(await officeHost.loadPlan()).toBeNull();
    await officeHost.savePlan('{"title":"R&D <1>"}');
    await officeHost.savePlan('{"title":"second"}');
    const live = office.parts.filter((p) => !p.deleted);
    expect(live).toHaveLength(1);
    expect(live[0]!.xml).toContain(`<plan xmlns="${PLAN_NAMESPACE}">`);
    expect(await officeHost.loadPlan()).toBe('{"title":"second"}');
    await officeHost.savePlan('{"title":"R&D <1>"}');
    expect(office.parts.filter((p) => !p.deleted)[0]!.xml).toContain("R&amp;D &lt;1&gt;");
    expect(await officeHost.loadPlan()).toBe('{"title":"R&D <1>"}');
  });

  it("writes the new part before removing the old one: a failed add keeps the saved plan", async () => {
    const office = installOffice(true);
    await officeHost.savePlan('{"title":"first"}');
    office.control.failAdds = 1;
    await expect(officeHost.savePlan('{"title":"second"}')).rejects.toThrow(/could not be added/);
    expect(office.parts.filter((p) => !p.deleted)).toHaveLength(1);
    expect(await officeHost.loadPlan()).toBe('{"title":"first"}');
    await officeHost.savePlan('{"title":"third"}');
    expect(office.parts.filter((p) => !p.deleted)).toHaveLength(1);
    expect(await officeHost.loadPlan()).toBe('{"title":"third"}');
  });

  it("looks the part up by its id only, not every property of every part (office-addins/no-navigational-load)", async () => {
    const office = installOffice(true);
    await officeHost.savePlan('{"title":"first"}');
    office.loads.length = 0;
    expect(await officeHost.loadPlan()).toBe('{"title":"first"}');
    expect(office.loads).toEqual(["items/id"]);
    await officeHost.savePlan('{"title":"second"}');
    expect(office.loads).toEqual(["items/id", "items/id"]);
  });

  it("falls back to the document settings without custom XML parts", async () => {
    const office = installOffice(false);
    expect(await officeHost.loadPlan()).toBeNull();
    await officeHost.savePlan("{}");
    expect(office.settings.get(PLAN_SETTING)).toBe("{}");
    expect(await officeHost.loadPlan()).toBe("{}");
  });
});

describe("officeHost.writeSheets", () => {
  it("delegates to src/excel and reports each sheet writing, then done", async () => {
    installOffice(true);
    const progress: string[] = [];
    const created = await officeHost.writeSheets(
      { sheets: [{ kind: "schedule", name: "Schedule", blocks: [] }, { kind: "settings", name: "Settings", blocks: [] }] },
      { onExisting: "keepBoth", onProgress: (p: WriteProgress) => progress.push(`${p.state} ${p.index} ${p.sheet}`) },
    );
    expect(created).toEqual(["Schedule (2)", "Settings"]);
    expect(progress).toEqual(["writing 0 Schedule", "done 0 Schedule", "writing 1 Settings", "done 1 Settings"]);
  });
});
