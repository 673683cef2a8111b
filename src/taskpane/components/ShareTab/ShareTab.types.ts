/** The Share tab: what needs the add-in, freeze OPS results as values and restore them, and "Copy as SQL". */
export interface ShareTabProps {
  /**
   * Today's date as ISO YYYY-MM-DD, used as the freeze date (tests fix it).
   * @default the local date
   */
  today?: string;
}
