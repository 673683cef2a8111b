import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../../styles";

export const useSqlCopyStyles = makePaneStyles("sql-copy", {
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});
