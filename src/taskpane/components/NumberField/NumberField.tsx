import { Field, Input } from "@fluentui/react-components";
import { usePaneT } from "../../i18n";
import type { NumberFieldProps } from "./NumberField.types";
import { useNumberField } from "./useNumberField";
import { useNumberFieldStyles } from "./useNumberFieldStyles";

/** A labelled number box that accepts what people type ("1,299", "8%") and reports problems beside it. */
export function NumberField(props: NumberFieldProps) {
  const { t } = usePaneT();
  const { text, invalid, onTextChange } = useNumberField(props);
  const styles = useNumberFieldStyles();
  const message = invalid ? t("notANumber") : props.validationMessage;
  const state = message ? "error" : props.warningMessage ? "warning" : "none";
  return (
    <Field className={props.className} label={props.label} hint={props.hint} required={props.required} validationMessage={message ?? props.warningMessage} validationState={state}>
      <Input
        className={props.narrow ? (props.unit ? styles.narrowWithUnit : styles.narrow) : styles.wide}
        inputMode="decimal"
        value={text}
        contentAfter={props.unit}
        onChange={(_, data) => onTextChange(data.value)}
      />
    </Field>
  );
}
