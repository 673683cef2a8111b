/**
 * Working days with Excel's WORKDAY / NETWORKDAYS semantics, so TypeScript
 * can compute what the schedule's native formulas will show (and tests can
 * compare against what Excel or LibreOffice recalculate).
 *
 * - Weekends are Saturday and Sunday (Excel's default weekend, serials ≥ 61;
 *   weekday of a serial: (serial + 5) mod 7, 0 = Monday ... 6 = Sunday).
 * - Start and days are truncated to whole numbers, like Excel.
 * - WORKDAY(start, 0) is start itself, even on a weekend or holiday.
 * - Positive days count forward, negative days backward; the start day itself
 *   never counts. WORKDAY(Saturday, 1) is the Monday after, WORKDAY(Saturday, -1)
 *   the Friday before.
 * - Holidays are serials (fractions truncated); holidays on a weekend change
 *   nothing. Blank cells in Excel's holiday range are simply not there.
 */

export type Holidays = ReadonlySet<number> | readonly number[];

function holidaySet(holidays: Holidays | undefined): ReadonlySet<number> {
  if (holidays === undefined) return new Set();
  if (holidays instanceof Set) {
    // Truncate once if any holiday has a fraction (a time of day).
    for (const h of holidays) if (!Number.isInteger(h)) return new Set([...holidays].map(Math.trunc));
    return holidays;
  }
  return new Set((holidays as readonly number[]).map(Math.trunc));
}

/** Weekday of a whole-day serial: 0 = Monday ... 5 = Saturday, 6 = Sunday. */
export function weekdayIndex(serial: number): number {
  return (((serial + 5) % 7) + 7) % 7;
}

export function isWeekend(serial: number): boolean {
  return weekdayIndex(serial) >= 5;
}

/** True when the serial is a working day: not Saturday, Sunday or a holiday. */
export function isWorkday(serial: number, holidays?: Holidays): boolean {
  const day = Math.trunc(serial);
  return !isWeekend(day) && !holidaySet(holidays).has(day);
}

/** Excel's WORKDAY(start, days, holidays) on whole-day serials. */
export function workday(startSerial: number, days: number, holidays?: Holidays): number {
  const set = holidaySet(holidays);
  let day = Math.trunc(startSerial);
  let remaining = Math.trunc(days);
  const step = remaining < 0 ? -1 : 1;
  remaining = Math.abs(remaining);
  // Jump whole weeks while no holiday can be in the way (5 workdays per 7 days):
  // only when the set is empty; otherwise walk day by day (plans are short).
  if (set.size === 0 && remaining > 10) {
    // Move to a weekday first so that whole weeks keep the weekday.
    while (isWeekend(day) && remaining > 0) {
      day += step;
      if (!isWeekend(day)) remaining--;
    }
    const weeks = Math.floor((remaining - 1) / 5);
    day += step * weeks * 7;
    remaining -= weeks * 5;
  }
  while (remaining > 0) {
    day += step;
    if (!isWeekend(day) && !set.has(day)) remaining--;
  }
  return day;
}

/**
 * Excel's NETWORKDAYS(start, end, holidays): working days from start to end,
 * both included; negative when end is before start.
 */
export function networkdays(startSerial: number, endSerial: number, holidays?: Holidays): number {
  const set = holidaySet(holidays);
  const a = Math.trunc(startSerial);
  const b = Math.trunc(endSerial);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = lo; d <= hi; d++) if (!isWeekend(d) && !set.has(d)) count++;
  return sign * count;
}
