import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../../styles";

export const usePaneTabsStyles = makePaneStyles("pane-tabs", {
  list: { display: "flex", columnGap: tokens.spacingHorizontalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  tab: {
    borderRadius: `${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium} 0 0`,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    fontWeight: tokens.fontWeightRegular,
  },
  selected: { borderBottomColor: tokens.colorCompoundBrandStroke, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
});
