/**
 * The bench's DuckDB side for the cases of issue 15: the simplest correct
 * query a data-literate user would write for each case (not the general
 * oracle SQL of test/oracles, which the correctness tests keep using), over
 * a table loaded beforehand, with a BIGINT id column when the ids are
 * numbers; and the row orders and id kinds the bench times.
 *
 * Tables hold what the query needs, precomputed at load time (not timed):
 * the whole day of each row for retention, integer ms for the funnel.
 */
import { BIGINT, DuckDBConnection, DuckDBDataChunk, DuckDBType, INTEGER, VARCHAR } from "@duckdb/node-api";
import { mulberry32, type EventColumns } from "./benchData";

/**
 * text: the generator's ids, a prefix and digits ("u0000123", as a CRM
 * numbers customers; the interner keeps these by their digits); numeric:
 * the same as whole numbers; opaque: the same users under 18-character ids
 * of letters and digits ("cus_…", as Stripe names customers), which the
 * interner must hash and compare by their characters.
 */
export type IdKind = "text" | "numeric" | "opaque";
export type RowOrder = "by user" | "by time" | "random";

/** The same rows in time order (stable), as an exported event log is. */
export function inTimeOrder(data: EventColumns): EventColumns {
  const order = data.dates.map((_, i) => i).sort((a, b) => data.dates[a]![0]! - data.dates[b]![0]! || a - b);
  return pick(data, order);
}

/** The same rows in a seeded random order, as an unsorted export or a query without ORDER BY delivers them. */
export function inRandomOrder(data: EventColumns, seed = 99): EventColumns {
  const random = mulberry32(seed);
  const order = data.dates.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return pick(data, order);
}

function pick(data: EventColumns, order: number[]): EventColumns {
  const take = <T>(col: T[][]): T[][] => order.map((i) => col[i]!);
  return { userIds: take(data.userIds), dates: take(data.dates), events: take(data.events), channels: take(data.channels) };
}

/** The same ids in the given kind (text: as generated). */
export function withIds(data: EventColumns, kind: IdKind): EventColumns {
  return kind === "numeric" ? withNumericIds(data) : kind === "opaque" ? withOpaqueIds(data) : data;
}

const ID_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** u0000123 → "cus_" and 14 letters and digits, one to one (the user number, scrambled, in base 62, then its own digits). */
export function withOpaqueIds(data: EventColumns): EventColumns {
  const opaque = new Map<string, string>();
  const idOf = (id: string): string => {
    let text = opaque.get(id);
    if (text === undefined) {
      const n = Number(id.slice(1));
      let x = Math.imul(n + 1, 0x9e3779b1) >>> 0;
      text = "cus_";
      for (let i = 0; i < 6; i++, x = Math.floor(x / 62)) text += ID_CHARACTERS[x % 62];
      // The user number itself keeps the ids one to one; the letters in front keep them from being a prefix and digits.
      text += "x" + String(n).padStart(7, "0");
      opaque.set(id, text);
    }
    return text;
  };
  return { ...data, userIds: data.userIds.map(([id]) => [idOf(id!)]) };
}

/** Ids as whole numbers (u0000123 → 1000123), as Excel delivers a column of numeric ids. */
export function withNumericIds(data: EventColumns): EventColumns {
  return { ...data, userIds: data.userIds.map(([id]) => [1_000_000 + Number(String(id).slice(1))]) as unknown as string[][] };
}

/**
 * A start list (sign-ups) for the rows: one row per user on the day of
 * their first row minus 0..2 days, a channel each, in a seeded random
 * order, plus 5% users who never show up in the activity.
 */
export function signupsOf(data: EventColumns, seed = 5): { ids: unknown[][]; dates: number[][]; channels: string[][] } {
  const random = mulberry32(seed);
  const first = new Map<unknown, number>();
  data.userIds.forEach(([id], i) => {
    const date = data.dates[i]![0]!;
    if (!first.has(id) || date < first.get(id)!) first.set(id, date);
  });
  const ids: unknown[][] = [];
  const dates: number[][] = [];
  const channels: string[][] = [];
  const numeric = typeof data.userIds[0]?.[0] === "number";
  let extra = 0;
  for (const [id, date] of first) {
    ids.push([id]);
    dates.push([Math.floor(date) - Math.floor(random() * 3) + Math.floor(random() * 86400) / 86400]);
    channels.push([["search", "ads", "partner", "referral"][Math.floor(random() * 4)]!]);
    if (random() < 0.05) {
      ids.push([numeric ? 9_000_000 + extra : `new${extra}`]);
      extra++;
      dates.push([Math.floor(date)]);
      channels.push(["ads"]);
    }
  }
  const order = ids.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return { ids: order.map((i) => ids[i]!), dates: order.map((i) => dates[i]!), channels: order.map((i) => channels[i]!) };
}

type Column = { name: string; type: DuckDBType; sql: string; values: (string | number | bigint | null)[] };

async function load(connection: DuckDBConnection, table: string, columns: Column[]): Promise<void> {
  await connection.run(`CREATE OR REPLACE TABLE ${table}(${columns.map((c) => `${c.name} ${c.sql}`).join(", ")})`);
  const appender = await connection.createAppender(table);
  const n = columns[0]!.values.length;
  for (let start = 0; start < n; start += 2048) {
    const end = Math.min(n, start + 2048);
    const chunk = DuckDBDataChunk.create(columns.map((c) => c.type), end - start);
    chunk.setColumns(columns.map((c) => c.values.slice(start, end)));
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}

function idColumn(ids: unknown[][], kind: IdKind): Column {
  return kind === "numeric"
    ? { name: "user_id", type: BIGINT, sql: "BIGINT", values: ids.map(([id]) => BigInt(id as number)) }
    : { name: "user_id", type: VARCHAR, sql: "VARCHAR", values: ids.map(([id]) => String(id)) };
}

/** days(user_id, day INTEGER [, seg VARCHAR]): the whole day of each row. */
export async function loadDays(
  connection: DuckDBConnection, table: string, ids: unknown[][], dates: number[][], kind: IdKind, segments?: string[][],
): Promise<void> {
  const columns: Column[] = [idColumn(ids, kind), { name: "day", type: INTEGER, sql: "INTEGER", values: dates.map(([d]) => Math.floor(d!)) }];
  if (segments) columns.push({ name: "seg", type: VARCHAR, sql: "VARCHAR", values: segments.map(([s]) => s!) });
  await load(connection, table, columns);
}

/** funnel rows (user_id, event VARCHAR, ts BIGINT ms, seg VARCHAR, rn BIGINT) for the ASOF-chain funnel. */
export async function loadFunnelRows(connection: DuckDBConnection, table: string, data: EventColumns, kind: IdKind): Promise<void> {
  await load(connection, table, [
    idColumn(data.userIds, kind),
    { name: "event", type: VARCHAR, sql: "VARCHAR", values: data.events.map(([e]) => e!) },
    { name: "ts", type: BIGINT, sql: "BIGINT", values: data.dates.map(([d]) => BigInt(Math.round(d! * 86_400_000))) },
    { name: "seg", type: VARCHAR, sql: "VARCHAR", values: data.channels.map(([s]) => s!) },
    { name: "rn", type: BIGINT, sql: "BIGINT", values: data.dates.map((_, i) => BigInt(i)) },
  ]);
}

/** RETENTION day 1..k classic: distinct (user, day) → first day per user → join → count per cohort and offset (offset 0 = cohort size). */
export function retentionDaySql(table: string, k: number): string {
  return `WITH d AS (SELECT DISTINCT user_id, day FROM ${table}),
f AS (SELECT user_id, MIN(day) AS c FROM d GROUP BY user_id)
SELECT f.c, d.day - f.c AS k, COUNT(*) AS n FROM d JOIN f ON d.user_id = f.user_id
WHERE d.day - f.c BETWEEN 0 AND ${k} GROUP BY f.c, d.day - f.c`;
}

/** RETENTION week 1..k unbounded: first and last Monday-week per user → count per cohort how many reach each k. */
export function retentionWeekUnboundedSql(table: string, k: number): string {
  const reach = Array.from({ length: k }, (_, i) => `COUNT(*) FILTER (WHERE l - c >= ${i + 1}) AS w${i + 1}`).join(", ");
  return `WITH u AS (SELECT user_id, MIN((day + 5) // 7) AS c, MAX((day + 5) // 7) AS l FROM ${table} GROUP BY user_id)
SELECT c, COUNT(*) AS users, ${reach} FROM u GROUP BY c`;
}

/** RETENTION day 1..k classic from a start list: earliest start day per listed user → distinct activity days → join → count. */
export function retentionStartSql(signups: string, activity: string, k: number): string {
  return `WITH s AS (SELECT user_id, MIN(day) AS c FROM ${signups} GROUP BY user_id),
d AS (SELECT DISTINCT user_id, day FROM ${activity}),
hits AS (SELECT s.c, d.day - s.c AS k, COUNT(*) AS n FROM d JOIN s ON d.user_id = s.user_id WHERE d.day - s.c BETWEEN 1 AND ${k} GROUP BY s.c, d.day - s.c)
SELECT c, 0 AS k, COUNT(*) AS n FROM s GROUP BY c UNION ALL SELECT * FROM hits`;
}

/**
 * FUNNEL ordered with a window, by first-touch segment: the oracle's ASOF
 * chain (test/oracles/funnelSql.ts), each level joined to the user's segment
 * on their earliest step-1 row (ties: the first row), counted per segment.
 */
export function funnelSegmentsSql(table: string, steps: readonly string[], windowMs: number): string {
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const ctes = [
    `ev AS (SELECT user_id, event, ts FROM ${table} WHERE event IN (${steps.map(lit).join(", ")}))`,
    `ft AS (SELECT user_id, arg_min(seg, (ts, rn)) AS seg FROM ${table} WHERE event = ${lit(steps[0]!)} GROUP BY user_id)`,
    `c1 AS (SELECT DISTINCT user_id, ts AS t0, ts AS t FROM ev WHERE event = ${lit(steps[0]!)})`,
  ];
  for (let i = 2; i <= steps.length; i++) {
    ctes.push(`e${i} AS (SELECT user_id, ts AS t FROM ev WHERE event = ${lit(steps[i - 1]!)})`);
    ctes.push(`c${i} AS (SELECT c.user_id, c.t0, e${i}.t FROM c${i - 1} c ASOF JOIN e${i} ON c.user_id = e${i}.user_id AND c.t <= e${i}.t WHERE e${i}.t - c.t0 <= ${windowMs})`);
  }
  const counts = steps.map(
    (_, j) => `SELECT ${j + 1} AS step, ft.seg, count(DISTINCT c.user_id) AS users FROM c${j + 1} c JOIN ft ON ft.user_id = c.user_id GROUP BY ft.seg`,
  );
  return `WITH ${ctes.join(",\n")}\n${counts.join("\nUNION ALL ")}`;
}
