import { useState } from "react";
import { isRangeAddress } from "../../../core/plan/indicatorFormulas";
import { useHost } from "../../host/HostContext";
import { usePaneT } from "../../i18n";
import type { RangePickerProps } from "./RangePicker.types";

export function useRangePicker({ value, onChange }: RangePickerProps) {
  const host = useHost();
  const { t } = usePaneT();
  const [busy, setBusy] = useState(false);
  const [rows, setRows] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const useSelection = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const selected = await host.getSelectedRange();
      setRows(selected.values.length);
      setError(null);
      onChange(selected.address, selected.values);
    } catch {
      setError(t("selectionFailed"));
    } finally {
      setBusy(false);
    }
  };

  const onType = (text: string) => {
    setRows(null);
    setError(null);
    onChange(text);
  };

  const invalid = value.trim() !== "" && !isRangeAddress(value);
  return { busy, rows, error: error ?? (invalid ? t("rangeInvalid") : null), useSelection, onType };
}
