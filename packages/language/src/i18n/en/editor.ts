/** English texts of the editor area. Ids: see catalogue.ts; `{name}` marks a placeholder. */
export const editor = {
} satisfies Record<string, string>;
