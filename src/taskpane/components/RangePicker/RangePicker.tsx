import { Button, Field, Input } from "@fluentui/react-components";
import { TableCursor16Regular } from "@fluentui/react-icons";
import { usePaneT } from "../../i18n";
import type { RangePickerProps } from "./RangePicker.types";
import { useRangePicker } from "./useRangePicker";
import { useRangePickerStyles } from "./useRangePickerStyles";

/** A range address box with "Use current selection": the grid stays the place where ranges are chosen. */
export function RangePicker(props: RangePickerProps) {
  const { t } = usePaneT();
  const s = useRangePicker(props);
  const styles = useRangePickerStyles();
  const message = s.error ?? props.validationMessage;
  const hint = s.rows !== null ? t("rangeFromSelection", { rows: s.rows }) : props.hint;
  return (
    <Field label={props.label} required={props.required} hint={hint} validationMessage={message} validationState={message ? "error" : "none"}>
      {(fieldProps) => (
        <div className={styles.row}>
          <Input {...fieldProps} className={styles.input} value={props.value} placeholder="Sheet1!A2:A500" onChange={(_, d) => s.onType(d.value)} />
          <Button className={styles.button} icon={<TableCursor16Regular />} disabled={s.busy} onClick={() => void s.useSelection()} aria-label={t("useSelectionFor", { field: props.label })} title={t("useSelection")}>
            {t("useSelection")}
          </Button>
        </div>
      )}
    </Field>
  );
}
