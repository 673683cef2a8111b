import { useEffect, useRef, useState } from "react";
import { usePlanStore } from "../../hooks/usePlanStore";
import { usePaneT } from "../../i18n";
import type { AppProps } from "./App.types";

export type AppTab = "plan" | "tiering";

export function useApp({ host, onReady }: AppProps) {
  const { locale } = usePaneT();
  const store = usePlanStore(host, locale);
  const [tab, setTab] = useState<AppTab>("plan");
  const announced = useRef(false);

  useEffect(() => {
    if (store.plan && !announced.current) {
      announced.current = true;
      onReady?.();
    }
  }, [store.plan, onReady]);

  return { store, tab, setTab };
}
