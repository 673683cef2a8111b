import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from "@fluentui/react-components";
import { Dismiss16Regular } from "@fluentui/react-icons";
import { OPS_FORMULAS_SHEET } from "../../../core/sharing/formulasSheet";
import { usePaneT } from "../../i18n";
import { SqlCopy } from "../SqlCopy";
import { useStepStyles } from "../stepStyles";
import type { ShareTabProps } from "./ShareTab.types";
import { useShareTab } from "./useShareTab";
import { useShareTabStyles } from "./useShareTabStyles";

const where = (sheet: string, address: string) => `${sheet}!${address}`;

export function ShareTab(props: ShareTabProps) {
  const { t } = usePaneT();
  const s = useShareTab(props);
  const styles = useStepStyles();
  const own = useShareTabStyles();
  const r = s.report;
  const working = s.busy !== null;

  return (
    <div className={styles.step}>
      <Text className={styles.intro}>{t("shareIntro")}</Text>
      {s.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
            {s.error}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label={t("dismiss")} icon={<Dismiss16Regular />} onClick={s.dismissError} />} />
        </MessageBar>
      )}

      <section className={own.section} aria-label={t("shareScan")}>
        <div>
          <Button appearance="primary" disabled={working} onClick={() => void s.scan()}>
            {s.busy === "scan" ? t("shareScanning") : t("shareScan")}
          </Button>
        </div>
        <div aria-live="polite" className={own.section}>
          {r && r.ops.length === 0 && <Text>{t("shareNothing")}</Text>}
          {r && r.ops.length > 0 && (
            <>
              <h3 className={own.heading}>{t("shareOpsTitle", { count: r.ops.length })}</h3>
              <Text className={own.note}>{t("shareOpsHint")}</Text>
              <ul className={styles.list} aria-label={t("shareOpsTitle", { count: r.ops.length })}>
                {r.ops.map((o) => (
                  <li key={where(o.sheet, o.address)} className={styles.item}>
                    <Text weight="semibold">{where(o.sheet, o.area)}</Text>
                    <Text className={own.formula}>{o.formula}</Text>
                    <Text className={own.note}>{o.message}</Text>
                  </li>
                ))}
              </ul>
              {r.dependants.length > 0 && (
                <>
                  <h3 className={own.heading}>{t("shareDependantsTitle", { count: r.dependants.length })}</h3>
                  <Text className={own.note}>{t("shareDependantsHint")}</Text>
                  <ul className={styles.list} aria-label={t("shareDependantsTitle", { count: r.dependants.length })}>
                    {r.dependants.map((d) => (
                      <li key={where(d.sheet, d.address)} className={styles.item}>
                        <Text weight="semibold">{where(d.sheet, d.address)}</Text>
                        <Text className={own.formula}>{d.formula}</Text>
                        <Text className={own.note}>{d.guarded ? t("shareGuarded") : t("shareNotGuarded")}</Text>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </div>
      </section>

      <section className={own.section} aria-labelledby="opskit-share-freeze">
        <h3 id="opskit-share-freeze" className={own.heading}>{t("shareFreezeTitle")}</h3>
        <Text className={own.note}>{t("shareFreezeExplain", { sheet: OPS_FORMULAS_SHEET })}</Text>
        <Checkbox checked={s.copySheets} disabled={working} onChange={(_, d) => s.setCopySheets(d.checked === true)} label={t("shareCopySheets")} />
        <Text className={own.note}>{s.copySheets ? t("shareCopiesNote") : t("shareInPlaceNote")}</Text>
        {s.frozen && <Text className={own.note}>{t("shareRestoreFirst")}</Text>}
        <div className={own.actions}>
          {/* Freezing twice would freeze the frozen values again ("KPIs (values) (2)"): restore first. */}
          <Button appearance="primary" disabled={working || s.confirming || s.frozen !== null} onClick={s.askFreeze}>
            {s.busy === "freeze" ? t("shareFreezing") : t("shareFreeze")}
          </Button>
          <Button disabled={working || s.frozen === null} onClick={() => void s.restore()}>
            {s.busy === "restore" ? t("shareRestoring") : s.frozen && s.frozen.copies.length > 0 ? t("shareRestoreCopies") : t("shareRestore")}
          </Button>
        </div>
        {s.confirming && (
          <MessageBar intent="warning" layout="multiline" role="group" aria-label={t("shareConfirmTitle")}>
            <MessageBarBody>
              <MessageBarTitle>{t("shareConfirmTitle")}</MessageBarTitle>
              {s.copySheets ? t("shareConfirmCopies", { date: s.date }) : t("shareConfirmInPlace", { date: s.date })}
            </MessageBarBody>
            <MessageBarActions>
              <Button appearance="primary" onClick={() => void s.freeze()}>
                {t("shareConfirm")}
              </Button>
              <Button onClick={s.cancelFreeze}>{t("shareCancel")}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <div aria-live="polite" className={own.section}>
          {s.result && <Text role="status">{s.result}</Text>}
          {s.frozen && (
            <Text className={own.note}>
              {s.frozen.copies.length > 0
                ? t("shareFrozenCopiesState", { sheets: s.frozen.copies.join(", "), date: s.frozen.frozenAt || "?" })
                : t(s.frozen.count === 1 ? "shareFrozenStateOne" : "shareFrozenState", { count: s.frozen.count, date: s.frozen.frozenAt || "?" })}
            </Text>
          )}
        </div>
      </section>


      <SqlCopy />
    </div>
  );
}
