import fc from "fast-check";
import { workday, networkdays, isWorkday, weekdayIndex } from "../../src/core/workday";
import { parseIsoSerial, isoOfSerial } from "../../src/core/dates";

const s = (iso: string) => parseIsoSerial(iso);
const LABOUR_DAY = ["2026-05-01", "2026-05-04", "2026-05-05"];

describe("workday (Excel WORKDAY: weekends Sat/Sun, holidays skipped)", () => {
  it.each([
    // start          days  holidays                                   expected       why
    ["2026-03-02",     0,   [],                                        "2026-03-02", "0 days: the start itself"],
    ["2026-03-07",     0,   [],                                        "2026-03-07", "0 days on a Saturday: still the start"],
    ["2026-05-01",     0,   LABOUR_DAY,                                "2026-05-01", "0 days on a holiday: still the start"],
    ["2026-03-02",     1,   [],                                        "2026-03-03", "Monday + 1"],
    ["2026-03-06",     1,   [],                                        "2026-03-09", "Friday + 1 skips the weekend"],
    ["2026-03-07",     1,   [],                                        "2026-03-09", "Saturday + 1 is Monday"],
    ["2026-03-08",     1,   [],                                        "2026-03-09", "Sunday + 1 is Monday"],
    ["2026-03-07",    -1,   [],                                        "2026-03-06", "Saturday - 1 is Friday"],
    ["2026-03-02",    -1,   [],                                        "2026-02-27", "Monday - 1 is the Friday before"],
    ["2026-03-02",     5,   [],                                        "2026-03-09", "one working week"],
    ["2026-03-02",    10,   [],                                        "2026-03-16", "two working weeks"],
    ["2026-03-02",    23,   [],                                        "2026-04-02", "long jumps (week skipping path)"],
    ["2026-03-02",   -23,   [],                                        "2026-01-28", "long jumps backwards"],
    ["2026-04-03",     1,   ["2026-04-06"],                            "2026-04-07", "Friday + 1 over a Monday holiday"],
    ["2026-04-30",     1,   LABOUR_DAY,                                "2026-05-06", "over Labour Day and the weekend"],
    ["2026-05-06",    -1,   LABOUR_DAY,                                "2026-04-30", "backwards over holidays"],
    ["2026-05-01",     1,   LABOUR_DAY,                                "2026-05-06", "from a holiday"],
    ["2026-03-06",     1,   ["2026-03-07", "2026-03-08"],              "2026-03-09", "holidays on a weekend change nothing"],
    ["2026-04-16",    14,   LABOUR_DAY,                                "2026-05-11", "14 workdays across Labour Day (sample task L22)"],
    ["2008-10-01",   151,   [],                                        "2009-04-30", "Microsoft's WORKDAY example"],
    ["2008-10-01",   151,   ["2008-11-26", "2008-12-04", "2009-01-21"], "2009-05-05", "Microsoft's example with holidays"],
  ])("WORKDAY(%s, %i, %j) = %s (%s)", (start, days, holidays, expected) => {
    expect(isoOfSerial(workday(s(start), days, (holidays as string[]).map(s)))).toBe(expected);
    expect(isoOfSerial(workday(s(start), days, new Set((holidays as string[]).map(s))))).toBe(expected);
  });

  it("truncates a fractional start, days and holidays like Excel", () => {
    expect(workday(s("2026-03-06") + 0.75, 1.9)).toBe(s("2026-03-09"));
    expect(workday(s("2026-04-03"), 1, [s("2026-04-06") + 0.5])).toBe(s("2026-04-07"));
    expect(workday(s("2026-04-03"), 1, new Set([s("2026-04-06") + 0.5]))).toBe(s("2026-04-07"));
  });

  it("holidays may be omitted", () => expect(workday(s("2026-03-06"), 1)).toBe(s("2026-03-09")));

  it("agrees with a day-by-day reference (property)", () => {
    const reference = (start: number, days: number, holidays: Set<number>) => {
      let d = start;
      let left = Math.abs(days);
      const step = days < 0 ? -1 : 1;
      while (left > 0) {
        d += step;
        const wd = (d + 5) % 7; // 0 = Monday
        if (wd < 5 && !holidays.has(d)) left--;
      }
      return d;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 40000, max: 50000 }),
        fc.integer({ min: -400, max: 400 }),
        fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 20 }),
        (start, days, offsets) => {
          const holidays = new Set(offsets.map((o) => start + (days < 0 ? -o : o)));
          expect(workday(start, days, holidays)).toBe(reference(start, days, holidays));
          expect(workday(start, days)).toBe(reference(start, days, new Set()));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("networkdays (Excel NETWORKDAYS: both ends included)", () => {
  it.each([
    ["2012-10-01", "2013-03-01", [],                                         110],
    ["2012-10-01", "2013-03-01", ["2012-11-22"],                             109],
    ["2012-10-01", "2013-03-01", ["2012-11-22", "2012-12-04", "2013-01-21"], 107],
    ["2026-03-02", "2026-03-02", [],                                         1],
    ["2026-03-07", "2026-03-08", [],                                         0],
    ["2026-03-09", "2026-03-02", [],                                         -6],
    ["2026-04-27", "2026-05-08", LABOUR_DAY,                                 7],
  ])("NETWORKDAYS(%s, %s, %j) = %i", (a, b, holidays, expected) => {
    expect(networkdays(s(a), s(b), (holidays as string[]).map(s))).toBe(expected);
  });

  it("is the inverse of workday for a working start day", () => {
    for (let days = 0; days < 40; days++) {
      const end = workday(s("2026-04-27"), days, LABOUR_DAY.map(s));
      expect(networkdays(s("2026-04-27"), end, LABOUR_DAY.map(s))).toBe(days + 1);
    }
  });
});

describe("weekday helpers", () => {
  it("Monday is 0 and Sunday 6; holidays are not workdays", () => {
    expect(weekdayIndex(s("2026-03-02"))).toBe(0);
    expect(weekdayIndex(s("2026-03-08"))).toBe(6);
    expect(isWorkday(s("2026-05-01"), LABOUR_DAY.map(s))).toBe(false);
    expect(isWorkday(s("2026-05-06"), LABOUR_DAY.map(s))).toBe(true);
    expect(isWorkday(s("2026-05-09"))).toBe(false);
  });
});
