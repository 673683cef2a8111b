import { Button, Checkbox, Field, Input, Select, Text } from "@fluentui/react-components";
import { ArrowDown16Regular, ArrowUp16Regular, Delete16Regular } from "@fluentui/react-icons";
import { memo, useContext } from "react";
import { usePaneT } from "../../i18n";
import { DependencyPicker, type DependencyPickerProps } from "../DependencyPicker";
import { NumberField } from "../NumberField";
import { useStepStyles } from "../stepStyles";
import type { TaskRowProps } from "./TaskList.types";
import { TaskFactsContext, useTaskFact } from "./taskFacts";
import { useTaskListStyles } from "./useTaskListStyles";

/** The dependency picker reads the other tasks' titles from the list's store, not from props. */
function Dependencies(props: Omit<DependencyPickerProps, "choices">) {
  const store = useContext(TaskFactsContext);
  return <DependencyPicker {...props} choices={store} />;
}

/** The task's computed dates: the only part of a row that re-renders when an earlier task's duration changes. */
function TaskDates({ id, className }: { id: string; className: string }) {
  const text = useTaskFact((f) => f.dates.get(id));
  return text ? <Text className={className}>{text}</Text> : null;
}

function TaskRowView({ task, index, count, people, messages, handlers }: TaskRowProps) {
  const { t } = usePaneT();
  const styles = useStepStyles();
  const own = useTaskListStyles();
  const label = t("taskLabel", { n: index + 1 });
  const name = task.name || label;
  const err = (m: string | undefined) => ({ validationMessage: m, validationState: m ? ("error" as const) : ("none" as const) });
  return (
    <li className={`${styles.item} ${own.row}`} data-task={task.id} aria-label={label}>
      <div className={styles.itemHeader}>
        <Text className={styles.itemTitle}>{label}</Text>
        <TaskDates id={task.id} className={styles.itemMeta} />
        <Button appearance="subtle" size="small" icon={<ArrowUp16Regular />} aria-label={`${t("moveUp")}: ${name}`} disabled={index === 0} onClick={() => handlers.move(task.id, -1)} />
        <Button appearance="subtle" size="small" icon={<ArrowDown16Regular />} aria-label={`${t("moveDown")}: ${name}`} disabled={index === count - 1} onClick={() => handlers.move(task.id, 1)} />
        <Button appearance="subtle" size="small" icon={<Delete16Regular />} aria-label={`${t("remove")}: ${name}`} onClick={() => handlers.remove(task.id)} />
      </div>
      <Field label={t("taskName")} required {...err(messages.name)}>
        <Input value={task.name} onChange={(_, d) => handlers.setName(task.id, d.value)} />
      </Field>
      <div className={styles.row}>
        <Field className={own.owner} label={t("taskOwner")} required {...err(messages.ownerId)}>
          <Select className={styles.fill} value={task.ownerId} onChange={(_, d) => handlers.setOwner(task.id, d.value)}>
            {!people.some((person) => person.id === task.ownerId) && <option value={task.ownerId}>{t("taskOwnerNone")}</option>}
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name || person.id}
              </option>
            ))}
          </Select>
        </Field>
        <NumberField narrow className={own.days} label={t("taskDuration")} required value={task.durationDays} blankValue={NaN} onChange={(v) => handlers.setDuration(task.id, v)} validationMessage={messages.durationDays} />
      </div>
      <div className={styles.row}>
        <div className={own.deps}>
          <Dependencies
            taskId={task.id}
            label={t("taskDependsOn")}
            emptyText={t("taskDependsNone")}
            value={task.dependsOn}
            loopNote={t("wouldLoop")}
            onChange={(ids) => handlers.setDependsOn(task.id, ids)}
            validationMessage={messages.dependsOn}
          />
        </div>
        <Field className={styles.grow} label={t("taskPhase")} {...err(messages.phase)}>
          <Input value={task.phase} onChange={(_, d) => handlers.setPhase(task.id, d.value)} />
        </Field>
      </div>
      <Checkbox label={t("taskMilestone")} checked={task.milestone} onChange={(_, d) => handlers.setMilestone(task.id, d.checked === true)} />
    </li>
  );
}

/**
 * Plans are edited as deep copies, so rows compare by content, not by reference
 * (the list hands every row the same people array while the team is unchanged).
 */
function sameRow(a: TaskRowProps, b: TaskRowProps): boolean {
  return (
    a.index === b.index &&
    a.count === b.count &&
    a.handlers === b.handlers &&
    (a.people === b.people || JSON.stringify(a.people) === JSON.stringify(b.people)) &&
    JSON.stringify(a.task) === JSON.stringify(b.task) &&
    JSON.stringify(a.messages) === JSON.stringify(b.messages)
  );
}

export const TaskRow = memo(TaskRowView, sameRow);
