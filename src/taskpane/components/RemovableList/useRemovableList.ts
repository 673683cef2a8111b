import { useRef } from "react";
import type { RemovableListProps } from "./RemovableList.types";

/** After a removal, focus moves to the next item's button (or the previous one), never to the page top. */
export function useRemovableList({ items, onRemove }: RemovableListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const remove = (item: string) => {
    const index = items.indexOf(item);
    onRemove(item);
    requestAnimationFrame(() => {
      const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>("button");
      if (!buttons || buttons.length === 0) return;
      buttons[Math.min(index, buttons.length - 1)]?.focus();
    });
  };
  return { listRef, remove };
}
