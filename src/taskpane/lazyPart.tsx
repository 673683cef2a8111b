/**
 * Parts of the pane that are not needed to show the first step (later
 * steps, writing sheets, tiering) are separate chunks: the pane becomes
 * usable sooner and taskpane.js stays small. Each part is fetched when first
 * shown, or earlier with preload() (the pane preloads all of them once it is
 * interactive). Unlike React.lazy, a part already loaded renders at once,
 * without a Suspense round trip.
 */
import { createElement, useEffect, useState, useSyncExternalStore, type ComponentType, type ReactNode } from "react";

export interface LazyPart<P> {
  (props: P): ReactNode;
  preload: () => Promise<void>;
}

/**
 * A part shown but not loaded is fetched again this many times before the
 * pane says it failed: on a flaky connection a chunk's script request can
 * fail or hang, webpack gives it up after `output.chunkLoadTimeout`
 * (webpack.config.js), and a new import() asks again.
 */
export const PART_LOAD_ATTEMPTS = 3;

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, fallback: (failed: boolean) => ReactNode): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  // Parts on screen, told when the component arrives. A store React reads
  // with useSyncExternalStore, which checks it again once subscribed: a load
  // that completes between a part's render and its effect (the pane
  // preloads every part, so a tab opened as its chunk arrives) is seen. With
  // a plain effect that returned when the part was already loaded, that tab
  // stayed on "Loading…" for good (the Metrics e2e flake).
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const current = (): ComponentType<P> | null => loaded;
  const preload = (): Promise<void> =>
    (pending ??= load().then(
      (component) => {
        loaded = component;
        for (const listener of listeners) listener();
      },
      (error: unknown) => {
        pending = null; // allow a retry
        throw error;
      },
    ));

  function Part(props: P): ReactNode {
    const component = useSyncExternalStore(subscribe, current);
    const [failed, setFailed] = useState(false);
    const shown = component !== null;
    useEffect(() => {
      if (shown) return;
      let live = true;
      const attempt = (left: number): void => {
        preload().catch(() => {
          if (!live) return;
          if (left > 1) attempt(left - 1);
          else setFailed(true);
        });
      };
      attempt(PART_LOAD_ATTEMPTS);
      return () => {
        live = false;
      };
    }, [shown]);
    return component ? createElement(component, props) : fallback(failed);
  }
  Part.preload = preload;
  return Part;
}
