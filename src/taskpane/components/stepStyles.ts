/** Layout shared by the wizard steps: a column of fields, and rows of list items. Tokens only. */
import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../styles";

export const useStepStyles = makePaneStyles("step", {
  step: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
    // A Fluent Field is a grid whose one column is sized "auto": an <input> (20
    // characters wide by default) then pushes out of a narrow field and under its
    // neighbour (Role over Name, a dropdown over its Add button). One column that may
    // shrink to the field's width keeps every control inside its field, and so inside
    // the pane, from 320 px up; controls with a width of their own keep it.
    "& .fui-Field": { minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)" },
  },
  intro: { color: tokens.colorNeutralForeground2 },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "flex-end" },
  grow: { flexGrow: 1, flexBasis: "8em", minWidth: 0 },
  /** A field holding a date box in a row: wide enough for the whole date (about 150 px). */
  date: { flexGrow: 1, flexBasis: "11em", minWidth: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  itemHeader: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
  itemTitle: { flexGrow: 1, flexShrink: 0, whiteSpace: "nowrap", fontWeight: tokens.fontWeightSemibold },
  /** Secondary text in an item header (dates, kind): one line, cut with an ellipsis. */
  itemMeta: { flexShrink: 1, minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  /** A form control that fills its cell and may shrink below its natural width. */
  fill: { width: "100%", minWidth: 0, boxSizing: "border-box" },
  // Fieldsets default to min-inline-size: min-content, which lets wide content push out of the pane.
  fieldset: { border: "none", margin: 0, padding: 0, minWidth: 0, minInlineSize: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase400 },
  empty: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
});
