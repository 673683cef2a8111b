import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../../styles";

export const useRangePickerStyles = makePaneStyles("range-picker", {
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS, alignItems: "center", minWidth: 0 },
  input: { flex: "1 1 9em", minWidth: 0 },
  button: { flex: "0 0 auto" },
});
