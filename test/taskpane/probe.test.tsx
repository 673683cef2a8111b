/** @jest-environment jsdom */
import { within } from "@testing-library/react";
import { renderPane, screen, stepButton, waitFor } from "./helpers";
it("probe", async () => {
  const { user } = await renderPane();
  await user.click(stepButton("Schedule"));
  await waitFor(() => expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Schedule"));
  const first = screen.getByRole("listitem", { name: "Task 1" });
  const b = within(first).getByRole("button", { name: /^after/i });
  console.log(b.outerHTML.slice(0, 600));
  await user.click(b);
  console.log(b.getAttribute("aria-expanded"), within(first).queryAllByRole("checkbox").map((c) => c.outerHTML.slice(0, 200) + " NAME=" + c.getAttribute("aria-label")).slice(0, 3));
  console.log(within(first).queryAllByRole("group").map((g) => g.outerHTML.slice(0, 800)));
});
