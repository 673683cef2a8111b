/**
 * Seeded random data for the SQL cross-checks, as Excel passes it: ids in
 * several spellings (7 and "7" are one user, " user5 " is "user5"), dates as
 * serials with times on a coarse grid (many same-time ties) or ISO text,
 * blank cells of every kind Excel sends (null, "", spaces, the number 0).
 */
import { isoOfSerial } from "../../../src/core/dates";
import { prng } from "./warehouse";

export interface EventData {
  ids: unknown[];
  dates: unknown[];
  events: unknown[];
  segments: unknown[];
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** A date cell: mostly a serial, sometimes ISO text; times on a grid of `slotsPerDay`. */
function dateCell(rnd: () => number, day: number, slotsPerDay: number): unknown {
  const slot = Math.floor(rnd() * slotsPerDay);
  if (rnd() < 0.05) {
    const minutes = Math.round((slot * 1440) / slotsPerDay);
    return `${isoOfSerial(day)} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  }
  return day + slot / slotsPerDay;
}

function idCell(rnd: () => number, u: number, prefix = "user"): unknown {
  if (u % 7 === 0) return rnd() < 0.5 ? u + 1 : String(u + 1); // 8 and "8" are one user
  if (u % 5 === 0) return ` ${prefix}${u} `;
  return `${prefix}${u}`;
}

/** Blanks the ways Excel sends them. */
function blank(rnd: () => number): unknown {
  return [null, "", "  ", 0][Math.floor(rnd() * 4)];
}

const EVENT_NAMES = ["browse", "register", "try", "pay", " register ", "other", "browse", "browse", "register", "pay"];
const CHANNELS = ["ads", "seo", "partner", " ads ", null, "", "  ", 0, "seo"];

/**
 * `rows` activity rows for `users` users from serial `start` over `days`
 * days; users arrive early and return with decaying probability.
 */
export function makeEvents(seed: number, rows: number, users: number, start: number, days: number, slotsPerDay = 48): EventData {
  const rnd = prng(seed);
  const data: EventData = { ids: [], dates: [], events: [], segments: [] };
  for (let i = 0; i < rows; i++) {
    const u = Math.floor(rnd() * users);
    const arrival = Math.floor(rnd() * rnd() * days);
    const day = Math.min(days - 1, arrival + Math.floor(-Math.log(1 - rnd()) * 6));
    const b = rnd();
    data.ids.push(b < 0.015 ? blank(rnd) : idCell(rnd, u));
    data.dates.push(b > 0.985 ? blank(rnd) : dateCell(rnd, start + day, slotsPerDay));
    data.events.push(rnd() < 0.02 ? blank(rnd) : EVENT_NAMES[Math.floor(rnd() * EVENT_NAMES.length)]);
    data.segments.push(CHANNELS[Math.floor(rnd() * CHANNELS.length)]);
  }
  return data;
}

export interface PaymentData {
  ids: unknown[];
  dates: unknown[];
  amounts: unknown[];
}

/**
 * `rows` payment rows: amounts whole (`cents` false) or with cents, some
 * blank, zero or negative (refunds), and refunds that cancel a payment of
 * the same user and day exactly.
 */
export function makePayments(seed: number, rows: number, users: number, start: number, days: number, cents: boolean): PaymentData {
  const rnd = prng(seed);
  const data: PaymentData = { ids: [], dates: [], amounts: [] };
  for (let i = 0; i < rows; i++) {
    const u = Math.floor(rnd() * users);
    const arrival = Math.floor(rnd() * rnd() * days);
    const day = Math.min(days - 1, arrival + Math.floor(-Math.log(1 - rnd()) * (days / 6)));
    const b = rnd();
    const id = b < 0.015 ? blank(rnd) : idCell(rnd, u, "cust");
    const date = b > 0.985 ? blank(rnd) : dateCell(rnd, start + day, 24);
    const base = cents ? Math.round(rnd() * 50000) / 100 : Math.floor(rnd() * 500) + 1;
    const kind = rnd();
    const amount = kind < 0.04 ? null : kind < 0.07 ? "" : kind < 0.1 ? 0 : kind < 0.16 ? -base : base;
    data.ids.push(id);
    data.dates.push(date);
    data.amounts.push(amount);
    if (typeof amount === "number" && amount > 0 && rnd() < 0.08) {
      // A full refund the same day, split in two parts: net exactly 0 in decimal, maybe not in binary.
      const part = cents ? Math.round(amount * 37) / 100 : Math.floor(amount / 3);
      data.ids.push(id);
      data.dates.push(date);
      data.amounts.push(-part);
      data.ids.push(id);
      data.dates.push(date);
      data.amounts.push(-(amount - part));
    }
  }
  return data;
}

/** Customer values: whole or with cents, many ties, zeros, negatives and blanks. */
export function makeValues(seed: number, n: number, cents: boolean): unknown[] {
  const rnd = prng(seed);
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (r < 0.05) out.push(null);
    else if (r < 0.08) out.push(0);
    else if (r < 0.1) out.push(-Math.floor(rnd() * 1000));
    else {
      // Heavy tail: a few large customers hold most of the value.
      const v = Math.exp(rnd() * 9);
      out.push(cents ? Math.round(v * 100) / 100 : rnd() < 0.3 ? Math.round(v / 50) * 50 : Math.round(v));
    }
  }
  return out;
}
