/**
 * The report area's texts alone, in both locales: for a page that shows a compliance report (the playground)
 * in the same words as `osa report`, without loading every catalogue of the engine.
 */
import { report as en } from './en/report.js';
import { report as ja } from './ja/report.js';

export const REPORT_TEXTS = { en, ja } as const;
