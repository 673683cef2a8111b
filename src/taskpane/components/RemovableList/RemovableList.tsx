import { Button } from "@fluentui/react-components";
import { Dismiss16Regular } from "@fluentui/react-icons";
import type { RemovableListProps } from "./RemovableList.types";
import { useRemovableList } from "./useRemovableList";
import { useRemovableListStyles } from "./useRemovableListStyles";

/** Short values (channels, holidays) shown as chips, each with its own remove button. */
export function RemovableList(props: RemovableListProps) {
  const s = useRemovableList(props);
  const styles = useRemovableListStyles();
  return (
    <ul className={styles.list} aria-label={props.label} ref={s.listRef}>
      {props.items.map((item) => (
        <li key={item} className={styles.item}>
          {item}
          <Button appearance="transparent" size="small" icon={<Dismiss16Regular />} aria-label={props.removeLabel(item)} onClick={() => s.remove(item)} />
        </li>
      ))}
    </ul>
  );
}
