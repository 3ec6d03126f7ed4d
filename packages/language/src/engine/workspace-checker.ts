/**
 * Batch validation of a workspace, for the CLI.
 *
 * A file's workspace is the folder of the osa.config.json that governs it (the nearest one above it,
 * up to the repository root); without one, the current directory when it contains the file, else the
 * file's own folder. Every `.osa` file of the workspace (minus `ignore`d ones and sub-folders with
 * their own config) takes part, so validating one file reports exactly what validating the whole
 * workspace reports for that file.
 *
 * To keep memory flat on large workspaces, files are checked in batches: the files that declare
 * agreement templates or budget envelopes stay loaded (others refer to them); every other file is
 * parsed, linked, checked and dropped, keeping only its diagnostics and a small summary. The
 * workspace rules (budgets, duplicate ids) then run on the summaries of all files, and suppression
 * comments apply last. Workers and shards use the same two steps, so results do not depend on them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CONFIG_FILE_NAME, ConfigError, findConfigFile, type ResolvedConfig } from '../config/config.js';
import { OsaFileSystem, OsaFileSystemProvider } from '../io/osa-file-system.js';
import type { Locale } from '../i18n/locale.js';
import { localize } from '../i18n/localize.js';
import { msg, type Message } from '../i18n/message.js';
import { kindMessage, MAX_SOURCE_BYTES, readRegularFile, readTextFile, type ReadOptions } from '../io/safe-read.js';
import { createOsaServices, type OsaModuleOptions } from '../osa-module.js';
import { contentHash } from '../io/content-hash.js';
import { REPORT_BUGS_URL } from '../report-bugs.js';
import { ruleById } from '../rules/index.js';
import { applySuppressions } from '../validation/suppressions.js';
import type { FileReport, InputProblem } from './report.js';
import { byPosition, toReportedDiagnostic, toSuppressedDiagnostic } from './reported-diagnostics.js';
import type { DocumentSummary } from '../workspace/summary.js';
import { summarizeDocument } from '../workspace/summary.js';
import { WorkspaceView } from '../workspace/workspace-view.js';
import { recordDocument, type DocumentRecords } from '../report/records.js';
import { compareCodePoints } from '../util/order.js';

export { CONFIG_FILE_NAME };
export { byPosition, toReportedDiagnostic, toSuppressedDiagnostic };
export type { FileReport, InputProblem, Position1, ReportedDiagnostic, Severity, SuppressedDiagnostic } from './report.js';

export const OSA_EXTENSION = '.osa';
/** Files above this size are refused unread, with a clear message, instead of exhausting memory. */
export const MAX_FILE_BYTES = MAX_SOURCE_BYTES;
/** The per-file message for a bug in osa met while checking that file, in `locale` (English by default). */
export function internalErrorMessage(error: unknown, locale: Locale = 'en'): string {
    return localize(internalError(error), locale);
}

export function internalError(error: unknown): Message {
    const message = error instanceof Error ? error.message : String(error);
    const stack = process.env.OSA_DEBUG && error instanceof Error && error.stack ? `\n${error.stack}` : '';
    return msg('engine.internalError', { error: message, url: REPORT_BUGS_URL, stack });
}

/** An input problem in `locale`, keeping its message for callers that render it themselves. */
export function inputProblem(file: string, text: Message, locale: Locale = 'en'): InputProblem {
    return { path: file, message: localize(text, locale), text };
}

/**
 * Files checked per batch before their syntax trees are dropped: the size of a worker's task. On 10,000 files with
 * one thread, 100 instead of 500 took about 8 % less CPU and a quarter less peak memory. Smaller batches gain
 * nothing more: with batches of 1 to 40 files the run takes as much or more CPU, and the collector still
 * promotes about as much (the trees outlive a young-generation cycle either way).
 */
export const DEFAULT_BATCH_SIZE = 100;

/**
 * The workspace root of a file. With an explicit `--config` file, discovery is off: the root is the
 * current directory (or the file's folder when outside it) and nested config files split nothing.
 */
export function findWorkspaceRoot(file: string, cwd = process.cwd(), configFile?: string): string {
    const config = configFile ? undefined : findConfigFile(path.dirname(path.resolve(file)));
    if (config) {
        return path.dirname(path.resolve(config));
    }
    const resolvedCwd = path.resolve(cwd);
    const relative = path.relative(resolvedCwd, path.resolve(file));
    return !relative.startsWith('..') && !path.isAbsolute(relative) ? resolvedCwd : path.dirname(path.resolve(file));
}

/**
 * All `.osa` files under `dir`, sorted; dependency and hidden folders are never walked. With
 * `workspaceOnly`, sub-folders holding their own osa.config.json are left out: they are other workspaces.
 */
export function collectOsaFiles(dir: string, problems: InputProblem[] = [], workspaceOnly = false, locale: Locale = 'en'): string[] {
    const found: string[] = [];
    const walk = (current: string) => {
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(current, { withFileTypes: true });
        } catch (error) {
            problems.push(inputProblem(current, msg('engine.cannotReadDirectory', { code: (error as NodeJS.ErrnoException).code ?? (error as Error).message }), locale));
            return;
        }
        for (const entry of entries) {
            if (entry.name === 'node_modules' || entry.name.startsWith('.')) {
                continue;
            }
            const full = path.join(current, entry.name);
            if (entry.isDirectory()) {
                if (!(workspaceOnly && fs.existsSync(path.join(full, CONFIG_FILE_NAME)))) {
                    walk(full);
                }
            } else if (entry.isFile() && entry.name.endsWith(OSA_EXTENSION)) {
                found.push(full);
            } else if (entry.name.endsWith(OSA_EXTENSION) && !entry.isSymbolicLink()) {
                // A FIFO, socket or device named like a programme: never opened, but not silently dropped.
                problems.push(inputProblem(full, msg('io.notRegular', { kind: kindOf(full) }), locale));
            }
        }
    };
    walk(dir);
    return found.sort(compareCodePoints);
}

function kindOf(file: string): Message {
    try {
        return kindMessage(fs.lstatSync(file));
    } catch {
        return msg('io.kind.unknown');
    }
}

/**
 * Reads a file as UTF-8 text, refusing what cannot be a programme sheet (see io/safe-read.ts): not a
 * regular file, over the size limit, binary, or a link leading out of `within`.
 */
export function readSource(file: string, within?: ReadOptions['within']): { text: string } | { problem: string; detail: Message } {
    const read = readTextFile(file, { maxBytes: MAX_FILE_BYTES, within });
    return 'problem' in read ? { problem: read.problem, detail: read.detail } : { text: read.text };
}

/**
 * Does the text declare something other files may refer to? A cheap test: a false hit only costs
 * memory, a miss costs the other files their references, so no word boundaries (the lexer splits
 * `2024agreement-template` into a number and the keyword, and the parser recovers the declaration).
 */
const DEFINITION_KEYWORDS = [Buffer.from('agreement-template'), Buffer.from('budget-envelope')];

/** Does the file declare something others refer to? Tested on the bytes: no decoding needed for a yes or no. */
function declaresDefinitions(bytes: Uint8Array): boolean {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return DEFINITION_KEYWORDS.some(keyword => buffer.includes(keyword));
}

export interface WorkspaceFiles {
    root: string;
    /** The config file in effect, if any. */
    configFile?: string;
    /** Every file of the workspace, sorted. */
    members: string[];
    /** Members that declare templates or envelopes: loaded by every batch. */
    definitions: string[];
    /** With the result cache: SHA-256 of each member's bytes as listed (see CheckOptions.cache). */
    contentHashes?: Map<string, string>;
}

/** Bytes of several files in one buffer, for another thread: each file's length in order, -1 for a file not included. */
export interface PrefetchedBytes {
    bytes: Uint8Array;
    lengths: number[];
}

/** The outcome of checking one file: its raw findings (before workspace rules and suppressions) and its summary. */
export interface CheckedFile {
    path: string;
    diagnostics: Diagnostic[];
    summary: DocumentSummary;
    /** What `osa report` needs of the file, taken while its tree was loaded (with `CheckOptions.records`). */
    records?: DocumentRecords;
}

/** The work of validating some files of one workspace (see WorkspaceChecker.plan). */
export interface WorkspacePlan {
    workspace: WorkspaceFiles;
    /** Files to check, in the order asked. */
    wanted: string[];
    /** Requested files that the configuration's `ignore` excludes. */
    ignored: string[];
    /** The other members: summarized only. */
    others: string[];
    /** Folders that could not be read while listing. */
    problems: InputProblem[];
}

export interface CheckOptions extends OsaModuleOptions {
    /** The `--config` file, overriding discovery. */
    configFile?: string;
    /** Configurations may name data files outside their folder (`--allow-outside-data`). */
    trusted?: boolean;
    batchSize?: number;
    /** Also keep each checked file's report records (`osa report`); validation alone does not pay for them. */
    records?: boolean;
    /**
     * The run keeps a result cache: hash every member's bytes when listing, and give each checked file and
     * summary the hash of the bytes it was computed from (engine/result-cache.ts).
     */
    cache?: boolean;
}

/**
 * Lists the workspace's files and finds those that declare templates or envelopes. Sub-folders with
 * their own osa.config.json are other workspaces, unless one config file was given for everything.
 */
export function listWorkspace(root: string, config: ResolvedConfig, problems: InputProblem[], explicitConfig = false, locale: Locale = 'en', hash = false, keep?: Map<string, Buffer>): WorkspaceFiles {
    const members = collectOsaFiles(root, problems, !explicitConfig, locale).filter(f => !config.isFileIgnored(f));
    const contentHashes = hash ? new Map<string, string>() : undefined;
    const definitions = members.filter(f => {
        // A file that cannot be read is reported when it is checked; here it only declares nothing.
        const read = readRegularFile(f, { maxBytes: MAX_SOURCE_BYTES, within: root });
        if (!('bytes' in read)) {
            return false;
        }
        keep?.set(f, read.bytes);
        contentHashes?.set(f, contentHash(read.bytes));
        return declaresDefinitions(read.bytes);
    });
    return { root, configFile: config.file, members, definitions, ...(contentHashes ? { contentHashes } : {}) };
}

/** Which definition files, and their sizes and modification times: what a loaded set of definitions was read from. */
function definitionsSignature(files: readonly string[]): string {
    return files.map(file => {
        try {
            const stat = fs.statSync(file);
            return `${file}:${stat.size}:${stat.mtimeMs}`;
        } catch {
            return `${file}:missing`;
        }
    }).join('\n');
}

/**
 * Checks the files of one workspace with one set of services (the parser is built once). Each worker
 * of a parallel run has its own.
 */
export class WorkspaceChecker {
    private readonly services: ReturnType<typeof createOsaServices>;
    private readonly files: OsaFileSystemProvider;
    /** The locale of the problems and suppression findings this checker reports (the services' findings follow `options.locale` too). */
    private readonly locale: Locale;

    constructor(private readonly options: CheckOptions = {}) {
        this.services = createOsaServices(OsaFileSystem, options);
        this.locale = options.locale ?? 'en';
        this.files = this.services.shared.workspace.FileSystemProvider as OsaFileSystemProvider;
        const { shared, Osa } = this.services;
        Osa.osa.Config.useConfigFile(options.configFile);
        Osa.osa.Config.trusted = options.trusted === true;
        Osa.osa.RuleRunner.workspaceRulesInValidation = false;
        Osa.validation.DocumentValidator.suppressionsInValidation = false;
        Osa.validation.DocumentValidator.reuseCleanDeclarations = false;
        shared.workspace.IndexManager.indexReferences = false;
        if (options.cache) {
            this.files.contentHashes = new Map();
        }
    }

    /**
     * What a file's findings depend on besides its own bytes, as one key for the result cache: the engine build
     * (`engine`, given by the caller), the locale, the check date, the trust setting, the resolved configuration
     * and its reference data, and the definition files (templates, envelopes) its references resolve to.
     */
    cacheContext(workspace: WorkspaceFiles, engine: string): string {
        const configs = this.services.Osa.osa.Config;
        const config = this.configAt(workspace.root);
        return contentHash(JSON.stringify([
            engine, this.locale, configs.checkDateFor(config), this.options.trusted === true, this.options.configFile ?? null,
            config.root, config.file ?? null, config.contents,
            // Data a configuration adds (a DAC list file) is part of the configuration's result.
            configs.addsReferenceData(config) ? contentHash(JSON.stringify(config.referenceData)) : 'shipped',
            workspace.definitions.map(file => [file, workspace.contentHashes?.get(file) ?? this.hashOf(file)])
        ]));
    }

    /**
     * Are the workspace's definition files still the bytes that were listed? When one changed during the run, the
     * files checked may have linked to either version, so their findings must not be stored under the listed context.
     */
    definitionsUnchanged(workspace: WorkspaceFiles): boolean {
        return workspace.definitions.every(file => this.hashOf(file) === workspace.contentHashes?.get(file));
    }

    /** SHA-256 of a file's bytes now, or undefined when it cannot be read. */
    private hashOf(file: string): string | undefined {
        const read = readRegularFile(file, { maxBytes: MAX_SOURCE_BYTES, within: 'anywhere' });
        return 'bytes' in read ? contentHash(read.bytes) : undefined;
    }

    /** The configuration that governs files of the workspace at `root`; throws ConfigError. */
    configAt(root: string): ResolvedConfig {
        return this.services.Osa.osa.Config.configFor(path.join(root, '__workspace__.osa'));
    }

    /**
     * The configuration of a workspace, or the problem that makes its files impossible to check:
     * results computed without the workspace's own settings would mislead, so such a workspace is skipped.
     */
    configOrProblem(root: string): { config: ResolvedConfig } | { problem: InputProblem } {
        try {
            return { config: this.configAt(root) };
        } catch (error) {
            if (!(error instanceof ConfigError)) {
                throw error;
            }
            const text = error.jsonPath
                ? msg('engine.invalidConfig.at', { path: error.jsonPath, detail: error.detailMessage })
                : msg('engine.invalidConfig', { detail: error.detailMessage });
            return { problem: inputProblem(error.file, text, this.locale) };
        }
    }

    /**
     * What validating `requested` files of the workspace at `root` involves: the workspace's members
     * (requested files outside it included), the files to check (minus `ignore`d ones), and the other
     * members, whose summaries the workspace rules also need. A broken configuration is a problem.
     */
    plan(root: string, requested: readonly string[]): WorkspacePlan | { problem: InputProblem } {
        const configured = this.configOrProblem(root);
        if ('problem' in configured) {
            return configured;
        }
        const config = configured.config;
        const problems: InputProblem[] = [];
        // The listing reads every member; checking and summarizing then parse those bytes (see prefetched).
        this.files.prefetched.clear();
        const listed = listWorkspace(root, config, problems, this.options.configFile !== undefined, this.locale, this.options.cache === true, this.files.prefetched);
        const files = [...new Set(requested.map(f => path.resolve(f)))];
        const wanted = files.filter(f => !config.isFileIgnored(f));
        const wantedSet = new Set(wanted);
        const members = [...new Set([...listed.members, ...wanted])];
        return {
            workspace: { ...listed, members },
            wanted,
            ignored: files.filter(f => config.isFileIgnored(f)),
            others: members.filter(f => !wantedSet.has(f)),
            problems
        };
    }

    /**
     * Step 1, batchable and parallel: parses, links and checks `files` (programme rules and language
     * checks) with the workspace's definitions loaded, returning raw diagnostics and summaries.
     */
    async check(workspace: WorkspaceFiles, files: readonly string[], onProgress?: (done: number) => void): Promise<{ checked: CheckedFile[]; problems: InputProblem[] }> {
        const { shared } = this.services;
        const problems: InputProblem[] = [];
        const checked: CheckedFile[] = [];
        const load = (file: string): LangiumDocument | undefined => {
            const source = this.files.readSource(URI.file(file), workspace.root);
            if ('problem' in source) {
                problems.push(inputProblem(file, source.detail, this.locale));
                return undefined;
            }
            const document = shared.workspace.LangiumDocumentFactory.fromString(source.text, URI.file(file));
            shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        };
        const collect = (document: LangiumDocument) => checked.push({
            path: document.uri.fsPath, diagnostics: document.diagnostics ?? [], summary: this.summaryOf(document),
            ...(this.options.records ? { records: this.recordsOf(document) } : {})
        });
        const wanted = new Set(files);
        const definitions = await this.loadDefinitions(workspace, load);
        // A definitions file is checked by whoever is asked for it; it stays loaded for the others.
        definitions.filter(d => wanted.has(d.uri.fsPath)).forEach(collect);
        const definitionSet = new Set(workspace.definitions);
        const rest = files.filter(f => !definitionSet.has(f));
        const batchSize = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
        for (let i = 0; i < rest.length; i += batchSize) {
            const names = rest.slice(i, i + batchSize);
            const batch = names.map(load).filter((d): d is LangiumDocument => d !== undefined);
            try {
                await this.build(batch);
                batch.forEach(collect);
            } catch (error) {
                // A bug in osa, not in the files: find the file(s) it happens on, report them, check the rest.
                shared.workspace.DocumentBuilder.forget(batch.map(d => d.uri));
                for (const file of names) {
                    const document = load(file);
                    if (!document) {
                        continue;
                    }
                    try {
                        await this.build([document]);
                        collect(document);
                    } catch (failure) {
                        problems.push(inputProblem(file, internalError(failure ?? error), this.locale));
                    }
                    shared.workspace.DocumentBuilder.forget([document.uri]);
                }
            }
            shared.workspace.DocumentBuilder.forget(batch.map(d => d.uri));
            this.files.forget(batch.map(d => d.uri));
            onProgress?.(Math.min(i + batchSize, rest.length));
        }
        checked.sort((a, b) => compareCodePoints(a.path, b.path));
        // Problems of files not asked for (definitions only) are reported by whoever checks them.
        return { checked, problems: problems.filter(p => wanted.has(p.path)) };
    }

    /** The report records of a loaded document, read against its workspace's reference data. */
    private recordsOf(document: LangiumDocument): DocumentRecords {
        const configs = this.services.Osa.osa.Config;
        return recordDocument(document, configs.referenceFor(configs.configFor(document.uri.fsPath)));
    }

    private build(documents: LangiumDocument[]): Promise<void> {
        // Fault injection for tests only: proves that a bug met on one file is reported on that file.
        if (process.env.OSA_FAULT_INJECTION === 'failing-build' && documents.some(d => d.textDocument.getText().includes('OSA_FAULT_INJECTION'))) {
            return Promise.reject(new Error('injected fault'));
        }
        return this.services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    }

    private loadedWorkspace: { root: string; documents: LangiumDocument[]; signature: string } | undefined;

    /** Loads and checks the workspace's definitions once; later calls for the same workspace reuse them. */
    private async loadDefinitions(workspace: WorkspaceFiles, load: (file: string) => LangiumDocument | undefined): Promise<LangiumDocument[]> {
        // A checker kept across runs (a library user, the fuzzer) must not serve definitions whose files changed.
        const signature = definitionsSignature(workspace.definitions);
        if (this.loadedWorkspace?.root === workspace.root && this.loadedWorkspace.signature === signature) {
            return this.loadedWorkspace.documents;
        }
        this.release();
        const documents = workspace.definitions.map(load).filter((d): d is LangiumDocument => d !== undefined);
        await this.services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        this.loadedWorkspace = { root: workspace.root, documents, signature };
        return documents;
    }

    /**
     * Hands the bytes the listing read for `files` to another thread's checker (see acceptPrefetched), as one
     * buffer and each file's length (-1: not read, that thread reads it). This thread no longer keeps them.
     */
    takePrefetched(files: readonly string[]): PrefetchedBytes {
        const parts: Buffer[] = [];
        const lengths = files.map(file => {
            const bytes = this.files.prefetched.get(file);
            if (bytes === undefined) {
                return -1;
            }
            this.files.prefetched.delete(file);
            parts.push(bytes);
            return bytes.length;
        });
        return { bytes: Buffer.concat(parts), lengths };
    }

    /** Bytes another thread read for `files` (takePrefetched): checking or summarizing them parses these. */
    acceptPrefetched(files: readonly string[], given: PrefetchedBytes): void {
        const all = Buffer.from(given.bytes.buffer, given.bytes.byteOffset, given.bytes.byteLength);
        let offset = 0;
        files.forEach((file, i) => {
            const length = given.lengths[i];
            if (length >= 0) {
                this.files.prefetched.set(file, all.subarray(offset, offset + length));
                offset += length;
            }
        });
    }

    /** Forgets bytes read for files that were not parsed after all (results from the cache). */
    dropPrefetched(): void {
        this.files.prefetched.clear();
    }

    /** Drops the loaded definitions (before moving to another workspace). */
    release(): void {
        if (this.loadedWorkspace) {
            this.services.shared.workspace.DocumentBuilder.forget(this.loadedWorkspace.documents.map(d => d.uri));
            this.files.forget(this.loadedWorkspace.documents.map(d => d.uri));
            this.loadedWorkspace = undefined;
        }
    }

    /** A loaded document's summary, with the hash of the bytes it was read from when the run keeps a cache. */
    private summaryOf(document: LangiumDocument): DocumentSummary {
        const summary = summarizeDocument(document);
        const hash = this.files.contentHashes?.get(document.uri.fsPath);
        return hash ? { ...summary, contentHash: hash } : summary;
    }

    /** Summaries of files checked elsewhere (other shards), by parsing alone. */
    summarize(files: readonly string[]): DocumentSummary[] {
        const { shared } = this.services;
        const summaries: DocumentSummary[] = [];
        for (const file of files) {
            let hash: string | undefined;
            const read = this.files.readText(file, undefined, this.options.cache ? bytes => { hash = contentHash(bytes); } : undefined);
            if ('text' in read) {
                const summary = summarizeDocument(shared.workspace.LangiumDocumentFactory.fromString(read.text, URI.file(file)));
                summaries.push(hash ? { ...summary, contentHash: hash } : summary);
            }
        }
        return summaries;
    }

    /**
     * Step 2: the workspace rules on the summaries of every member, then suppressions, giving each
     * checked file's final report. `summaries` must cover the whole workspace.
     */
    finish(checked: readonly CheckedFile[], summaries: readonly DocumentSummary[]): FileReport[] {
        const runner = this.services.Osa.osa.RuleRunner;
        const view = new WorkspaceView(summaries);
        const isRuleId = (id: string) => ruleById(id) !== undefined;
        return checked.map(file => {
            const summary = view.summaries.get(file.summary.uri) ?? file.summary;
            const all = [...file.diagnostics, ...runner.workspaceDiagnostics(summary, view)];
            const { kept, suppressed } = applySuppressions(all, file.summary.suppressions, isRuleId, this.locale);
            return {
                path: file.path,
                ...(file.records ? { records: file.records } : {}),
                diagnostics: kept.map(toReportedDiagnostic).sort(byPosition),
                suppressed: suppressed.map(toSuppressedDiagnostic).sort(byPosition)
            };
        });
    }
}

/** The path of the file a summary was made from. */
export function summaryPath(summary: DocumentSummary): string {
    return URI.parse(summary.uri).fsPath;
}

/** Validates the requested files of one workspace in this process. */
export async function validateWorkspace(root: string, requested: readonly string[], options: CheckOptions = {}): Promise<{ reports: FileReport[]; problems: InputProblem[] }> {
    const checker = new WorkspaceChecker(options);
    const plan = checker.plan(root, requested);
    if ('problem' in plan) {
        return { reports: [], problems: [plan.problem] };
    }
    const { checked, problems } = await checker.check(plan.workspace, plan.wanted);
    const others = checker.summarize(plan.others);
    return { reports: checker.finish(checked, [...checked.map(c => c.summary), ...others]), problems: [...plan.problems, ...problems] };
}
