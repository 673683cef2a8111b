/** The Metrics tab: a source table → a live OPS formula, or a computed, formatted and charted result sheet. */
export interface MetricsTabProps {
  /**
   * Language of the written sheets; defaults to the pane's language.
   * @default the pane's language
   */
  sheetLocale?: import("../../../core/i18n").Locale;
}
