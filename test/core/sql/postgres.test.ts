/**
 * Every SQL spec again, on a real PostgreSQL server: the generated queries
 * claim to be portable, so the same data and the same assertions against the
 * TypeScript functions must hold there too. This file chooses the engine and
 * then loads the spec files, whose tests register here.
 *
 * .ci/run installs and starts PostgreSQL (scripts/ci-postgres.sh). Locally,
 * without a server, the file skips with a message; with CI set it fails.
 */
import { postgresListening, useEngine, POSTGRES_SOCKET_DIR } from "./warehouse";

const SPECS = ["./retention.test", "./funnel.test", "./payrate.test", "./tier.test", "./renewal.test"];

if (postgresListening()) {
  useEngine("postgres");
  for (const spec of SPECS) {
    describe(`PostgreSQL: ${spec.slice(2, -5)}`, () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the spec registers its tests here, after useEngine
      require(spec);
    });
  }
} else if (process.env.CI) {
  it("PostgreSQL is running (CI must start it: scripts/ci-postgres.sh)", () => {
    throw new Error(`no PostgreSQL server on ${POSTGRES_SOCKET_DIR}`);
  });
} else {
  console.warn(`SKIPPED PostgreSQL SQL checks: no server on ${POSTGRES_SOCKET_DIR} (run scripts/ci-postgres.sh)`);
  it.skip("PostgreSQL SQL checks (no server)", () => undefined);
}
