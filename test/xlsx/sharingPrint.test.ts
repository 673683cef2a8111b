/** The ExcelJS writer's rendering of what "Prepare for sharing" adds: hidden sheets, one-page printing, headers/footers. */
import ExcelJS from "exceljs";
import { workbookToXlsx } from "../../src/xlsx/writeXlsx";
import { withPrintSettings } from "../../src/core/sharing/print";

it("writes a hidden sheet, one-page fitting and the header/footer codes", async () => {
  const spec = withPrintSettings({
    sheets: [
      { kind: "overview", name: "Overview", blocks: [{ anchor: "A1", rows: [[{ value: "Overview" }]] }], print: { onePage: true, orientation: "portrait" } },
      { kind: "schedule", name: "Schedule", blocks: [{ anchor: "A1", rows: [[{ value: "ID", style: "header" }, { value: "Task", style: "header" }], [{ value: "T1" }, { value: "Plan" }]] }] },
      { kind: "opsFormulas", name: "OpsKit formulas", hidden: true, blocks: [{ anchor: "A1", rows: [[{ value: "=OPS.TIER(B1)" }]] }] },
    ],
  }, { asOf: "2026-06-01" });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await workbookToXlsx(spec)) as never);
  const [overview, schedule, hidden] = wb.worksheets;
  expect(hidden!.state).toBe("hidden");
  expect(hidden!.getCell("A1").value).toBe("=OPS.TIER(B1)"); // text, not a formula
  expect(overview!.state).not.toBe("hidden");
  expect([overview!.pageSetup.fitToPage, overview!.pageSetup.fitToWidth, overview!.pageSetup.fitToHeight]).toEqual([true, 1, 1]);
  expect([schedule!.pageSetup.fitToWidth, schedule!.pageSetup.fitToHeight]).toEqual([1, 0]);
  expect(schedule!.headerFooter.oddHeader).toBe("&C&A");
  expect(schedule!.headerFooter.oddFooter).toBe("&CPage &P of &N    As of 2026-06-01");
});
