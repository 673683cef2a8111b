/**
 * Deterministic synthetic activity data for the benchmark and the demo:
 * a seeded PRNG, users who arrive over a few months and come back with a
 * decaying probability, and funnel events browse → register → try → pay.
 */
import { seededRandom } from "../src/core/generators/sampleData";

/** The project's seeded PRNG (mulberry32), shared with the demo data. */
export const mulberry32 = seededRandom;

export interface EventColumns {
  /** Excel-shaped single columns, as a range arrives in a custom function. */
  userIds: string[][];
  dates: number[][];
  events: string[][];
  channels: string[][];
}

export const FUNNEL_STEPS = ["browse", "register", "try", "pay"] as const;
const NOISE_EVENTS = ["view_docs", "open_app", "contact_sales"];
const CHANNELS = ["search", "ads", "partner", "referral"];

/** ~rows event rows over `days` days from `firstDay` (an Excel serial), with times of day. */
export function syntheticEvents(rows: number, seed = 42, firstDay = 46000, days = 180): EventColumns {
  const random = mulberry32(seed);
  const userIds: string[][] = [];
  const dates: number[][] = [];
  const events: string[][] = [];
  const channels: string[][] = [];
  const users = Math.max(10, Math.round(rows / 12));
  let user = 0;
  while (userIds.length < rows) {
    const id = `u${(user++ % users).toString().padStart(7, "0")}`;
    const channel = CHANNELS[Math.floor(random() * CHANNELS.length)]!;
    let day = firstDay + Math.floor(random() * days);
    let reached = 0;
    const visits = 1 + Math.floor(-Math.log(1 - random()) * 10);
    for (let v = 0; v < visits && userIds.length < rows; v++) {
      // Times to the second, as exported event logs carry them.
      const time = day + Math.floor(random() * 86400) / 86400;
      let event: string;
      if (reached < FUNNEL_STEPS.length && random() < 0.55 - reached * 0.08) event = FUNNEL_STEPS[reached++]!;
      else event = NOISE_EVENTS[Math.floor(random() * NOISE_EVENTS.length)]!;
      userIds.push([id]);
      dates.push([time]);
      events.push([event]);
      channels.push([channel]);
      day += Math.floor(-Math.log(1 - random()) * 4);
      if (day >= firstDay + days) break;
    }
  }
  return { userIds, dates, events, channels };
}

/** Customer values with a long tail (a few large accounts), for TIER. */
export function syntheticValues(count: number, seed = 7): number[][] {
  const random = mulberry32(seed);
  const out: number[][] = [];
  for (let i = 0; i < count; i++) out.push([Math.round(1000 * Math.exp(random() * 6) * (random() < 0.05 ? 10 : 1))]);
  return out;
}
