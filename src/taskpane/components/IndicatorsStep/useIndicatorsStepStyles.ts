import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../../styles";

export const useIndicatorsStepStyles = makePaneStyles("indicators-step", {
  ranges: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  formula: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: "break-all" },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});
