/**
 * Dependency-graph helpers shared by plan validation, template validation and
 * the schedule date evaluator. An edge `from → to` means "from depends on to".
 */

export interface DependencyEdge {
  from: string;
  to: string;
  /** Field path of the dependsOn entry that makes this edge (for problem reports). */
  path: string;
}

export interface Cycle {
  /** The cycle in dependsOn order, first id repeated at the end: ["T1", "T2", "T1"] = T1 depends on T2, T2 on T1. */
  ids: string[];
  /** Path of the dependsOn entry of the cycle's first arrow (ids[0] → ids[1]). */
  path: string;
}

/**
 * Finds cycles by depth-first search; every back edge reports one cycle (at
 * the dependsOn entry of its first arrow, so path and message agree), so
 * each strongly connected knot is reported at least once and a plan without
 * cycles yields []. Deterministic: nodes and edges are visited in input order.
 */
export function findCycles(edges: readonly DependencyEdge[]): Cycle[] {
  const out = new Map<string, DependencyEdge[]>();
  for (const e of edges) {
    if (!out.has(e.from)) out.set(e.from, []);
    if (!out.has(e.to)) out.set(e.to, []);
    out.get(e.from)!.push(e);
  }
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
  const stack: string[] = [];
  const taken: DependencyEdge[] = []; // taken[k]: the edge from stack[k] to stack[k + 1]
  const cycles: Cycle[] = [];
  const visit = (node: string): void => {
    state.set(node, 1);
    stack.push(node);
    for (const e of out.get(node) ?? []) {
      const s = state.get(e.to);
      if (s === 1) {
        const start = stack.indexOf(e.to);
        cycles.push({ ids: [...stack.slice(start), e.to], path: (start < taken.length ? taken[start]! : e).path });
      } else if (s === undefined) {
        taken.push(e);
        visit(e.to);
        taken.pop();
      }
    }
    stack.pop();
    state.set(node, 2);
  };
  for (const node of out.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

/**
 * Orders ids so every id comes after the ids it depends on (stable: input
 * order where free). Throws on a cycle; validate first.
 */
export function topologicalOrder(ids: readonly string[], dependsOn: (id: string) => readonly string[]): string[] {
  const order: string[] = [];
  const state = new Map<string, 1 | 2>();
  const known = new Set(ids);
  const visit = (id: string): void => {
    const s = state.get(id);
    if (s === 2) return;
    if (s === 1) throw new Error(`Circular dependency at ${id}`);
    state.set(id, 1);
    for (const dep of dependsOn(id)) if (known.has(dep)) visit(dep);
    state.set(id, 2);
    order.push(id);
  };
  for (const id of ids) visit(id);
  return order;
}
