import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { usePaneT } from "../../i18n";
import type { OverwriteDialogProps } from "./OverwriteDialog.types";
import { useOverwriteDialog } from "./useOverwriteDialog";

/** Asks before a write would hit existing sheets. "Keep both" is the safe default (focused first). */
export function OverwriteDialog(props: OverwriteDialogProps) {
  const { t } = usePaneT();
  const s = useOverwriteDialog(props);
  // The dialog opens from code (no DialogTrigger), so Fluent cannot hand focus back when it
  // closes: remember what had focus (the Generate or Write button) and return there.
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (s.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      return;
    }
    const back = opener.current;
    opener.current = null;
    if (back && back.isConnected && (document.activeElement === null || document.activeElement === document.body)) {
      // After Fluent's own focus restoration has run.
      requestAnimationFrame(() => {
        if (document.activeElement === null || document.activeElement === document.body) back.focus();
      });
    }
  }, [s.open]);
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
