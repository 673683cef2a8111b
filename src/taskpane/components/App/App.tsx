import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  webLightTheme,
} from "@fluentui/react-components";
import { Dismiss16Regular } from "@fluentui/react-icons";
import { describePath } from "../../describePath";
import { HostProvider } from "../../host/HostContext";
import { usePaneT } from "../../i18n";
import { ErrorBoundary } from "../ErrorBoundary";
import { LanguageSwitch } from "../LanguageSwitch";
import { PaneTabs } from "../PaneTabs";
import { PlanWizard } from "../PlanWizard";
import { MetricsTabPart, ShareTabPart, TieringTabPart } from "../../parts";
import type { AppProps } from "./App.types";
import { useApp, type AppTab } from "./useApp";
import { useAppStyles } from "./useAppStyles";

function Pane(props: AppProps) {
  const { t } = usePaneT();
  const { store, tab, setTab, tieringOpened, shareOpened, metricsOpened } = useApp(props);
  const styles = useAppStyles();
  const notice = store.notice;

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>{t("appTitle")}</h1>
        <LanguageSwitch />
      </header>
      {notice && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
            {notice.kind === "recovered" ? t("loadRecovered") : t("loadFailed")}
            {notice.kind === "recovered" && (
              <ul className={styles.problems}>
                {notice.problems.slice(0, 10).map((p, i) => (
                  <li key={`${p.path}-${i}`}>{p.path ? `${describePath(t, p.path)}: ${p.message}` : p.message}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label={t("dismiss")} icon={<Dismiss16Regular />} onClick={store.dismissNotice} />} />
        </MessageBar>
      )}
      <PaneTabs
        label={t("tabsLabel")}
        selected={tab}
        onSelect={setTab}
        tabs={[
          { value: "plan" as AppTab, label: t("tabPlan"), id: "opskit-tab-plan", panelId: "opskit-panel-plan" },
          { value: "tiering" as AppTab, label: t("tabTiering"), id: "opskit-tab-tiering", panelId: "opskit-panel-tiering" },
          { value: "share" as AppTab, label: t("tabShare"), id: "opskit-tab-share", panelId: "opskit-panel-share" },
          { value: "metrics" as AppTab, label: t("tabMetrics"), id: "opskit-tab-metrics", panelId: "opskit-panel-metrics" },
        ]}
      />
      {/* Both panels stay mounted so switching tabs keeps the wizard's step and the tiering choices. */}
      <div id="opskit-panel-plan" role="tabpanel" aria-labelledby="opskit-tab-plan" hidden={tab !== "plan"} className={tab === "plan" ? styles.panel : undefined}>
        <ErrorBoundary title={t("errorTitle")} message={t("errorUnexpected")}>
          {store.plan ? (
            <PlanWizard plan={store.plan} update={store.update} problems={store.problems} save={store.save} saveState={store.saveState} />
          ) : (
            <Text role="status">{t("loading")}</Text>
          )}
        </ErrorBoundary>
      </div>
      <div id="opskit-panel-tiering" role="tabpanel" aria-labelledby="opskit-tab-tiering" hidden={tab !== "tiering"} className={tab === "tiering" ? styles.panel : undefined}>
        <ErrorBoundary title={t("errorTitle")} message={t("errorUnexpected")}>
          {tieringOpened && <TieringTabPart />}
        </ErrorBoundary>
      </div>
      <div id="opskit-panel-share" role="tabpanel" aria-labelledby="opskit-tab-share" hidden={tab !== "share"} className={tab === "share" ? styles.panel : undefined}>
        <ErrorBoundary title={t("errorTitle")} message={t("errorUnexpected")}>
          {shareOpened && <ShareTabPart />}
        </ErrorBoundary>
      </div>
      <div id="opskit-panel-metrics" role="tabpanel" aria-labelledby="opskit-tab-metrics" hidden={tab !== "metrics"} className={tab === "metrics" ? styles.panel : undefined}>
        <ErrorBoundary title={t("errorTitle")} message={t("errorUnexpected")}>
          {metricsOpened && <MetricsTabPart />}
        </ErrorBoundary>
      </div>
    </main>
  );
}

/** The task pane: theme, translations and the workbook host around the wizard and the tiering tab. */
export function App(props: AppProps) {
  return (
    <FluentProvider theme={webLightTheme}>
      <HostProvider host={props.host}>
        <Pane {...props} />
      </HostProvider>
    </FluentProvider>
  );
}
