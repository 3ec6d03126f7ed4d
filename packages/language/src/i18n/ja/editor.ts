/**
 * Japanese texts of the editor area: the project's own wording. Guideline clauses are cited by number
 * (§3(3)(b)); no text here quotes the official Japanese guidelines.
 */
import type { editor as english } from '../en/editor.js';

export const editor: Readonly<Record<keyof typeof english, string>> = {
};
