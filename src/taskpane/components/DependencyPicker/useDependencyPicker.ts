import { useState } from "react";
import type { DependencyPickerProps } from "./DependencyPicker.types";

export function useDependencyPicker({ value, onChange, choices, emptyText }: DependencyPickerProps) {
  const [open, setOpen] = useState(false);
  const title = new Map(choices.map((c) => [c.id, c.title]));
  const summary = value.length === 0 ? emptyText : value.map((id) => title.get(id) ?? id).join(", ");
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...value, id] : value.filter((x) => x !== id);
    // Keep the plan's order of tasks.
    const order = new Map(choices.map((c, i) => [c.id, i]));
    onChange([...new Set(next)].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9)));
  };
  return { open, setOpen, summary, toggle };
}
