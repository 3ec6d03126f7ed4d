/**
 * Localisable messages. Code never builds the text a person reads: it names a catalogue entry and gives
 * the values (`msg('OSA401.none', { programme })`); the text is rendered for a locale at the edge (the
 * diagnostic, the CLI line, the hover). Keeping the id lets machine-readable output carry a stable
 * message id beside the localised text, and lets one finding be shown in either language.
 */
import type { MessageId } from './catalogue.js';

/** A value put into a placeholder: plain text (names, numbers, code) or another message, rendered in the same locale. */
export type MessageParam = string | number | bigint | Message | readonly MessageParam[];

export interface Message {
    readonly id: MessageId;
    readonly params?: Readonly<Record<string, MessageParam>>;
}

export function msg(id: MessageId, params?: Record<string, MessageParam>): Message {
    return params ? { id, params } : { id };
}

export function isMessage(value: unknown): value is Message {
    return typeof value === 'object' && value !== null && typeof (value as Message).id === 'string' && !Array.isArray(value);
}

/** `{name}`: a placeholder is an identifier in braces; other braces (`funding { … }`) are text. */
export const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** The placeholder names a catalogue text uses, sorted (the catalogue test compares them across locales). */
export function placeholdersOf(text: string): string[] {
    return [...new Set([...text.matchAll(PLACEHOLDER)].map(match => match[1]))].sort();
}
