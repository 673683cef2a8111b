/**
 * Offline manifest checks (the online validator needs the network).
 * Parses the manifest with office-addin-manifest, then checks what breaks a
 * sideload in practice: the id, the https URLs and their resource ids, the
 * OPS namespace, the shared runtime, the icons and the permission.
 */
import { readFileSync, existsSync } from "fs";
import path from "path";
// The XML handler is what `office-addin-manifest info` uses for XML manifests;
// imported directly because the package root also loads the JSON-manifest stack.
import { ManifestHandlerXml } from "office-addin-manifest/lib/manifestHandler/manifestHandlerXml";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function attr(xml: string, pattern: RegExp): string[] {
  return [...xml.matchAll(pattern)].map((m) => m[1]!);
}

export async function checkManifest(manifestPath: string): Promise<string[]> {
  const problems: string[] = [];
  const info = await new ManifestHandlerXml(manifestPath).parseManifest();
  const xml = readFileSync(manifestPath, "utf8");
  const root = path.dirname(manifestPath);

  if (!info.id || !GUID.test(info.id)) problems.push(`Id is not a GUID: ${info.id}`);
  if (info.officeAppType !== "TaskPaneApp") problems.push(`OfficeApp type must be TaskPaneApp, got ${info.officeAppType}`);
  if (!info.hosts?.includes("Workbook")) problems.push("Hosts must include Workbook (Excel)");
  if (info.permissions !== "ReadWriteDocument") problems.push(`Permissions must be ReadWriteDocument, got ${info.permissions}`);
  if (!info.displayName) problems.push("DisplayName is missing");

  const urls = [...attr(xml, /DefaultValue="(https?:[^"]+)"/g)];
  for (const url of urls) {
    if (!url.startsWith("https://localhost:3000/") && url !== "https://localhost:3000") problems.push(`URL is not the https dev server: ${url}`);
  }

  const defined = new Set(attr(xml, /<bt:(?:Url|Image|String)\s+id="([^"]+)"/g));
  for (const resid of attr(xml, /resid="([^"]+)"/g)) {
    if (!defined.has(resid)) problems.push(`resid "${resid}" has no resource`);
  }

  const namespaceValue = /<bt:String id="Functions.Namespace" DefaultValue="([^"]+)"/.exec(xml)?.[1];
  if (namespaceValue !== "OPS") problems.push(`Functions namespace must be OPS, got ${namespaceValue}`);
  if (!/<Runtime resid="Taskpane.Url" lifetime="long"\s*\/>/.test(xml)) problems.push("SharedRuntime: <Runtime resid=\"Taskpane.Url\" lifetime=\"long\"/> is missing");
  if (!/<Set Name="SharedRuntime" MinVersion="1.1"\s*\/>/.test(xml)) problems.push("Requirement set SharedRuntime 1.1 is missing");
  // 1.2 brings CustomFunctions.Error with a message, which every typed OPS error relies on (src/functions/edge.ts).
  if (!/<Set Name="CustomFunctionsRuntime" MinVersion="1.2"\s*\/>/.test(xml)) problems.push("Requirement set CustomFunctionsRuntime 1.2 is missing");
  if (!/<Page>\s*<SourceLocation resid="Taskpane.Url"\s*\/>/.test(xml)) problems.push("CustomFunctions Page must be the shared task pane page");

  for (const url of urls) {
    const m = /^https:\/\/localhost:3000\/(assets\/[^"]+\.png)$/.exec(url);
    if (m && !existsSync(path.join(root, m[1]!))) problems.push(`Icon file missing: ${m[1]}`);
  }
  return problems;
}
