/**
 * `osa validate`: expands paths and globs, groups files by workspace, checks them (in this thread or
 * in worker threads), runs the workspace rules on the summaries of every file, and renders one report.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import {
    ALL_RULES, cacheFileFor, checkDateProblem, contentHash, msg, type Message, checkRegularFile, collectOsaFiles, compareCodePoints, findWorkspaceRoot, MAX_CONFIG_BYTES, neutralise,
    OSA_EXTENSION, ResultCache, summaryPath, WorkspaceChecker, type CheckedFile, type CheckOptions, type DocumentSummary, type FileReport, type InputProblem, type Locale, type ValidationRun
} from '@osa-policy/language';
import { localize } from '@osa-policy/language/i18n';
import { choice, parseArgs, wholeNumber } from '../args.js';
import { ExitCode, OutputError, UsageError } from '../exit-codes.js';
import { text } from '../locale.js';
import { FORMAT_NAMES, FORMATTERS, type FormatName } from '../formatters/index.js';
import { textPath } from '../formatters/summary.js';
import type { Io } from '../main.js';
import { WorkerPool } from '../parallel/pool.js';
import { TOOL_VERSION } from '../tool-version.js';
import { printConfig } from './print-config.js';

const SEVERITY_RANK = { info: 0, warning: 1, error: 2 } as const;
type FailLevel = keyof typeof SEVERITY_RANK;

/**
 * Below this many files, worker threads cost more than they save: a worker needs about 0.3 s to load
 * and warm up the engine, and on the 2-core machines measured (bench/cli-scale.mjs) two threads only
 * break even around 4,000 files. Results are the same either way.
 */
export const PARALLEL_THRESHOLD = 5000;
/** Runs of at least this many files show a progress line (on a terminal). */
const PROGRESS_THRESHOLD = 200;
/** Files per task handed to a thread: small enough to balance, large enough to batch. */
const CHUNK_SIZE = 100;

export interface ValidateSettings {
    configFile?: string;
    /** The check date (`--as-of`), YYYY-MM-DD; else each configuration's `asOf`, else today. */
    asOf?: string;
    /** Configurations may name data files outside their folder (`--allow-outside-data`). */
    trusted?: boolean;
    jobs: number;
    shard?: { index: number; count: number };
    onProgress?: (done: number, total: number) => void;
    /** Files named or found that the configuration's `ignore` excludes. */
    onIgnored?: (files: string[]) => void;
    /**
     * A checker to reuse, made with the same `configFile`: a caller that validates many times in one
     * process (the fuzzer) then builds the engine once instead of on every call.
     */
    checker?: WorkspaceChecker;
    /** Keep each file's report records (`osa report`). */
    records?: boolean;
    /** The locale findings and notices are written in (default English); worker threads get it too. */
    locale?: Locale;
    /** Keep results in this cache file between runs (`--cache`); unchanged files are not parsed again. */
    cacheFile?: string;
    /** Told when the cache is off or was rebuilt, or cannot be written (the run's results stand). */
    onCacheNotice?: (notice: Message) => void;
}

const GLOB_CHARS = /[*?[\]{}]/;

/** With OSA_TIMING set, phase durations go to stderr: for finding where a slow run spends its time. */
const timing = process.env.OSA_TIMING ? (label: string) => process.stderr.write(`osa timing: ${label} at ${performance.now().toFixed(0)} ms\n`) : () => undefined;

/**
 * Expands the paths and globs given on the command line into `.osa` files. Missing paths become
 * problems; a named path that is not an `.osa` file (README.md from `examples/*`, /dev/null) is only
 * a notice: it was never a programme sheet to check, like the other files a folder walk passes over.
 */
export function expandPaths(paths: readonly string[], cwd = process.cwd(), locale: Locale = 'en'): { files: string[]; problems: InputProblem[]; notices: InputProblem[] } {
    const files: string[] = [];
    const problems: InputProblem[] = [];
    const notices: InputProblem[] = [];
    for (const given of paths) {
        if (GLOB_CHARS.test(given)) {
            const matched = expandGlob(given, cwd, problems, locale);
            if (matched.length === 0) {
                problems.push({ path: path.resolve(cwd, given), message: text(locale, 'cli.input.globMatchesNothing') });
            }
            files.push(...matched);
            continue;
        }
        const resolved = path.resolve(cwd, given);
        let stat: fs.Stats;
        try {
            stat = fs.statSync(resolved);
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            problems.push({
                path: resolved,
                message: code === 'ENOENT' ? text(locale, 'cli.input.noSuchFile') : code === 'ELOOP' ? text(locale, 'cli.input.symlinkLoop') : text(locale, 'cli.input.cannotAccess', { code: code ?? '' })
            });
            continue;
        }
        if (stat.isDirectory()) {
            files.push(...collectOsaFiles(resolved, problems, false, locale));
        } else if (!resolved.endsWith(OSA_EXTENSION)) {
            notices.push({ path: resolved, message: text(locale, 'cli.input.notOsa') });
        } else {
            // Whatever it is (a FIFO, a device, a link), reading it is safe-read's decision, per file.
            files.push(resolved);
        }
    }
    return { files: [...new Set(files)].sort(compareCodePoints), problems, notices };
}

function expandGlob(pattern: string, cwd: string, problems: InputProblem[], locale: Locale): string[] {
    const absolute = path.resolve(cwd, pattern).split(path.sep).join('/');
    const segments = absolute.split('/');
    const firstGlob = segments.findIndex(s => GLOB_CHARS.test(s));
    const base = segments.slice(0, firstGlob).join('/') || '/';
    if (!fs.existsSync(base)) {
        return [];
    }
    const isMatch = picomatch(absolute, { dot: false });
    return collectOsaFiles(base, problems, false, locale).filter(f => isMatch(f.split(path.sep).join('/')));
}

/**
 * What identifies this build of osa for the result cache: the bundle's module names carry hashes of their
 * contents (esbuild), so the text of this module changes whenever any code or shipped data it loads does.
 */
let fingerprint: string | undefined;
function engineFingerprint(): string {
    fingerprint ??= contentHash(`${TOOL_VERSION}\n${fs.readFileSync(fileURLToPath(import.meta.url), 'utf-8')}`);
    return fingerprint;
}

/** FNV-1a: a stable hash of a file's path, so a file stays in its shard when others are added. */
function shardOf(file: string, count: number, cwd: string): number {
    const key = path.relative(cwd, file).split(path.sep).join('/');
    let hash = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) {
        hash ^= key.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash % count;
}

function chunk<T>(items: readonly T[], parts: number): T[][] {
    const size = Math.ceil(items.length / parts);
    const chunks: T[][] = [];
    for (let i = 0; i < items.length; i += size) {
        chunks.push(items.slice(i, i + size));
    }
    return chunks;
}

/**
 * Validates the files, one workspace at a time. Workspace rules see every member of the workspace
 * (files of other shards are summarized by parsing alone), so shards and workers do not change results.
 */
export async function validatePaths(paths: readonly string[], settings: ValidateSettings, cwd = process.cwd()): Promise<ValidationRun & { notices: InputProblem[] }> {
    timing('validation starts');
    const expanded = expandPaths(paths, cwd, settings.locale);
    timing('paths expanded');
    const problems = [...expanded.problems];
    const files = settings.shard
        ? expanded.files.filter(f => shardOf(f, settings.shard!.count, cwd) === settings.shard!.index - 1)
        : expanded.files;
    const byWorkspace = new Map<string, string[]>();
    // A file's workspace depends only on its folder: one config lookup per folder, not per file.
    const rootOfFolder = new Map<string, string>();
    for (const file of files) {
        const folder = path.dirname(file);
        let root = rootOfFolder.get(folder);
        if (root === undefined) {
            root = findWorkspaceRoot(file, cwd, settings.configFile);
            rootOfFolder.set(folder, root);
        }
        const group = byWorkspace.get(root);
        if (group) {
            group.push(file);
        } else {
            byWorkspace.set(root, [file]);
        }
    }
    // Report records are not cached: `osa report` reads every file afresh.
    const cache = settings.cacheFile && !settings.records ? ResultCache.open(settings.cacheFile) : undefined;
    if (cache?.notice) {
        settings.onCacheNotice?.(cache.notice);
    }
    const caching = cache?.enabled === true;
    const options: CheckOptions = {
        configFile: settings.configFile, trusted: settings.trusted, asOf: settings.asOf, ...(settings.records ? { records: true } : {}),
        ...(settings.locale && settings.locale !== 'en' ? { locale: settings.locale } : {}),
        ...(caching ? { cache: true } : {})
    };
    // Workers start first: they load the engine while this thread lists the workspace. This thread
    // works too, so --jobs N means N threads checking files.
    // OSA_PARALLEL_THRESHOLD lowers the threshold, so tests can compare threads on small inputs.
    const threshold = Number(process.env.OSA_PARALLEL_THRESHOLD ?? PARALLEL_THRESHOLD);
    // With a cache, most files may need no checking at all: threads start only when enough files do.
    const parallel = settings.jobs > 1 && files.length >= threshold;
    let pool = parallel && !caching ? new WorkerPool(settings.jobs - 1, options) : undefined;
    const checker = settings.checker ?? new WorkspaceChecker(options);
    const reports: FileReport[] = [];
    let done = 0;
    try {
        for (const [root, requested] of byWorkspace) {
            const plan = checker.plan(root, requested);
            if ('problem' in plan) {
                problems.push(plan.problem);
                continue;
            }
            timing('workspace listed');
            problems.push(...plan.problems);
            settings.onIgnored?.(plan.ignored);
            const { workspace } = plan;
            const checked: CheckedFile[] = [];
            const summaries: DocumentSummary[] = [];
            let { wanted, others } = plan;
            const context = caching ? checker.cacheContext(workspace, engineFingerprint()) : '';
            if (caching) {
                const hashOf = (file: string) => workspace.contentHashes?.get(file);
                const fromCache = (file: string) => {
                    const content = hashOf(file);
                    return content === undefined ? undefined : cache!.checked(file, content, context);
                };
                const hits = wanted.map(fromCache);
                checked.push(...hits.filter((hit): hit is CheckedFile => hit !== undefined));
                wanted = wanted.filter((_, i) => hits[i] === undefined);
                const summaryHits = others.map(file => {
                    const content = hashOf(file);
                    return content === undefined ? undefined : cache!.summary(file, content);
                });
                summaries.push(...summaryHits.filter((hit): hit is DocumentSummary => hit !== undefined));
                others = others.filter((_, i) => summaryHits[i] === undefined);
                done += checked.length;
                if (parallel && wanted.length >= threshold && !pool) {
                    pool = new WorkerPool(settings.jobs - 1, options);
                }
            }
            const cachedResults = new Set<object>([...checked, ...summaries]);
            if (wanted.length === 0 && others.length === 0) {
                // Everything came from the cache: the engine is not even built.
            } else if (pool) {
                const threads = pool;
                // A shared queue of small chunks: whichever thread is free takes the next one.
                type Task = { kind: 'check' | 'summarize'; files: string[] };
                const queue: Task[] = [
                    ...chunk(wanted, Math.max(1, Math.ceil(wanted.length / CHUNK_SIZE))).map(files => ({ kind: 'check' as const, files })),
                    ...chunk(others, Math.max(1, Math.ceil(others.length / CHUNK_SIZE))).map(files => ({ kind: 'summarize' as const, files }))
                ];
                const take = async (run: (task: Task) => Promise<void>) => {
                    for (let task = queue.shift(); task; task = queue.shift()) {
                        await run(task);
                    }
                };
                const collect = (result: { checked: CheckedFile[]; problems: InputProblem[] }) => {
                    checked.push(...result.checked);
                    problems.push(...result.problems);
                    done += result.checked.length;
                    settings.onProgress?.(done, files.length);
                };
                await Promise.all([
                    take(async task => {
                        if (task.kind === 'check') {
                            collect(await checker.check(workspace, task.files));
                        } else {
                            summaries.push(...checker.summarize(task.files));
                        }
                        // Checking only awaits microtasks: yield to the event loop so that workers'
                        // replies are read and they get their next task without waiting for this thread.
                        await new Promise(resolve => setImmediate(resolve));
                    }),
                    // Two loops per worker keep a second task waiting in its inbox while this
                    // thread is busy, so a worker never idles until its reply is read.
                    ...threads.threads().flatMap(thread => [thread, thread]).map(thread => take(async task => {
                        // The bytes this thread's listing read go with the task: the worker need not read them again.
                        const sources = checker.takePrefetched(task.files);
                        if (task.kind === 'check') {
                            collect(await threads.check(workspace, task.files, thread, sources));
                        } else {
                            summaries.push(...await threads.summarize(task.files, thread, sources));
                        }
                    }))
                ]);
                checked.sort((a, b) => compareCodePoints(a.path, b.path));
            } else {
                if (wanted.length > 0) {
                    const result = await checker.check(workspace, wanted, n => settings.onProgress?.(done + n, files.length));
                    checked.push(...result.checked);
                    problems.push(...result.problems);
                }
                summaries.push(...checker.summarize(others));
                done += wanted.length;
            }
            timing('files checked');
            if (caching) {
                // Stored under the hash of the bytes each result was computed from (not as listed: a file may change meanwhile);
                // findings only if the files they link to did not change during the run.
                const definitionsStable = checker.definitionsUnchanged(workspace);
                for (const file of checked) {
                    if (definitionsStable && !cachedResults.has(file) && file.summary.contentHash) {
                        cache!.storeChecked(file, file.summary.contentHash, context);
                    }
                }
                for (const summary of summaries) {
                    if (!cachedResults.has(summary) && summary.contentHash) {
                        cache!.storeSummary(summaryPath(summary), summary, summary.contentHash);
                    }
                }
                cache!.forgetDeleted(workspace.root, new Set(workspace.members));
            }
            checker.release();
            checker.dropPrefetched();
            reports.push(...checker.finish(checked, [...checked.map(c => c.summary), ...summaries]));
            timing('workspace rules and suppressions done');
        }
    } finally {
        await pool?.close();
        const notice = cache?.save();
        if (notice) {
            settings.onCacheNotice?.(notice);
        }
    }
    reports.sort((a, b) => compareCodePoints(a.path, b.path));
    // A file can be reported by the walk of a named folder and again by its workspace's listing.
    const unique = [...new Map(problems.map(p => [`${p.path}\0${p.message}`, p])).values()];
    unique.sort((a, b) => compareCodePoints(a.path, b.path) || compareCodePoints(a.message, b.message));
    return { reports, problems: unique, notices: expanded.notices };
}

/** The exit code of a run: 2 for unreadable input, else 1 when findings cross the thresholds. */
export function exitCodeOf(run: ValidationRun, failLevel: FailLevel, maxWarnings: number | undefined): number {
    if (run.problems.length > 0) {
        return ExitCode.UsageOrIo;
    }
    const all = run.reports.flatMap(r => r.diagnostics);
    const failing = all.some(d => SEVERITY_RANK[d.severity] >= SEVERITY_RANK[failLevel]);
    const tooManyWarnings = maxWarnings !== undefined && all.filter(d => d.severity === 'warning').length > maxWarnings;
    return failing || tooManyWarnings ? ExitCode.Findings : ExitCode.Ok;
}

function parseShard(value: string | undefined): { index: number; count: number } | undefined {
    if (value === undefined) {
        return undefined;
    }
    const match = /^(\d+)\/(\d+)$/.exec(value);
    const index = Number(match?.[1]);
    const count = Number(match?.[2]);
    if (!match || count < 1 || index < 1 || index > count) {
        throw new UsageError(msg('cli.usage.shard', { value }));
    }
    return { index, count };
}

/** A progress line on a terminal for long runs; never in machine formats or when output is piped. */
function progressReporter(format: FormatName, io: Io, locale: Locale): ((done: number, total: number) => void) | undefined {
    if (format !== 'stylish' || !process.stderr.isTTY || process.env.CI) {
        return undefined;
    }
    let last = 0;
    return (done, total) => {
        const now = Date.now();
        if (total >= PROGRESS_THRESHOLD && now - last > 100) {
            last = now;
            io.err(`\r${text(locale, 'cli.progress', { done, total })}`);
        }
    };
}

/** What `osa validate` and `osa report` both take: the options that decide which files are checked and how. */
export const CHECK_OPTIONS = ['config', 'fail-level', 'max-warnings', 'jobs', 'as-of'] as const;
export const CHECK_FLAGS = ['allow-outside-data'] as const;

export interface CheckRequest {
    configFile?: string;
    trusted: boolean;
    jobs: number;
    failLevel: FailLevel;
    maxWarnings?: number;
    /** The check date (`--as-of`), YYYY-MM-DD; undefined: the configuration's `asOf`, else today. */
    asOf?: string;
    /** The locale of the run (`--locale`, else the environment). */
    locale: Locale;
}

/** Reads the shared options; a `--config` that is not a readable regular file is a usage error. */
export function checkRequestOf(options: ReadonlyMap<string, string>, flags: ReadonlySet<string>, locale: Locale = 'en'): CheckRequest {
    const failLevel = choice(options.get('fail-level'), ['error', 'warning', 'info'] as const, 'error', 'fail-level');
    const maxWarnings = wholeNumber(options.get('max-warnings'), 'max-warnings', 0);
    const jobs = wholeNumber(options.get('jobs'), 'jobs', 1) ?? os.availableParallelism();
    const configFile = options.get('config');
    if (configFile !== undefined) {
        // Checked before anything reads it: `--config /dev/zero` or a FIFO is a usage error, not a hang.
        const checked = checkRegularFile(configFile, { maxBytes: MAX_CONFIG_BYTES, within: 'anywhere' });
        if ('problem' in checked) {
            throw new UsageError(msg('cli.usage.config', { file: configFile, problem: checked.detail }));
        }
    }
    const asOf = options.get('as-of');
    const asOfProblem = asOf === undefined ? undefined : checkDateProblem(asOf, locale);
    if (asOfProblem) {
        throw new UsageError(msg('cli.usage.asOf', { problem: asOfProblem }));
    }
    return { configFile, trusted: flags.has('allow-outside-data'), jobs, failLevel, maxWarnings, asOf, locale };
}

/**
 * Checks the named paths (default: the current folder) as `osa validate` does, reporting notices,
 * unreadable inputs and explicitly named ignored files on standard error.
 */
export async function checkPaths(positional: readonly string[], request: CheckRequest, io: Io,
    extra: Pick<ValidateSettings, 'shard' | 'onProgress' | 'records' | 'cacheFile'> = {}): Promise<ValidationRun & { notices: InputProblem[] }> {
    const named = new Set(positional.filter(p => !GLOB_CHARS.test(p)).map(p => path.resolve(p)));
    const run = await validatePaths(positional.length > 0 ? positional : ['.'], {
        configFile: request.configFile, trusted: request.trusted, asOf: request.asOf, jobs: request.jobs, locale: request.locale, ...extra,
        onCacheNotice: notice => io.err(`osa: ${neutralise(localize(notice, request.locale))}\n`),
        // Files skipped by `ignore` while walking folders are expected; a file named explicitly is worth a note.
        onIgnored: files => files.filter(f => named.has(f)).forEach(f => io.err(`osa: ${textPath(f, process.cwd())}: ${text(request.locale, 'cli.input.ignored')}\n`))
    });
    if (extra.onProgress) {
        io.err('\r\x1b[K');
    }
    for (const notice of run.notices) {
        io.err(`osa: ${textPath(notice.path, process.cwd())}: ${neutralise(notice.message)}\n`);
    }
    for (const problem of run.problems) {
        io.err(`osa: ${textPath(problem.path, process.cwd())}: ${neutralise(problem.message)}\n`);
    }
    return run;
}

export async function runValidate(argv: readonly string[], io: Io, locale: Locale = 'en'): Promise<number> {
    const { positional, options, flags } = parseArgs(argv,
        ['format', 'output', 'shard', 'print-config', 'cache-location', ...CHECK_OPTIONS],
        ['color', 'no-color', 'cache', ...CHECK_FLAGS]);
    const format = choice(options.get('format'), FORMAT_NAMES, 'stylish', 'format');
    const request = checkRequestOf(options, flags, locale);
    const shard = parseShard(options.get('shard'));
    if (options.has('print-config')) {
        return printConfig(options.get('print-config')!, request.configFile, io, request.trusted, request.asOf, locale);
    }
    const output = options.get('output');
    const color = flags.has('color') || (!flags.has('no-color') && format === 'stylish' && !output
        && process.stdout.isTTY === true && !process.env.NO_COLOR);
    // `--cache-location` alone also turns the cache on: naming where it goes means wanting one.
    const cacheFile = flags.has('cache') || options.has('cache-location') ? cacheFileFor(options.get('cache-location')) : undefined;
    const run = await checkPaths(positional, request, io, { shard, onProgress: progressReporter(format, io, locale), ...(cacheFile ? { cacheFile } : {}) });
    const report = FORMATTERS[format](run, { version: TOOL_VERSION, cwd: process.cwd(), rules: ALL_RULES, color, locale });
    timing('report formatted');
    if (output) {
        writeReport(output, report);
    } else {
        io.out(report);
    }
    return exitCodeOf(run, request.failLevel, request.maxWarnings);
}

/**
 * Writes the report completely or not at all: into a temporary file next to the target, then renamed
 * over it, so a reader (or a CI upload step) never sees half a report. A failure is one clear line.
 */
export function writeReport(output: string, report: string | Uint8Array): void {
    const target = path.resolve(output);
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
    try {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(temporary, report, { flag: 'wx' });
        fs.renameSync(temporary, target);
    } catch (error) {
        try {
            fs.rmSync(temporary, { force: true });
        } catch {
            // Nothing was created where nothing can be created.
        }
        throw new OutputError(msg('cli.output.cannotWrite', { output, reason: describeWriteError(error as NodeJS.ErrnoException, target) }));
    }
}

function describeWriteError(error: NodeJS.ErrnoException, target: string): Message | string {
    const code = error.code ?? '';
    switch (error.code) {
        case 'ENOTDIR':
        case 'EEXIST':
            return msg('cli.output.notADirectory', { folder: path.dirname(target), code });
        case 'EISDIR':
            return msg('cli.output.isADirectory', { target });
        case 'EACCES':
        case 'EPERM':
            return msg('cli.output.permission', { code });
        case 'EROFS':
            return msg('cli.output.readOnly', { code });
        case 'ENOSPC':
            return msg('cli.output.noSpace', { code });
        default:
            return error.code ?? error.message;
    }
}
