import { useEffect, useRef, useState } from "react";
import { usePlanStore } from "../../hooks/usePlanStore";
import { usePaneT } from "../../i18n";
import { preloadParts } from "../../parts";
import type { AppProps } from "./App.types";

export type AppTab = "plan" | "tiering" | "share" | "metrics";

export function useApp({ host, onReady }: AppProps) {
  const { locale } = usePaneT();
  const store = usePlanStore(host, locale);
  const [tab, setTab] = useState<AppTab>("plan");
  const announced = useRef(false);
  const [tieringOpened, setTieringOpened] = useState(false);
  const [shareOpened, setShareOpened] = useState(false);
  const [metricsOpened, setMetricsOpened] = useState(false);
  useEffect(() => {
    if (tab === "metrics") setMetricsOpened(true);
    if (tab === "tiering") setTieringOpened(true);
    if (tab === "share") setShareOpened(true);
  }, [tab]);

  useEffect(() => {
    if (store.plan && !announced.current) {
      announced.current = true;
      onReady?.();
      // The first step is usable: fetch the other parts in the background.
      const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
      idle(() => void preloadParts());
    }
  }, [store.plan, onReady]);

  return { store, tab, setTab, tieringOpened, shareOpened, metricsOpened };
}
