/** @jest-environment jsdom */
/**
 * lazyPart (src/taskpane/lazyPart.tsx): a load that completes after the part
 * rendered its fallback but before its effect ran still shows the part.
 *
 * A file of its own: the race needs React to run the effect in a task after
 * the render's, which it does in a fresh module registry; after other tests
 * of the same file rendered under act(), it ran the effect at once and the
 * test passed on the broken code too.
 */
import { waitFor } from "@testing-library/react";
import { createRoot } from "react-dom/client";
import { lazyPart } from "../../src/taskpane/lazyPart";

const fallback = (failed: boolean) => <p>{failed ? "failed" : "loading"}</p>;
const Hello = ({ name }: { name: string }) => <p>hello {name}</p>;

describe("lazyPart, a preload that completes between render and effect", () => {
  it("shows the part when its preload completes between the fallback's render and the part's effect", async () => {
    // The pane preloads every part once it is interactive; a tab opened just
    // as its chunk arrives rendered the fallback, the chunk's promise settled
    // before React ran the effect, and the effect found the part loaded and
    // did nothing: "Loading…" for good. Here the load resolves while the
    // fallback renders; without act(), React runs the effect in a later task,
    // after that promise's callbacks.
    let resolveLoad: (component: typeof Hello) => void = () => undefined;
    let fallbackRenders = 0;
    const Part = lazyPart<{ name: string }>(() => new Promise((resolve) => (resolveLoad = resolve)), (failed) => {
      fallbackRenders++;
      resolveLoad(Hello);
      return fallback(failed);
    });
    void Part.preload();
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const wasAct = actEnvironment.IS_REACT_ACT_ENVIRONMENT;
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    const host = document.createElement("div");
    document.body.append(host);
    const root = createRoot(host);
    try {
      root.render(<Part name="Metrics" />);
      await waitFor(() => expect(host.textContent).toBe("hello Metrics"), { timeout: 2000 });
      expect(fallbackRenders).toBeGreaterThan(0); // the race happened: the part was first shown unloaded
    } finally {
      root.unmount();
      host.remove();
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = wasAct;
    }
  });
});
