/**
 * The edge's two paths for an error: CustomFunctions.Error with its message
 * (CustomFunctionsRuntime 1.2, which the manifest requires), and the safe path
 * for a runtime with no CustomFunctions global at all: a plain Error naming
 * the code and the message, so the call still ends as #VALUE! with the text.
 */
import { OpsError } from "../../src/core/errors";
import { setLocale } from "../../src/core/i18n";
import { single, spill, toExcelGrid } from "../../src/functions/edge";
import { thrownBy } from "../support/specHelpers";

const error = new OpsError("#N/A", "no rows for step register");

describe("errors at the custom-function edge", () => {
  it("with the 1.2 runtime: CustomFunctions.Error with code and message, also inside a grid", () => {
    const thrown = thrownBy(() => spill(error));
    expect(thrown).toBeInstanceOf(CustomFunctions.Error);
    expect([(thrown as { code: string }).code, (thrown as Error).message]).toEqual(["#N/A", "no rows for step register"]);
    const cell = toExcelGrid([["a", error]])[0]![1] as unknown as { code: string; message: string };
    expect(cell).toBeInstanceOf(CustomFunctions.Error);
    expect([cell.code, cell.message]).toEqual(["#N/A", "no rows for step register"]);
  });

  describe("without a CustomFunctions global", () => {
    const saved = (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
    beforeAll(() => delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions);
    afterAll(() => ((globalThis as { CustomFunctions?: unknown }).CustomFunctions = saved));

    it.each([
      ["spill", () => spill(error)],
      ["single", () => single(error)],
    ])("%s throws a plain Error with the code and the message", (_name, call) => {
      expect(call).toThrow(new Error("#N/A no rows for step register"));
    });
  });
});

describe("a single result that is not a finite number", () => {
  afterEach(() => setLocale("en"));

  it.each([
    ["en", "result is not a finite number"],
    ["zh-CN", "结果不是有限的数值"],
  ] as const)("is #NUM! with the catalogue's message (%s)", (locale, message) => {
    setLocale(locale);
    const thrown = thrownBy(() => single(Infinity));
    expect(thrown).toBeInstanceOf(CustomFunctions.Error);
    expect([(thrown as { code: string }).code, (thrown as Error).message]).toEqual(["#NUM!", message]);
  });
});
