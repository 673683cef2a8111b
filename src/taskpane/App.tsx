/** The pane's root component (see components/App). */
export { App } from "./components/App";
export type { AppProps } from "./components/App";
