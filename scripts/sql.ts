/**
 * npm run sql -- <metric> [options]: prints the SQL definition of an OPS
 * metric for the given parameters (src/core/sql), to run in a warehouse when
 * the data outgrows Excel. `--help` lists the metrics and their options; a
 * bad option prints a message and exits with status 2.
 *
 *   npm run sql -- retention --period week --periods 1,2,4 --mode unbounded --segments
 *   npm run sql -- funnel --steps browse,register,pay --window 14
 *   npm run sql -- funnel --steps browse,register,pay --segments
 *   npm run sql -- retention --start-table signups --segments
 *   npm run sql -- payrate --measure arppu
 *   npm run sql -- tier --method pareto --cutoffs 0.5,0.8,0.95
 *   npm run sql -- renewal --period month --measure payers
 */
import { SQL_METRICS, SqlMetric, SqlOptionError, TableNames, sqlFor } from "../src/core/sql";

interface Flag {
  /** The generator option it sets. */
  option: string;
  /** How the text becomes the option's value. */
  parse: "text" | "number" | "numbers" | "texts" | "periods" | "column?";
  help: string;
}

const TABLE_FLAGS: Record<string, Flag> = {
  "events-table": { option: "tables.events", parse: "text", help: "events table (default events)" },
  "payments-table": { option: "tables.payments", parse: "text", help: "payments table (default payments)" },
  "customers-table": { option: "tables.customers", parse: "text", help: "customers table (default customers)" },
};

const FLAGS: Record<SqlMetric, Record<string, Flag>> = {
  retention: {
    period: { option: "period", parse: "text", help: "day (default) | week (Monday weeks) | month" },
    periods: { option: "periods", parse: "periods", help: "N for columns 1..N (default 7/8/6) or a list such as 1,7,30" },
    mode: { option: "mode", parse: "text", help: "classic (default) | unbounded" },
    segments: { option: "segments", parse: "column?", help: "channel retention by the column segment (or the column given)" },
    "row-order": { option: "rowOrder", parse: "text", help: "a column giving the rows' logged order (ties, as Excel's row order)" },
    "start-table": { option: "startTable", parse: "text", help: "a start list such as signups(user_id, ts [, segment]): cohorts from it, only its users counted" },
    measure: { option: "measure", parse: "text", help: "users (default) | revenue | payers (revenue retention, as renewal)" },
    "events-table": TABLE_FLAGS["events-table"]!,
    "payments-table": TABLE_FLAGS["payments-table"]!,
  },
  funnel: {
    steps: { option: "steps", parse: "texts", help: "step names in order, distinct, e.g. browse,register,pay (required)" },
    window: { option: "windowDays", parse: "number", help: "days from step 1 to the last step (default 14)" },
    order: { option: "order", parse: "text", help: "ordered (the only order with a SQL form)" },
    segments: { option: "segments", parse: "column?", help: "one block per segment (first touch) by the column segment (or the column given), then All" },
    "row-order": { option: "rowOrder", parse: "text", help: "a column giving the rows' logged order (ties, as Excel's row order)" },
    "events-table": TABLE_FLAGS["events-table"]!,
  },
  payrate: {
    measure: { option: "measure", parse: "text", help: "rate (default) | arpu | arppu | payers" },
    population: { option: "population", parse: "text", help: "events (default: distinct events.user_id) | customers (customers.id)" },
    "population-event": { option: "populationEvent", parse: "text", help: "only users with this event, e.g. register" },
    "events-table": TABLE_FLAGS["events-table"]!,
    "payments-table": TABLE_FLAGS["payments-table"]!,
    "customers-table": TABLE_FLAGS["customers-table"]!,
  },
  tier: {
    method: { option: "method", parse: "text", help: "pareto (default) | rank | threshold" },
    cutoffs: { option: "cutoffs", parse: "numbers", help: "e.g. 0.5,0.8,0.95 (pareto), 0.1,0.3,0.6 (rank), 100000,50000,10000 (threshold)" },
    labels: { option: "labels", parse: "texts", help: "one more than cutoffs (default S,A,B,C)" },
    "customers-table": TABLE_FLAGS["customers-table"]!,
  },
  renewal: {
    period: { option: "period", parse: "text", help: "month (default) | week | day" },
    periods: { option: "periods", parse: "periods", help: "N for columns 1..N (default 6/8/7) or a list such as 1,3,12" },
    measure: { option: "measure", parse: "text", help: "revenue (default: net revenue retention) | payers" },
    "payments-table": TABLE_FLAGS["payments-table"]!,
  },
};

const SUMMARY: Record<SqlMetric, string> = {
  retention: "cohort or channel retention over events(user_id, ts [, segment])",
  funnel: "ordered funnel with a window over events(user_id, event, ts)",
  payrate: "payment rate, ARPU, ARPPU or payers over payments(user_id, amount) and a population",
  tier: "S/A/B/C customer tiers over customers(id, value)",
  renewal: "revenue retention (OPS.RENEWAL) over payments(user_id, amount, ts)",
};

export function usage(): string {
  const lines = [
    "Usage: npm run sql -- <metric> [options]",
    "Prints the SQL for an OPS metric with these parameters: the same definition as the Excel function,",
    "in standard SQL that DuckDB runs and that ports to warehouses (README, \"Metric definitions as SQL\").",
    "",
  ];
  for (const metric of SQL_METRICS) {
    lines.push(`${metric}: ${SUMMARY[metric]}`);
    for (const [name, flag] of Object.entries(FLAGS[metric])) lines.push(`  --${name.padEnd(18)} ${flag.help}`);
    lines.push("");
  }
  lines.push("Examples:", "  npm run sql -- retention --period week --periods 1,2,4", "  npm run sql -- funnel --steps browse,register,pay --window 14");
  return lines.join("\n") + "\n";
}

class UsageError extends Error {}

function list(text: string): string[] {
  return text.split(",").map((s) => s.trim());
}

/** A number when the text is one, else the text (so the generator says what is wrong with it). */
function numberOrText(text: string): number | string {
  return text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
}

function parseValue(flag: Flag, text: string): unknown {
  switch (flag.parse) {
    case "number":
      return numberOrText(text);
    case "numbers":
      return list(text).map(numberOrText);
    case "texts":
      return list(text);
    case "periods":
      return text.includes(",") ? list(text).map(numberOrText) : numberOrText(text);
    default:
      return text;
  }
}

/** argv (after the script name) → metric and generator options. */
export function parseArgs(argv: readonly string[]): { metric: SqlMetric; options: Record<string, unknown> } {
  const [metric, ...rest] = argv;
  if (metric === undefined || metric.startsWith("-")) throw new UsageError("name a metric first: " + SQL_METRICS.join(", "));
  if (!(SQL_METRICS as readonly string[]).includes(metric)) {
    throw new UsageError(`unknown metric "${metric}"; the metrics are: ${SQL_METRICS.join(", ")}`);
  }
  const flags = FLAGS[metric as SqlMetric];
  const options: Record<string, unknown> = {};
  const tables: Partial<TableNames> = {};
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i]!;
    if (!token.startsWith("--")) throw new UsageError(`unexpected "${token}"; options start with --`);
    const eq = token.indexOf("=");
    const name = token.slice(2, eq < 0 ? undefined : eq);
    const flag = flags[name];
    if (flag === undefined) {
      throw new UsageError(`${metric} has no option --${name}; its options are: ${Object.keys(flags).map((f) => `--${f}`).join(", ")}`);
    }
    let text: string | undefined = eq < 0 ? undefined : token.slice(eq + 1);
    if (text === undefined && rest[i + 1] !== undefined && !rest[i + 1]!.startsWith("--")) text = rest[++i];
    let value: unknown;
    if (text === undefined) {
      if (flag.parse !== "column?") throw new UsageError(`--${name} needs a value (${flag.help})`);
      value = true;
    } else {
      value = parseValue(flag, text);
    }
    if (flag.option.startsWith("tables.")) tables[flag.option.slice(7) as keyof TableNames] = value as string;
    else options[flag.option] = value;
  }
  if (Object.keys(tables).length > 0) options.tables = tables;
  return { metric: metric as SqlMetric, options };
}

/** Generator option names → the command-line flag, for messages. */
const FLAG_OF: Record<string, string> = {};
for (const flags of Object.values(FLAGS)) for (const [name, flag] of Object.entries(flags)) FLAG_OF[flag.option] = `--${name}`;

export function runCli(argv: readonly string[]): { status: number; stdout: string; stderr: string } {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h")) return { status: 0, stdout: usage(), stderr: "" };
  try {
    const { metric, options } = parseArgs(argv);
    return { status: 0, stdout: sqlFor(metric, options), stderr: "" };
  } catch (e) {
    if (e instanceof UsageError || e instanceof SqlOptionError) {
      const first = e.message.split(/\s/, 1)[0]!;
      const text = FLAG_OF[first] ? FLAG_OF[first] + e.message.slice(first.length) : e.message;
      return { status: 2, stdout: "", stderr: `sql: ${text}\nRun npm run sql -- --help for the metrics and their options.\n` };
    }
    throw e;
  }
}

if (require.main === module) {
  const { status, stdout, stderr } = runCli(process.argv.slice(2));
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = status;
}
