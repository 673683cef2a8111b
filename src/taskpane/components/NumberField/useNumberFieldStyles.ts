import { makePaneStyles } from "../../styles";

export const useNumberFieldStyles = makePaneStyles("number-field", {
  narrow: { width: "6.5em", minWidth: 0 },
  narrowWithUnit: { width: "9em", minWidth: 0 },
  wide: { width: "100%", minWidth: 0 },
});
