/**
 * Turns whatever a host call threw into plain words: what happened and what
 * to do, plus the host's own short message. Never a stack trace.
 */
import type { PaneKey, PaneT } from "./i18n";
import { isSheetWriteError } from "../core/tablespec/writeError";

export type ErrorContext = "write" | "read" | "activate" | "generate" | "unexpected";

const CONTEXT_KEY: Record<ErrorContext, PaneKey> = {
  write: "errorWrite",
  read: "errorRead",
  activate: "errorActivate",
  generate: "errorGenerate",
  unexpected: "errorUnexpected",
};

/** The host's message when it is short, one line and not a stack. */
export function shortDetail(error: unknown): string | undefined {
  const raw = error instanceof Error ? error.message : typeof error === "string" ? error : undefined;
  if (!raw) return undefined;
  const line = raw.split("\n")[0]!.trim();
  if (line === "" || line.length > 200 || /\bat .+:\d+:\d+/.test(line)) return undefined;
  return line;
}

/** The detail line: a writer's refusal in the pane's language (which sheet, Excel's words), else the host's short message. */
function detailOf(t: PaneT, error: unknown): string | undefined {
  if (isSheetWriteError(error)) {
    const host = shortDetail(error.detail);
    return host ? t("errorWriteSheet", { sheet: error.sheet, message: host }) : t("errorWriteSheetNoDetail", { sheet: error.sheet });
  }
  return shortDetail(error);
}

export function plainError(t: PaneT, context: ErrorContext, error: unknown): string {
  const detail = detailOf(t, error);
  const main = t(CONTEXT_KEY[context]);
  return detail ? `${main} ${t("errorDetails", { message: detail })}` : main;
}
