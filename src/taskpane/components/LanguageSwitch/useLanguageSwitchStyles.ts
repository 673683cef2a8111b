import { makeStyles } from "@fluentui/react-components";

export const useLanguageSwitchStyles = makeStyles({
  root: { display: "flex", alignItems: "center", columnGap: "6px" },
  select: { minWidth: "8.5em" },
});
