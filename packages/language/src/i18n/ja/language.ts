/**
 * Japanese texts of the language area: the project's own wording. Guideline clauses are cited by number
 * (§3(3)(b)); no text here quotes the official Japanese guidelines.
 */
import type { language as english } from '../en/language.js';

export const language: Readonly<Record<keyof typeof english, string>> = {
};
