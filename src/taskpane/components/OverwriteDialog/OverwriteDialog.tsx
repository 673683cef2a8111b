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
  const wasOpen = useRef(false);
  // Read while rendering the opening: effects run after Fluent's own (children first), which already moved focus into the dialog.
  if (s.open && !wasOpen.current && typeof document !== "undefined") {
    opener.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  }
  wasOpen.current = s.open;
  useEffect(() => {
    if (s.open) return;
    const back = opener.current;
    opener.current = null;
    if (!back) return;
    // Fluent hands focus to the page body when the surface leaves (after its exit animation,
    // slower on a busy machine): watch a frame at a time while focus is still in the closing
    // dialog, for up to 3 s, and put it back on the opener once it is lost — unless the user
    // has moved on to something else.
    const until = performance.now() + 3000;
    let frame = 0;
    const handBack = () => {
      if (!back.isConnected) return;
      const active = document.activeElement;
      if (active === null || active === document.body) {
        back.focus();
        return;
      }
      const inDialog = active.closest('[role="alertdialog"], [role="dialog"]') !== null;
      if (inDialog && performance.now() < until) frame = requestAnimationFrame(handBack);
    };
    frame = requestAnimationFrame(handBack);
    return () => cancelAnimationFrame(frame);
  }, [s.open]);
  return (
    <Dialog modalType="alert" open={s.open} onOpenChange={(_, d) => !d.open && s.cancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title ?? t("overwriteTitle")}</DialogTitle>
          <DialogContent>{props.body ?? t("overwriteBody", { names: s.names })}</DialogContent>
          {props.keepBoth === false ? (
            <DialogActions>
              <Button appearance="primary" onClick={s.cancel}>
                {t("cancel")}
              </Button>
              <Button onClick={s.replace}>{t("overwriteReplace")}</Button>
            </DialogActions>
          ) : (
            <DialogActions>
              <Button appearance="primary" onClick={s.keepBoth}>
                {t("overwriteKeepBoth")}
              </Button>
              <Button onClick={s.replace}>{t("overwriteReplace")}</Button>
              <Button onClick={s.cancel}>{t("cancel")}</Button>
            </DialogActions>
          )}
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
