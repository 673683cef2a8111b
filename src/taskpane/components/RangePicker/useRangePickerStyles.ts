import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../../styles";

export const useRangePickerStyles = makePaneStyles("range-picker", {
  row: { display: "flex", columnGap: tokens.spacingHorizontalXS, alignItems: "center" },
  input: { flexGrow: 1, minWidth: "6em" },
});
