import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../../styles";

export const useRemovableListStyles = makePaneStyles("removable-list", {
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  item: {
    display: "inline-flex",
    alignItems: "center",
    paddingLeft: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
});
