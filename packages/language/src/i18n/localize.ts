/**
 * Renders messages for a locale. `Localizer` is the per-services holder of the locale in force (the CLI
 * sets it once; the language server from `initialize` and the `osa.locale` setting).
 */
import { CATALOGUES, isMessageId } from './catalogue.js';
import { DEFAULT_LOCALE, type Locale } from './locale.js';
import { isMessage, PLACEHOLDER, type Message, type MessageParam } from './message.js';

/** Separator between list items and in prose, per locale. */
const LIST_SEPARATOR: Record<Locale, string> = { en: ', ', ja: '、' };

export function localize(message: Message | string, locale: Locale): string {
    if (typeof message === 'string') {
        return message;
    }
    const catalogue = CATALOGUES[locale];
    // An id unknown at run time (a message built from data) renders in English rather than vanishing.
    const template = catalogue[message.id] ?? (isMessageId(message.id) ? CATALOGUES.en[message.id] : undefined);
    if (template === undefined) {
        return message.id;
    }
    const params = message.params;
    return template.replace(PLACEHOLDER, (whole, name: string) => {
        const value = params?.[name];
        return value === undefined ? whole : renderParam(value, locale);
    });
}

function renderParam(value: MessageParam, locale: Locale): string {
    if (Array.isArray(value)) {
        return value.map(item => renderParam(item, locale)).join(LIST_SEPARATOR[locale]);
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
