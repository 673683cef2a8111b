import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../../styles";

export const useAppStyles = makePaneStyles("app", {
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", flexWrap: "wrap", rowGap: tokens.spacingVerticalXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightBold, color: tokens.colorBrandForeground1 },
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalM,
    boxShadow: tokens.shadow2,
  },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});
