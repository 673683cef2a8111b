import { useRef, type KeyboardEvent } from "react";
import type { PaneTabsProps } from "./PaneTabs.types";

/** WAI-ARIA tabs: one tab in the Tab order, arrows / Home / End move and select (automatic activation). */
export function usePaneTabs<V extends string>({ tabs, selected, onSelect }: PaneTabsProps<V>) {
  const listRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.value === selected);
    const last = tabs.length - 1;
    const next = e.key === "ArrowRight" ? (i === last ? 0 : i + 1) : e.key === "ArrowLeft" ? (i === 0 ? last : i - 1) : e.key === "Home" ? 0 : e.key === "End" ? last : -1;
    if (next < 0) return;
    e.preventDefault();
    const tab = tabs[next]!;
    onSelect(tab.value);
    listRef.current?.querySelector<HTMLElement>(`#${tab.id}`)?.focus();
  };
  return { listRef, onKeyDown };
}
