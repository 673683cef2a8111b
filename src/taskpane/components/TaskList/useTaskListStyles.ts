import { makePaneStyles } from "../../styles";

export const useTaskListStyles = makePaneStyles("task-list", {
  // A row off screen is not styled, laid out or painted (a 120-task list is thousands of
  // elements, and every keystroke would lay out and paint them all); "auto" keeps the
  // height it had when last shown, so the scroll bar does not jump. Its content stays in
  // the page for focus, find and screen readers.
  row: { contentVisibility: "auto", containIntrinsicSize: "auto 20em" },
  deps: { flex: "1 1 12em", minWidth: 0 },
  owner: { flex: "1 1 8em", minWidth: 0 },
  days: { flex: "0 0 auto" },
});
