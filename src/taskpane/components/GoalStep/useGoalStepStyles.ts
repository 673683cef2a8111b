import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../../styles";

export const useGoalStepStyles = makePaneStyles("goal-step", {
  target: { display: "grid", gridTemplateColumns: "minmax(6em, 1fr) minmax(8em, 2fr)", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  wide: { gridColumn: "1 / -1" },
});
