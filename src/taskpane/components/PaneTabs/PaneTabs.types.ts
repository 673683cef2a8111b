export interface PaneTab<V extends string> {
  value: V;
  label: string;
  /** id of the tab element; the panel's aria-labelledby. */
  id: string;
  /** id of the panel it controls. */
  panelId: string;
}

export interface PaneTabsProps<V extends string> {
  /** Accessible name of the tab list. */
  label: string;
  tabs: readonly PaneTab<V>[];
  selected: V;
  onSelect: (value: V) => void;
}
