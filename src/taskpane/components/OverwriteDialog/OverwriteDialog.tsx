import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { usePaneT } from "../../i18n";
import type { OverwriteDialogProps } from "./OverwriteDialog.types";
import { useOverwriteDialog } from "./useOverwriteDialog";

/** Asks before a write would hit existing sheets. "Keep both" is the safe default (focused first). */
export function OverwriteDialog(props: OverwriteDialogProps) {
  const { t } = usePaneT();
  const s = useOverwriteDialog(props);
  return (
    <Dialog modalType="alert" open={s.open} onOpenChange={(_, d) => !d.open && s.cancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("overwriteTitle")}</DialogTitle>
          <DialogContent>{t("overwriteBody", { names: s.names })}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={s.keepBoth}>
              {t("overwriteKeepBoth")}
            </Button>
            <Button onClick={s.replace}>{t("overwriteReplace")}</Button>
            <Button onClick={s.cancel}>{t("cancel")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
