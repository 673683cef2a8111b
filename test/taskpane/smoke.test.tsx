/** @jest-environment jsdom */
import { renderPane, screen } from "./helpers";

it("renders the first step", async () => {
  await renderPane();
  expect(screen.getByRole("heading", { level: 2, name: "Goal" })).toBeInTheDocument();
  expect(screen.getByRole("textbox", { name: /plan title/i })).toHaveValue("B2B product launch");
});
