import type { OnExisting } from "../../host/WorkbookHost";

export interface OverwriteDialogProps {
  /** Names of the sheets that already exist; the dialog is open while there are some. */
  conflicts: string[];
  /** The user's answer: replace, keep both, or null for cancel (Escape). */
  onChoose: (choice: OnExisting | null) => void;
}
