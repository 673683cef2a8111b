import { makePaneStyles } from "../../styles";

export const useLanguageSwitchStyles = makePaneStyles("language-switch", {
  root: { display: "flex", alignItems: "center", columnGap: "6px" },
  select: { minWidth: "8.5em" },
});
