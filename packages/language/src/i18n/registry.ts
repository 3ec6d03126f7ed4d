/**
 * Where the message texts live at run time: one table per locale, filled area by area as their modules load.
 *
 * The texts every command needs (common words, the CLI's help and usage errors) are here from the start; the
 * rest (rules, language checks, editor, reports: most of the 300 KB) are added by `catalogue.ts`, which every
 * module that renders them loads through `localize.ts`. So `osa --version` or `osa --help` does not pay for
 * parsing texts it never shows (i18n/core.ts is its narrow entry).
 *
 * The English texts define the ids; each Japanese area module must have every id of its English area (its
 * type says so, and test/i18n checks the placeholders).
 */
import { common as enCommon } from './en/common.js';
import { cli as enCli } from './en/cli.js';
import type { rules as enRules } from './en/rules.js';
import type { language as enLanguage } from './en/language.js';
import type { editor as enEditor } from './en/editor.js';
import type { report as enReport } from './en/report.js';
import { common as jaCommon } from './ja/common.js';
import { cli as jaCli } from './ja/cli.js';
import type { Locale } from './locale.js';

type English = typeof enCommon & typeof enRules & typeof enLanguage & typeof enEditor & typeof enCli & typeof enReport;

export type MessageId = keyof English;
export type Catalogue = Readonly<Record<MessageId, string>>;

const tables: Record<Locale, Record<string, string>> = { en: { ...enCommon, ...enCli }, ja: { ...jaCommon, ...jaCli } };

/** The texts of every area loaded so far (catalogue.ts loads them all). */
export const CATALOGUES = tables as unknown as Readonly<Record<Locale, Catalogue>>;

/** Adds one area's texts, in every locale (the type of the Japanese table makes it complete). */
export function registerTexts(texts: { readonly [L in Locale]: Readonly<Record<string, string>> }): void {
    Object.assign(tables.en, texts.en);
    Object.assign(tables.ja, texts.ja);
}

export function isMessageId(id: string): id is MessageId {
    return Object.hasOwn(tables.en, id);
}
