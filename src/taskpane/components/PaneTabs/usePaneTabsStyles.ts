import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../../styles";

export const usePaneTabsStyles = makePaneStyles("pane-tabs", {
  // Wraps rather than overflows when the tabs do not fit a narrow pane.
  list: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  tab: {
    // Fluent's 96 px minimum cuts "Customer tiering" at 320 px; the label sets the width.
    minWidth: 0,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderRadius: `${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium} 0 0`,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    fontWeight: tokens.fontWeightRegular,
  },
  selected: { borderBottomColor: tokens.colorCompoundBrandStroke, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
});
