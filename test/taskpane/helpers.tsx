/**
 * Shared set-up for the pane's component tests (jsdom): jest-dom matchers,
 * the two browser APIs jsdom lacks that Fluent uses, and renderPane() which
 * mounts the whole pane on an in-memory FakeWorkbook.
 */
import "@testing-library/jest-dom";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { act } from "react";
import { App } from "../../src/taskpane/App";
import { FakeWorkbook } from "../../src/taskpane/host/fakeWorkbook";
import { switchLanguage } from "../../src/taskpane/i18n";
import { preloadParts } from "../../src/taskpane/parts";
import type { Locale } from "../../src/core/i18n";

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const g = globalThis as unknown as Record<string, unknown>;
g.ResizeObserver ??= ResizeObserverStub;
if (typeof window !== "undefined" && !window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
}

export interface PaneOptions {
  fake?: FakeWorkbook;
  locale?: Locale;
}

/** Mounts the pane and waits until the first step is usable. */
export async function renderPane(options: PaneOptions = {}) {
  const fake = options.fake ?? new FakeWorkbook();
  // The later steps are lazily loaded chunks in the browser; load them up front so steps render at once.
  await preloadParts();
  act(() => switchLanguage(options.locale ?? "en"));
  const user = userEvent.setup();
  const utils = render(<App host={fake} />);
  await waitFor(() => expect(screen.getByRole("heading", { level: 2 })).toBeInTheDocument());
  return { fake, user, ...utils };
}

/** The wizard's step navigation buttons. */
export function stepButton(name: RegExp | string) {
  const nav = screen.getByRole("navigation", { name: /wizard steps|向导步骤/i });
  return Array.from(nav.querySelectorAll("button")).find((b) =>
    typeof name === "string" ? b.textContent?.includes(name) : name.test(b.textContent ?? ""),
  )!;
}

/**
 * A button of the open dialog, once the user can reach it. Fluent's dialog
 * can be found while it opens and then be aria-hidden for a moment (its
 * focus trap settling), so finding the dialog and then its button in two
 * steps failed under CI load (planConsistency, TZ=America/Los_Angeles run):
 * the whole query is retried until both hold.
 */
export async function dialogButton(name: RegExp | string): Promise<HTMLElement> {
  return waitFor(() => within(screen.getByRole("dialog")).getByRole("button", { name }), { timeout: 5000 });
}

export { screen, waitFor, act };
