import { Button, Field, Text } from "@fluentui/react-components";
import { Add16Regular } from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
import { usePaneT } from "../../i18n";
import { useStepStyles } from "../stepStyles";
import type { TaskListProps } from "./TaskList.types";
import { TaskRow, TaskTitlesContext } from "./TaskRow";
import { useTaskList } from "./useTaskList";

export function TaskList(props: TaskListProps) {
  const { t } = usePaneT();
  const s = useTaskList(props);
  const styles = useStepStyles();
  const listRef = useRef<HTMLUListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (s.focusTask === null) return;
    const input = s.focusTask === "" ? null : listRef.current?.querySelector<HTMLInputElement>(`[data-task="${s.focusTask}"] input`);
    (input ?? addRef.current)?.focus();
  }, [s.focusTask]);

  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{t("tasks")}</legend>
      {s.tasks.length === 0 && (
        <Field validationMessage={s.listMessage} validationState={s.listMessage ? "error" : "none"}>
          <Text className={styles.empty}>{t("noTasks")}</Text>
        </Field>
      )}
      <TaskTitlesContext.Provider value={s.titles}>
        <ul className={styles.list} ref={listRef}>
          {s.tasks.map((task, i) => (
            <TaskRow
              key={task.id}
              task={task}
              index={i}
              count={s.tasks.length}
              people={s.people}
              dates={s.dateText(task.id)}
              messages={s.messagesOf(i)}
              handlers={s.handlers}
            />
          ))}
        </ul>
      </TaskTitlesContext.Provider>
      <div>
        <Button ref={addRef} icon={<Add16Regular />} onClick={s.addTask}>
          {t("addTask")}
        </Button>
      </div>
    </fieldset>
  );
}
