/**
 * `npm run bench -- --table 1048575`: the Metrics tab's computed-table path
 * on a generated Events table, through the in-memory workbook (the same code
 * the pane runs: FakeWorkbook.readColumns → readSourceColumns → readInChunks,
 * computeMetric, computedSheet, writeSheets with Excel's request limits
 * enforced). Prints one line:
 *
 *   table 1048575 rows: N requests, largest B bytes, read R ms, compute C ms, write W ms
 *
 * N counts every request (reads and writes) of a weekly RETENTION by segment;
 * B is the largest request or response measured. A script, not a test.
 */
import { FakeWorkbook } from "../src/taskpane/host/fakeWorkbook";
import { computeMetric, computedSheet, DEFAULT_OPTIONS, type MetricOptions } from "../src/taskpane/components/MetricsTab/metricJob";
import { isOpsError } from "../src/core/errors";
import type { CellValue } from "../src/core/tablespec/types";
import { syntheticEvents } from "./benchData";

export async function benchTable(rows: number): Promise<string> {
  const data = syntheticEvents(rows, 42);
  const columns: CellValue[][] = [data.userIds.map((r) => r[0]!), data.dates.map((r) => r[0]!), data.events.map((r) => r[0]!), data.channels.map((r) => r[0]!)];
  const fake = new FakeWorkbook();
  fake.addTable("Events", "Events", "A1", ["User", "Date", "Event", "Channel"], columns);
  const [source] = await fake.listTables();
  const options: MetricOptions = { ...DEFAULT_OPTIONS, period: "week", segments: true };

  const t0 = performance.now();
  const read = await fake.readColumns(source!, [0, 1, 3]);
  const t1 = performance.now();
  const result = computeMetric("retention", options, { user: read.columns[0]!, date: read.columns[1]!, segment: read.columns[2]! });
  const t2 = performance.now();
  if (isOpsError(result)) throw new Error(result.message);
  await fake.writeSheets({ sheets: [computedSheet(result, "Retention", "en", source!, "bench")] }, { onExisting: "keepBoth" });
  const t3 = performance.now();

  const largest = Math.max(...fake.requests.map((r) => r.bytes));
  return `table ${rows} rows: ${fake.requests.length} requests, largest ${largest} bytes, read ${Math.round(t1 - t0)} ms, compute ${Math.round(t2 - t1)} ms, write ${Math.round(t3 - t2)} ms`;
}
