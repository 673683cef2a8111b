/**
 * OPS.PAYRATE spec: one row per rule of docs/functions/payrate.md.
 */
import { payrate } from "../../src/core/metrics/payrate";
import { OpsError } from "../../src/core/errors";
import { setLocale } from "../../src/core/i18n";
import { Err, checkError, col, err, row } from "../support/specHelpers";

function check(got: number | OpsError, expected: number | Err): void {
  if (typeof expected === "number") {
    if (got instanceof OpsError) throw new Error(`expected ${expected}, got ${got.code} ${got.message}`);
    expect(got).toBeCloseTo(expected, 12);
    return;
  }
  checkError(got, expected);
}

describe("PAYRATE count form (payers and population are single numbers)", () => {
  it.each<[string, unknown, unknown, unknown, unknown, number | Err]>([
    // rule                                         payers      population  amounts       measure     expected
    ["scalars, default measure is rate",            25,         100,        null,         null,       0.25],
    ["1×1 matrices as Excel passes them",           [[25]],     [[100]],    null,         null,       0.25],
    ["rate explicitly",                             25,         100,        null,         "rate",     0.25],
    ["measure payers returns the count",            25,         100,        null,         "payers",   25],
    ["arpu = revenue ÷ population",                 25,         100,        [[500]],      "arpu",     5],
    ["arppu = revenue ÷ payers",                    25,         100,        500,          "arppu",    20],
    ["measure is trimmed and case-insensitive",     25,         100,        500,          " ARPPU ",  20],
    ["measure as a 1×1 matrix",                     25,         100,        500,          [["arpu"]], 5],
    ["blank measure is rate",                       25,         100,        null,         "  ",       0.25],
    ["zero payers",                                 0,          100,        null,         null,       0],
    ["payers = population",                         100,        100,        null,         null,       1],
    ["blank payers cell next to a number counts 0", [[""]],     [[100]],    null,         null,       0],
    ["counts need not be whole (average users)",    2.5,        10,         null,         null,       0.25],
    ["amounts 0 is a real figure",                  25,         100,        0,            "arpu",     0],
    ["negative revenue (refunds) is allowed",       5,          10,         -50,          "arpu",     -5],
    ["amounts as one blank cell = omitted (rate ok)", 25,       100,        [[""]],       "rate",     0.25],
    ["two single numbers are counts, not ids",      5,          5,          null,         null,       1],
    ["negative payers → #NUM!",                     -1,         100,        null,         null,       err("#NUM!", "payers", "-1")],
    ["negative population → #NUM!",                 5,          -100,       null,         null,       err("#NUM!", "population", "-100")],
    ["negatives are checked before payers > pop.",  200,        -1,         null,         null,       err("#NUM!", "population")],
    ["payers > population → #VALUE!",               101,        100,        null,         null,       err("#VALUE!", "101", "100")],
    ["amounts of several cells → #VALUE!",          25,         100,        col(1, 2),    "arpu",     err("#VALUE!", "amounts")],
    ["text amounts → #VALUE!",                      25,         100,        "lots",       "arpu",     err("#VALUE!", "amounts")],
    ["malformed amounts reported for rate too",     25,         100,        col(1, 2),    "rate",     err("#VALUE!", "amounts")],
    ["arpu without amounts → #VALUE!",              25,         100,        null,         "arpu",     err("#VALUE!", "arpu", "amounts")],
    ["arppu with blank amounts → #VALUE!",          25,         100,        [[""]],       "arppu",    err("#VALUE!", "arppu", "amounts")],
    ["amounts missing beats #DIV/0!",               0,          0,          null,         "arpu",     err("#VALUE!", "amounts")],
    ["population 0 → #DIV/0! (rate)",               0,          0,          null,         null,       err("#DIV/0!", "population")],
    ["population 0 → #DIV/0! (arpu)",               0,          0,          10,           "arpu",     err("#DIV/0!", "population")],
    ["population 0 → #DIV/0! (arppu)",              0,          0,          10,           "arppu",    err("#DIV/0!", "population")],
    ["population 0, measure payers → the count",    0,          0,          null,         "payers",   0],
    ["0 payers → #DIV/0! for arppu",                0,          10,         10,           "arppu",    err("#DIV/0!", "payers")],
    ["unknown measure → #VALUE! listing words",     25,         100,        null,         "avg",      err("#VALUE!", "measure", "rate, arpu, arppu, payers", "avg")],
  ])("%s", (_rule, payers, population, amounts, measure, expected) => {
    check(payrate(payers, population, amounts, measure), expected);
  });
});

describe("PAYRATE id form", () => {
  const pop = col("a", "b", "c", "d");
  it.each<[string, unknown, unknown, unknown, unknown, number | Err]>([
    // rule                                               payers                         population                          amounts                         measure    expected
    ["payers in population ÷ population",                 col("a", "b"),                 pop,                                null,                           null,      0.5],
    ["payers outside the population are not counted",     col("a", "b", "x"),            pop,                                null,                           "payers",  2],
    ["a repeated payer counts once",                      col("a", "a", "b"),            pop,                                null,                           "payers",  2],
    ["repeated population ids count once",                col("a"),                      col("a", "a", "b", "b"),            null,                           null,      0.5],
    ["ids are trimmed",                                   col(" a ", "b  "),             pop,                                null,                           "payers",  2],
    ["ids are case-sensitive",                            col("A", "b"),                 pop,                                null,                           "payers",  1],
    ["numbers compare by their text (7 = \"7\")",          [[7]],                         col("7", "8"),                      null,                           null,      0.5],
    ["text \" 7 \" matches the number 7",                 col(" 7 "),                    col(7, 8, 9, 10),                   null,                           null,      0.25],
    ["blank ids (\"\", spaces, null, 0) are skipped",     col("", 0, null, "a"),         col("a", "", 0, null, "  ", "b"),   null,                           null,      0.5],
    ["a single text payer cell is an id",                 [["u1"]],                      [["u1"]],                           null,                           null,      1],
    ["payers may be a row",                               row("a", "b", "c"),            pop,                                null,                           null,      0.75],
    ["population may be a row",                           col("a"),                      row("a", "b"),                      null,                           null,      0.5],
    ["no payers at all → 0",                              col("", ""),                   pop,                                null,                           null,      0],
    ["activity rate: active ids vs all ids",              col("a", "b", "a", "c", "b"),  col("a", "b", "c", "d", "e", "f"),  null,                           null,      0.5],
    ["arpu: all rows of in-population payers summed",     col("a", "a", "b", "x"),       pop,                                col(10, 5, 20, 100),            "arpu",    35 / 4],
    ["arppu: revenue ÷ distinct payers",                  col("a", "a", "b", "x"),       pop,                                col(10, 5, 20, 100),            "arppu",   35 / 2],
    ["blank amount counts 0",                             col("a", "b"),                 pop,                                col("", 8),                     "arpu",    2],
    ["amount 0 counts 0",                                 col("a", "b"),                 pop,                                col(0, 8),                      "arppu",   4],
    ["amounts as a row pair by position",                 col("a", "b"),                 pop,                                row(4, 8),                      "arpu",    3],
    ["text amount outside the population is ignored",     col("a", "x"),                 pop,                                col(4, "n/a"),                  "arpu",    1],
    ["text amount on a blank payer row is ignored",       col("a", ""),                  pop,                                col(4, "n/a"),                  "arpu",    1],
    ["rate ignores amounts",                              col("a", "b"),                 pop,                                col(4, 8),                      null,      0.5],
    ["text amount on a counted row → #VALUE! naming row", col("a", "b", "c"),            pop,                                col(1, "ten", 3),               "arpu",    err("#VALUE!", "amounts", "row 2", "ten")],
    ["boolean amount → #VALUE!",                          col("a"),                      pop,                                [[true]],                       "arpu",    err("#VALUE!", "row 1")],
    ["text amount is an error even for rate",             col("a", "b"),                 pop,                                col(1, "ten"),                  "rate",    err("#VALUE!", "row 2")],
    ["amounts of another size → #VALUE!",                 col("a", "b", "c"),            pop,                                col(1, 2),                      "arpu",    err("#VALUE!", "amounts", "2", "3")],
    ["amounts as a block → #VALUE!",                      col("a", "b"),                 pop,                                [[1, 2], [3, 4]],               "arpu",    err("#VALUE!", "amounts", "2 rows")],
    ["payers as a block → #VALUE!",                       [["a", "b"], ["c", "d"]],      pop,                                null,                           null,      err("#VALUE!", "payers", "2 rows × 2 columns")],
    ["population as a block → #VALUE!",                   col("a"),                      [["a", "b"], ["c", "d"]],           null,                           null,      err("#VALUE!", "population")],
    ["arpu without amounts → #VALUE!",                    col("a"),                      pop,                                null,                           "arpu",    err("#VALUE!", "arpu")],
    ["empty population → #DIV/0!",                        col("a"),                      col("", 0),                         null,                           null,      err("#DIV/0!", "population")],
    ["empty population, measure payers → 0",              col("a"),                      col("", 0),                         null,                           "payers",  0],
    ["no payer in the population → #DIV/0! for arppu",    col("x", "y"),                 pop,                                col(1, 2),                      "arppu",   err("#DIV/0!", "payers")],
    ["unknown measure → #VALUE!",                         col("a"),                      pop,                                null,                           "ratio",   err("#VALUE!", "rate, arpu, arppu, payers")],
  ])("%s", (_rule, payers, population, amounts, measure, expected) => {
    check(payrate(payers, population, amounts, measure), expected);
  });

  it("omitted optional arguments may be undefined as well as null", () => {
    check(payrate(col("a"), pop), 0.25);
  });
});

describe("PAYRATE messages follow the locale", () => {
  afterEach(() => setLocale("en"));
  it("zh-CN", () => {
    setLocale("zh-CN");
    const e = payrate(101, 100) as OpsError;
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("付费用户数");
    expect(e.message).toContain("101");
  });
});
