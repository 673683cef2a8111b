import { makeStyles, tokens } from "@fluentui/react-components";

export const useTaskListStyles = makeStyles({
  dates: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  deps: { minWidth: "10em", flexGrow: 1 },
  owner: { minWidth: "8em", flexGrow: 1 },
});
