import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../../styles";

export const useScheduleStepStyles = makePaneStyles("schedule-step", {
  // Two dates side by side where both fit whole (a date box needs about 11em), else one above the other.
  dates: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(11em, 1fr))", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  description: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});
