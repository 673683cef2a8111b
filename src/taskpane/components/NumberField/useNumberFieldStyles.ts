import { makeStyles } from "@fluentui/react-components";

export const useNumberFieldStyles = makeStyles({
  narrow: { maxWidth: "9em" },
});
