/**
 * Deterministic sample data for the demo workbook: B2B customers with a
 * long-tail value distribution (a few large accounts, many small ones, some
 * trial customers at 0) and requirement-intake entries. Seeded, so the same
 * arguments always give the same data on every machine.
 */
import type { Locale } from "../i18n";
import type { TieringCustomer } from "./tiering";
import type { IntakeEntry, IntakeStatus, RequirementGrade } from "./intake";
import { isoOfSerial, parseIsoSerial } from "../dates";

/** mulberry32: a small, fast, seeded PRNG returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN = {
  brands: [
    "Northwind", "Bluepeak", "Silverline", "Redwood", "Brightpath", "Cedar", "Summit", "Harbor", "Ironbridge",
    "Lakeside", "Maple", "Orion", "Pinnacle", "Quantum", "Riverbend", "Sterling", "Trident", "Unity", "Vertex",
    "Westgate", "Evergreen", "Falcon", "Granite", "Horizon", "Keystone", "Lumen", "Meridian", "Nimbus", "Oakridge",
    "Polaris",
  ],
  industries: [
    "Logistics", "Software", "Manufacturing", "Health", "Retail", "Energy", "Media", "Financial", "Foods", "Motors",
    "Biotech", "Telecom", "Systems", "Analytics", "Learning", "Construction",
  ],
  suffixes: ["Inc.", "Ltd", "Group", "Co.", "LLC", "Holdings"],
  join: (b: string, i: string, s: string) => `${b} ${i} ${s}`,
};

const ZH = {
  brands: [
    "北京云帆", "上海星河", "深圳恒信", "杭州智联", "广州鼎盛", "成都远景", "南京华信", "武汉启明", "苏州博远", "西安天润",
    "重庆中科", "天津瑞丰", "厦门金桥", "青岛汇通", "长沙新元", "合肥宏图", "宁波泰和", "无锡海纳", "济南君和", "福州同舟",
    "北京数联", "上海优品", "深圳前海", "杭州云栖", "广州南方", "成都天府", "南京紫金", "武汉光谷", "苏州工业园", "西安曲江",
  ],
  industries: [
    "物流", "软件", "制造", "医疗科技", "零售", "能源", "传媒", "金融服务", "食品", "汽车", "生物", "通信", "信息系统", "数据",
    "教育科技", "建设",
  ],
  suffixes: ["有限公司", "股份有限公司", "集团有限公司", "科技有限公司", "有限责任公司", "控股有限公司"],
  join: (b: string, i: string, s: string) => `${b}${i}${s}`,
};

/**
 * `count` customers with unique names and long-tail yearly values (whole
 * currency units, Pareto-distributed, about 5 % trial customers at 0); two
 * carry a manual override (a strategic small customer placed in S, one in A).
 * Not sorted: the tiering sheet sorts.
 */
export function sampleCustomers(count = 200, seed = 20260301, locale: Locale = "en"): TieringCustomer[] {
  const rnd = seededRandom(seed);
  const words = locale === "zh-CN" ? ZH : EN;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const used = new Set<string>();
  const out: TieringCustomer[] = [];
  for (let i = 0; i < count; i++) {
    let name = "";
    for (let attempt = 0; attempt < 20; attempt++) {
      name = words.join(pick(words.brands), pick(words.industries), pick(words.suffixes));
      if (!used.has(name)) break;
    }
    if (used.has(name)) name = `${name} ${i + 1}`;
    used.add(name);

    let value: number;
    if (rnd() < 0.05) value = 0;
    else {
      // Pareto with alpha 1.16 (the 80/20 shape), minimum 3,000, capped at 5,000,000.
      const u = 1 - rnd(); // (0, 1]
      value = Math.min(5_000_000, Math.round(3000 * Math.pow(u, -1 / 1.16)));
    }
    out.push({ name, value });
  }
  // A strategic customer placed by hand, and an important one.
  if (out.length > 40) {
    out[37] = { ...out[37]!, override: "S" };
    out[23] = { ...out[23]!, override: "A" };
  }
  return out;
}

const REQUIREMENTS: Record<Locale, string[]> = {
  en: [
    "Report export fails for accounts with more than 100k rows",
    "Single sign-on with the customer's Azure AD",
    "Bulk import of contacts from CSV",
    "Production outage: login page times out",
    "Add a Japanese invoice template",
    "API rate limit too low for nightly sync",
    "Dashboard filter by business unit",
    "Custom fields on the order form",
    "Audit log download for compliance review",
    "Dark mode",
    "Webhook on payment status change",
    "Data residency in the customer's region",
  ],
  "zh-CN": [
    "超过 10 万行的账号导出报表失败",
    "对接客户的企业微信单点登录",
    "从 CSV 批量导入联系人",
    "生产故障：登录页面超时",
    "增加增值税专用发票模板",
    "API 限流过低，夜间同步无法完成",
    "看板按事业部筛选",
    "订单表单支持自定义字段",
    "下载审计日志用于合规检查",
    "深色模式",
    "支付状态变化时推送 Webhook",
    "数据存储在客户所在地区",
  ],
};
const REQUIREMENT_GRADES_BY_TEXT: RequirementGrade[] = ["L2", "L2", "L3", "L1", "L3", "L2", "L3", "L3", "L2", "L4", "L3", "L4"];
const STATUSES: IntakeStatus[] = ["done", "done", "inProgress", "done", "accepted", "inProgress", "new", "new", "accepted", "rejected", "new", "new"];
const OWNERS: Record<Locale, string[]> = {
  en: ["Alice Chen", "Ben Liu", "Carol Wang"],
  "zh-CN": ["陈晓", "刘斌", "王珂"],
};

/** Twelve intake entries over about two weeks from `startDate`, for customers of `customers`. */
export function sampleIntakeEntries(
  customers: readonly TieringCustomer[],
  startDate = "2026-03-02",
  locale: Locale = "en",
  seed = 7,
): IntakeEntry[] {
  const rnd = seededRandom(seed);
  const start = Math.floor(parseIsoSerial(startDate));
  const texts = REQUIREMENTS[locale];
  return texts.map((requirement, i) => {
    const day = start + Math.floor(i * 1.2);
    const hour = 9 + Math.floor(rnd() * 8);
    const minute = [0, 15, 30, 45][Math.floor(rnd() * 4)]!;
    const customer = customers.length > 0 ? customers[Math.floor(rnd() * Math.min(customers.length, 60))]!.name : "";
    return {
      id: `REQ-${String(i + 1).padStart(3, "0")}`,
      date: `${isoOfSerial(day)} ${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`,
      customer,
      requirement,
      grade: REQUIREMENT_GRADES_BY_TEXT[i]!,
      owner: OWNERS[locale][i % 3]!,
      status: STATUSES[i]!,
    };
  });
}
