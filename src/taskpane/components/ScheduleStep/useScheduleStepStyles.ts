import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../../styles";

export const useScheduleStepStyles = makePaneStyles("schedule-step", {
  dates: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", columnGap: tokens.spacingHorizontalS },
  description: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});
