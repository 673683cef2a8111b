import { useEffect, useRef, useState } from "react";
import { showNumber } from "../../planEditing";
import type { NumberFieldProps } from "./NumberField.types";

/** Parses "1 299,5" / "1,299.5" / "12%" leniently; undefined for blank, NaN for not a number. */
export function parseNumberText(text: string): number | undefined {
  const cleaned = text.replace(/[\s%]/g, "").replace(/,(?=\d{3}(\D|$))/g, "").replace(",", ".");
  if (cleaned === "") return undefined;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : NaN;
}

const display = (value: number | undefined, scale: number) =>
  value === undefined || !Number.isFinite(value) ? "" : showNumber(value * scale);

/** Keeps the typed text while it is being edited, and commits numbers to the plan. */
export function useNumberField({ value, onChange, scale = 1, blankValue }: NumberFieldProps) {
  const [text, setText] = useState(() => display(value, scale));
  const [invalid, setInvalid] = useState(false);
  const committed = useRef(value);

  // The plan changed from elsewhere (template, load): show the new value.
  useEffect(() => {
    if (!Object.is(value, committed.current)) {
      committed.current = value;
      setText(display(value, scale));
      setInvalid(false);
    }
  }, [value, scale]);

  const onTextChange = (next: string) => {
    setText(next);
    const n = parseNumberText(next);
    if (n !== undefined && Number.isNaN(n)) {
      // Text is not a number: the plan holds NaN (not the previous number), so validation
      // keeps the step from advancing and nothing is generated from a value no longer shown.
      setInvalid(true);
      committed.current = NaN;
      onChange(NaN);
      return;
    }
    setInvalid(false);
    const stored = n === undefined ? blankValue : Number((n / scale).toPrecision(15));
    committed.current = stored;
    onChange(stored);
  };

  return { text, invalid, onTextChange };
}
