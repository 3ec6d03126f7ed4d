/**
 * Rendering helpers for the editor's texts: every person-readable text of the server comes from the
 * `editor` catalogue (i18n/en/editor.ts, i18n/ja/editor.ts), rendered in the locale in force.
 */
import { eitherOf, localize, localizeParam, msg, type Locale, type MessageId, type MessageParam } from '../i18n/index.js';

/** Renders one catalogue text in a locale. */
export type Say = (id: MessageId, params?: Record<string, MessageParam>) => string;

export function sayer(locale: Locale): Say {
    return (id, params) => localize(msg(id, params), locale);
}

/** "`a` or `b`" / "`a` または `b`": alternatives offered to the reader. */
export function orList(items: readonly string[], locale: Locale): string {
    return localizeParam(eitherOf(items), locale);
}
