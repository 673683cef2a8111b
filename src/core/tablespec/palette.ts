/**
 * The OpsKit look: named colours and what each StyleToken looks like.
 * Shared by both adapters (src/excel for Office.js, src/xlsx for ExcelJS) so a
 * sheet written into the open workbook and one written to a file look alike.
 * Generators may use PALETTE for conditional-format colours and tab colours.
 * Pure data: no Office or ExcelJS types here.
 */
import type { StyleToken } from "./types";

/** Colours as "#RRGGBB". */
export const PALETTE = {
  ink: "#262626",
  primary: "#1F4E79",
  primaryLight: "#DDEBF7",
  accent: "#C55A11",
  accentLight: "#FBE5D6",
  grey: "#7F7F7F",
  greyLight: "#F2F2F2",
  border: "#BFBFBF",
  white: "#FFFFFF",
  inputFill: "#FFF2CC",
  inputFont: "#1F3D99",
  good: "#006100",
  goodFill: "#C6EFCE",
  warn: "#9C5700",
  warnFill: "#FFEB9C",
  bad: "#9C0006",
  badFill: "#FFC7CE",
  today: "#C00000",
  // The Schedule sheet's Gantt and status colours (mutedText: a done row, a resolved risk, a weekend holiday).
  ganttBar: "#9DC3E6",
  ganttBarDone: "#2F5597",
  ganttMilestone: "#ED7D31",
  ganttToday: "#FF0000",
  ganttTodayFill: "#FFE5E5",
  mutedText: "#808080",
  // The Roles (RACI) sheet: a passed check, the A and R letters.
  okText: "#00B050",
  raciAccountable: "#F8CBAD",
  raciResponsible: "#BDD7EE",
  // The Customer tiers sheet: the key-account (first) tier.
  tierKey: "#7F6000",
  tierKeyFill: "#FFE699",
} as const;

/** Sheet tab colours, by generated sheet (the keys are the generators' sheet kinds). */
export const TAB_COLORS = {
  overview: PALETTE.primary,
  schedule: PALETTE.ganttBarDone,
  settings: PALETTE.grey,
  raci: "#548235",
  contingency: "#C00000",
  kpi: "#2E75B6",
  summary: "#548235",
  intake: PALETTE.accent,
  tiering: "#BF8F00",
} as const;

/** The series colours of charts, in order (columns first, then lines). */
export const CHART_COLORS = {
  columns: [PALETTE.primary, "#5B9BD5", "#A5A5A5"],
  lines: [PALETTE.accent, "#70AD47", "#FFC000"],
} as const;

export interface StyleDef {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  /** Font size in points; absent = the workbook default (11). */
  size?: number;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  /** Thin border colour under / above every cell of the styled range. */
  borderBottom?: string;
  borderTop?: string;
}

export const STYLE_DEFS: Readonly<Record<StyleToken, StyleDef>> = {
  title: { bold: true, size: 16, fontColor: PALETTE.primary },
  subtitle: { italic: true, fontColor: PALETTE.grey },
  header: {
    bold: true,
    fill: PALETTE.primary,
    fontColor: PALETTE.white,
    wrap: true,
    vertical: "center",
    borderBottom: PALETTE.border,
  },
  input: { fill: PALETTE.inputFill, fontColor: PALETTE.inputFont },
  computed: { fill: PALETTE.greyLight, fontColor: PALETTE.ink },
  total: { bold: true, fill: PALETTE.primaryLight, borderTop: PALETTE.primary },
  note: { italic: true, size: 9, fontColor: PALETTE.grey },
  warning: { bold: true, fill: PALETTE.badFill, fontColor: PALETTE.bad },
};

/**
 * Excel column width in characters → points (Office.js columnWidth unit),
 * for the default Calibri 11 font whose widest digit is 7 px:
 * pixels = round(chars × 7 + 5), points = pixels × 0.75.
 */
export function widthCharsToPoints(chars: number): number {
  return Math.round(chars * 7 + 5) * 0.75;
}
