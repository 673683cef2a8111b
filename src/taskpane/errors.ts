/**
 * Turns whatever a host call threw into plain words: what happened and what
 * to do, plus the host's own short message. Never a stack trace.
 */
import type { PaneKey, PaneT } from "./i18n";

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

export function plainError(t: PaneT, context: ErrorContext, error: unknown): string {
  const detail = shortDetail(error);
  const main = t(CONTEXT_KEY[context]);
  return detail ? `${main} ${t("errorDetails", { message: detail })}` : main;
}
