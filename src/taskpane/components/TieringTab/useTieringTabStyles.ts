import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../../styles";

export const useTieringTabStyles = makePaneStyles("tiering-tab", {
  cutoffs: { display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalS },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase300 },
  thNum: { textAlign: "right", padding: tokens.spacingHorizontalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  th: { textAlign: "left", padding: tokens.spacingHorizontalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  num: { textAlign: "right", padding: tokens.spacingHorizontalXS, fontVariantNumeric: "tabular-nums" },
  cell: { padding: tokens.spacingHorizontalXS },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});
