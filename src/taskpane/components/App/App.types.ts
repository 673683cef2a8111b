import type { WorkbookHost } from "../../host/WorkbookHost";

export interface AppProps {
  /** The workbook: Office.js inside Excel, the in-memory fake in a browser and in tests. */
  host: WorkbookHost;
  /**
   * Called once the plan is loaded and the first step can be used (time-to-interactive).
   * @default undefined
   */
  onReady?: () => void;
}
