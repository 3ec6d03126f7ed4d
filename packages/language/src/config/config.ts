/**
 * `osa.config.json`: per-rule severities and path ignores, ignored files, and reference data added to
 * the shipped data. The file is validated against osa.config.schema.json (shipped for editors too);
 * an invalid file is an error naming the file and the JSON path, never silently half-applied.
 *
 * How settings combine (docs/configuration.md has the table): a rule configured "off", or `ignore`d
 * for a path, does not run there at all. Otherwise a finding takes the configured severity (else the
 * rule's default), then a justified `exception` in the programme sets the severity its rule defines
 * for recorded decisions; last, an inline `osa-disable` comment with a reason moves it to the
 * suppressed list.
 */
import * as path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import picomatch from 'picomatch';
import type { DacListData, DatedDesignation, Embargo, ReferenceDataSet } from '../reference/types.js';
import { MAX_CONFIG_BYTES, MAX_DATA_BYTES, type ReadOptions } from '../io/text.js';
// The disk on Node; the playground's bundle swaps in its in-memory workspace (io/memory-host.ts).
import { hostFiles } from '../io/node-host.js';
import { BUILT_IN_TERMS, type Terms } from '../vocabulary.js';
import { termsFromConfig, type VocabularySettings } from './config-vocabulary.js';
import validateConfigSchema from './generated/config-schema-validator.js';
import { checkDateMessage } from '../engine/check-date.js';
import type { Locale } from '../i18n/locale.js';
import { localize } from '../i18n/localize.js';
import { msg, type Message } from '../i18n/message.js';

export const CONFIG_FILE_NAME = 'osa.config.json';

export type SeveritySetting = 'off' | 'info' | 'warning' | 'error';

export interface RuleSettingObject {
    severity?: SeveritySetting;
    ignore?: string[];
}

/** The file's contents, as the schema describes them. */
export interface OsaConfigFile {
    $schema?: string;
    rules?: Record<string, SeveritySetting | RuleSettingObject>;
    ignore?: string[];
    /** The check date (YYYY-MM-DD) for the workspace's files, instead of today. */
    asOf?: string;
    referenceData?: {
        inCombat?: DatedDesignation[];
        conflictParties?: DatedDesignation[];
        embargoes?: Embargo[];
        dacList?: string;
    };
    vocabulary?: VocabularySettings;
}

/**
 * An invalid configuration, naming the file and the JSON path. `message` and `detail` are English (logs, callers
 * that do not localise); `text` and `detailMessage` are the same as catalogue messages, `messageIn(locale)` renders.
 */
export class ConfigError extends Error {
    /** What is wrong, without the file and path, in English. */
    readonly detail: string;

    constructor(readonly file: string, readonly jsonPath: string, readonly detailMessage: Message) {
        super(localize(configErrorText(file, jsonPath, detailMessage), 'en'));
        this.detail = localize(detailMessage, 'en');
    }

    /** The whole error as a message: "<file> at <path>: <detail>". */
    get text(): Message {
        return configErrorText(this.file, this.jsonPath, this.detailMessage);
    }

    messageIn(locale: Locale): string {
        return localize(this.text, locale);
    }
}

function configErrorText(file: string, jsonPath: string, detail: Message): Message {
    return jsonPath ? msg('config.error.at', { file, path: jsonPath, detail }) : msg('config.error', { file, detail });
}

/** Settings that apply to the files of one workspace. */
export class ResolvedConfig {
    private readonly fileIgnore: (relative: string) => boolean;
    private readonly ruleIgnores = new Map<string, (relative: string) => boolean>();
    private readonly severities = new Map<string, SeveritySetting>();

    constructor(
        /** The folder globs are relative to: the config file's folder, or the workspace root. */
        readonly root: string,
        /** The config file in effect; undefined when only defaults apply. */
        readonly file: string | undefined,
        readonly contents: OsaConfigFile,
        readonly referenceData: ReferenceDataSet,
        /** The terms in force: the built-in ones, plus those the config's `vocabulary` adds. */
        readonly terms: Terms = BUILT_IN_TERMS
    ) {
        this.fileIgnore = matcher(contents.ignore ?? []);
        for (const [id, setting] of Object.entries(contents.rules ?? {})) {
            const severity = typeof setting === 'string' ? setting : setting.severity;
            if (severity) {
                this.severities.set(id, severity);
            }
            if (typeof setting === 'object' && setting.ignore?.length) {
                this.ruleIgnores.set(id, matcher(setting.ignore));
            }
        }
    }

    /** The configured severity of a rule, undefined when it keeps its default. */
    severityOf(ruleId: string): SeveritySetting | undefined {
        return this.severities.get(ruleId);
    }

    isFileIgnored(file: string): boolean {
        if (!this.contents.ignore?.length) {
            return false;
        }
        const relative = this.relative(file);
        return relative !== undefined && this.fileIgnore(relative);
    }

    isRuleIgnored(ruleId: string, file: string): boolean {
        const ignored = this.ruleIgnores.get(ruleId);
        if (!ignored) {
            return false;
        }
        const relative = this.relative(file);
        return relative !== undefined && ignored(relative);
    }

    /** True when some rule is configured off or ignored for some paths (callers can skip per-rule checks otherwise). */
    get narrowsRules(): boolean {
        return this.ruleIgnores.size > 0 || [...this.severities.values()].includes('off');
    }

    private relative(file: string): string | undefined {
        const relative = path.relative(this.root, file);
        return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative.split(path.sep).join('/');
    }
}

function matcher(globs: readonly string[]): (relative: string) => boolean {
    if (globs.length === 0) {
        return () => false;
    }
    // A glob naming a folder ignores what is inside it, as `drafts` or `drafts/` users expect.
    const patterns = globs.flatMap(g => [g, `${g.replace(/\/+$/, '')}/**`]);
    return picomatch(patterns, { dot: true });
}

// Compiled from osa.config.schema.json at build time (scripts/compile-config-schema.mjs): no schema compile at start-up.
const validator = validateConfigSchema as unknown as ValidateFunction;

function validateAgainstSchema(file: string, value: unknown): void {
    if (!validator(value)) {
        const error = mostSpecificError(validator.errors ?? []);
        throw new ConfigError(file, toJsonPath(error), describe(error));
    }
}

type SchemaError = ErrorObject & { propertyName?: string };

function mostSpecificError(errors: SchemaError[]): SchemaError {
    // A bad property name says most; otherwise the deepest path (anyOf branches give one error each).
    const depth = (e: SchemaError) => e.instancePath.split('/').length + (e.propertyName ? 1 : 0);
    return [...errors].sort((a, b) => depth(b) - depth(a))[0];
}

function toJsonPath(error: SchemaError): string {
    const segments = error.instancePath.split('/').slice(1).map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (error.propertyName) {
        segments.push(error.propertyName);
    }
    if (error.keyword === 'additionalProperties') {
        segments.push(String(error.params.additionalProperty));
    }
    return segments.reduce((p, s) => /^\d+$/.test(s) ? `${p}[${s}]` : `${p}${p ? '.' : ''}${s}`, '');
}

/**
 * What a schema error means, as a message. The keywords the schema uses each have their text; ajv's own English
 * is the last resort (`config.schema.other` names the keyword). Names and values from the file stay parameters.
 */
function describe(error: SchemaError): Message {
    if (error.propertyName !== undefined && error.instancePath.startsWith('/vocabulary/')) {
        return msg('config.schema.termName', { name: shownName(error.propertyName) });
    }
    if (error.propertyName) {
        return msg('config.schema.notRuleId', { name: error.propertyName });
    }
    switch (error.keyword) {
        case 'additionalProperties':
            return error.instancePath === '/vocabulary'
                ? msg('config.schema.vocabularyFixed', { name: shownName(String(error.params.additionalProperty)) })
                : msg('config.schema.unknownSetting', { name: String(error.params.additionalProperty) });
        case 'enum':
            // Joined here, not as a list: the values are JSON, the same in every locale.
            return msg('config.schema.enum', { values: (error.params.allowedValues as unknown[]).map(v => JSON.stringify(v)).join(', ') });
        case 'pattern':
            if (error.instancePath === '/asOf') {
                return msg('config.schema.asOf');
            }
            return error.instancePath.endsWith('/description') ? msg('config.schema.description') : msg('config.schema.pattern', { pattern: String(error.params.pattern) });
        case 'maxProperties':
            return msg('config.schema.maxProperties', { limit: Number(error.params.limit) });
        case 'anyOf':
            return msg('config.schema.severity');
        case 'type':
            return msg('config.schema.type', { type: String(error.params.type) });
        case 'required':
            return msg('config.schema.required', { name: String(error.params.missingProperty) });
        case 'minItems':
        case 'minLength':
        case 'maxLength':
            return msg(`config.schema.${error.keyword}`, { limit: Number(error.params.limit) });
        default:
            return msg('config.schema.other', { keyword: error.keyword });
    }
}

/** A name from the file, quoted and cut short: it may be long or hold control characters. */
function shownName(name: string): string {
    const quoted = JSON.stringify(name);
    return quoted.length > 70 ? `${quoted.slice(0, 66)}…"` : quoted;
}

/**
 * The nearest osa.config.json from `dir` upward, stopping at the repository root (a folder with .git).
 * Answers are cached per folder for a short while: a run asks once per file, and files share folders.
 */
export function findConfigFile(dir: string): string | undefined {
    const start = path.resolve(dir);
    const now = Date.now();
    const cached = configLookups.get(start);
    if (cached && now - cached.at < LOOKUP_TTL_MS) {
        return cached.file;
    }
    let current = start;
    let file: string | undefined;
    for (;;) {
        const candidate = path.join(current, CONFIG_FILE_NAME);
        if (hostFiles.exists(candidate)) {
            file = candidate;
            break;
        }
        const parent = path.dirname(current);
        if (parent === current || hostFiles.exists(path.join(current, '.git'))) {
            break;
        }
        current = parent;
    }
    configLookups.set(start, { file, at: now });
    return file;
}

/** Forgets cached look-ups, e.g. when the editor reports that a config file was created or deleted. */
export function forgetConfigLookups(): void {
    configLookups.clear();
}

/** Long enough to serve a whole CLI run, short enough that an editor notices a new config file. */
const LOOKUP_TTL_MS = 2000;
const configLookups = new Map<string, { file: string | undefined; at: number }>();

export interface LoadOptions {
    /**
     * The workspace is trusted: the configuration may name data files outside its folder, and links
     * may lead anywhere. Untrusted (the default), nothing outside the configuration's folder is read.
     */
    trusted?: boolean;
    /** The user named this file (`--config`): it is read wherever it is, links included. */
    explicit?: boolean;
}

/**
 * Reads a configuration or data file through safe-read; what cannot be read (not a regular file,
 * too large, binary, not UTF-8, a link leading out) is a ConfigError at `jsonPath`.
 */
function readJsonText(file: string, options: ReadOptions, configFile: string, jsonPath: string): string {
    const read = hostFiles.readText(file, options);
    const own = file === configFile;
    if ('problem' in read) {
        throw new ConfigError(configFile, jsonPath, own ? msg('config.cannotReadConfig', { problem: read.detail }) : msg('config.cannotReadFile', { file, problem: read.detail }));
    }
    if (read.invalid) {
        const at = { line: read.invalid.line, column: read.invalid.column };
        throw new ConfigError(configFile, jsonPath, own ? msg('config.invalidUtf8Config', at) : msg('config.invalidUtf8File', { file, ...at }));
    }
    return read.text;
}

/** Reads, validates and resolves a config file; throws ConfigError naming the file and JSON path. */
export function loadConfig(file: string, base: ReferenceDataSet, options: LoadOptions = {}): ResolvedConfig {
    const root = path.dirname(path.resolve(file));
    const text = readJsonText(file, { maxBytes: MAX_CONFIG_BYTES, within: options.trusted || options.explicit ? 'anywhere' : root }, file, '');
    let contents: unknown;
    try {
        contents = JSON.parse(text);
    } catch (error) {
        throw new ConfigError(file, '', msg('config.notJson', { error: (error as Error).message }));
    }
    validateAgainstSchema(file, contents);
    const config = contents as OsaConfigFile;
    // The schema checks the form; whether the day exists (2026-02-30) is checked here.
    const asOfProblem = config.asOf === undefined ? undefined : checkDateMessage(config.asOf);
    if (asOfProblem) {
        throw new ConfigError(file, 'asOf', msg('config.asOf', { problem: asOfProblem }));
    }
    const terms = termsFromConfig(path.resolve(file), config.vocabulary);
    return new ResolvedConfig(root, path.resolve(file), config, extendReferenceData(base, config, root, file, options.trusted === true), terms);
}

/**
 * Where a data file named in a configuration is: relative to the configuration's folder, which it may
 * not leave unless the workspace is trusted (an untrusted repository must not make the tool read, and
 * echo parts of, files elsewhere on the machine).
 */
export function resolveDataFile(root: string, given: string, trusted: boolean): { file: string } | { refused: string; refusal: Message } {
    const file = path.resolve(root, given);
    if (trusted) {
        return { file };
    }
    const refused = (refusal: Message) => ({ refused: localize(refusal, 'en'), refusal });
    if (path.isAbsolute(given)) {
        return refused(msg('config.dataAbsolute', { given }));
    }
    const relative = path.relative(root, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
        return refused(msg('config.dataOutside', { given }));
    }
    return { file };
}

export function defaultConfig(root: string, base: ReferenceDataSet): ResolvedConfig {
    return new ResolvedConfig(root, undefined, {}, base);
}

/** The shipped data with the config's entries added; a DAC list file adds or replaces editions by id. */
function extendReferenceData(base: ReferenceDataSet, config: OsaConfigFile, root: string, file: string, trusted: boolean): ReferenceDataSet {
    const extra = config.referenceData;
    if (!extra) {
        return base;
    }
    let dacList = base.dacList;
    if (extra.dacList) {
        const resolved = resolveDataFile(root, extra.dacList, trusted);
        if ('refused' in resolved) {
            throw new ConfigError(file, 'referenceData.dacList', resolved.refusal);
        }
        const dacFile = resolved.file;
        const text = readJsonText(dacFile, { maxBytes: MAX_DATA_BYTES, within: trusted ? 'anywhere' : root }, file, 'referenceData.dacList');
        let added: DacListData;
        try {
            added = JSON.parse(text) as DacListData;
        } catch (error) {
            throw new ConfigError(file, 'referenceData.dacList', msg('config.dacNotJson', { file: dacFile, error: (error as Error).message }));
        }
        if (typeof added !== 'object' || added === null || !Array.isArray(added.editions)
            || added.editions.some(e => typeof e !== 'object' || e === null || !e.id || !e.effectiveFrom || !e.effectiveTo || !Array.isArray(e.recipients))) {
            throw new ConfigError(file, 'referenceData.dacList', msg('config.dacShape', { file: dacFile }));
        }
        const ids = new Set(added.editions.map(e => e.id));
        dacList = {
            ...base.dacList,
            editions: [...base.dacList.editions.filter(e => !ids.has(e.id)), ...added.editions],
            graduations: [...base.dacList.graduations, ...(added.graduations ?? [])]
        };
    }
    return {
        ...base,
        dacList,
        conflictParties: { ...base.conflictParties, entries: [...base.conflictParties.entries, ...(extra.conflictParties ?? []).map(withUntil)] },
        inCombat: { ...base.inCombat, entries: [...base.inCombat.entries, ...(extra.inCombat ?? []).map(withUntil)] },
        embargoes: { ...base.embargoes, embargoes: [...base.embargoes.embargoes, ...(extra.embargoes ?? [])] }
    };
}

function withUntil(entry: DatedDesignation): DatedDesignation {
    return { ...entry, until: entry.until ?? null };
}
