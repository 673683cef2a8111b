/**
 * Testing Library's waits (waitFor, findBy*) give up after 1 s by default.
 * On CI's 2-core machine, under three jest runs' load, a part of the pane
 * loaded on demand (a dynamic import that ts-jest compiles on first use, such
 * as the template choice) can take longer than that the first time, and a
 * correct test then fails now and then. 10 s is still far below jest's test
 * timeout; a wait that never succeeds fails all the same.
 * Only for tests in a DOM environment (the jsdom specs): the node specs do
 * not load Testing Library at all.
 */
if (typeof document !== "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only where a DOM exists
  const { configure } = require("@testing-library/react") as typeof import("@testing-library/react");
  configure({ asyncUtilTimeout: 10_000 });
}
