import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../../styles";

export const useGoalStepStyles = makePaneStyles("goal-step", {
  target: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  value: { flex: "0 0 7.5em", minWidth: 0 },
  unit: { flex: "1 1 10em", minWidth: 0 },
  wide: { flex: "1 1 100%" },
});
