/** Gives components the workbook host without prop drilling; tests wrap the tree with a FakeWorkbook. */
import { createContext, useContext, type ReactNode } from "react";
import type { WorkbookHost } from "./WorkbookHost";

const HostContext = createContext<WorkbookHost | null>(null);

export function HostProvider({ host, children }: { host: WorkbookHost; children: ReactNode }) {
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>;
}

export function useHost(): WorkbookHost {
  const host = useContext(HostContext);
  if (!host) throw new Error("useHost outside HostProvider");
  return host;
}
