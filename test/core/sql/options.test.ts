/**
 * The SQL generators' options: defaults, the dispatcher, clear errors for
 * every bad option (SqlOptionError naming the option), and a portability
 * check of every generated query (no DuckDB-only syntax).
 */
import { SQL_METRICS, SqlOptionError, sqlFor } from "../../../src/core/sql";

function message(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(SqlOptionError);
    return (e as Error).message;
  }
  throw new Error("expected an SqlOptionError");
}

describe("sqlFor dispatches to each metric", () => {
  it.each<[string, object, RegExp[]]>([
    ["retention", {}, [/OPS\.RETENTION/, /AS day_1/, /AS day_7/, /FROM events/]],
    ["retention", { period: " Week ", periods: [1, 2, 4], mode: "UNBOUNDED" }, [/AS week_4/, /date_trunc\('week'/, /ug\.l - ug\.c >= ks\.k/]],
    ["retention", { period: "month", segments: "channel", rowOrder: "event_id" }, [/AS month_6/, /TRIM\(channel\)/, /event_id AS rn/, /AS segment/]],
    ["retention", { measure: "revenue" }, [/OPS\.RENEWAL/, /FROM payments/]],
    ["retention", { startTable: "crm.signups", segments: true }, [/FROM crm\.signups/, /FROM st/, /UNION ALL SELECT p FROM st/]],
    ["funnel", { steps: ["browse", "register", "pay"], windowDays: 14 }, [/INTERVAL '14' DAY/, /'register'/, /PERCENTILE_CONT\(0\.5\)/]],
    ["funnel", { steps: [" it's ", "b"], windowDays: 0.5 }, [/'it''s'/, /INTERVAL '43200\.000' SECOND/]],
    ["funnel", { steps: ["a", "b"], segments: "channel", rowOrder: "event_id" }, [/TRIM\(channel\)/, /event_id AS rn/, /AS segment/, /first_touch/]],
    ["payrate", { measure: "arppu" }, [/NULLIF\(payers, 0\)/, /FROM events/]],
    ["payrate", { population: "customers" }, [/FROM customers/]],
    ["payrate", { populationEvent: "register" }, [/TRIM\(event\) = 'register'/]],
    ["tier", {}, [/'S'/, /'C'/, /CAST\(0\.95 AS DOUBLE PRECISION\)/]],
    ["tier", { method: "threshold", cutoffs: [1e6, 2e5], labels: ["Key", "Mid", "Rest"] }, [/c\.value >= CAST\(1000000 AS DOUBLE PRECISION\) THEN 'Key'/]],
    ["renewal", { measure: "payers", period: "week", tables: { payments: "billing.payments" } }, [/FROM billing\.payments/, /AS week_8/]],
  ])("%s %j", (metric, options, patterns) => {
    const sql = sqlFor(metric, options);
    for (const p of patterns) expect(sql).toMatch(p);
  });

  it("lists every metric", () => expect([...SQL_METRICS]).toEqual(["retention", "funnel", "payrate", "tier", "renewal"]));
});

describe("bad options are SqlOptionErrors saying what is wrong", () => {
  it.each<[string, string, object, RegExp]>([
    ["unknown metric", "cohorts", {}, /unknown metric "cohorts".*retention, funnel, payrate, tier, renewal/],
    ["unknown option", "retention", { perid: "week" }, /no option "perid"/],
    ["unknown period", "retention", { period: "quarter" }, /period must be one of: day, week, month \(got "quarter"\)/],
    ["unknown mode", "retention", { mode: "rolling" }, /mode must be one of: classic, unbounded/],
    ["periods 0", "retention", { periods: 0 }, /periods must be whole numbers from 1 to 16382 \(got 0\)/],
    ["periods 1.5 in a list", "retention", { periods: [1, 1.5] }, /periods must be whole numbers/],
    ["periods empty list", "retention", { periods: [] }, /non-empty list/],
    ["periods repeated", "retention", { periods: [1, 7, 1] }, /lists 1 twice/],
    ["periods as text", "retention", { periods: "7" }, /periods must be a number N/],
    ["rowOrder without segments", "retention", { rowOrder: "rn" }, /rowOrder only applies with segments/],
    ["startTable with revenue", "retention", { measure: "payers", startTable: "signups" }, /startTable applies to measure users only/],
    ["a start table that is not a name", "retention", { startTable: "signups s" }, /startTable must be a table or column name/],
    ["segments with revenue", "retention", { measure: "revenue", segments: true }, /segments apply to measure users only/],
    ["unbounded revenue", "retention", { measure: "payers", mode: "unbounded" }, /no unbounded mode/],
    ["a segment column that is not a name", "retention", { segments: "seg; DROP TABLE x" }, /segments must be a table or column name/],
    ["a table name that is not a name", "retention", { tables: { events: "events e" } }, /tables\.events must be a table or column name/],
    ["funnel without steps", "funnel", {}, /steps must be a non-empty list/],
    ["funnel blank step", "funnel", { steps: ["a", " "] }, /steps entry 2 is blank/],
    ["funnel repeated step", "funnel", { steps: ["a", "b", "a"] }, /names "a" twice; the SQL form needs distinct step names/],
    ["funnel strict", "funnel", { steps: ["a", "b"], order: "strict" }, /order strict has no SQL form yet/],
    ["funnel rowOrder without segments", "funnel", { steps: ["a", "b"], rowOrder: "rn" }, /rowOrder only applies with segments/],
    ["funnel segment column that is not a name", "funnel", { steps: ["a"], segments: "x y" }, /segments must be a table or column name/],
    ["funnel unknown order", "funnel", { steps: ["a", "b"], order: "random" }, /order must be one of: ordered, strict, any/],
    ["funnel window 0", "funnel", { steps: ["a"], windowDays: 0 }, /windowDays must be a number greater than 0/],
    ["funnel window text", "funnel", { steps: ["a"], windowDays: "14" }, /windowDays must be a number greater than 0/],
    ["payrate unknown measure", "payrate", { measure: "ltv" }, /measure must be one of: rate, arpu, arppu, payers/],
    ["payrate population", "payrate", { population: "visitors" }, /population must be one of: events, customers/],
    ["payrate event with customers", "payrate", { population: "customers", populationEvent: "register" }, /populationEvent applies to population events only/],
    ["tier unknown method", "tier", { method: "abc" }, /method must be one of: pareto, rank, threshold/],
    ["tier threshold without cutoffs", "tier", { method: "threshold" }, /method threshold needs cutoffs/],
    ["tier pareto cutoff above 1", "tier", { cutoffs: [0.5, 1.2, 0.9] }, /cutoff 2 must be in \(0, 1\] for method pareto/],
    ["tier pareto not increasing", "tier", { cutoffs: [0.5, 0.5, 0.9] }, /strictly increasing for method pareto \(cutoff 2 is 0.5\)/],
    ["tier threshold not decreasing", "tier", { method: "threshold", cutoffs: [10, 20] }, /strictly decreasing/],
    ["tier cutoff not a number", "tier", { cutoffs: [0.5, "x"] }, /cutoff 2 is not a number/],
    ["tier labels count", "tier", { labels: ["S", "A"] }, /exactly one more entry than cutoffs \(2 labels, 3 cutoffs\)/],
    ["renewal unknown measure", "renewal", { measure: "users" }, /measure must be one of: revenue, payers/],
    ["renewal unknown period", "renewal", { period: "year" }, /period must be one of/],
  ])("%s", (_name, metric, options, pattern) => {
    expect(message(() => sqlFor(metric, options))).toMatch(pattern);
  });
});

describe("portability: no DuckDB-only syntax in any generated query", () => {
  const queries: [string, object][] = [
    ["retention", { period: "day", mode: "classic" }],
    ["retention", { period: "week", mode: "unbounded", segments: true, rowOrder: "rn" }],
    ["retention", { period: "month", segments: true }],
    ["retention", { period: "week", segments: true, rowOrder: "rn", startTable: "signups", mode: "unbounded" }],
    ["funnel", { steps: ["a", "b", "c", "d"], windowDays: 1.5 }],
    ["funnel", { steps: ["a"] }],
    ["funnel", { steps: ["a", "b"], segments: true, rowOrder: "rn" }],
    ["funnel", { steps: ["a", "b"], segments: "channel" }],
    ["payrate", { measure: "arpu", populationEvent: "register" }],
    ["tier", { method: "rank" }],
    ["tier", { method: "threshold", cutoffs: [3, 2, 1] }],
    ["renewal", { period: "week", measure: "payers" }],
  ];
  const forbidden: [string, RegExp][] = [
    ["ASOF JOIN", /\bASOF\b/i],
    ["integer division //", /\/\//],
    ["QUALIFY", /\bQUALIFY\b/i],
    ["EXCLUDE frames", /\bEXCLUDE\b/i],
    ["VALUES lists", /\bVALUES\b/i],
    ["NULLS FIRST/LAST", /\bNULLS\s+(FIRST|LAST)\b/i],
    ["any_value", /\bany_value\b/i],
    ["epoch_ms / make_date", /\b(epoch_ms|make_date|date_diff|datediff)\b/i],
    ["DuckDB's DOUBLE without PRECISION", /\bDOUBLE\b(?!\s+PRECISION)/],
    ["double-quoted identifiers", /"/],
  ];
  it.each(queries)("%s %j", (metric, options) => {
    // Comments may say anything; the query body is what a warehouse parses.
    const body = sqlFor(metric, options)
      .split("\n")
      .filter((line) => !line.trimStart().startsWith("--"))
      .join("\n");
    for (const [name, pattern] of forbidden) expect([name, pattern.test(body)]).toEqual([name, false]);
  });
});
