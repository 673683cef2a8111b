/** The message catalogue's rules (the ones i18next applied for us before; see catalogue.ts). */
import { Catalogue, interpolate } from "../../src/core/i18n/catalogue";

it.each([
  // template                    params                       expected
  ["Hello {{name}}", { name: "Ann" }, "Hello Ann"],
  ["{{a}} and {{b}}", { a: 1, b: 2.5 }, "1 and 2.5"],
  ["{{ a }}", { a: "x" }, "x"],
  ["missing {{x}} stays", { y: 1 }, "missing {{x}} stays"],
  ["no params {{x}}", undefined, "no params {{x}}"],
  ["a value is not a template: {{v}}", { v: "{{w}}", w: "no" }, "a value is not a template: {{w}}"],
  ["not escaped: {{v}}", { v: "<b>&</b>" }, "not escaped: <b>&</b>"],
  ["zero and empty: [{{z}}][{{e}}]", { z: 0, e: "" }, "zero and empty: [0][]"],
  ["twice {{n}} {{n}}", { n: 3 }, "twice 3 3"],
  ["own properties only {{toString}}", {}, "own properties only {{toString}}"],
] as const)("interpolate(%j, %j) = %j", (template, params, expected) => {
  expect(interpolate(template, params)).toBe(expected);
});

describe("Catalogue", () => {
  const make = () => {
    const c = new Catalogue<"en" | "zh-CN">("en");
    c.addResourceBundle("en", "translation", { hi: "Hi {{who}}", onlyEn: "English only", "a.b": "dotted" });
    c.addResourceBundle("zh-CN", "translation", { hi: "你好 {{who}}" });
    c.addResourceBundle("en", "pane", { title: "Pane" });
    return c;
  };

  it.each([
    // language  namespace      key        expected
    ["en", "translation", "hi", "Hi {{who}}"],
    ["zh-CN", "translation", "hi", "你好 {{who}}"],
    ["zh-CN", "translation", "onlyEn", "English only"], // falls back to English
    ["zh-CN", "translation", "nowhere", "nowhere"], // then to the key
    ["en", "translation", "a.b", "dotted"], // keys are flat
    ["en", "pane", "title", "Pane"],
    ["en", "pane", "hi", "hi"], // namespaces are separate
  ] as const)("lookup(%s, %s, %s) = %j", (language, namespace, key, expected) => {
    expect(make().lookup(language, namespace, key)).toBe(expected);
  });

  it("t() follows the current language; getFixedT stays on its own", () => {
    const c = make();
    const fixedEn = c.getFixedT("en");
    expect(c.t("hi", { who: "A" })).toBe("Hi A");
    c.changeLanguage("zh-CN");
    expect(c.language).toBe("zh-CN");
    expect(c.t("hi", { who: "A" })).toBe("你好 A");
    expect(fixedEn("hi", { who: "A" })).toBe("Hi A");
  });

  it("addResourceBundle extends a bundle; hasResourceBundle reports it", () => {
    const c = make();
    expect(c.hasResourceBundle("zh-CN", "pane")).toBe(false);
    c.addResourceBundle("zh-CN", "pane", { title: "窗格" });
    c.addResourceBundle("zh-CN", "pane", { other: "其他" });
    expect(c.hasResourceBundle("zh-CN", "pane")).toBe(true);
    expect(c.getFixedT("zh-CN", "pane")("title")).toBe("窗格");
    expect(c.getFixedT("zh-CN", "pane")("other")).toBe("其他");
  });

  it("subscribers hear each real language change once, and can unsubscribe", () => {
    const c = make();
    const heard: string[] = [];
    const off = c.subscribe((l) => heard.push(l));
    c.changeLanguage("zh-CN");
    c.changeLanguage("zh-CN"); // no change, no call
    c.changeLanguage("en");
    off();
    c.changeLanguage("zh-CN");
    expect(heard).toEqual(["zh-CN", "en"]);
  });
});
