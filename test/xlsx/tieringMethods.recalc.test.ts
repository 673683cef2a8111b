/**
 * The customer-tiering sheet of every OPS.TIER method, recalculated by
 * LibreOffice (a spreadsheet engine that is not ours): the Tier column — a
 * native formula, so a recipient without the add-in sees it — must equal
 * OPS.TIER's own result for the same values, and the summary's counts must
 * follow (issue 16, item 11).
 */
import path from "path";
import os from "os";
import { mkdtempSync } from "fs";
import { expectedTiering, generateTiering, TIERING_COLUMNS, TIERING_LAYOUT, type TieringCustomer, type TieringOptions } from "../../src/core/generators/tiering";
import { defaultContext } from "../../src/core/generators/context";
import { tier } from "../../src/core/metrics/tier";
import { a1 } from "../../src/core/tablespec/a1";
import { writeXlsxFile } from "../../src/xlsx/writeXlsx";
import { describeWithLibreOffice, recalculate, readValues, errorsIn, type CellResult } from "../support/libreoffice";

const CUSTOMERS: TieringCustomer[] = [
  { name: "Northwind", value: 310000 },
  { name: "Keystone", value: 160000 },
  { name: "Orion", value: 120000 },
  { name: "Granite", value: 76000 },
  { name: "Summit", value: 45000 },
  { name: "Lumen", value: 45000, override: "A" },
  { name: "Vertex", value: 31000 },
  { name: "Exactly 30k", value: 30000 },
  { name: "Cedar", value: 18000 },
  { name: "Falcon", value: 9000 },
  { name: "Unity", value: 5200 },
  { name: "Exactly 5k", value: 5000 },
  { name: "Polaris", value: 2500, override: "S" },
  { name: "Maple", value: 0 },
  { name: "Refund", value: -200 },
  { name: "No figure yet", value: Number.NaN },
];

const METHODS: [string, TieringOptions][] = [
  ["pareto", {}],
  ["rank", { method: "rank" }],
  ["threshold", { method: "threshold", cutoffs: [100000, 30000, 5000] }],
];

describeWithLibreOffice("tiering sheet of every method recalculated by LibreOffice", () => {
  describe.each(METHODS)("%s", (_name, options) => {
    const ctx = defaultContext("en");
    let values: Map<string, CellResult>;

    beforeAll(async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "opskit-tiering-"));
      const file = path.join(dir, "tiering.xlsx");
      await writeXlsxFile({ sheets: [generateTiering(CUSTOMERS, options, ctx)] }, file);
      const recalculated = await recalculate(file);
      if (!recalculated) throw new Error("LibreOffice did not produce a file");
      values = await readValues(recalculated, ctx.sheetNames.tiering);
    }, 240_000);

    it("the Tier column equals OPS.TIER for the same values, and the final tier lets the override win", () => {
      const expected = expectedTiering(CUSTOMERS, options);
      const ops = tier(
        expected.rows.map((r) => [r.value ?? ""]),
        options.method ?? "pareto",
        options.cutoffs ? [options.cutoffs] : null,
      ) as unknown[][];
      expected.rows.forEach((row, i) => {
        const r = TIERING_LAYOUT.firstDataRow + i;
        const at = (col: number) => values.get(a1(r, col)) ?? "";
        expect([row.name, at(TIERING_COLUMNS.tier)]).toEqual([row.name, ops[i]![0]]);
        expect([row.name, at(TIERING_COLUMNS.final)]).toEqual([row.name, row.finalTier]);
      });
    });

    it("the summary counts each final tier", () => {
      const { summary } = expectedTiering(CUSTOMERS, options);
      summary.forEach((s, t) => {
        const r = TIERING_LAYOUT.firstDataRow + t;
        expect([s.label, values.get(a1(r, TIERING_COLUMNS.sumCount))]).toEqual([s.label, s.count]);
      });
    });

    it("no cell holds an error", () => {
      expect(errorsIn(values)).toEqual([]);
    });
  });
});
