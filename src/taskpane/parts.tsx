/** The pane's lazily loaded parts (see lazyPart.tsx). */
import { Text } from "@fluentui/react-components";
import type { ContingencyStepProps } from "./components/ContingencyStep/ContingencyStep.types";
import type { IndicatorsStepProps } from "./components/IndicatorsStep/IndicatorsStep.types";
import type { ReviewStepProps } from "./components/ReviewStep/ReviewStep.types";
import type { ScheduleStepProps } from "./components/ScheduleStep/ScheduleStep.types";
import type { TemplatePickerProps } from "./components/ScheduleStep/TemplatePicker";
import type { TeamStepProps } from "./components/TeamStep/TeamStep.types";
import type { ShareTabProps } from "./components/ShareTab/ShareTab.types";
import type { TieringTabProps } from "./components/TieringTab/TieringTab.types";
import type { MetricsTabProps } from "./components/MetricsTab/MetricsTab.types";
import { usePaneT } from "./i18n";
import { lazyPart } from "./lazyPart";

function Loading({ failed }: { failed: boolean }) {
  const { t } = usePaneT();
  return <Text role={failed ? "alert" : "status"}>{failed ? t("partFailed") : t("loadingPart")}</Text>;
}
const fallback = (failed: boolean) => <Loading failed={failed} />;

export const TeamStepPart = lazyPart<TeamStepProps>(() => import(/* webpackChunkName: "pane-team" */ "./components/TeamStep").then((m) => m.TeamStep), fallback);
export const ScheduleStepPart = lazyPart<ScheduleStepProps>(() => import(/* webpackChunkName: "pane-schedule" */ "./components/ScheduleStep").then((m) => m.ScheduleStep), fallback);
/**
 * The Schedule step's template choice, with the list of every template (the "plan-templates" chunk):
 * fetched when the choice is first shown, and not preloaded (a new plan needs only the default template).
 */
export const TemplatePickerPart = lazyPart<TemplatePickerProps>(() => import(/* webpackChunkName: "plan-templates" */ "./components/ScheduleStep/TemplatePicker").then((m) => m.TemplatePicker), fallback);
export const IndicatorsStepPart = lazyPart<IndicatorsStepProps>(() => import(/* webpackChunkName: "pane-indicators" */ "./components/IndicatorsStep").then((m) => m.IndicatorsStep), fallback);
export const ContingencyStepPart = lazyPart<ContingencyStepProps>(() => import(/* webpackChunkName: "pane-contingency" */ "./components/ContingencyStep").then((m) => m.ContingencyStep), fallback);
export const ReviewStepPart = lazyPart<ReviewStepProps>(() => import(/* webpackChunkName: "pane-review" */ "./components/ReviewStep").then((m) => m.ReviewStep), fallback);
export const TieringTabPart = lazyPart<TieringTabProps>(() => import(/* webpackChunkName: "pane-tiering" */ "./components/TieringTab").then((m) => m.TieringTab), fallback);
export const ShareTabPart = lazyPart<ShareTabProps>(() => import(/* webpackChunkName: "pane-share" */ "./components/ShareTab").then((m) => m.ShareTab), fallback);

export const MetricsTabPart = lazyPart<MetricsTabProps>(() => import(/* webpackChunkName: "pane-metrics" */ "./components/MetricsTab").then((m) => m.MetricsTab), fallback);

const ALL = [TeamStepPart, ScheduleStepPart, IndicatorsStepPart, ContingencyStepPart, ReviewStepPart, TieringTabPart, ShareTabPart, MetricsTabPart];

/** Fetches every part (after the pane is interactive, and in tests). Failures are retried when the part is shown. */
export function preloadParts(): Promise<void> {
  return Promise.all(ALL.map((p) => p.preload().catch(() => undefined))).then(() => undefined);
}
