import { Button, Checkbox, Field } from "@fluentui/react-components";
import { ChevronDown16Regular, ChevronUp16Regular } from "@fluentui/react-icons";
import { useId, useRef, useSyncExternalStore } from "react";
import type { DependencyChoiceSource, DependencyPickerProps } from "./DependencyPicker.types";
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
  const buttonRef = useRef<HTMLButtonElement>(null);
  // The check boxes sit after the Field, not inside it: inside, each would take the Field's control id.
  return (
    <div>
      <Field label={{ children: props.label, id: labelId }} validationMessage={props.validationMessage} validationState={props.validationMessage ? "error" : "none"}>
        {(field) => {
          return (
            <Button
              ref={buttonRef}
              className={styles.button}
              aria-invalid={props.validationMessage ? true : undefined}
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
        <div
          id={listId}
          role="group"
          aria-labelledby={labelId}
          className={styles.choices}
          onKeyDown={(e) => {
            // Escape closes the list and returns to its button, like any disclosure.
            if (e.key === "Escape") {
              e.preventDefault();
              e.stopPropagation();
              s.setOpen(false);
              buttonRef.current?.focus();
            }
          }}
        >
          <Choices source={props.choices} taskId={props.taskId} value={props.value} loopNote={props.loopNote} onToggle={s.toggle} />
        </div>
      )}
    </div>
  );
}

/** The open list: the only part that reads every task's title (and re-renders when one changes). */
function Choices(props: { source: DependencyChoiceSource; taskId: string; value: readonly string[]; loopNote?: string; onToggle: (id: string, on: boolean) => void }) {
  const { source, taskId } = props;
  const titlesNow = () => source.get().titles;
  const waitingNow = () => source.get().looping.get(taskId);
  const titles = useSyncExternalStore(source.subscribe, titlesNow, titlesNow);
  const waiting = useSyncExternalStore(source.subscribe, waitingNow, waitingNow);
  return (
    <>
      {titles.map((c) => {
        if (c.id === props.taskId) return null;
        const checked = props.value.includes(c.id);
        // A task that waits for this one cannot also come before it (unless a loaded plan already says so: then it can be unticked).
        const loops = !checked && waiting?.has(c.id) === true;
        return (
          <Checkbox
            key={c.id}
            label={loops && props.loopNote ? `${c.title} (${props.loopNote})` : c.title}
            checked={checked}
            disabled={loops}
            onChange={(_, d) => props.onToggle(c.id, d.checked === true)}
          />
        );
      })}
    </>
  );
}
