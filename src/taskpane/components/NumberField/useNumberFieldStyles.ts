import { makePaneStyles } from "../../styles";

export const useNumberFieldStyles = makePaneStyles("number-field", {
  narrow: { maxWidth: "9em" },
});
