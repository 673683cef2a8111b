/** @jest-environment jsdom */
/**
 * templateChoice.test.tsx in the Chinese interface: a list of templates that
 * cannot be fetched shows the pane's lazy-part failure in Chinese, and once
 * fetched the choice lists every template by its Chinese name.
 */
import { within } from "@testing-library/react";
import { listTemplates } from "../../src/core/templates";
import { PART_LOAD_ATTEMPTS } from "../../src/taskpane/lazyPart";
import { renderPane, screen, stepButton, waitFor } from "./helpers";

// Every attempt while the choice is first shown fails (lazyPart tries PART_LOAD_ATTEMPTS = 3 times).
let mockFailuresLeft = 3;
jest.mock("../../src/taskpane/templateChoice", () => {
  if (mockFailuresLeft > 0) {
    mockFailuresLeft--;
    throw new Error("ChunkLoadError: Loading chunk plan-templates failed.");
  }
  return jest.requireActual("../../src/taskpane/templateChoice");
});

const heading = () => screen.getByRole("heading", { level: 2 });

it("shows the lazy-part failure in Chinese, then the templates by their Chinese names", async () => {
  expect(mockFailuresLeft).toBe(PART_LOAD_ATTEMPTS);
  const { user } = await renderPane({ locale: "zh-CN" });
  await user.click(stepButton("执行计划"));
  expect(await screen.findByRole("alert")).toHaveTextContent("窗格的这一部分无法加载。请检查网络连接，然后关闭并重新打开窗格。");
  await user.click(stepButton("目标"));
  await waitFor(() => expect(heading()).toHaveTextContent("目标"));
  await user.click(stepButton("执行计划"));
  const picker = await screen.findByRole("combobox", { name: /模板/ });
  expect(within(picker).getAllByRole("option").map((o) => o.textContent)).toEqual(listTemplates().map((t) => t.name["zh-CN"]));
  expect(screen.getByRole("button", { name: "使用此模板" })).toBeEnabled();
});
