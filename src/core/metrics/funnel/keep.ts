/**
 * Keeps one object of each kind the funnel's hot loops use alive for the
 * life of the module, so that their layouts stay known to optimized code.
 *
 * V8 holds an object layout (hidden class, "map") only while some object has
 * it. Between two calls no funnel object is alive, so a full GC drops the
 * maps, and the optimized loops, which check for them, are thrown away
 * ("weak objects"). Measured before this: every call deoptimized the row
 * loop, RowsByUser, countReached and the order's reach(), and ran their first
 * rows in the interpreter, which boxes each time it reads into a heap number
 * (the ~16 MB of garbage per call, and the scavenges it costs).
 *
 * Each file keeps its own objects, built by the same code as the real ones
 * with field values of the same kinds (a window of Infinity is a double, as
 * 14 days in ms is), so that they share the real ones' layout.
 */
const kept: unknown[] = [];

export function keepShapes(...objects: unknown[]): void {
  kept.push(...objects);
}
