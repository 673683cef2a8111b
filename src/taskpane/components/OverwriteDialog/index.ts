export { OverwriteDialog } from "./OverwriteDialog";
export type { OverwriteDialogProps } from "./OverwriteDialog.types";
