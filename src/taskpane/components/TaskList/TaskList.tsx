import { Button, Field, Text } from "@fluentui/react-components";
import { Add16Regular } from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
import { usePaneT } from "../../i18n";
import { useStepStyles } from "../stepStyles";
import type { TaskListProps } from "./TaskList.types";
import { TaskRow } from "./TaskRow";
import { TaskFactsContext } from "./taskFacts";
import { UNDO_FOCUS, useTaskList } from "./useTaskList";

export function TaskList(props: TaskListProps) {
  const { t } = usePaneT();
  const s = useTaskList(props);
  const styles = useStepStyles();
  const listRef = useRef<HTMLUListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (s.focusTask === null) return;
    if (s.focusTask === UNDO_FOCUS) {
      undoRef.current?.focus();
      return;
    }
    const input = s.focusTask === "" ? null : listRef.current?.querySelector<HTMLInputElement>(`[data-task="${s.focusTask}"] input`);
    (input ?? addRef.current)?.focus();
  }, [s.focusTask]);

  // The removed task leaves a note with Undo in its place (not a component: it must keep focus across renders).
  const removedNote = (() => {
    if (!s.removed) return null;
    const task = s.removed.task;
    const dependents = Object.keys(s.removed.dependents).length;
    return (
      <li key="removed" className={styles.item} aria-label={t("taskRemovedLabel")}>
        <div className={styles.row}>
          <Text role="status" className={styles.grow}>
            {t("taskRemoved", { name: task.name || task.id })}
            {dependents > 0 ? ` ${t(dependents === 1 ? "taskRemovedDependentsOne" : "taskRemovedDependents", { count: dependents })}` : ""}
          </Text>
          <Button ref={undoRef} onClick={s.undoRemove}>
            {t("undo")}
          </Button>
        </div>
      </li>
    );
  })();

  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{t("tasks")}</legend>
      {s.tasks.length === 0 && (
        <Field validationMessage={s.listMessage} validationState={s.listMessage ? "error" : "none"}>
          <Text className={styles.empty}>{t("noTasks")}</Text>
        </Field>
      )}
      <TaskFactsContext.Provider value={s.facts}>
        <ul className={styles.list} ref={listRef}>
          {s.tasks.flatMap((task, i) => [
            ...(s.removed && s.removed.index === i ? [removedNote] : []),
            <TaskRow
              key={task.id}
              task={task}
              index={i}
              count={s.tasks.length}
              people={s.people}
              messages={s.messagesOf(i)}
              handlers={s.handlers}
            />,
          ])}
          {s.removed && s.removed.index >= s.tasks.length ? removedNote : null}
        </ul>
      </TaskFactsContext.Provider>
      <div>
        <Button ref={addRef} icon={<Add16Regular />} onClick={s.addTask}>
          {t("addTask")}
        </Button>
      </div>
    </fieldset>
  );
}
