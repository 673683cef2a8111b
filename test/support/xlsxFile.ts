/**
 * Reading the .xlsx files we write straight from the zip, as Excel reads
 * them (no ExcelJS on the way back): cells with their type, style, `cm`,
 * formula (`t`, `ref`, text) and cached value; shared strings resolved.
 *
 *   const book = await openBook(buffer);
 *   book.sheets.get("Metrics")!.cells.get("A5")  // { r, t, s, cm, f, v }
 *   cachedValue(cell, book.strings)              // 0.25, "S", { error: "#N/A" }, null
 *   dynamicArrays(book)                          // sheet → [{ address, ref }] (cm="1" cells)
 */
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { isOpsError, type CellOut } from "../../src/core/errors";

export type XmlCell = { r: string; t?: string; s?: string; cm?: string; f?: { t?: string; ref?: string; text: string }; v?: string; is?: string };

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/** Every <c> of a worksheet part, parsed with saxes (the parser ExcelJS uses). */
function readCells(xml: string): Map<string, XmlCell> {
  const out = new Map<string, XmlCell>();
  const parser = new SaxesParser();
  let cell: XmlCell | null = null;
  let inside: "f" | "v" | "t" | null = null;
  parser.on("opentag", (tag) => {
    const attr = (n: string) => (tag.attributes[n] as string | undefined) ?? undefined;
    if (tag.name === "c") {
      cell = { r: attr("r")!, t: attr("t"), s: attr("s"), cm: attr("cm") };
      out.set(cell.r, cell);
    } else if (cell && tag.name === "f") {
      cell.f = { t: attr("t"), ref: attr("ref"), text: "" };
      inside = "f";
    } else if (cell && tag.name === "v") {
      cell.v = "";
      inside = "v";
    } else if (cell && tag.name === "t") {
      cell.is ??= "";
      inside = "t";
    }
  });
  parser.on("text", (text) => {
    if (!cell || !inside) return;
    if (inside === "f") cell.f!.text += text;
    else if (inside === "v") cell.v += text;
    else cell.is += text;
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "c") cell = null;
    if (tag.name === "f" || tag.name === "v" || tag.name === "t") inside = null;
  });
  parser.write(xml).close();
  return out;
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1]!.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1]!)).join(""),
  );
}

/** What a reader of the file sees as the cell's (cached) value. */
export function cachedValue(cell: XmlCell | undefined, strings: string[]): string | number | boolean | { error: string } | null {
  if (!cell) return null;
  if (cell.t === "s") return strings[Number(cell.v)]!;
  if (cell.t === "inlineStr") return cell.is ?? "";
  if (cell.v === undefined) return null;
  if (cell.t === "str") return cell.v;
  if (cell.t === "b") return cell.v === "1";
  if (cell.t === "e") return { error: cell.v };
  return Number(cell.v);
}

/** A core result cell as it must be cached ("" = no value at all). */
export function expectedValue(v: CellOut | undefined): string | number | { error: string } | null {
  if (v === undefined || v === "") return null;
  if (isOpsError(v)) return { error: v.code };
  if (typeof v === "number" && !Number.isFinite(v)) return null;
  return v;
}

export interface Book {
  zip: JSZip;
  strings: string[];
  sheets: Map<string, { path: string; cells: Map<string, XmlCell>; xml: string }>;
}

export async function openBook(buffer: Buffer): Promise<Book> {
  const zip = await JSZip.loadAsync(buffer);
  const strings = sharedStrings(await zip.file("xl/sharedStrings.xml")?.async("string"));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const sheets = new Map<string, { path: string; cells: Map<string, XmlCell>; xml: string }>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    const path = `xl/${target}`;
    const xml = await zip.file(path)!.async("string");
    sheets.set(unescapeXml(m[1]!), { path, cells: readCells(xml), xml });
  }
  return { zip, strings, sheets };
}

/** The dynamic-array cells of each sheet (cm="1"), with the range each spills over. */
export function dynamicArrays(book: Book): Map<string, { address: string; ref: string }[]> {
  const out = new Map<string, { address: string; ref: string }[]>();
  for (const [name, sheet] of book.sheets) {
    out.set(
      name,
      [...sheet.cells.values()].filter((c) => c.cm === "1" && c.f?.t === "array").map((c) => ({ address: c.r, ref: c.f!.ref ?? c.r })),
    );
  }
  return out;
}
