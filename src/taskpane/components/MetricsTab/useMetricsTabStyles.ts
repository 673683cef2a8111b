import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../../styles";

export const useMetricsTabStyles = makePaneStyles("metrics-tab", {
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  roles: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(11em, 1fr))", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  steps: { listStyleType: "decimal", margin: 0, paddingLeft: tokens.spacingHorizontalXXL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  step: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  stepName: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  progress: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  sheets: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  sheet: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  staleBadge: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});
