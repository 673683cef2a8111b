import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Text } from "@fluentui/react-components";
import { Dismiss16Regular, Open16Regular } from "@fluentui/react-icons";
import { usePaneT } from "../../i18n";
import type { WriteProgressProps } from "./WriteProgress.types";
import { useWriteProgress } from "./useWriteProgress";
import { useWriteProgressStyles } from "./useWriteProgressStyles";

const STATE_KEY = { waiting: "sheetWaiting", writing: "sheetWriting", done: "sheetDone" } as const;

/** Per-sheet progress while writing, the created sheets (each opens its sheet), and errors in plain words. */
export function WriteProgress(props: WriteProgressProps) {
  const { t } = usePaneT();
  const s = useWriteProgress(props);
  const styles = useWriteProgressStyles();
  const { state } = props;
  const error = state.error ?? props.openError ?? null;
  return (
    <div className={styles.box}>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
            {error}
          </MessageBarBody>
          {state.error && (
            <MessageBarActions containerAction={<Button appearance="transparent" aria-label={t("dismiss")} icon={<Dismiss16Regular />} onClick={props.onDismissError} />} />
          )}
        </MessageBar>
      )}
      {s.showProgress && (
        <Field label={t("progressLabel")} validationState="none">
          <ProgressBar value={s.value} thickness="large" />
        </Field>
      )}
      {state.progress.length > 0 && state.phase === "writing" && (
        <ul className={styles.list} aria-live="polite">
          {state.progress.map((p) => (
            <li key={p.sheet} className={p.state === "done" ? styles.done : p.state === "waiting" ? styles.waiting : undefined}>
              <Text>{t(STATE_KEY[p.state], { sheet: p.sheet })}</Text>
            </li>
          ))}
        </ul>
      )}
      {s.showResult && (
        <section aria-labelledby="opskit-result-title" className={styles.box}>
          <h3 id="opskit-result-title" className={styles.heading}>
            {t("resultTitle")}
          </h3>
          <Text role="status">{t("writeDone", { count: state.created.length })} {t("resultIntro")}</Text>
          <ul className={styles.list}>
            {state.created.map((sheet) => (
              <li key={sheet}>
                <Button className={styles.open} appearance="subtle" icon={<Open16Regular />} onClick={() => props.onOpen(sheet)} aria-label={t("openSheet", { sheet })}>
                  {sheet}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
