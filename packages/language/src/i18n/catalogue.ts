/**
 * The message catalogues, one per locale, each merged from one module per area (rules, language checks,
 * editor features, CLI, reports) so that each area's texts live together. The English catalogue defines
 * the ids; the Japanese one must have every id (the type says so, and test/i18n checks the placeholders).
 */
import { common as enCommon } from './en/common.js';
import { rules as enRules } from './en/rules.js';
import { language as enLanguage } from './en/language.js';
import { editor as enEditor } from './en/editor.js';
import { cli as enCli } from './en/cli.js';
import { report as enReport } from './en/report.js';
import { common as jaCommon } from './ja/common.js';
import { rules as jaRules } from './ja/rules.js';
import { language as jaLanguage } from './ja/language.js';
import { editor as jaEditor } from './ja/editor.js';
import { cli as jaCli } from './ja/cli.js';
import { report as jaReport } from './ja/report.js';
import type { Locale } from './locale.js';

const en = { ...enCommon, ...enRules, ...enLanguage, ...enEditor, ...enCli, ...enReport };

export type MessageId = keyof typeof en;
export type Catalogue = Readonly<Record<MessageId, string>>;

const ja: Catalogue = { ...jaCommon, ...jaRules, ...jaLanguage, ...jaEditor, ...jaCli, ...jaReport };

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en, ja };

export function isMessageId(id: string): id is MessageId {
    return Object.hasOwn(en, id);
}
