import { Button, Checkbox, Field } from "@fluentui/react-components";
import { ChevronDown16Regular, ChevronUp16Regular } from "@fluentui/react-icons";
import { useId } from "react";
import type { DependencyPickerProps } from "./DependencyPicker.types";
import { useDependencyPicker } from "./useDependencyPicker";
import { useDependencyPickerStyles } from "./useDependencyPickerStyles";

/**
 * Predecessors of a task: a button showing the current choice that opens a
 * list of check boxes in place (a disclosure: no popup to position, plain
 * Tab and Space to use it).
 */
export function DependencyPicker(props: DependencyPickerProps) {
  const s = useDependencyPicker(props);
  const styles = useDependencyPickerStyles();
  const listId = useId();
  const summaryId = useId();
  const labelId = useId();
  // The check boxes sit after the Field, not inside it: inside, each would take the Field's control id.
  return (
    <div>
      <Field label={{ children: props.label, id: labelId }} validationMessage={props.validationMessage} validationState={props.validationMessage ? "error" : "none"}>
        {(field) => {
          return (
            <Button
              className={styles.button}
              aria-expanded={s.open}
              aria-controls={s.open ? listId : undefined}
              aria-labelledby={`${labelId} ${summaryId}`}
              aria-describedby={field["aria-describedby"]}
              id={field.id}
              icon={s.open ? <ChevronUp16Regular /> : <ChevronDown16Regular />}
              iconPosition="after"
              onClick={() => s.setOpen(!s.open)}
            >
              <span id={summaryId} className={styles.summary}>
                {s.summary}
              </span>
            </Button>
          );
        }}
      </Field>
      {s.open && (
        <div id={listId} role="group" aria-labelledby={labelId} className={styles.choices}>
          {props.choices.map((c) =>
            c.id === props.taskId ? null : (
              <Checkbox key={c.id} label={c.title} checked={props.value.includes(c.id)} onChange={(_, d) => s.toggle(c.id, d.checked === true)} />
            ),
          )}
        </div>
      )}
    </div>
  );
}
