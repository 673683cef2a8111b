/** "Copy as SQL": the chosen metric's definition as a query, with the user's parameters. No props. */
export type SqlCopyProps = Record<string, never>;
