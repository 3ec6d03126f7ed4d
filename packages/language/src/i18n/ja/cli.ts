/**
 * Japanese texts of the cli area: the project's own wording. Guideline clauses are cited by number
 * (§3(3)(b)); no text here quotes the official Japanese guidelines.
 */
import type { cli as english } from '../en/cli.js';

export const cli: Readonly<Record<keyof typeof english, string>> = {
};
