import type { ReadValue } from "../../host/WorkbookHost";

export interface RangePickerProps {
  /** Visible label of the address box, e.g. "Paying user ids". */
  label: string;
  /** The range address ("Users!$A$2:$A$500"), "" when none. */
  value: string;
  /** Called with the address typed or taken from the selection, and the values when they were read. */
  onChange: (address: string, values?: ReadValue[][]) => void;
  /** A problem to show under the field (besides the picker's own). */
  validationMessage?: string;
  hint?: string;
  /** @default false */
  required?: boolean;
}
