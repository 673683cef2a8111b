import type { SheetWriterState } from "../../hooks/useSheetWriter";

export interface WriteProgressProps {
  /** The writer's state: progress per sheet, created sheets, error. */
  state: SheetWriterState;
  /** Shows a created sheet in Excel. */
  onOpen: (sheet: string) => void;
  /** Closes the error bar. */
  onDismissError: () => void;
  /** An error from opening a sheet, shown like write errors. */
  openError?: string | null;
}
