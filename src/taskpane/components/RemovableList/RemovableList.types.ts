export interface RemovableListProps {
  /** Accessible name of the list, e.g. "Channels". */
  label: string;
  items: readonly string[];
  /** Accessible name of each remove button, e.g. "Remove channel WeChat". */
  removeLabel: (item: string) => string;
  onRemove: (item: string) => void;
}
