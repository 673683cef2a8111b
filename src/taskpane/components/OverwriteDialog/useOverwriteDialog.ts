import type { OverwriteDialogProps } from "./OverwriteDialog.types";

export function useOverwriteDialog({ conflicts, onChoose }: OverwriteDialogProps) {
  return {
    open: conflicts.length > 0,
    names: conflicts.join(", "),
    replace: () => onChoose("replace"),
    keepBoth: () => onChoose("keepBoth"),
    cancel: () => onChoose(null),
  };
}
