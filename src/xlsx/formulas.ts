/**
 * Formulas as the file format stores them: no leading "=", functions newer
 * than Excel 2007 carry the "_xlfn." prefix (Excel adds it itself when you
 * type them; a file without it shows #NAME? in Excel and LibreOffice), and
 * our custom functions are saved the way Excel saves a JavaScript custom
 * function: `OPS.RETENTION(` → `_xldudf_OPS_RETENTION(` (namespace and name
 * joined by "_", as registered: upper case). Evidence in CONTRIBUTING.md
 * ("Excel file format"): a workbook saved by Excel holds
 * `<f t="array" ref="A1">_xldudf_CONTOSO_ADD(1,2)</f>`, and a formula saved
 * as `NAMESPACE.NAME(` may not calculate until it is re-entered
 * (OfficeDev/Excel-Custom-Functions#108).
 */

/** Functions added after Excel 2007 (Office Open XML "future functions"). */
const FUTURE_FUNCTIONS = [
  "AGGREGATE", "ARRAYTOTEXT", "BETA.DIST", "BETA.INV", "BINOM.DIST", "BINOM.DIST.RANGE", "BINOM.INV", "BITAND",
  "BITLSHIFT", "BITOR", "BITRSHIFT", "BITXOR", "BYCOL", "BYROW", "CEILING.MATH", "CEILING.PRECISE", "CHISQ.DIST",
  "CHISQ.DIST.RT", "CHISQ.INV", "CHISQ.INV.RT", "CHISQ.TEST", "CHOOSECOLS", "CHOOSEROWS", "CONCAT",
  "CONFIDENCE.NORM", "CONFIDENCE.T", "COVARIANCE.P", "COVARIANCE.S", "DAYS", "DROP", "ERF.PRECISE",
  "ERFC.PRECISE", "EXPAND", "EXPON.DIST", "F.DIST", "F.DIST.RT", "F.INV", "F.INV.RT", "F.TEST", "FLOOR.MATH",
  "FLOOR.PRECISE", "FORECAST.LINEAR", "FORMULATEXT", "GAMMA", "GAMMA.DIST", "GAMMA.INV", "GAMMALN.PRECISE",
  "GAUSS", "HSTACK", "HYPGEOM.DIST", "IFNA", "IFS", "ISFORMULA", "ISOMITTED", "ISOWEEKNUM", "LAMBDA", "LET",
  "LOGNORM.DIST", "LOGNORM.INV", "MAKEARRAY", "MAP", "MAXIFS", "MINIFS", "MODE.MULT", "MODE.SNGL",
  "NEGBINOM.DIST", "NETWORKDAYS.INTL", "NORM.DIST", "NORM.INV", "NORM.S.DIST", "NORM.S.INV", "NUMBERVALUE",
  "PERCENTILE.EXC", "PERCENTILE.INC", "PERCENTRANK.EXC", "PERCENTRANK.INC", "PERMUTATIONA", "PHI",
  "POISSON.DIST", "QUARTILE.EXC", "QUARTILE.INC", "RANDARRAY", "RANK.AVG", "RANK.EQ", "REDUCE", "SCAN",
  "SEQUENCE", "SHEET", "SHEETS", "SKEW.P", "STDEV.P", "STDEV.S", "SWITCH", "T.DIST", "T.DIST.2T", "T.DIST.RT",
  "T.INV", "T.INV.2T", "T.TEST", "TAKE", "TEXTAFTER", "TEXTBEFORE", "TEXTJOIN", "TEXTSPLIT", "TOCOL", "TOROW",
  "UNICHAR", "UNICODE", "UNIQUE", "VALUETOTEXT", "VAR.P", "VAR.S", "VSTACK", "WEIBULL.DIST", "WORKDAY.INTL",
  "WRAPCOLS", "WRAPROWS", "XLOOKUP", "XMATCH", "XOR",
];
/** Dynamic-array functions that also carry "_xlws.". */
const WORKSHEET_FUNCTIONS = ["FILTER", "SORT", "SORTBY"];

const escape = (s: string): string => s.replace(/\./g, "\\.");
const FUTURE_RE = new RegExp(
  `(^|[^A-Za-z0-9_.])(${[...FUTURE_FUNCTIONS].sort((a, b) => b.length - a.length).map(escape).join("|")})\\s*\\(`,
  "gi",
);
const WS_RE = new RegExp(`(^|[^A-Za-z0-9_.])(${WORKSHEET_FUNCTIONS.join("|")})\\s*\\(`, "gi");

/** Applies `fn` to the parts of a formula outside string literals and quoted sheet names. */
function outsideLiterals(formula: string, fn: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join("");
}

/** `OPS.NAME(` (any case, also a dotted name) outside literals. */
const OPS_RE = /(^|[^A-Za-z0-9_.])OPS\.([A-Za-z][A-Za-z0-9_.]*)\s*\(/gi;

/** The stored name of a custom function of ours: "retention" → "_xldudf_OPS_RETENTION". */
export const fileFunctionName = (name: string): string => `_xldudf_OPS_${name.replace(/\./g, "_").toUpperCase()}`;

/** "=IFS(A1>0,1)" → "_xlfn.IFS(A1>0,1)", "=OPS.TIER(A1:A9)" → "_xldudf_OPS_TIER(A1:A9)" (no leading "="). */
export function toFileFormula(formula: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return outsideLiterals(body, (code) =>
    code
      .replace(OPS_RE, (_m, lead: string, name: string) => `${lead}${fileFunctionName(name)}(`)
      .replace(WS_RE, (_m, lead: string, name: string) => `${lead}_xlfn._xlws.${name.toUpperCase()}(`)
      .replace(FUTURE_RE, (_m, lead: string, name: string) => `${lead}_xlfn.${name.toUpperCase()}(`),
  );
}
