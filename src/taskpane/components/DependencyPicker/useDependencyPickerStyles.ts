import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../../styles";

export const useDependencyPickerStyles = makePaneStyles("dependency-picker", {
  button: { justifyContent: "flex-start", textAlign: "left", fontWeight: tokens.fontWeightRegular, width: "100%", minWidth: 0 },
  summary: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  choices: {
    display: "flex",
    flexDirection: "column",
    maxHeight: "14em",
    overflowY: "auto",
    marginTop: tokens.spacingVerticalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});
