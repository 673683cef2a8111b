/**
 * Source columns mapped by header name, in English and in the Chinese headers
 * people use (用户, 用户ID, 日期, 时间, 事件, 渠道, 来源, 金额). An exact header
 * (ignoring case, spaces, "_" and "-") wins; otherwise a header containing a
 * known word ("Signup date", "付款金额"). Two candidates of the same strength
 * make a role ambiguous: it stays unmapped and the pane asks. Pure.
 */
export type Role = "user" | "date" | "event" | "segment" | "amount";
export const ROLES: readonly Role[] = ["user", "date", "event", "segment", "amount"];

const WORDS: Record<Role, readonly string[]> = {
  user: ["user", "userid", "uid", "id", "customer", "customerid", "account", "accountid", "member", "用户", "用户id", "客户", "客户id", "账号", "会员"],
  date: ["date", "time", "timestamp", "datetime", "eventtime", "eventdate", "day", "日期", "时间", "时间戳", "日期时间", "发生时间"],
  event: ["event", "eventname", "action", "step", "事件", "事件名称", "事件名", "行为"],
  segment: ["channel", "segment", "source", "渠道", "来源", "分组", "细分"],
  amount: ["amount", "revenue", "value", "payment", "金额", "收入", "付款金额", "支付金额"],
};

export const normalizeHeader = (header: string): string => header.trim().toLowerCase().replace(/[\s_\-./()（）]/g, "");

/** A word long enough to be searched for inside a header ("date" in "signup date", "金额" in "付款金额"). */
const containable = (word: string): boolean => (/[\u4e00-\u9fff]/.test(word) ? word.length >= 2 : word.length >= 4);

export type ColumnMapping = Record<Role, number | null>;

export interface MappingReport {
  mapping: ColumnMapping;
  /** Roles with several equally good candidates (column indexes). */
  ambiguous: Partial<Record<Role, number[]>>;
}

export function emptyMapping(): ColumnMapping {
  return { user: null, date: null, event: null, segment: null, amount: null };
}

export function mapColumns(headers: readonly string[]): MappingReport {
  const norm = headers.map((h) => normalizeHeader(String(h ?? "")));
  const mapping = emptyMapping();
  const ambiguous: Partial<Record<Role, number[]>> = {};
  const used = new Set<number>();
  // Pass 1: exact headers; pass 2: headers containing a word, among the columns left.
  for (const pass of ["exact", "contains"] as const) {
    for (const role of ROLES) {
      if (mapping[role] !== null || ambiguous[role]) continue;
      const words = WORDS[role];
      const hits = norm
        .map((h, i) => ({ h, i }))
        .filter(({ h, i }) => !used.has(i) && h !== "" && (pass === "exact" ? words.includes(h) : words.some((w) => containable(w) && h.includes(w))))
        .map(({ i }) => i);
      if (hits.length === 1) {
        mapping[role] = hits[0]!;
        used.add(hits[0]!);
      } else if (hits.length > 1) ambiguous[role] = hits;
    }
  }
  return { mapping, ambiguous };
}
