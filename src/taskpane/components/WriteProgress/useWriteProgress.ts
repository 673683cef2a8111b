import type { WriteProgressProps } from "./WriteProgress.types";

export function useWriteProgress({ state }: WriteProgressProps) {
  const total = state.progress.length;
  const done = state.progress.filter((p) => p.state === "done").length;
  return {
    showProgress: state.phase === "writing" && total > 0,
    value: total === 0 ? 0 : done / total,
    showResult: state.created.length > 0 && state.phase !== "writing",
  };
}
