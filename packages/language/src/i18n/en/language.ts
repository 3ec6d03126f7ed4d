/** English texts of the language area. Ids: see catalogue.ts; `{name}` marks a placeholder. */
export const language = {
} satisfies Record<string, string>;
