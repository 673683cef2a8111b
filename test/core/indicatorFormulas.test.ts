import {
  absoluteRange,
  buildIndicatorFormula,
  indicatorRanges,
  isRangeAddress,
  parseIndicatorFormula,
} from "../../src/core/plan/indicatorFormulas";
import type { IndicatorKind } from "../../src/core/plan/types";

describe("isRangeAddress", () => {
  it.each([
    ["A1", true],
    ["A2:A500", true],
    ["Users!A2:A500", true],
    ["Users!$A$2:$A$500", true],
    ["'My data'!B:B", true],
    ["'Tom''s'!1:3", true],
    ["数据!A1:A9", true],
    ["", false],
    ["hello", false],
    ["A1:", false],
    ["=A1", false],
    ["Users!", false],
  ])("%j → %s", (text, ok) => expect(isRangeAddress(text)).toBe(ok));
});

describe("absoluteRange", () => {
  it.each([
    ["A2:A9", "$A$2:$A$9"],
    ["Users!a2:b9", "Users!$A$2:$B$9"],
    ["'My data'!B:B", "'My data'!$B:$B"],
    ["Sheet1!3:5", "Sheet1!$3:$5"],
    ["$C$4", "$C$4"],
  ])("%s → %s", (from, to) => expect(absoluteRange(from)).toBe(to));
});

describe("indicator formulas", () => {
  it.each<[IndicatorKind, Record<string, string>, string]>([
    ["paymentRate", { payers: "Users!D2:D41", users: "Users!A2:A41" }, "=OPS.PAYRATE(Users!$D$2:$D$41,Users!$A$2:$A$41)"],
    ["activityRate", { active: "A2:A9", users: "B2:B9" }, "=OPS.PAYRATE($A$2:$A$9,$B$2:$B$9)"],
    ["arpu", { payers: "P!A:A", users: "U!A:A", amounts: "P!B:B" }, '=OPS.PAYRATE(P!$A:$A,U!$A:$A,P!$B:$B,"arpu")'],
    ["arppu", { payers: "P!A:A", users: "U!A:A", amounts: "P!B:B" }, '=OPS.PAYRATE(P!$A:$A,U!$A:$A,P!$B:$B,"arppu")'],
    ["registrations", { ids: "'Sign ups'!A2:A99" }, "=OPS.PAYRATE('Sign ups'!$A$2:$A$99,'Sign ups'!$A$2:$A$99,,\"payers\")"],
    ["nextDayRetention", { ids: "Log!A:A", dates: "Log!B:B" }, '=LET(r,OPS.RETENTION(Log!$A:$A,Log!$B:$B,"day",1),INDEX(r,ROWS(r),3))'],
    ["cycleRetention", { ids: "Log!A:A", dates: "Log!B:B" }, '=LET(r,OPS.RETENTION(Log!$A:$A,Log!$B:$B,"week",1),INDEX(r,ROWS(r),3))'],
  ])("%s %j → %s, and back", (kind, ranges, formula) => {
    expect(buildIndicatorFormula(kind, ranges)).toBe(formula);
    const back = parseIndicatorFormula(kind, formula)!;
    for (const role of indicatorRanges(kind)) expect(back[role]).toBe(absoluteRange(ranges[role]!));
  });

  it("needs every range", () => {
    expect(buildIndicatorFormula("paymentRate", { payers: "A1:A9" })).toBeUndefined();
    expect(buildIndicatorFormula("paymentRate", { payers: "A1:A9", users: "nonsense" })).toBeUndefined();
  });

  it.each<IndicatorKind>(["channelRetention", "funnelStep", "custom"])("%s has no single-cell recipe", (kind) => {
    expect(indicatorRanges(kind)).toEqual([]);
    expect(buildIndicatorFormula(kind, {})).toBeUndefined();
    expect(parseIndicatorFormula(kind, "=1")).toBeNull();
  });

  it("does not read a hand-written formula as ranges", () => {
    expect(parseIndicatorFormula("paymentRate", "=B2/C2")).toBeNull();
    expect(parseIndicatorFormula("paymentRate", undefined)).toBeNull();
  });
});
