/**
 * The parts of reading a workspace file that need no file system: the size limits, what a read can
 * fail with, and decoding bytes as UTF-8 text with the position of a NUL byte or of the first invalid
 * sequence. safe-read.ts reads files from disk with them (CLI, language server); the playground's
 * in-memory workspace (io/memory-host.ts) applies the same limits and words in the browser.
 */
import type { Locale } from '../i18n/locale.js';
import { localize } from '../i18n/localize.js';
import { msg, type Message } from '../i18n/message.js';

/** Largest `.osa` file read. */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;
/** Largest osa.config.json read: real ones are a few kilobytes. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Largest reference-data file a configuration may name (the shipped DAC list is about 60 KB). */
export const MAX_DATA_BYTES = 8 * 1024 * 1024;

export interface ReadOptions {
    /** Files larger than this are refused unread. */
    maxBytes: number;
    /**
     * Symbolic links are followed only to files inside one of these folders (the workspace). Absent or
     * empty: a symbolic link is not followed at all. 'anywhere' follows links anywhere (trusted input).
     */
    within?: string | readonly string[] | 'anywhere';
}

export type ReadFailure = {
    /** What is wrong, in English (messages, logs). */
    problem: string;
    /** The same as a catalogue message, for callers that render it in the locale in force. */
    detail: Message;
    reason: 'missing' | 'not-regular' | 'too-large' | 'link-refused' | 'unreadable';
};

/** A failure with its message: the English text in `problem`, the message in `detail`. */
export function readFailure(reason: ReadFailure['reason'], detail: Message): ReadFailure {
    return { reason, problem: localize(detail, 'en'), detail };
}

function mib(bytes: number): string {
    return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The failure for a file over the limit, in the words every reader uses. */
export function tooLarge(size: number | undefined, maxBytes: number): ReadFailure {
    const limit = maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MiB` : `${maxBytes} bytes`;
    return readFailure('too-large', size === undefined ? msg('io.tooLarge.unknownSize', { limit }) : msg('io.tooLarge', { size: mib(size), limit }));
}

/** A 1-based position in a text, columns counted in UTF-16 code units as editors count them. */
export interface TextPosition {
    line: number;
    column: number;
}

export type DecodedText =
    /** Valid UTF-8, or text with `invalid` marking the first byte that is not (the rest decoded with U+FFFD). */
    | { text: string; invalid?: TextPosition }
    /** A NUL byte: not a text file at all. */
    | { binary: TextPosition };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Decodes UTF-8 bytes, telling where a NUL byte or the first invalid sequence is. */
export function decodeText(bytes: Uint8Array): DecodedText {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
        return { binary: positionOf(bytes, nul) };
    }
    try {
        return { text: strict.decode(bytes) };
    } catch {
        return { text: lenient.decode(bytes), invalid: positionOf(bytes, firstInvalidByte(bytes)) };
    }
}

/** The line and column of byte `offset`: the bytes before it on its line are valid UTF-8. */
function positionOf(bytes: Uint8Array, offset: number): TextPosition {
    // (lastIndexOf counts a negative start from the end, so offset 0 needs its own case.)
    const lineStart = offset === 0 ? 0 : bytes.lastIndexOf(0x0a, offset - 1) + 1;
    let line = 1;
    for (let i = bytes.indexOf(0x0a); i >= 0 && i < lineStart; i = bytes.indexOf(0x0a, i + 1)) {
        line++;
    }
    return { line, column: lenient.decode(bytes.subarray(lineStart, offset)).length + 1 };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        let need: number;
        let min = 0x80;
        let max = 0xbf;
        if (b < 0x80) {
            i++;
            continue;
        } else if (b >= 0xc2 && b <= 0xdf) {
            need = 1;
        } else if (b >= 0xe0 && b <= 0xef) {
            need = 2;
            // No overlong forms (E0 A0..) and no UTF-16 surrogates (ED 80..9F).
            if (b === 0xe0) min = 0xa0;
            if (b === 0xed) max = 0x9f;
        } else if (b >= 0xf0 && b <= 0xf4) {
            need = 3;
            if (b === 0xf0) min = 0x90;
            if (b === 0xf4) max = 0x8f;
        } else {
            return i;
        }
        for (let k = 1; k <= need; k++) {
            const c = bytes[i + k];
            const lo = k === 1 ? min : 0x80;
            const hi = k === 1 ? max : 0xbf;
            if (c === undefined || c < lo || c > hi) {
                return i;
            }
        }
        i += need + 1;
    }
    return -1;
}

export type TextResult = { text: string; invalid?: TextPosition } | ReadFailure | { binary: TextPosition; problem: string; detail: Message };

/** Why a file with a NUL byte is not read, in `locale` (English by default); binaryMessage gives the message itself. */
export function binaryProblem(at: TextPosition, locale: Locale = 'en'): string {
    return localize(binaryMessage(at), locale);
}

export function binaryMessage(at: TextPosition): Message {
    return msg('io.binary', { line: at.line, column: at.column });
}

/** The finding for bytes that are not UTF-8, in `locale` (English by default); invalidUtf8 gives the message itself. */
export function invalidUtf8Message(at: TextPosition, locale: Locale = 'en'): string {
    return localize(invalidUtf8(at), locale);
}

export function invalidUtf8(at: TextPosition): Message {
    return msg('io.invalidUtf8', { line: at.line, column: at.column });
}
