import { makeStyles, tokens } from "@fluentui/react-components";

export const useRangePickerStyles = makeStyles({
  row: { display: "flex", columnGap: tokens.spacingHorizontalXS, alignItems: "center" },
  input: { flexGrow: 1, minWidth: "6em" },
});
