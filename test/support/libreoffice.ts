/**
 * LibreOffice as a recalculation oracle for the .xlsx files we write.
 *
 *   const out = await recalculate("/tmp/book.xlsx");   // null when soffice is missing
 *   const values = await readValues(out!, "Schedule"); // Map "E5" → 45722
 *   const all = await readAllValues(out!);              // every sheet, file read once
 *
 * Each run uses its own LibreOffice profile (-env:UserInstallation), so
 * parallel Jest workers do not collide, and that profile tells Calc to
 * recalculate every formula when it loads an OOXML file (native formulas in
 * our files carry no cached results; OPS formulas do, and Calc, without the
 * add-in, shows #NAME? over their whole spill either way — see
 * test/xlsx/recalc.test.ts). `describeWithLibreOffice` skips with a visible message when
 * soffice is not installed, and FAILS instead when process.env.CI is set
 * (CI installs LibreOffice: apt-get install libreoffice-calc).
 */
import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

const CANDIDATES = [
  "/usr/bin/soffice",
  "/usr/local/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
];

/** Path of the soffice binary ($SOFFICE, then PATH, then the usual places), or null. */
export function findSoffice(): string | null {
  if (process.env.SOFFICE && existsSync(process.env.SOFFICE)) return process.env.SOFFICE;
  const names = process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return CANDIDATES.find((c) => existsSync(c)) ?? null;
}

/** Calc's "Recalculation on file load" setting: 0 = always, 1 = never (keep the file's cached results). */
const recalcProfile = (mode: 0 | 1): string => `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
</oor:items>
`;

export interface ConvertOptions {
  /**
   * "always" (default): recalculate every formula on load. "never": keep the
   * cached results the file carries (what Calc 7.4 did here with a fresh profile)
   * (our files still ask for a full recalculation with fullCalcOnLoad, which
   * Calc honours in both modes).
   */
  recalc?: "always" | "never";
  /** Kill soffice after this many milliseconds (default 180 s: the first run builds a profile). */
  timeoutMs?: number;
  /** Where the converted file goes (default: a fresh temporary directory). */
  outDir?: string;
}

/**
 * Converts `file` with soffice (`--convert-to <format>`) and returns the path of
 * the result, or null when soffice is not installed. Throws when soffice fails
 * or times out.
 */
export async function convertWithLibreOffice(file: string, format: string, options: ConvertOptions = {}): Promise<string | null> {
  const soffice = findSoffice();
  if (!soffice) return null;
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "opskit-lo-profile-"));
  const outDir = options.outDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), "opskit-lo-out-")));
  await fs.mkdir(path.join(profile, "user"), { recursive: true });
  await fs.writeFile(path.join(profile, "user", "registrymodifications.xcu"), recalcProfile(options.recalc === "never" ? 1 : 0));
  const profileUrl = "file://" + (process.platform === "win32" ? "/" : "") + profile.split(path.sep).join("/");
  const args = [
    `-env:UserInstallation=${profileUrl}`,
    "--headless",
    "--norestore",
    "--nolockcheck",
    "--calc",
    "--convert-to",
    format,
    "--outdir",
    outDir,
    path.resolve(file),
  ];
  try {
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      execFile(soffice, args, { timeout: options.timeoutMs ?? 180_000, killSignal: "SIGKILL" }, (error, out, err) => {
        if (error) reject(new Error(`soffice failed (${error.message}): ${err || out}`));
        else resolve({ stdout: out, stderr: err });
      });
    });
    const ext = format.split(":")[0]!;
    const result = path.join(outDir, `${path.basename(file, path.extname(file))}.${ext}`);
    if (!existsSync(result)) throw new Error(`soffice wrote no ${result}: ${stdout} ${stderr}`);
    return result;
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
}

/**
 * Opens an .xlsx in LibreOffice, recalculates every formula and saves it as
 * .xlsx with the computed values cached; returns the new file's path (in a
 * temporary directory), or null when soffice is not installed.
 */
export function recalculate(xlsxPath: string, options: ConvertOptions = {}): Promise<string | null> {
  return convertWithLibreOffice(xlsxPath, "xlsx:Calc MS Excel 2007 XML", options);
}

export type CellResult = number | string | boolean | { error: string } | null;

const MS_PER_DAY = 86_400_000;
/** A Date ExcelJS made from a serial (UTC based) → the serial again. */
const toSerial = (d: Date): number => Math.round((d.getTime() / MS_PER_DAY + 25569) * 1e6) / 1e6;

function normalise(value: ExcelJS.CellValue): CellResult {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return toSerial(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "object") {
    if ("error" in value) return { error: String(value.error) };
    if ("formula" in value || "sharedFormula" in value) return normalise((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
  }
  return null;
}

function sheetValues(ws: ExcelJS.Worksheet): Map<string, CellResult> {
  const out = new Map<string, CellResult>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master !== cell) return; // merged cells report their master's value
      const v = normalise(cell.value);
      if (v !== null && v !== "") out.set(cell.address, v);
    }),
  );
  return out;
}

/** Every sheet of a workbook: sheet name → (address → value). Reads the file once. */
export async function readAllValues(xlsxPath: string): Promise<Map<string, Map<string, CellResult>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  return new Map(wb.worksheets.map((ws) => [ws.name, sheetValues(ws)]));
}

/** Every non-empty cell of a sheet: address → value (formula cells give their cached result; dates give serials). */
export async function readValues(xlsxPath: string, sheetName: string): Promise<Map<string, CellResult>> {
  const all = await readAllValues(xlsxPath);
  const values = all.get(sheetName);
  if (!values) throw new Error(`${xlsxPath} has no sheet "${sheetName}" (has ${[...all.keys()].join(", ")})`);
  return values;
}

export function isError(v: CellResult | undefined): v is { error: string } {
  return typeof v === "object" && v !== null && "error" in v;
}

/** Cells holding an error value (#NAME?, #REF!, ...) in a sheet's values. */
export function errorsIn(values: ReadonlyMap<string, CellResult>): { address: string; error: string }[] {
  return [...values].flatMap(([address, v]) => (isError(v) ? [{ address, error: v.error }] : []));
}

/** Cells holding an error value (#NAME?, #REF!, ...) on a sheet. */
export async function errorCells(xlsxPath: string, sheetName: string): Promise<{ address: string; error: string }[]> {
  return errorsIn(await readValues(xlsxPath, sheetName));
}

export const LIBREOFFICE_MISSING =
  "LibreOffice (soffice) is not installed: install libreoffice-calc (Debian/Ubuntu: apt-get install -y --no-install-recommends libreoffice-calc) or set $SOFFICE";

/**
 * `describe` for suites that need LibreOffice: runs when soffice exists; otherwise
 * skips with a visible warning, or fails when process.env.CI is set.
 */
export function describeWithLibreOffice(name: string, fn: () => void): void {
  if (findSoffice()) {
    describe(name, fn);
  } else if (process.env.CI) {
    describe(name, () => {
      it("needs LibreOffice in CI", () => {
        throw new Error(LIBREOFFICE_MISSING);
      });
    });
  } else {
    console.warn(`SKIPPED "${name}": ${LIBREOFFICE_MISSING}`);
    describe.skip(name, fn);
  }
}
