/**
 * The one way OSA reads a file from a workspace: `.osa` files, osa.config.json, the data files a
 * configuration names and `--config`, in the CLI, the workspace listing and the language server alike.
 *
 * Everything in a repository under check is hostile input: a FIFO named `x.osa` would block a plain
 * read forever, `/dev/zero` would fill memory, a symbolic link could pull in a file from anywhere. So
 * the type and size are checked before reading (lstat/stat), the file is opened non-blocking and
 * checked again on the descriptor (a FIFO swapped in between cannot block), and at most the limit plus
 * one byte is read. Bytes that are not UTF-8 text are reported, never silently replaced.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
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

export type ReadResult = { bytes: Buffer } | ReadFailure;

/** What kind of thing a stat describes, in words for a message ("a FIFO", "a directory"). */
export function describeKind(stat: fs.Stats, locale: Locale = 'en'): string {
    return localize(kindMessage(stat), locale);
}

export function kindMessage(stat: fs.Stats): Message {
    if (stat.isFile()) return msg('io.kind.file');
    if (stat.isDirectory()) return msg('io.kind.directory');
    if (stat.isFIFO()) return msg('io.kind.fifo');
    if (stat.isSocket()) return msg('io.kind.socket');
    if (stat.isCharacterDevice()) return msg('io.kind.characterDevice');
    if (stat.isBlockDevice()) return msg('io.kind.blockDevice');
    if (stat.isSymbolicLink()) return msg('io.kind.symbolicLink');
    return msg('io.kind.other');
}

/** A failure with its message: the English text in `problem`, the message in `detail`. */
function failure(reason: ReadFailure['reason'], detail: Message): ReadFailure {
    return { reason, problem: localize(detail, 'en'), detail };
}

function notRegular(stat: fs.Stats): ReadFailure {
    return failure('not-regular', msg('io.notRegular', { kind: kindMessage(stat) }));
}

function mib(bytes: number): string {
    return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function tooLarge(size: number | undefined, maxBytes: number): ReadFailure {
    const limit = maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MiB` : `${maxBytes} bytes`;
    return failure('too-large', size === undefined ? msg('io.tooLarge.unknownSize', { limit }) : msg('io.tooLarge', { size: mib(size), limit }));
}

function errorCode(error: unknown): string {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

function isInside(file: string, folder: string): boolean {
    const relative = path.relative(folder, file);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Real paths of folders, cached for a moment: a run reads thousands of files from a few folders, and a
 * realpath per file cost a sizeable share of a large run. The cache is small and short-lived, so a folder
 * replaced by a link is seen again within a second.
 */
const realFolders = new Map<string, { real: string; at: number }>();
const REAL_FOLDER_TTL_MS = 1000;

function realFolder(folder: string): string {
    const now = Date.now();
    const cached = realFolders.get(folder);
    if (cached && now - cached.at < REAL_FOLDER_TTL_MS) {
        return cached.real;
    }
    let real: string;
    try {
        real = fs.realpathSync.native(folder);
    } catch {
        real = path.resolve(folder);
    }
    if (realFolders.size > 1000) {
        realFolders.clear();
    }
    realFolders.set(folder, { real, at: now });
    return real;
}

/**
 * Where reading `file` would actually go: the file itself, or a symbolic link's target when the
 * options allow following it. Checks the type and size without opening anything.
 */
export function checkRegularFile(file: string, options: ReadOptions): { path: string; size: number } | ReadFailure {
    let lstat: fs.Stats;
    try {
        lstat = fs.lstatSync(file);
    } catch (error) {
        const code = errorCode(error);
        return code === 'ENOENT' ? failure('missing', msg('io.missing')) : failure('unreadable', msg('io.cannotAccess', { code }));
    }
    const link = lstat.isSymbolicLink();
    const within = options.within;
    const folders = within === undefined ? [] : within === 'anywhere' ? undefined : typeof within === 'string' ? [within] : within;
    let target = file;
    let stat = lstat;
    // With a workspace to stay in, the real path is checked too: a linked folder on the way could lead out.
    if (link || (folders && folders.length > 0)) {
        try {
            // A file that is not a link is where its folder really is: one cached realpath per folder.
            target = link ? fs.realpathSync.native(file) : path.join(realFolder(path.dirname(path.resolve(file))), path.basename(file));
            stat = link ? fs.statSync(target) : lstat;
        } catch (error) {
            const code = errorCode(error);
            return failure('link-refused', code === 'ELOOP' ? msg('io.linkLoop') : msg('io.linkToMissing', { code }));
        }
    }
    if (folders && (folders.length === 0 ? link : !folders.some(folder => isInside(target, realFolder(folder))))) {
        return failure('link-refused', msg(folders.length === 0 ? 'io.linkNotFollowed' : link ? 'io.linkOutside' : 'io.pathOutside', { target }));
    }
    if (!stat.isFile()) {
        return notRegular(stat);
    }
    if (stat.size > options.maxBytes) {
        return tooLarge(stat.size, options.maxBytes);
    }
    return { path: target, size: stat.size };
}

/**
 * The common case, in three system calls: a regular file that is no link, inside its workspace, opened
 * non-blocking and never through a link, its descriptor's type and size checked before reading. Undefined
 * for anything else (a link, a FIFO, a missing file, a path leading out), which takes the careful path and
 * gets its precise message there.
 */
function readPlainFile(file: string, options: ReadOptions): ReadResult | undefined {
    const within = options.within;
    if (within !== undefined && within !== 'anywhere') {
        const folders = typeof within === 'string' ? [within] : within;
        const real = path.join(realFolder(path.dirname(path.resolve(file))), path.basename(file));
        if (folders.length > 0 && !folders.some(folder => isInside(real, realFolder(folder)))) {
            return undefined;
        }
    }
    let fd: number;
    try {
        fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW);
    } catch {
        return undefined;
    }
    // Not a regular file after all: the careful path says what it is.
    return readOpened(fd, options, () => undefined);
}

/**
 * Reads an open descriptor if it is a regular file within the limit (checked on the descriptor itself, so a
 * file swapped since any earlier check is seen as it is), and closes it; `otherwise` answers for anything else.
 */
function readOpened(fd: number, options: ReadOptions, otherwise: (stat: fs.Stats) => ReadResult | undefined): ReadResult | undefined {
    try {
        const stat = fs.fstatSync(fd);
        if (!stat.isFile()) {
            return otherwise(stat);
        }
        if (stat.size > options.maxBytes) {
            return tooLarge(stat.size, options.maxBytes);
        }
        return readAtMost(fd, stat.size, options.maxBytes);
    } catch (error) {
        return failure('unreadable', msg('io.cannotRead', { code: errorCode(error) }));
    } finally {
        fs.closeSync(fd);
    }
}

/** Reads a regular file of at most `maxBytes` bytes; anything else is a failure with a clear message. */
export function readRegularFile(file: string, options: ReadOptions): ReadResult {
    const plain = readPlainFile(file, options);
    if (plain !== undefined) {
        return plain;
    }
    const checked = checkRegularFile(file, options);
    if ('problem' in checked) {
        return checked;
    }
    let fd: number;
    try {
        // Non-blocking, and not through a link swapped in since the check: opening a FIFO this way
        // returns at once, and the descriptor's own type is checked before any read.
        fd = fs.openSync(checked.path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW);
    } catch (error) {
        const code = errorCode(error);
        return code === 'ELOOP' ? failure('link-refused', msg('io.becameLink')) : failure('unreadable', msg('io.cannotRead', { code }));
    }
    return readOpened(fd, options, notRegular)!;
}

/** Reads up to `maxBytes` + 1 bytes: one byte more tells a file that grew past the limit since the stat. */
function readAtMost(fd: number, size: number, maxBytes: number): ReadResult {
    let buffer = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (;;) {
        const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
        if (read === 0) {
            return { bytes: buffer.subarray(0, length) };
        }
        length += read;
        if (length > maxBytes) {
            return tooLarge(undefined, maxBytes);
        }
        if (length === buffer.length) {
            // The file grew while being read but may still fit: make room, never beyond the limit plus one.
            const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
            buffer.copy(bigger, 0, 0, length);
            buffer = bigger;
        }
    }
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

/** Reads a regular file as UTF-8 text (see readRegularFile and decodeText). */
export function readTextFile(file: string, options: ReadOptions): TextResult {
    const read = readRegularFile(file, options);
    if ('problem' in read) {
        return read;
    }
    const decoded = decodeText(read.bytes);
    if ('binary' in decoded) {
        return { binary: decoded.binary, problem: binaryProblem(decoded.binary), detail: binaryMessage(decoded.binary) };
    }
    return decoded;
}

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
