/** @jest-environment jsdom */
/**
 * lazyPart (src/taskpane/lazyPart.tsx): a part whose chunk fails to load is
 * asked for again while it is shown, PART_LOAD_ATTEMPTS times in all, and
 * only then shows the failure; a load that succeeds on a later attempt shows
 * the part. The race between a preload and the part's first effect is in
 * lazyPart.race.test.tsx.
 */
import "@testing-library/jest-dom";
import { render, screen, waitFor } from "@testing-library/react";
import { lazyPart, PART_LOAD_ATTEMPTS } from "../../src/taskpane/lazyPart";

const fallback = (failed: boolean) => <p>{failed ? "failed" : "loading"}</p>;
const Hello = ({ name }: { name: string }) => <p>hello {name}</p>;

describe("lazyPart", () => {
  it("asks again after a failed load and shows the part when a later attempt succeeds", async () => {
    let calls = 0;
    const Part = lazyPart<{ name: string }>(() => {
      calls++;
      return calls < PART_LOAD_ATTEMPTS ? Promise.reject(new Error("chunk timed out")) : Promise.resolve(Hello);
    }, fallback);
    render(<Part name="Metrics" />);
    await waitFor(() => expect(screen.getByText("hello Metrics")).toBeInTheDocument());
    expect(calls).toBe(PART_LOAD_ATTEMPTS);
  });

  it("shows the failure after PART_LOAD_ATTEMPTS failed loads, and loads again when shown anew", async () => {
    let calls = 0;
    let succeed = false;
    const Part = lazyPart<{ name: string }>(() => {
      calls++;
      return succeed ? Promise.resolve(Hello) : Promise.reject(new Error("offline"));
    }, fallback);
    const first = render(<Part name="Tiering" />);
    await waitFor(() => expect(screen.getByText("failed")).toBeInTheDocument());
    expect(calls).toBe(PART_LOAD_ATTEMPTS);
    first.unmount();
    succeed = true;
    render(<Part name="Tiering" />);
    await waitFor(() => expect(screen.getByText("hello Tiering")).toBeInTheDocument());
    expect(calls).toBe(PART_LOAD_ATTEMPTS + 1);
  });
});
