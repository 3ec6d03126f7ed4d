/** English texts of the report area. Ids: see catalogue.ts; `{name}` marks a placeholder. */
export const report = {
} satisfies Record<string, string>;
