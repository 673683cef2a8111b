import { useState, useSyncExternalStore } from "react";
import type { DependencyPickerProps } from "./DependencyPicker.types";

export function useDependencyPicker({ value, onChange, choices, emptyText }: DependencyPickerProps) {
  const [open, setOpen] = useState(false);
  // A string snapshot: the picker re-renders when its own summary changes, not at every edit of another task.
  const summaryNow = () => {
    if (value.length === 0) return emptyText;
    const { titleOf } = choices.get();
    return value.map((id) => titleOf.get(id) ?? id).join(", ");
  };
  const summary = useSyncExternalStore(choices.subscribe, summaryNow, summaryNow);
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...value, id] : value.filter((x) => x !== id);
    // Keep the plan's order of tasks.
    const order = new Map(choices.get().titles.map((c, i) => [c.id, i]));
    onChange([...new Set(next)].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9)));
  };
  return { open, setOpen, summary, toggle };
}
