// The fuzz harness: checks one mutated example through the CLI's route and the editor's route, in
// this process, against the properties every input must keep (see `check`). It runs on the built
// packages (packages/*/out), so `npm run build` first.
//
// Each case runs in a small real workspace on disk: the example's own osa.config.json, the files of
// its workspace that others refer to (the engine's own notion of definitions), and the mutant at the
// example's path. The CLI route is `validatePaths` + the json formatter, exactly as `osa validate
// --format json` runs them; the editor route is the language server's services with every file of
// the workspace open, updated as on a didChange. Both are built once and reused across cases. A third
// route runs the CLI's with `--cache` (filling the cache, then reading it): its report must be the same.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { TextDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import {
    ALL_RULES, byPosition, collectOsaFiles, findWorkspaceRoot, listWorkspace, toReportedDiagnostic, WorkspaceChecker
} from '@osa-policy/language';
import { createOsaLspServices } from '@osa-policy/language/lsp';
import { validatePaths } from '../out/commands/validate.js';
import { FORMATTERS } from '../out/formatters/index.js';
import { tokenize } from './lexer.mjs';

/** Text that only a crash inside the engine produces (ours and Langium's wording). */
export const INTERNAL_ERROR = /internal error|rule failed|failed on this file|report this as a bug|an error occurred (during|while)/i;

const FORMAT_OPTIONS = { tabSize: 4, insertSpaces: true };

/** The AST without positions, CST links and containers: what the parser made of the text. */
export function astShape(value) {
    if (Array.isArray(value)) {
        return value.map(astShape);
    }
    if (value && typeof value === 'object') {
        if ('$refText' in value) {
            return { $ref: value.$refText };
        }
        return Object.fromEntries(Object.entries(value)
            .filter(([key]) => !key.startsWith('$') || key === '$type')
            .map(([key, v]) => [key, astShape(v)]));
    }
    return value;
}

const withoutPositions = diagnostics => diagnostics.map(d => `${d.rule} ${d.severity} ${d.message}`).sort();

/**
 * A violation: what broke (`message`, for people) and its kind (`signature`: no file names, positions
 * or numbers), so that a campaign reports each distinct bug once however many cases hit it.
 * @typedef {{ signature: string, message: string }} Violation
 */

const normalized = text => text.replace(/\b\d+\b/g, 'N');

/** The signature of an internal-error message, wherever it was reported. */
export function internalErrorSignature(message) {
    return `internal error: ${normalized(message)}`;
}

function internal(route, file, message) {
    return { signature: internalErrorSignature(message), message: `internal error in the ${route} on ${file}: ${message}` };
}

function thrown(what, error) {
    const first = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { signature: `${what}: ${normalized(first)}`, message: `${what}: ${error?.stack ?? error}` };
}

/** The findings only one of two lists has (or both lists, when they differ in order only). */
function difference(nameA, a, nameB, b) {
    const key = d => JSON.stringify(d);
    const inA = new Set(a.map(key));
    const inB = new Set(b.map(key));
    const onlyA = a.filter(d => !inB.has(key(d)));
    const onlyB = b.filter(d => !inA.has(key(d)));
    if (onlyA.length === 0 && onlyB.length === 0) {
        return `  same findings in another order:\n  ${nameA}: ${key(a)}\n  ${nameB}: ${key(b)}`;
    }
    return [...onlyA.map(d => `  only ${nameA}: ${key(d)}`), ...onlyB.map(d => `  only ${nameB}: ${key(d)}`)].join('\n');
}

/** The rules whose findings differ between two lists (for telling apart kinds of disagreement). */
function differingRules(a, b) {
    const key = d => typeof d === 'string' ? d : JSON.stringify(d);
    const rule = d => typeof d === 'string' ? d.split(' ')[0] : d.rule;
    const inA = new Set(a.map(key));
    const inB = new Set(b.map(key));
    const rules = new Set([...a.filter(d => !inB.has(key(d))), ...b.filter(d => !inA.has(key(d)))].map(rule));
    return [...rules].sort().join(', ') || 'order';
}

/** The summary a json report should have: its files, and the findings it lists, counted. */
export function countedSummary(json) {
    const all = json.files.flatMap(f => f.diagnostics);
    return {
        files: json.files.length,
        errors: all.filter(d => d.severity === 'error').length,
        warnings: all.filter(d => d.severity === 'warning').length,
        infos: all.filter(d => d.severity === 'info').length,
        suppressed: json.files.reduce((n, f) => n + f.suppressed.length, 0)
    };
}

/** Every example file with the workspace it belongs to: the fuzzer's corpus. */
export function loadCorpus(examples) {
    return collectOsaFiles(examples).map(file => {
        const root = findWorkspaceRoot(file, examples);
        return { name: path.relative(examples, file).split(path.sep).join('/'), file, root, relative: path.relative(root, file), text: fs.readFileSync(file, 'utf-8') };
    });
}

export class FuzzHarness {
    /** @param {ReturnType<typeof loadCorpus>} corpus */
    constructor(corpus) {
        this.corpus = corpus;
        this.base = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-fuzz-'));
        this.checker = new WorkspaceChecker({});
        // The cache route: `osa validate --cache`, with a cache that every earlier case has filled.
        this.cachingChecker = new WorkspaceChecker({ cache: true });
        this.cacheFile = path.join(this.base, 'results.osacache');
        this.editor = createOsaLspServices({ ...NodeFileSystem, connection: undefined });
        this.versions = new Map();
        /** One scratch workspace per workspace of the examples: its config and its definitions. */
        this.workspaces = new Map();
        for (const root of new Set(corpus.map(entry => entry.root))) {
            const dir = path.join(this.base, `ws${this.workspaces.size}`);
            fs.mkdirSync(dir);
            const configFile = path.join(root, 'osa.config.json');
            if (fs.existsSync(configFile)) {
                fs.copyFileSync(configFile, path.join(dir, 'osa.config.json'));
            }
            const definitions = new Map(listWorkspace(root, this.checker.configAt(root), []).definitions
                .map(file => [path.relative(root, file), fs.readFileSync(file, 'utf-8')]));
            this.workspaces.set(root, { dir, definitions });
        }
    }

    async start() {
        for (const { dir, definitions } of this.workspaces.values()) {
            for (const [relative, text] of definitions) {
                this.writeFile(path.join(dir, relative), text);
            }
        }
        await this.editor.shared.workspace.DocumentBuilder.update([...this.versions.keys()].map(f => URI.file(f)), []);
    }

    dispose() {
        fs.rmSync(this.base, { recursive: true, force: true });
    }

    /** Writes a file of a scratch workspace and opens (or changes) it in the editor. */
    writeFile(file, text) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        const version = (this.versions.get(file) ?? 0) + 1;
        this.versions.set(file, version);
        this.editor.shared.workspace.TextDocuments.set(TextDocument.create(URI.file(file).toString(), 'osa', version, text));
    }

    /** Removes a file of a scratch workspace, as when it is closed and deleted. */
    removeFile(file) {
        fs.rmSync(file, { force: true });
        this.versions.delete(file);
        this.editor.shared.workspace.TextDocuments.delete(URI.file(file).toString());
    }

    /** The editor's findings of a file, as the CLI reports them. */
    editorDiagnostics(file) {
        const document = this.editor.shared.workspace.LangiumDocuments.getDocument(URI.file(file));
        return (document?.diagnostics ?? []).map(toReportedDiagnostic).sort(byPosition);
    }

    /**
     * Checks the properties on one text standing in for the example `entry`. Returns the violations
     * found (empty when all hold); throws only when the harness itself fails. With `edit`, the text
     * replaces the original opened first (a user editing a file); else it arrives as a new file
     * (files that others refer to are always there, so for them it is always an edit).
     * @returns {Promise<Violation[]>}
     */
    async check(entry, text, { edit = false } = {}) {
        const { dir, definitions } = this.workspaces.get(entry.root);
        const target = path.join(dir, entry.relative);
        const files = [...new Set([...definitions.keys(), entry.relative])].map(r => path.join(dir, r));
        const violations = [];
        const builder = this.editor.shared.workspace.DocumentBuilder;
        if (edit && !definitions.has(entry.relative)) {
            this.writeFile(target, entry.text);
            await builder.update([URI.file(target)], []);
        }
        this.writeFile(target, text);
        /** What the last case exercised: whether the mutant parsed without syntax errors (the formatter's deeper checks need that). */
        this.last = { parsedCleanly: false };
        try {
            // Editor route: the change as the server applies it.
            try {
                await builder.update([URI.file(target)], []);
            } catch (error) {
                violations.push(thrown("the editor's update threw", error));
            }
            // CLI route.
            let run;
            try {
                run = await validatePaths([dir], { jobs: 1, checker: this.checker }, dir);
            } catch (error) {
                violations.push(thrown("the CLI's validation threw", error));
            }
            if (run) {
                this.checkCache(run, dir, violations, await this.cachedRuns(dir, violations));
                this.checkReport(run, dir, files, violations);
                for (const report of run.reports) {
                    const editor = this.editorDiagnostics(report.path);
                    if (!isDeepStrictEqual(editor, report.diagnostics)) {
                        violations.push({
                            signature: `CLI and editor disagree on ${differingRules(editor, report.diagnostics)}`,
                            message: `CLI and editor disagree on ${path.relative(dir, report.path)}:\n${difference('CLI', report.diagnostics, 'editor', editor)}`
                        });
                    }
                }
            }
            for (const file of files) {
                for (const d of this.editorDiagnostics(file)) {
                    if (INTERNAL_ERROR.test(d.message)) {
                        violations.push(internal('editor', path.relative(dir, file), d.message));
                    }
                }
            }
            await this.checkFormatter(target, files, dir, violations);
        } finally {
            // Back to the workspace's baseline, so that the next case does not depend on this one.
            if (definitions.has(entry.relative)) {
                this.writeFile(target, definitions.get(entry.relative));
                await builder.update([URI.file(target)], []);
            } else {
                this.removeFile(target);
                await builder.update([], [URI.file(target)]);
            }
        }
        return violations;
    }

    /** The CLI route through the result cache, twice: the first run stores what it misses, the second reads it. */
    async cachedRuns(dir, violations) {
        const runs = [];
        try {
            for (let i = 0; i < 2; i++) {
                runs.push(await validatePaths([dir], { jobs: 1, checker: this.cachingChecker, cacheFile: this.cacheFile }, dir));
            }
        } catch (error) {
            violations.push(thrown('the validation with --cache threw', error));
        }
        return runs;
    }

    /** A run with the cache reports exactly what the run without it reports (the json report, problems included). */
    checkCache(run, dir, violations, cachedRuns) {
        const context = { version: '0.0.0-fuzz', cwd: dir, rules: ALL_RULES, color: false };
        const expected = FORMATTERS.json(run, context);
        for (const [i, cached] of cachedRuns.entries()) {
            const actual = FORMATTERS.json(cached, context);
            if (actual !== expected) {
                violations.push({
                    signature: `the ${i === 0 ? 'cold' : 'warm'} cache changed the report`,
                    message: `validation with --cache (${i === 0 ? 'filling' : 'reading'} it) differs from validation without it:\n  without: ${expected}\n  with:    ${actual}`
                });
            }
        }
    }

    /** The CLI's report: no internal error, every file accounted for, valid JSON whose summary adds up, every format renders. */
    checkReport(run, dir, files, violations) {
        for (const report of run.reports) {
            for (const d of [...report.diagnostics, ...report.suppressed]) {
                if (INTERNAL_ERROR.test(d.message)) {
                    violations.push(internal('CLI', path.relative(dir, report.path), d.message));
                }
            }
        }
        for (const problem of run.problems) {
            if (INTERNAL_ERROR.test(problem.message)) {
                violations.push(internal('CLI', path.relative(dir, problem.path), problem.message));
            }
        }
        const context = { version: '0.0.0-fuzz', cwd: dir, rules: ALL_RULES, color: false };
        let json;
        try {
            json = JSON.parse(FORMATTERS.json(run, context));
        } catch (error) {
            violations.push({ signature: 'the json report is not valid JSON', message: `the json report is not valid JSON: ${error}` });
            return;
        }
        for (const file of files) {
            const shown = path.relative(dir, file).split(path.sep).join('/');
            if (!json.files.some(f => f.path === shown) && !json.errors.some(e => e.path === shown)) {
                violations.push({ signature: 'a file is missing from the json report', message: `${shown} is missing from the json report (neither in files nor in errors)` });
            }
        }
        const counted = countedSummary(json);
        if (!isDeepStrictEqual(json.summary, counted)) {
            violations.push({ signature: 'the json summary does not add up', message: `the json summary ${JSON.stringify(json.summary)} does not match the diagnostics listed ${JSON.stringify(counted)}` });
        }
        for (const [name, format] of Object.entries(FORMATTERS)) {
            try {
                const output = format(run, context);
                if (name === 'sarif') {
                    JSON.parse(output);
                }
            } catch (error) {
                violations.push(thrown(`the ${name} format failed`, error));
            }
        }
    }

    /**
     * The formatter: formatting twice changes nothing, and on a text without syntax errors the
     * formatted text parses to the same AST and gets the same findings (positions aside).
     */
    async checkFormatter(target, files, dir, violations) {
        const { shared, Osa } = this.editor;
        const document = shared.workspace.LangiumDocuments.getDocument(URI.file(target));
        const format = async doc => TextDocument.applyEdits(doc.textDocument,
            await Osa.lsp.Formatter.formatDocument(doc, { textDocument: { uri: doc.uri.toString() }, options: FORMAT_OPTIONS }));
        const scratch = text => shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join(this.base, 'scratch.osa')));
        let once;
        let twice;
        try {
            once = await format(document);
            twice = await format(scratch(once));
        } catch (error) {
            violations.push(thrown('the formatter threw', error));
            return;
        }
        if (twice !== once) {
            violations.push({ signature: 'formatting is not idempotent', message: `formatting is not idempotent:\n  once:  ${JSON.stringify(once)}\n  twice: ${JSON.stringify(twice)}` });
        }
        const { lexerErrors, parserErrors } = document.parseResult;
        this.last.parsedCleanly = lexerErrors.length === 0 && parserErrors.length === 0;
        if (lexerErrors.length > 0 || parserErrors.length > 0 || once === document.textDocument.getText()) {
            return;
        }
        const formatted = scratch(once);
        if (formatted.parseResult.lexerErrors.length > 0 || formatted.parseResult.parserErrors.length > 0) {
            violations.push({ signature: 'the formatted text has syntax errors', message: `the formatted text has syntax errors: ${[...formatted.parseResult.lexerErrors, ...formatted.parseResult.parserErrors].map(e => e.message).join('; ')}` });
            return;
        }
        if (!isDeepStrictEqual(astShape(formatted.parseResult.value), astShape(document.parseResult.value))) {
            violations.push({ signature: 'formatting changed the syntax tree', message: `formatting changed the syntax tree; formatted text: ${JSON.stringify(once)}` });
        }
        const before = files.map(f => withoutPositions(this.editorDiagnostics(f)));
        this.writeFile(target, once);
        await shared.workspace.DocumentBuilder.update([URI.file(target)], []);
        const after = files.map(f => withoutPositions(this.editorDiagnostics(f)));
        files.forEach((file, i) => {
            if (!isDeepStrictEqual(before[i], after[i])) {
                violations.push({
                    signature: `formatting changed the findings of ${differingRules(before[i], after[i])}`,
                    message: `formatting changed the findings of ${path.relative(dir, file)}:\n${difference('before', before[i], 'after', after[i])}`
                });
            }
        });
    }
}

/** What a counterexample is: where it came from, how it was mutated, and what broke (the text goes in its own .osa file). */
export function describeCounterexample(entry, fuzzCase, violations, seed) {
    const { mutations, edit } = fuzzCase;
    return [
        `fuzz counterexample (seed ${seed}): ${entry.name} with ${mutations.length} mutation(s), ${edit ? 'as an edit of the open original (--edit)' : 'as a new file'}`,
        ...mutations.map(m => `  ${JSON.stringify(m)}`),
        'violations:',
        ...violations.map(v => `  ${v.message.length > 3000 ? `${v.message.slice(0, 3000)}…` : v.message}`)
    ].join('\n');
}

/**
 * Makes a failing text smaller while it still shows a violation with `signature`: removes chunks of
 * lines, then chunks of tokens, halving the chunk size when nothing more can go (greedy delta
 * debugging). fast-check shrinks the mutations; this shrinks the example around them. `budget`
 * bounds the number of checks.
 */
export async function minimize(harness, entry, text, signature, budget = 3000, options = {}) {
    let checks = 0;
    const fails = async candidate => {
        checks++;
        return (await harness.check(entry, candidate, options)).some(v => v.signature === signature);
    };
    let current = text;
    for (const split of [t => t.split(/(?<=\n)/), t => tokenize(t).map(token => token.text)]) {
        let units = split(current);
        for (let size = Math.max(1, units.length >> 1); size >= 1 && checks < budget; size = size === 1 ? 0 : Math.max(1, size >> 1)) {
            for (let start = 0; start < units.length && checks < budget;) {
                const candidate = [...units.slice(0, start), ...units.slice(start + size)];
                if (await fails(candidate.join(''))) {
                    units = candidate;
                } else {
                    start += size;
                }
            }
        }
        current = units.join('');
    }
    return { text: current, checks };
}
