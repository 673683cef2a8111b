import { buildSharedDemoWorkbook, SHARED_DEMO_FROZEN_AT } from "../../../src/core/sharing/sharedDemo";
import { buildDemoWorkbook, demoData } from "../../../src/core/generators/demo";
import { OPS_FORMULAS_SHEET, formulaRecordsOf, restoreOpsFormulas } from "../../../src/core/sharing/freeze";
import { scanAddinDependencies } from "../../../src/core/sharing/dependencies";
import { overviewNoteRange } from "../../../src/core/sharing/overview";
import { sheetCells, specFormulaCells } from "../../../src/core/sharing/cells";
import { usesOps } from "../../../src/core/sharing/formulaText";
import type { Locale } from "../../../src/core/i18n";

describe.each<Locale>(["en", "zh-CN"])("buildSharedDemoWorkbook (%s)", (locale) => {
  const data = demoData(locale);
  const live = buildDemoWorkbook(data);
  const shared = buildSharedDemoWorkbook(data);

  it("is the demo with the Overview in front and the hidden formulas sheet at the end; the data sheet hidden", () => {
    expect(shared.sheets.map((s) => s.name)).toEqual([data.ctx.sheetNames.overview, ...live.sheets.map((s) => s.name), OPS_FORMULAS_SHEET]);
    expect(shared.sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual([data.ctx.sheetNames.activity, OPS_FORMULAS_SHEET]);
    expect(shared.names).toEqual(live.names);
  });

  it("has print settings on every visible sheet", () => {
    for (const s of shared.sheets.filter((x) => !x.hidden)) {
      expect([s.name, s.print?.header, s.print?.footer?.includes(SHARED_DEMO_FROZEN_AT)]).toEqual([s.name, "&A", true]);
    }
  });

  it("depends on the add-in nowhere", () => {
    expect(specFormulaCells(shared).filter((c) => usesOps(c.formula))).toEqual([]);
    expect(scanAddinDependencies(shared)).toEqual({ ops: [], dependants: [], sheets: [] });
  });

  it("records the Overview's note so a restore clears it", () => {
    expect(formulaRecordsOf(shared).noteCell).toEqual({ sheet: data.ctx.sheetNames.overview, address: overviewNoteRange(SHARED_DEMO_FROZEN_AT, locale) });
  });

  it("restores to the live demo's formulas, and the note disappears", () => {
    const restored = restoreOpsFormulas(shared);
    expect(restored.sheets.map((s) => s.name)).toEqual([data.ctx.sheetNames.overview, ...live.sheets.map((s) => s.name)]);
    const opsAgain = specFormulaCells(restored).filter((c) => usesOps(c.formula));
    expect(opsAgain).toEqual(specFormulaCells(live).filter((c) => usesOps(c.formula)));
    const overview = sheetCells(restored.sheets[0]!);
    expect([...overview.values()].some((c) => c.style === "warning")).toBe(false);
  });
});
