import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../../styles";

export const useReviewStepStyles = makePaneStyles("review-step", {
  summary: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0, overflowWrap: "anywhere" },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  problems: { listStyleType: "disc", margin: 0, paddingLeft: tokens.spacingHorizontalL },
  checks: { display: "flex", flexDirection: "column" },
});
