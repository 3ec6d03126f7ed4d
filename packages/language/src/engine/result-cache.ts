/**
 * The persistent result cache of `osa validate --cache`, like ESLint's: per file, what checking it gave (its
 * raw findings, before workspace rules and suppressions) and its summary, so that a run only parses the files
 * that changed. A result is reused only when all of these are the same as when it was stored:
 * - the file's path and the SHA-256 of its bytes (an edit, a rename or a deletion is a miss);
 * - for findings, the run's context (WorkspaceChecker.cacheContext): the engine build, the locale, the check
 *   date, the resolved configuration with its reference data, and the workspace's definition files (templates
 *   and envelopes other files link to). Summaries depend on the bytes alone.
 * Workspace rules and suppressions always run afresh on the summaries of every member.
 *
 * The cache file is wherever the user puts it, often inside the repository under check, so it is hostile
 * input. It is signed (HMAC-SHA-256) with a key kept outside any repository, in the user's cache folder; a
 * file not signed with this key, too large, not a regular file or malformed is ignored whole and rebuilt.
 * A committed or forged cache therefore cannot hide a finding.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { msg, type Message } from '../i18n/message.js';
import { readRegularFile } from '../io/safe-read.js';
import type { DocumentSummary } from '../workspace/summary.js';
import type { CheckedFile } from './workspace-checker.js';

/** The cache file's name when `--cache-location` names a folder (or by default, in the current folder). */
export const CACHE_FILE_NAME = '.osacache';
const FORMAT = 'OSA-CACHE 1';
/** A cache larger than this is not read (rebuilt instead): 10,000 files take about 10 MB. */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;
const KEY_BYTES = 32;

interface Entry {
    /** SHA-256 of the file's bytes. */
    content: string;
    summary: DocumentSummary;
    /** The context the findings were computed in; absent when the file was only summarised. */
    context?: string;
    diagnostics?: Diagnostic[];
}

/** Where the signing key lives: never inside a repository, so a repository cannot bring its own. */
export function cacheKeyFile(env: NodeJS.ProcessEnv = process.env): string {
    const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
    return path.join(base, 'osa', 'cache-key');
}

/** The cache file for a `--cache-location` (a file, or a folder to put `.osacache` in); default: `.osacache` here. */
export function cacheFileFor(location: string | undefined, cwd = process.cwd()): string {
    if (location === undefined) {
        return path.join(cwd, CACHE_FILE_NAME);
    }
    const resolved = path.resolve(cwd, location);
    let isFolder = location.endsWith('/') || location.endsWith(path.sep);
    try {
        isFolder ||= fs.statSync(resolved).isDirectory();
    } catch {
        // Not there yet: a file of that name.
    }
    return isFolder ? path.join(resolved, CACHE_FILE_NAME) : resolved;
}

/** Reads the signing key, creating it (readable by the user alone) on first use. */
function signingKey(file: string): Buffer | Message {
    const read = readRegularFile(file, { maxBytes: 1024 });
    if ('bytes' in read && /^[0-9a-f]{64}$/.test(read.bytes.toString('latin1').trim())) {
        return Buffer.from(read.bytes.toString('latin1').trim(), 'hex');
    }
    const key = randomBytes(KEY_BYTES);
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
        const temporary = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'w' });
        fs.renameSync(temporary, file);
        return key;
    } catch (error) {
        return msg('engine.cache.noKey', { file, code: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
    }
}

function isLink(file: string): boolean {
    try {
        return fs.lstatSync(file).isSymbolicLink();
    } catch {
        return false;
    }
}

function sign(key: Buffer, payload: string): string {
    return createHmac('sha256', key).update(payload).digest('hex');
}

export class ResultCache {
    private dirty = false;

    private constructor(
        /** The cache file. */
        readonly file: string,
        private readonly key: Buffer | undefined,
        private readonly entries: Map<string, Entry>,
        /** Why the cache is off or was rebuilt, for a notice; undefined when it was read (or is new). */
        readonly notice?: Message
    ) { }

    /**
     * Opens the cache at `file`. A missing file is an empty cache; an unusable one (unsigned, foreign, corrupt,
     * too large, not a regular file) is an empty cache with a notice. Without a key the cache is off.
     */
    static open(file: string, keyFile = cacheKeyFile()): ResultCache {
        const key = signingKey(keyFile);
        if (!Buffer.isBuffer(key)) {
            return new ResultCache(file, undefined, new Map(), key);
        }
        if (!fs.existsSync(file) && !isLink(file)) {
            return new ResultCache(file, key, new Map());
        }
        // Never through a symbolic link: a repository could point its `.osacache` at any file of the machine.
        // Saving replaces the link itself with the cache.
        const read = readRegularFile(file, { maxBytes: MAX_CACHE_BYTES });
        if (!('bytes' in read)) {
            return new ResultCache(file, key, new Map(), msg('engine.cache.unreadable', { file, problem: read.detail }));
        }
        const text = read.bytes.toString('utf-8');
        const newline = text.indexOf('\n');
        const header = newline < 0 ? text : text.slice(0, newline);
        const payload = newline < 0 ? '' : text.slice(newline + 1);
        const expected = `${FORMAT} ${sign(key, payload)}`;
        const given = Buffer.from(header);
        if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
            return new ResultCache(file, key, new Map(), msg('engine.cache.notOurs', { file }));
        }
        try {
            const parsed = JSON.parse(payload) as { entries?: Record<string, Entry> };
            if (typeof parsed !== 'object' || parsed === null || typeof parsed.entries !== 'object' || parsed.entries === null) {
                throw new Error('no entries');
            }
            return new ResultCache(file, key, new Map(Object.entries(parsed.entries)));
        } catch {
            return new ResultCache(file, key, new Map(), msg('engine.cache.notOurs', { file }));
        }
    }

    /** False when there is no signing key: nothing is read or written. */
    get enabled(): boolean {
        return this.key !== undefined;
    }

    /** The findings and summary stored for this file, if its bytes and the context are unchanged. */
    checked(file: string, content: string, context: string): CheckedFile | undefined {
        const entry = this.entries.get(file);
        if (entry?.content !== content || entry.context !== context || !entry.diagnostics) {
            return undefined;
        }
        return { path: file, diagnostics: entry.diagnostics, summary: entry.summary };
    }

    /** The summary stored for this file, if its bytes are unchanged. */
    summary(file: string, content: string): DocumentSummary | undefined {
        const entry = this.entries.get(file);
        return entry?.content === content ? entry.summary : undefined;
    }

    storeChecked(file: CheckedFile, content: string, context: string): void {
        this.entries.set(file.path, { content, summary: file.summary, context, diagnostics: file.diagnostics });
        this.dirty = true;
    }

    storeSummary(file: string, summary: DocumentSummary, content: string): void {
        const entry = this.entries.get(file);
        if (entry?.content === content) {
            return;
        }
        this.entries.set(file, { content, summary });
        this.dirty = true;
    }

    /** Drops entries of files under `root` that are gone (deleted or renamed), so the cache does not grow forever. */
    forgetDeleted(root: string, members: ReadonlySet<string>): void {
        const prefix = root.endsWith(path.sep) ? root : root + path.sep;
        for (const file of this.entries.keys()) {
            if (file.startsWith(prefix) && !members.has(file) && !fs.existsSync(file)) {
                this.entries.delete(file);
                this.dirty = true;
            }
        }
    }

    /**
     * Writes the cache if anything changed: to a temporary file renamed over it, so a reader never sees half of
     * it. Returns a notice when it cannot be written (the run's results stand; only the next run is slower).
     */
    save(): Message | undefined {
        if (!this.key || !this.dirty) {
            return undefined;
        }
        const payload = JSON.stringify({ entries: Object.fromEntries(this.entries) });
        const temporary = path.join(path.dirname(this.file), `.${path.basename(this.file)}.${process.pid}.tmp`);
        try {
            fs.mkdirSync(path.dirname(this.file), { recursive: true });
            fs.writeFileSync(temporary, `${FORMAT} ${sign(this.key, payload)}\n${payload}`, { flag: 'wx', mode: 0o600 });
            fs.renameSync(temporary, this.file);
            this.dirty = false;
            return undefined;
        } catch (error) {
            try {
                fs.rmSync(temporary, { force: true });
            } catch {
                // Nothing was created where nothing can be created.
            }
            return msg('engine.cache.cannotWrite', { file: this.file, code: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
        }
    }
}
