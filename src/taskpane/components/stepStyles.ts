/** Layout shared by the wizard steps: a column of fields, and rows of list items. Tokens only. */
import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../styles";

export const useStepStyles = makePaneStyles("step", {
  step: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  intro: { color: tokens.colorNeutralForeground2 },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "flex-end" },
  grow: { flexGrow: 1, minWidth: "8em" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  itemHeader: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  itemTitle: { flexGrow: 1, fontWeight: tokens.fontWeightSemibold },
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase400 },
  empty: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
});
