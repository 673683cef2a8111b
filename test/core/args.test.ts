import { isBlank, isBlankKey, keyText, isOmitted, column, optionWord, optionalNumber, cells } from "../../src/core/args";
import { guard, isOpsError, OpsError } from "../../src/core/errors";
import { KeyInterner, BLANK_CODE, UNKNOWN_CODE } from "../../src/core/intern";

describe("blanks", () => {
  it.each([
    // value       isBlank  isBlankKey
    [null,         true,    true],
    [undefined,    true,    true],
    ["",           true,    true],
    ["   ",        true,    true],
    [0,            false,   true],     // Excel for Windows passes empty cells as 0
    ["0",          false,   false],
    [false,        false,   false],
    ["a",          false,   false],
    [7,            false,   false],
  ])("%p: blank %p, blank key %p", (value, blank, blankKey) => {
    expect(isBlank(value)).toBe(blank);
    expect(isBlankKey(value)).toBe(blankKey);
  });
});

describe("keyText: ids compare as trimmed text, numbers by their text", () => {
  it.each([[7, "7"], ["7", "7"], [" 7 ", "7"], ["Ab", "Ab"], [1.5, "1.5"], [true, "TRUE"]])("%p → %p", (v, text) =>
    expect(keyText(v)).toBe(text),
  );
});

describe("isOmitted: an optional range given as one blank cell counts as omitted", () => {
  it.each([
    [null, true], [undefined, true], [[[""]], true], [[[0]], true], [[["  "]], true], [[[null]], true],
    [[["a"]], false], [[[1]], false], [[[""], [""]], false],
  ])("%j → %p", (arg, omitted) => expect(isOmitted(arg as never)).toBe(omitted));
  it("0 is a value where zeroIsBlank is false", () => expect(isOmitted([[0]], false)).toBe(false));
});

describe("column: one column or one row", () => {
  it.each([
    [[[1], [2], [3]], [1, 2, 3]],
    [[[1, 2, 3]], [1, 2, 3]],
    [[[5]], [5]],
    [5, [5]],
  ])("%j → %j", (arg, flat) => expect(column(arg, "ids")).toEqual(flat));

  it("a block of several rows and columns is #VALUE! naming the argument", () => {
    const result = guard(() => column([[1, 2], [3, 4]], "user_ids"));
    expect(isOpsError(result)).toBe(true);
    expect((result as OpsError).code).toBe("#VALUE!");
    expect((result as OpsError).message).toMatch(/user_ids/);
  });
});

describe("optionWord: trimmed, case-insensitive, unknown lists the allowed words", () => {
  const allowed = ["day", "week", "month"] as const;
  it.each([
    [null, "day"], ["", "day"], ["  ", "day"], ["week", "week"], [" WEEK ", "week"], [[["Month"]], "month"],
  ])("%j → %p", (arg, word) => expect(optionWord(arg, "period", allowed, "day")).toBe(word));

  it.each([["fortnight"], [7], [true]])("%p → #VALUE! listing day, week, month", (arg) => {
    const result = guard(() => optionWord(arg, "period", allowed, "day")) as OpsError;
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toMatch(/day, week, month/);
  });
});

describe("optionalNumber and cells", () => {
  it.each([[null, null], ["", null], [[[3]], 3], [2.5, 2.5]])("%j → %p", (arg, n) => expect(optionalNumber(arg, "x")).toBe(n));
  it("text is #VALUE!", () => expect((guard(() => optionalNumber("abc", "window_days")) as OpsError).code).toBe("#VALUE!"));
  it("cells flattens row by row", () => expect(cells([[1, 7], [30, 90]])).toEqual([1, 7, 30, 90]));
});

describe("KeyInterner", () => {
  it("7, '7' and ' 7 ' are one key; case matters; blanks have no code", () => {
    const interner = new KeyInterner();
    const codes = [7, "7", " 7 ", "a", "A", "", "  ", 0, null].map((v) => interner.code(v));
    expect(codes).toEqual([0, 0, 0, 1, 2, BLANK_CODE, BLANK_CODE, BLANK_CODE, BLANK_CODE]);
    expect(interner.names).toEqual(["7", "a", "A"]);
    expect(interner.lookup("7")).toBe(0);
    expect(interner.lookup(7)).toBe(0);
    expect(interner.lookup("zzz")).toBe(UNKNOWN_CODE);
  });
  it("text first, then the number, still one key", () => {
    const interner = new KeyInterner();
    expect([interner.code("42"), interner.code(42)]).toEqual([0, 0]);
  });
});
