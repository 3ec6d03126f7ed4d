/**
 * Renders messages for a locale, with the texts loaded so far (see registry.ts; localize.ts loads them all).
 * `Localizer` is the per-services holder of the locale in force (the CLI sets it once; the language server from
 * `initialize` and the `osa.locale` setting).
 */
import { CATALOGUES, isMessageId, type MessageId } from './registry.js';
import { DEFAULT_LOCALE, type Locale } from './locale.js';
import { isMessage, PLACEHOLDER, type Message, type MessageParam } from './message.js';

/** Separator between list items and in prose, per locale. */
const LIST_SEPARATOR: Record<Locale, string> = { en: ', ', ja: '、' };

export function localize(message: Message | string, locale: Locale): string {
    if (typeof message === 'string') {
        return message;
    }
    const parts = compiled(message.id, locale);
    if (typeof parts === 'string') {
        return parts;
    }
    const params = message.params;
    let text = parts[0] as string;
    for (let i = 1; i < parts.length; i += 2) {
        const name = parts[i] as string;
        const value = params?.[name];
        text += (value === undefined ? `{${name}}` : localizeParam(value, locale)) + (parts[i + 1] as string);
    }
    return text;
}

/**
 * A catalogue text split once at its placeholders: [text, name, text, name, …, text], or the text itself when it
 * has none. Rendering then only concatenates: the editor renders hundreds of texts per completion list.
 */
type Compiled = string | readonly string[];
const COMPILED: Record<Locale, Map<string, Compiled>> = { en: new Map(), ja: new Map() };

function compiled(id: string, locale: Locale): Compiled {
    const cache = COMPILED[locale];
    let parts = cache.get(id);
    if (parts === undefined) {
        // An id unknown at run time (a message built from data) renders in English rather than vanishing.
        const template = CATALOGUES[locale][id as MessageId] ?? (isMessageId(id) ? CATALOGUES.en[id] : undefined);
        if (template === undefined) {
            // Not kept: its area may still be registered (registry.ts), and then it renders as written there.
            return id;
        }
        const split = template.split(PLACEHOLDER);
        parts = split.length === 1 ? template : split;
        cache.set(id, parts);
    }
    return parts;
}

/** A message param (text, number, message or list) rendered in `locale`. */
export function localizeParam(value: MessageParam, locale: Locale): string {
    if (Array.isArray(value)) {
        return value.map(item => localizeParam(item, locale)).join(LIST_SEPARATOR[locale]);
    }
    if (isMessage(value)) {
        return localize(value, locale);
    }
    return String(value);
}

export class Localizer {
    constructor(public locale: Locale = DEFAULT_LOCALE) { }

    text(message: Message | string): string {
        return localize(message, this.locale);
    }
}
