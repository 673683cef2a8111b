/**
 * Parts of the pane that are not needed to show the first step (later
 * steps, writing sheets, tiering) are separate chunks: the pane becomes
 * usable sooner and taskpane.js stays small. Each part is fetched when first
 * shown, or earlier with preload() (the pane preloads all of them once it is
 * interactive). Unlike React.lazy, a part already loaded renders at once,
 * without a Suspense round trip.
 */
import { createElement, useEffect, useState, type ComponentType, type ReactNode } from "react";

export interface LazyPart<P> {
  (props: P): ReactNode;
  preload: () => Promise<void>;
}

/**
 * A part shown but not loaded is fetched again this many times before the
 * pane says it failed. A chunk's script request can hang (seen in headless
 * Chromium after a reload, the Metrics tab stuck on "Loading…"); webpack
 * gives it up after `output.chunkLoadTimeout` (webpack.config.js) and a new
 * import() asks again.
 */
export const PART_LOAD_ATTEMPTS = 3;

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, fallback: (failed: boolean) => ReactNode): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  const preload = (): Promise<void> =>
    (pending ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        pending = null; // allow a retry
        throw error;
      },
    ));

  function Part(props: P): ReactNode {
    const [, setTick] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      const attempt = (left: number): void => {
        preload().then(
          () => live && setTick((n) => n + 1),
          () => {
            if (!live) return;
            if (left > 1) attempt(left - 1);
            else setFailed(true);
          },
        );
      };
      attempt(PART_LOAD_ATTEMPTS);
      return () => {
        live = false;
      };
    }, []);
    return loaded ? createElement(loaded, props) : fallback(failed);
  }
  Part.preload = preload;
  return Part;
}
