/** The Customer tiering tab's preview, in core next to OPS.TIER (issue 17): counts from OPS.TIER's own code, args.ts's blank rule. */
import { PREVIEW_LABELS, START_CUTOFFS, previewTiers } from "../../src/core/metrics/tierPreview";
import { tier } from "../../src/core/metrics/tier";

const name = (n: number) => `Customer ${n}`;
const VALUES = [[520000], [310000], [180000], [150000], [98000], [76000], [64000], [51000], [42000], [36000]];

describe("previewTiers", () => {
  it.each<[string, unknown[][] | null, unknown[][] | null, ReturnType<typeof previewTiers>["kind"]]>([
    ["nothing picked", null, null, "empty"],
    ["an empty range", null, [], "empty"],
    ["only blank cells (spaces are blank, as in args.ts)", null, [[""], ["  "], [null]], "empty"],
    ["text and no number", null, [["Revenue"], ["  "]], "noNumbers"],
    ["names and values of different lengths", [["a"], ["b"]], [[1], [2], [3]], "mismatch"],
  ])("%s → %s", (_name, names, values, kind) => {
    expect(previewTiers(names, values, "pareto", START_CUTOFFS.pareto, name).kind).toBe(kind);
  });

  it("a blank name, spaces included, gets the default name; names are trimmed; text values are left out", () => {
    const p = previewTiers([["Header"], ["  "], [" Acme "], [null]], [["Revenue"], [500], [300], [100]], "pareto", START_CUTOFFS.pareto, name);
    expect(p.kind === "counts" && p.customers).toEqual([
      { name: "Customer 2", value: 500 },
      { name: "Acme", value: 300 },
      { name: "Customer 4", value: 100 },
    ]);
  });

  it.each(["pareto", "rank", "threshold"] as const)("counts each tier as OPS.TIER tiers the values (%s)", (method) => {
    const p = previewTiers(null, VALUES, method, START_CUTOFFS[method], name);
    const tiers = (tier(VALUES, method, [[...START_CUTOFFS[method]]], [[...PREVIEW_LABELS]]) as unknown[][]).map((r) => r[0]);
    expect(p.kind).toBe("counts");
    if (p.kind !== "counts") return;
    expect(p.counts.map((c) => c.count)).toEqual(PREVIEW_LABELS.map((l) => tiers.filter((t) => t === l).length));
    const total = VALUES.reduce((s, [v]) => s + (v as number), 0);
    expect(p.counts.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 12);
    expect(p.counts.reduce((s, c) => s + c.value, 0)).toBe(total);
  });

  it("reports cutoffs OPS.TIER refuses, and a cutoff box that holds no number", () => {
    expect(previewTiers(null, VALUES, "threshold", [5000, 30000, 100000], name)).toEqual({
      kind: "badCutoffs",
      detail: expect.stringMatching(/decreasing/) as unknown as string,
    });
    expect(previewTiers(null, VALUES, "pareto", [0.5, undefined, 0.95], name)).toEqual({ kind: "badCutoffs", detail: "" });
  });
});
