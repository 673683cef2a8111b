/**
 * Task pane entry. The plan wizard (React + Fluent UI) is built in its own
 * issue; until then the pane says what the add-in offers, in the user's language.
 */
import { setLocale, toLocale } from "../core/i18n";

function render(): void {
  const root = document.getElementById("root");
  if (!root) return;
  const heading = document.createElement("h1");
  heading.textContent = "OpsKit";
  const list = document.createElement("p");
  list.textContent = "=OPS.RETENTION  =OPS.FUNNEL  =OPS.PAYRATE  =OPS.TIER";
  root.replaceChildren(heading, list);
}

Office.onReady(() => {
  setLocale(toLocale(Office.context?.displayLanguage));
  render();
});
