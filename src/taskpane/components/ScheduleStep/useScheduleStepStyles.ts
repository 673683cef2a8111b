import { makeStyles, tokens } from "@fluentui/react-components";

export const useScheduleStepStyles = makeStyles({
  dates: { display: "grid", gridTemplateColumns: "1fr 1fr", columnGap: tokens.spacingHorizontalS },
  tags: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  description: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});
