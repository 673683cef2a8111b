import type { OnExisting } from "../../host/WorkbookHost";

export interface OverwriteDialogProps {
  /** Names of the sheets that already exist; the dialog is open while there are some. */
  conflicts: string[];
  /** The user's answer: replace, keep both, or null for cancel (Escape). */
  onChoose: (choice: OnExisting | null) => void;
  /** Title and text instead of the sheets' (e.g. cells at a chosen place that hold data). */
  title?: string;
  body?: string;
  /**
   * Offer "Keep both" (sheets: the new one becomes "Name (2)"). Without it the
   * choices are Replace and Cancel, and Cancel is the safe default (first, focused).
   * @default true
   */
  keepBoth?: boolean;
}
