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
import { binaryMessage, binaryProblem, decodeText, readFailure, tooLarge, type ReadFailure, type ReadOptions, type TextResult } from './text.js';

export * from './text.js';

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

function notRegular(stat: fs.Stats): ReadFailure {
    return readFailure('not-regular', msg('io.notRegular', { kind: kindMessage(stat) }));
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
        return code === 'ENOENT' ? readFailure('missing', msg('io.missing')) : readFailure('unreadable', msg('io.cannotAccess', { code }));
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
            return readFailure('link-refused', code === 'ELOOP' ? msg('io.linkLoop') : msg('io.linkToMissing', { code }));
        }
    }
    if (folders && (folders.length === 0 ? link : !folders.some(folder => isInside(target, realFolder(folder))))) {
        return readFailure('link-refused', msg(folders.length === 0 ? 'io.linkNotFollowed' : link ? 'io.linkOutside' : 'io.pathOutside', { target }));
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
        return readFailure('unreadable', msg('io.cannotRead', { code: errorCode(error) }));
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
        return code === 'ELOOP' ? readFailure('link-refused', msg('io.becameLink')) : readFailure('unreadable', msg('io.cannotRead', { code }));
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
        if (length === size) {
            // Exactly the size the descriptor reported, from reads that asked for one byte more (a file that grew fills
            // the buffer): the file as it was at the stat. Reading on to the end-of-file would cost one more system call
            // per file, a sizeable share of a large run.
            return { bytes: buffer.subarray(0, length) };
        }
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

/**
 * Reads a regular file as UTF-8 text (see readRegularFile and decodeText). `onBytes` sees the bytes
 * the text is decoded from (the result cache keys a file's results by exactly these bytes).
 */
export function readTextFile(file: string, options: ReadOptions, onBytes?: (bytes: Buffer) => void): TextResult {
    const read = readRegularFile(file, options);
    return 'problem' in read ? read : textOfBytes(read.bytes, onBytes);
}

/** The text of bytes read by readRegularFile (now or earlier in the run), as readTextFile gives it. */
export function textOfBytes(bytes: Buffer, onBytes?: (bytes: Buffer) => void): TextResult {
    onBytes?.(bytes);
    const decoded = decodeText(bytes);
    if ('binary' in decoded) {
        return { binary: decoded.binary, problem: binaryProblem(decoded.binary), detail: binaryMessage(decoded.binary) };
    }
    return decoded;
}
