import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../../styles";

export const useTeamStepStyles = makePaneStyles("team-step", {
  budget: { display: "grid", gridTemplateColumns: "2fr 1fr", columnGap: tokens.spacingHorizontalS },
});
