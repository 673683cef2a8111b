/**
 * functions.json: exactly RETENTION, FUNNEL, PAYRATE, TIER and RENEWAL with
 * the contract's parameter names, and every range parameter a matrix.
 * Checks the built dist/functions.json (npm test builds first); without a
 * build, or when the build is older than functions.ts, it generates the
 * metadata from the same JSDoc with the same library.
 */
import { existsSync, readFileSync, statSync } from "fs";
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface ParamMeta { name: string; dimensionality?: string; optional?: boolean; type?: string }
interface FunctionMeta { id: string; name: string; description?: string; parameters: ParamMeta[]; result?: { dimensionality?: string } }

const root = path.resolve(__dirname, "..", "..");

async function loadMetadata(): Promise<{ functions: FunctionMeta[] }> {
  const built = path.join(root, "dist", "functions.json");
  const source = path.join(root, "src", "functions", "functions.ts");
  if (existsSync(built) && statSync(built).mtimeMs >= statSync(source).mtimeMs) return JSON.parse(readFileSync(built, "utf8"));
  const generated = await generateCustomFunctionsMetadata(source, true);
  expect(generated.errors).toEqual([]);
  return JSON.parse(generated.metadataJson);
}

const expected: Record<string, string[]> = {
  RETENTION: ["user_ids", "dates", "period", "periods", "mode", "segments", "start_ids", "start_dates"],
  FUNNEL: ["steps", "values", "events", "times", "window_days", "order", "segments"],
  PAYRATE: ["payers", "population", "amounts", "measure"],
  TIER: ["values", "method", "cutoffs", "labels", "overrides"],
  RENEWAL: ["user_ids", "dates", "amounts", "period", "periods", "measure"],
};

const rangeParams = new Set([
  "user_ids", "dates", "periods", "segments", "start_ids", "start_dates", "steps", "values", "events", "times",
  "payers", "population", "amounts", "cutoffs", "labels", "overrides",
]);

describe("functions.json", () => {
  let meta: { functions: FunctionMeta[] };
  beforeAll(async () => {
    meta = await loadMetadata();
  });

  it("declares exactly the five OPS functions", () => {
    expect(meta.functions.map((f) => f.id).sort()).toEqual(["FUNNEL", "PAYRATE", "RENEWAL", "RETENTION", "TIER"]);
  });

  it.each(Object.entries(expected))("%s has parameters %j", (id, names) => {
    const fn = meta.functions.find((f) => f.id === id)!;
    expect(fn.parameters.map((p) => p.name)).toEqual(names);
    expect(fn.description && fn.description.length).toBeTruthy();
    for (const p of fn.parameters) {
      if (rangeParams.has(p.name)) expect([id, p.name, p.dimensionality]).toEqual([id, p.name, "matrix"]);
    }
    // Everything after the required leading arguments is optional.
    const required = id === "RENEWAL" ? 3 : id === "PAYRATE" || id === "FUNNEL" || id === "RETENTION" ? 2 : 1;
    fn.parameters.forEach((p, i) => expect([p.name, Boolean(p.optional)]).toEqual([p.name, i >= required]));
  });

  it("FUNNEL explains how its 'any' order differs from PostHog's unordered funnel", () => {
    const fn = meta.functions.find((f) => f.id === "FUNNEL")!;
    expect(fn.description).toMatch(/PostHog/);
  });

  it("PAYRATE says it also gives the activity rate", () => {
    const fn = meta.functions.find((f) => f.id === "PAYRATE")!;
    expect(fn.description).toMatch(/activity rate/);
  });
});
