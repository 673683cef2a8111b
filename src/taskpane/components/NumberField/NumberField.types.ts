export interface NumberFieldProps {
  /** Visible label; also the input's accessible name. */
  label: string;
  /** The number held by the plan; undefined shows an empty box. */
  value: number | undefined;
  /** Called with the parsed number, undefined (or blankValue) when the box is empty, NaN when it holds text that is not a number. */
  onChange: (value: number | undefined) => void;
  /** Problem from plan validation, shown under the field. */
  validationMessage?: string;
  /** A warning shown under the field when there is no problem (does not block). */
  warningMessage?: string;
  hint?: string;
  /** Text after the box, e.g. "%" or "days". */
  unit?: string;
  /**
   * Multiplier between what is shown and what is stored (100 for a percent stored as a fraction).
   * @default 1
   */
  scale?: number;
  /**
   * What an emptied box stores, for numbers the plan requires (NaN makes validation point at the field).
   * @default undefined
   */
  blankValue?: number;
  /** @default false */
  required?: boolean;
  /** Narrow box for short numbers. @default false */
  narrow?: boolean;
  /** Class of the field (layout in its parent). */
  className?: string;
}
