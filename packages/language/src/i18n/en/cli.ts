/** English texts of the cli area. Ids: see catalogue.ts; `{name}` marks a placeholder. */
export const cli = {
} satisfies Record<string, string>;
