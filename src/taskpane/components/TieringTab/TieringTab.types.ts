/** The Customer tiering tab: pick the customer ranges, choose method and cutoffs, preview the tier counts, write the sheet. */
export interface TieringTabProps {
  /**
   * Language of the written sheet; defaults to the pane's language.
   * @default the pane's language
   */
  sheetLocale?: import("../../../core/i18n").Locale;
}
