import { makeStyles, tokens } from "@fluentui/react-components";

export const useTeamStepStyles = makeStyles({
  tags: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  budget: { display: "grid", gridTemplateColumns: "2fr 1fr", columnGap: tokens.spacingHorizontalS },
});
