import {
  parseIsoSerial, serialFromDate, toSerialMs, mondayOf, monthIndexOfSerial, serialOfMonthIndex, isoOfSerial, MS_PER_DAY,
  MAX_SERIAL_EXCLUSIVE, wholeDayOfSerial,
} from "../../src/core/dates";
import fc from "fast-check";

describe("serialFromDate / isoOfSerial (Excel 1900 system)", () => {
  it.each([
    // y     m   d    serial
    [1900,  1,  1,   1],
    [1900,  2, 28,  59],
    [1900,  3,  1,  61],       // 60 is Excel's fictional 1900-02-29
    [1970,  1,  1,  25569],
    [2025,  1,  1,  45658],
    [2026,  3,  1,  46082],
    [9999, 12, 31,  2958465],
  ])("%i-%i-%i is serial %i", (y, m, d, serial) => {
    expect(serialFromDate(y, m, d)).toBe(serial);
    expect(isoOfSerial(serial)).toBe(`${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  });
});

describe("parseIsoSerial", () => {
  it.each([
    // text                    serial (NaN = not a date)
    ["2026-03-01",             46082],
    [" 2026-03-01 ",           46082],
    ["2026-03-01 14:30",       46082 + 14.5 / 24],
    ["2026-03-01T14:30:36",    46082 + (14 * 3600 + 30 * 60 + 36) / 86400],
    ["2024-02-29",             45351],
    ["2026-02-30",             NaN],     // impossible date
    ["2025-02-29",             NaN],     // not a leap year
    ["2026-13-01",             NaN],
    ["2026-03-01 24:00",       NaN],
    ["2026-03-01 12:60",       NaN],
    ["1899-12-31",             NaN],     // before serial 1
    ["2026/03/01",             NaN],
    ["March 1",                NaN],
    ["",                       NaN],
  ])("%j → %p", (text, expected) => {
    const got = parseIsoSerial(text);
    if (Number.isNaN(expected)) expect(got).toBeNaN();
    else expect(got).toBeCloseTo(expected, 10);
  });
});

describe("toSerialMs rounds to the millisecond", () => {
  it("14:05 stored with 15 significant digits is exactly 5 minutes after 14:00", () => {
    const t1400 = Number((46082 + 14 / 24).toPrecision(15));
    const t1405 = Number((46082 + (14 * 60 + 5) / 1440).toPrecision(15));
    expect(t1405 - t1400).not.toBe(5 / 1440); // the naive float difference is off
    expect(toSerialMs(t1405) - toSerialMs(t1400)).toBe(5 * 60 * 1000);
  });
  it.each([
    [0.5, NaN], [0, NaN], [-3, NaN], [2958466, NaN], [Infinity, NaN], [true, NaN], [null, NaN],
    [1, MS_PER_DAY], [2958465.5, 2958465.5 * MS_PER_DAY], ["2026-03-01", 46082 * MS_PER_DAY],
  ])("%p → %p", (value, expected) => {
    const got = toSerialMs(value);
    if (Number.isNaN(expected)) expect(got).toBeNaN();
    else expect(got).toBe(expected);
  });
});

describe("wholeDayOfSerial: the day after rounding to the millisecond, without the arithmetic", () => {
  const slowDay = (v: number): number => Math.floor(toSerialMs(v) / MS_PER_DAY);
  const justBeforeMidnight = (day: number, ms: number): number => day + (MS_PER_DAY - ms) / MS_PER_DAY;
  it.each([
    // serial                                        day
    [46082,                                          46082],
    [46082.5,                                        46082],
    [justBeforeMidnight(46082, 1),                   46082],  // 23:59:59.999 stays
    [justBeforeMidnight(46082, 0.4),                 46083],  // within half a millisecond: rounds to midnight
    [justBeforeMidnight(46082, 0.6),                 46082],
    [justBeforeMidnight(2958464, 0.4),               2958465],
    [1,                                              1],
  ])("%p → %p", (serial, day) => {
    expect(wholeDayOfSerial(serial)).toBe(day);
    expect(wholeDayOfSerial(serial)).toBe(slowDay(serial));
  });

  it("equals the rounded-millisecond day for any serial in range, near midnight too", () => {
    const anySerial = fc.double({ min: 1, max: MAX_SERIAL_EXCLUSIVE, maxExcluded: true, noNaN: true });
    const nearMidnight = fc
      .tuple(fc.integer({ min: 1, max: MAX_SERIAL_EXCLUSIVE - 2 }), fc.double({ min: -2, max: 2, noNaN: true }))
      .map(([day, ms]) => day + 1 + ms / MS_PER_DAY);
    fc.assert(
      fc.property(fc.oneof(anySerial, nearMidnight), (v) => {
        expect(wholeDayOfSerial(v)).toBe(slowDay(v));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("week and month buckets", () => {
  it.each([
    // serial  monday   (2025-01-01 is a Wednesday; 2025-01-05 a Sunday; 2025-01-06 a Monday)
    [45658,   45656],
    [45662,   45656],
    [45663,   45663],
  ])("Monday of %i is %i", (serial, monday) => expect(mondayOf(serial)).toBe(monday));

  it.each([
    [46082, 46082], [46112, 46082], [46113, 46113], [60, 32], [59, 32], [61, 61],
  ])("month of serial %i starts at %i", (serial, start) => {
    expect(serialOfMonthIndex(monthIndexOfSerial(serial))).toBe(start);
  });
});
