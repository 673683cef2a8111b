/** Ribbon commands: the manifest's button only shows the task pane, so nothing runs here yet. */
Office.onReady(() => undefined);
