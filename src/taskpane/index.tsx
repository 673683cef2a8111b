/**
 * Task pane entry. Inside Excel the pane talks to the workbook through
 * officeHost; opened in a plain browser (no Office host, or ?fake=1) it runs
 * against an in-memory fake workbook with sample data, exposed as
 * window.opskitFake so the end-to-end test can drive and inspect it.
 */
import { createRoot } from "react-dom/client";
import { createElement } from "react";
import { App } from "./App";
import type { FakeWorkbook } from "./host/fakeWorkbook";
import { officeHost } from "./host/officeHost";
import type { WorkbookHost } from "./host/WorkbookHost";
import { loadLocale, switchLanguage, toLocale } from "./i18n";

declare global {
  interface Window {
    opskitFake?: FakeWorkbook;
    /** performance.now() when the first wizard step became usable. */
    opskitReadyAt?: number;
    /** performance.now() when the pane started rendering, its host ready (Office.onReady, or the fake workbook loaded). */
    opskitStartedAt?: number;
  }
}

function markReady(): void {
  window.opskitReadyAt = performance.now();
  performance.mark?.("opskit-interactive");
}

async function start(host: WorkbookHost, displayLanguage: string | undefined): Promise<void> {
  window.opskitStartedAt = performance.now();
  const params = new URLSearchParams(window.location.search);
  const locale = toLocale(params.get("lang") ?? displayLanguage ?? navigator.language);
  // The pane's strings come one language at a time (src/taskpane/i18n); English is the fallback.
  await loadLocale(locale).catch(() => loadLocale("en"));
  switchLanguage(locale);
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(createElement(App, { host, onReady: markReady }));
}

/** The in-memory workbook is a separate chunk: Excel users never download it. */
async function startFake(): Promise<void> {
  const { FakeWorkbook, seedDemoData } = await import(/* webpackChunkName: "fake-workbook" */ "./host/fakeWorkbook");
  const params = new URLSearchParams(window.location.search);
  const fake = new FakeWorkbook({ writeDelayMs: Number(params.get("delay") ?? 120) });
  seedDemoData(fake);
  window.opskitFake = fake;
  await start(fake, undefined);
}

const wantsFake = new URLSearchParams(window.location.search).get("fake") === "1";
if (wantsFake || typeof Office === "undefined") {
  void startFake();
} else {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) {
      void start(officeHost, Office.context.displayLanguage);
    } else void startFake();
  });
}
