/**
 * The entry Excel calls (functions.ts) is async and only forwards: each
 * function resolves to exactly what its body in implementations.ts returns,
 * with the same arguments, omitted ones included, and rejects with the same
 * CustomFunctions.Error where the body throws one.
 */
import * as entry from "../../src/functions/functions";
import * as bodies from "../../src/functions/implementations";
import { col, thrownBy } from "../support/specHelpers";

const ids = col("a", "b", "a", "c", "b");
const days = col(46000, 46000, 46001, 46002, 46003);

it.each([
  ["retention", [ids, days]],
  ["retention", [ids, days, "day", [[1, 2]], "unbounded", col("x", "y", "x", "x", "y")]],
  ["funnel", [col("browse", "pay"), col(100, 25)]],
  ["payrate", [[[25]], [[100]]]],
  ["payrate", [ids, ids, undefined, "payers"]],
  ["tier", [col(500, 300, 100, 50)]],
  ["renewal", [ids, days, col(10, 20, 5, 7, 9)]],
] as const)("%s forwards %j", async (name, args) => {
  const body = bodies[name] as (...a: unknown[]) => unknown;
  const wrapped = entry[name] as (...a: unknown[]) => Promise<unknown>;
  const expected = body(...args);
  await expect(wrapped(...args)).resolves.toEqual(expected);
});

it("an error the body raises is the promise's rejection", async () => {
  // Rows that do not match: the body throws a CustomFunctions.Error (#VALUE! with its message).
  const thrown = thrownBy(() => bodies.retention(ids, col(46000)));
  expect(thrown).toBeDefined();
  await expect(entry.retention(ids, col(46000))).rejects.toEqual(thrown);
});
