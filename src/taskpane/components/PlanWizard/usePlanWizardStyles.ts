import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../../styles";

export const usePlanWizardStyles = makePaneStyles("plan-wizard", {
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  steps: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  counter: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  footer: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  status: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});
