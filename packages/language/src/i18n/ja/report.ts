/**
 * Japanese texts of the report area: the project's own wording. Guideline clauses are cited by number
 * (§3(3)(b)); no text here quotes the official Japanese guidelines.
 */
import type { report as english } from '../en/report.js';

export const report: Readonly<Record<keyof typeof english, string>> = {
};
