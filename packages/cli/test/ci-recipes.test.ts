/**
 * The CI recipes of docs/ci.md, run as far as they can run here. Each recipe is the first fenced
 * block of its section: the YAML ones are read with a small block-YAML reader (no YAML library is
 * installed) and checked for the structure they need (install before validate, `if: always()` on the
 * upload, report paths that match), then their `osa` commands run in a shell against a copy of
 * examples/, with `npx osa` replaced by the repository's built CLI, and the SARIF / JUnit files they
 * write must exist and parse. The pre-commit hook is installed in a throwaway git repository and must
 * block a violating commit and let a clean one through.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAll, parseXml } from './formatters/xml.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const OSA = path.join(REPO, 'packages/cli/bin/osa.js');
const CI_PAGE = path.join(REPO, 'docs/ci.md');

const require = createRequire(import.meta.url);
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf-8')) as object);

// ---------------------------------------------------------------------------------------------
// Reading the page

/** The first ```<language> block under `## <heading>`, before the next `## ` heading. */
function recipe(heading: string, language: 'yaml' | 'sh'): string {
    const lines = fs.readFileSync(CI_PAGE, 'utf-8').split(/\r?\n/);
    const start = lines.findIndex(l => l.trim() === `## ${heading}`);
    expect(start, `a "## ${heading}" section in docs/ci.md`).toBeGreaterThanOrEqual(0);
    for (let i = start + 1; i < lines.length && !lines[i].startsWith('## '); i++) {
        if (lines[i].trim() === '```' + language) {
            const end = lines.findIndex((l, j) => j > i && l.trim() === '```');
            return lines.slice(i + 1, end).join('\n') + '\n';
        }
    }
    throw new Error(`no \`\`\`${language} block under "## ${heading}" in docs/ci.md`);
}

// ---------------------------------------------------------------------------------------------
// A block-YAML reader for the subset the recipes use: block mappings and sequences, `- key: value`
// items, plain / single / double-quoted scalars, flow sequences of scalars, `|` block scalars and
// comments. Every scalar is a string. Anything else is an error, so a recipe cannot drift into YAML
// this reader would misread.

type Yaml = string | Yaml[] | { [key: string]: Yaml };
type YamlMap = { [key: string]: Yaml };

function stripComment(line: string): string {
    let quote: string | undefined;
    for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quote) {
            if (ch === quote) {
                quote = undefined;
            }
        } else if (ch === '"' || ch === '\'') {
            quote = ch;
        } else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
            return line.slice(0, i);
        }
    }
    return line;
}

/** `key: value` split at the first `: ` (or final `:`) outside quotes and brackets. */
function splitKey(text: string): [string, string] | undefined {
    let quote: string | undefined;
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quote) {
            if (ch === quote) {
                quote = undefined;
            }
        } else if (ch === '"' || ch === '\'') {
            quote = ch;
        } else if (ch === '[' || ch === '{') {
            depth++;
        } else if (ch === ']' || ch === '}') {
            depth--;
        } else if (ch === ':' && depth === 0 && (i + 1 === text.length || text[i + 1] === ' ')) {
            return [unquote(text.slice(0, i).trim()), text.slice(i + 1).trim()];
        }
    }
    return undefined;
}

function unquote(text: string): string {
    if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) {
        return JSON.parse(text) as string;
    }
    if (text.startsWith('\'') && text.endsWith('\'') && text.length >= 2) {
        return text.slice(1, -1).replace(/''/g, '\'');
    }
    return text;
}

function scalar(text: string, fail: (message: string) => never): Yaml {
    if (text.startsWith('{')) {
        return fail('flow mappings are not supported');
    }
    if (text.startsWith('[')) {
        if (!text.endsWith(']')) {
            return fail('unterminated flow sequence');
        }
        const inner = text.slice(1, -1).trim();
        return inner === '' ? [] : inner.split(',').map(item => unquote(item.trim()));
    }
    if (text.startsWith('&') || text.startsWith('*') || text.startsWith('!')) {
        return fail('anchors, aliases and tags are not supported');
    }
    return unquote(text);
}

export function parseYaml(source: string): Yaml {
    const raw = source.split(/\r?\n/);
    let pos = 0;
    const fail = (message: string): never => {
        throw new Error(`YAML line ${pos + 1}: ${message}: ${JSON.stringify(raw[pos] ?? '')}`);
    };
    const isItem = (text: string) => text === '-' || text.startsWith('- ');
    /** The next line with content (skipping blanks and comments), without consuming it. */
    const peek = (): { indent: number; text: string } | undefined => {
        while (pos < raw.length) {
            if (raw[pos].includes('\t')) {
                fail('tabs are not allowed');
            }
            const text = stripComment(raw[pos]).trimEnd();
            if (text.trim() !== '') {
                return { indent: text.length - text.trimStart().length, text: text.trim() };
            }
            pos++;
        }
        return undefined;
    };
    const block = (): Yaml => {
        const line = peek()!;
        return isItem(line.text) ? sequence(line.indent) : mapping(line.indent);
    };
    /** The value of `key:` with nothing after it: an indented block, a sequence at the same indent, or empty. */
    const nested = (indent: number): Yaml => {
        const line = peek();
        if (line && line.indent > indent) {
            return block();
        }
        if (line && line.indent === indent && isItem(line.text)) {
            return sequence(indent);
        }
        return '';
    };
    const blockScalar = (indent: number, indicator: string): string => {
        if (indicator !== '|' && indicator !== '|-') {
            fail(`block scalar "${indicator}" is not supported`);
        }
        const body: string[] = [];
        while (pos < raw.length && (raw[pos].trim() === '' || raw[pos].length - raw[pos].trimStart().length > indent)) {
            body.push(raw[pos]);
            pos++;
        }
        while (body.length > 0 && body[body.length - 1].trim() === '') {
            body.pop();
        }
        const margin = Math.min(...body.filter(l => l.trim() !== '').map(l => l.length - l.trimStart().length));
        const text = body.map(l => l.slice(margin)).join('\n');
        return indicator === '|' ? text + '\n' : text;
    };
    const entry = (map: YamlMap, text: string, indent: number) => {
        const pair = splitKey(text) ?? fail('expected "key: value"');
        const [key, value] = pair;
        if (key in map) {
            fail(`duplicate key "${key}"`);
        }
        map[key] = value === '' ? nested(indent) : /^[|>]/.test(value) ? blockScalar(indent, value) : scalar(value, fail);
    };
    const mapping = (indent: number, first?: string): YamlMap => {
        const map: YamlMap = {};
        if (first !== undefined) {
            entry(map, first, indent);
        }
        for (let line = peek(); line && line.indent >= indent; line = peek()) {
            if (line.indent > indent) {
                fail('unexpected indentation');
            }
            if (isItem(line.text)) {
                break;
            }
            pos++;
            entry(map, line.text, indent);
        }
        return map;
    };
    const sequence = (indent: number): Yaml[] => {
        const items: Yaml[] = [];
        for (let line = peek(); line && line.indent === indent && isItem(line.text); line = peek()) {
            const rest = line.text.slice(1).trimStart();
            const restIndent = indent + line.text.length - rest.length;
            pos++;
            if (rest === '') {
                items.push(nested(indent));
            } else if (splitKey(rest) && !/^["']/.test(rest)) {
                items.push(mapping(restIndent, rest));
            } else {
                items.push(scalar(rest, fail));
            }
        }
        const after = peek();
        if (after && after.indent > indent) {
            fail('unexpected indentation');
        }
        return items;
    };
    const result = peek() ? block() : '';
    if (peek()) {
        fail('content after the document');
    }
    return result;
}

function asMap(value: Yaml | undefined, what: string): YamlMap {
    expect(value !== undefined && typeof value === 'object' && !Array.isArray(value), `${what} is a mapping`).toBe(true);
    return value as YamlMap;
}

function asList(value: Yaml | undefined, what: string): Yaml[] {
    expect(Array.isArray(value), `${what} is a sequence`).toBe(true);
    return value as Yaml[];
}

function asString(value: Yaml | undefined, what: string): string {
    expect(typeof value, `${what} is a scalar`).toBe('string');
    return value as string;
}

describe('the block-YAML reader', () => {
    it('reads the constructs the recipes use', () => {
        const doc = parseYaml([
            'name: x # comment',
            'on:',
            '  push:',
            '    branches: [main, "dev"]',
            'jobs:',
            '  a:',
            '    steps:',
            '      - uses: actions/checkout@v5',
            '      - name: run it',
            '        run: echo "a: b" # not a key',
            '        with:',
            '          k: \'v\'',
            '      - run: |',
            '          one',
            '            two # kept',
            '    script:',
            '    - npm ci',
            ''
        ].join('\n'));
        expect(doc).toEqual({
            name: 'x',
            on: { push: { branches: ['main', 'dev'] } },
            jobs: {
                a: {
                    steps: [
                        { uses: 'actions/checkout@v5' },
                        { name: 'run it', run: 'echo "a: b"', with: { k: 'v' } },
                        { run: 'one\n  two # kept\n' }
                    ],
                    script: ['npm ci']
                }
            }
        });
    });

    it('refuses what it does not understand', () => {
        expect(() => parseYaml('a: {b: c}\n')).toThrow(/flow mappings/);
        expect(() => parseYaml('a: b\n   c: d\n')).toThrow(/indentation/);
        expect(() => parseYaml('a: >\n  text\n')).toThrow(/block scalar/);
        expect(() => parseYaml('a: 1\na: 2\n')).toThrow(/duplicate key/);
    });
});

// ---------------------------------------------------------------------------------------------
// Running commands

let work: string;
let shim: string;

/** The environment of the commands: `osa` on PATH runs this repository's CLI; no git state leaks in. */
function env(): NodeJS.ProcessEnv {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_') && k !== 'FORCE_COLOR'));
    return { ...clean, PATH: `${shim}${path.delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1' };
}

function shell(command: string, cwd: string): SpawnSyncReturns<string> {
    return spawnSync('sh', ['-c', command], { cwd, env: env(), encoding: 'utf-8' });
}

function report(result: SpawnSyncReturns<string>): string {
    return `exit ${result.status}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

/** A recipe's shell line with `npx osa` made to run the repository's CLI (through the PATH shim). */
function localCommand(line: string): string {
    expect(line, 'the recipe runs osa through npx').toMatch(/(^|\s)npx osa\s/);
    return line.replace(/(^|\s)npx osa(?=\s)/g, '$1osa');
}

/** The value of `--name value` in a command line. */
function option(command: string, name: string): string {
    const match = new RegExp(`--${name}(?:=|\\s+)(\\S+)`).exec(command);
    expect(match, `--${name} in: ${command}`).not.toBeNull();
    return match![1];
}

beforeAll(() => {
    shim = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-shim-'));
    fs.writeFileSync(path.join(shim, 'osa'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(OSA)} "$@"\n`, { mode: 0o755 });
    // A checkout with this repository's examples, where the recipes' paths resolve.
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-ci-recipes-'));
    fs.cpSync(path.join(REPO, 'examples'), path.join(work, 'examples'), { recursive: true });
    fs.mkdirSync(path.join(work, '.git'));
});

afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(shim, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Reports

interface SarifLog {
    version: string;
    runs: {
        tool: { driver: { name: string } };
        invocations: { executionSuccessful: boolean }[];
        artifacts?: { location: { uri: string } }[];
        results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
    }[];
}

function readSarif(file: string): SarifLog {
    expect(fs.existsSync(file), `${file} was written`).toBe(true);
    const log = JSON.parse(fs.readFileSync(file, 'utf-8')) as SarifLog;
    expect(validateSarif(log) ? [] : validateSarif.errors, 'the SARIF log is valid SARIF 2.1.0').toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].tool.driver.name).toBe('osa');
    return log;
}

function resultKeys(log: SarifLog): string[] {
    return log.runs[0].results.map(r => {
        const location = r.locations[0].physicalLocation;
        return `${location.artifactLocation.uri}:${location.region.startLine} ${r.ruleId} ${r.level}`;
    }).sort();
}

const PROGRAMMES = fs.readdirSync(path.join(REPO, 'examples/programmes')).filter(f => f.endsWith('.osa')).map(f => `examples/programmes/${f}`).sort();

// ---------------------------------------------------------------------------------------------

describe('docs/ci.md', () => {
    it('documents the exit codes the CLI returns', () => {
        const page = fs.readFileSync(CI_PAGE, 'utf-8');
        for (const code of ['0', '1', '2']) {
            expect(page, `a row for exit code ${code}`).toMatch(new RegExp(`^\\| \`${code}\` \\|`, 'm'));
        }
        const run = (args: string) => shell(`osa validate ${args}`, work).status;
        expect(run('examples/programmes')).toBe(0);
        expect(run('examples/violations')).toBe(1);
        expect(run('examples/programmes --fail-level warning')).toBe(1);
        expect(run('examples/programmes --max-warnings 0')).toBe(1);
        expect(run('examples/programmes --fail-level nope')).toBe(2);
        expect(run('examples/no-such-folder')).toBe(2);
    });

    describe('GitHub Actions: code scanning', () => {
        const workflow = () => asMap(parseYaml(recipe('GitHub Actions: code scanning', 'yaml')), 'the workflow');
        const job = () => {
            const jobs = Object.values(asMap(workflow().jobs, 'jobs'));
            expect(jobs).toHaveLength(1);
            return asMap(jobs[0], 'the job');
        };
        const steps = () => asList(job().steps, 'steps').map((s, i) => asMap(s, `step ${i + 1}`));
        const validateStep = () => {
            const found = steps().filter(s => typeof s.run === 'string' && /\bosa validate\b/.test(s.run));
            expect(found, 'one step runs osa validate').toHaveLength(1);
            return found[0];
        };

        it('installs osa, validates to SARIF and uploads the log with if: always()', () => {
            const all = steps();
            expect(asMap(workflow().on, 'on'), 'runs on pull requests').toHaveProperty('pull_request');
            expect(asMap(job().permissions, 'job permissions')['security-events']).toBe('write');
            const setupNode = all.find(s => typeof s.uses === 'string' && s.uses.startsWith('actions/setup-node@'));
            expect(Number(asString(asMap(setupNode?.with, 'setup-node with')['node-version'], 'node-version'))).toBeGreaterThanOrEqual(20);
            const install = all.findIndex(s => s.run === 'npm ci' || s.run === 'npm install');
            const validate = all.findIndex(s => s.run === validateStep().run);
            expect(install, 'an install step').toBeGreaterThanOrEqual(0);
            expect(install).toBeLessThan(validate);
            const command = asString(validateStep().run, 'run');
            expect(option(command, 'format')).toBe('sarif');
            const uploads = all.filter(s => typeof s.uses === 'string' && s.uses.startsWith('github/codeql-action/upload-sarif@'));
            expect(uploads, 'one upload-sarif step').toHaveLength(1);
            const upload = uploads[0];
            expect(all.findIndex(s => s.uses === upload.uses)).toBeGreaterThan(validate);
            expect(asString(upload.if, 'the upload step\'s if').replace(/^\$\{\{\s*|\s*\}\}$/g, '')).toBe('always()');
            expect(asMap(upload.with, 'upload with').sarif_file).toBe(option(command, 'output'));
        });

        it('its osa command writes a valid SARIF log (exit 0 on the real programmes)', () => {
            const command = localCommand(asString(validateStep().run, 'run'));
            const output = path.join(work, option(command, 'output'));
            fs.rmSync(output, { force: true });
            const result = shell(command, work);
            expect(result.status, report(result)).toBe(0);
            const log = readSarif(output);
            expect(log.runs[0].invocations[0].executionSuccessful).toBe(true);
            expect(log.runs[0].artifacts?.map(a => a.location.uri).sort()).toEqual(PROGRAMMES);
            expect(log.runs[0].results.filter(r => r.level === 'error')).toEqual([]);
        });

        it('still writes the log when osa exits 1, which is what if: always() uploads', () => {
            const command = localCommand(asString(validateStep().run, 'run'));
            expect(command).toContain('examples/programmes');
            const failing = command.replace('examples/programmes', 'examples/violations');
            const output = path.join(work, option(command, 'output'));
            fs.rmSync(output, { force: true });
            const result = shell(failing, work);
            expect(result.status, report(result)).toBe(1);
            const log = readSarif(output);
            expect(log.runs[0].results.some(r => r.level === 'error')).toBe(true);
        });
    });

    describe('GitLab CI: JUnit report', () => {
        const job = () => {
            const jobs = Object.values(asMap(parseYaml(recipe('GitLab CI: JUnit report', 'yaml')), 'the pipeline'));
            expect(jobs).toHaveLength(1);
            return asMap(jobs[0], 'the job');
        };
        const command = () => {
            const found = asList(job().script, 'script').map(l => asString(l, 'a script line')).filter(l => /\bosa validate\b/.test(l));
            expect(found, 'one script line runs osa validate').toHaveLength(1);
            return found[0];
        };

        it('installs osa, validates to JUnit and reports the file even when the job fails', () => {
            const script = asList(job().script, 'script');
            const install = script.findIndex(l => l === 'npm ci' || l === 'npm install');
            expect(install, 'an install line').toBeGreaterThanOrEqual(0);
            expect(install).toBeLessThan(script.indexOf(command()));
            expect(asString(job().image, 'image')).toMatch(/^node:(\d+)/);
            expect(Number(/^node:(\d+)/.exec(asString(job().image, 'image'))![1])).toBeGreaterThanOrEqual(20);
            expect(option(command(), 'format')).toBe('junit');
            const artifacts = asMap(job().artifacts, 'artifacts');
            expect(artifacts.when).toBe('always');
            expect(asMap(artifacts.reports, 'artifacts.reports').junit).toBe(option(command(), 'output'));
        });

        it('its osa command writes a well-formed JUnit report (exit 0 on the real programmes)', () => {
            const line = localCommand(command());
            const output = path.join(work, option(line, 'output'));
            fs.rmSync(output, { force: true });
            const result = shell(line, work);
            expect(result.status, report(result)).toBe(0);
            expect(fs.existsSync(output), `${output} was written`).toBe(true);
            const root = parseXml(fs.readFileSync(output, 'utf-8'));
            expect(root.name).toBe('testsuites');
            expect(findAll(root, 'testsuite').map(s => s.attributes.name).sort()).toEqual(PROGRAMMES);
            expect(root.attributes.errors).toBe('0');
        });

        it('still writes the report when osa exits 1', () => {
            const line = localCommand(command()).replace('examples/programmes', 'examples/violations');
            const output = path.join(work, option(line, 'output'));
            fs.rmSync(output, { force: true });
            const result = shell(line, work);
            expect(result.status, report(result)).toBe(1);
            const root = parseXml(fs.readFileSync(output, 'utf-8'));
            expect(Number(root.attributes.failures)).toBeGreaterThan(0);
            expect(findAll(root, 'failure').some(f => f.attributes.type === 'error')).toBe(true);
        });
    });

    describe('Pre-commit hook', () => {
        const hook = () => recipe('Pre-commit hook', 'sh');
        let repo: string;

        const git = (...args: string[]) => {
            const result = spawnSync('git', args, { cwd: repo, env: env(), encoding: 'utf-8' });
            return result;
        };
        const commits = () => Number(git('rev-list', '--count', 'HEAD').stdout.trim());
        const copy = (from: string, to: string) => {
            fs.mkdirSync(path.dirname(path.join(repo, to)), { recursive: true });
            fs.copyFileSync(path.join(REPO, from), path.join(repo, to));
        };

        beforeAll(() => {
            repo = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-hook-'));
            git('init', '-q');
            git('config', 'user.name', 'OSA test');
            git('config', 'user.email', 'osa-test@example.invalid');
            git('config', 'commit.gpgsign', 'false');
            git('config', 'core.hooksPath', '.git/hooks');
            copy('examples/osa.config.json', 'osa.config.json');
            copy('examples/shared/templates.osa', 'shared/templates.osa');
            copy('examples/shared/budgets.osa', 'shared/budgets.osa');
            git('add', '-A');
            const initial = git('commit', '-q', '-m', 'workspace');
            expect(initial.status, report(initial)).toBe(0);
            fs.mkdirSync(path.join(repo, '.git/hooks'), { recursive: true });
            fs.writeFileSync(path.join(repo, '.git/hooks/pre-commit'), hook(), { mode: 0o755 });
        });

        afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

        it('is a plain sh script', () => {
            expect(hook().split('\n')[0]).toBe('#!/bin/sh');
            const check = spawnSync('sh', ['-n', '-c', hook()], { encoding: 'utf-8' });
            expect(check.status, check.stderr).toBe(0);
            expect(hook()).toMatch(/(^|\s)osa validate\b/m);
        });

        it('blocks the commit of a violating file, and lets a clean one through', () => {
            const before = commits();
            copy('examples/violations/OSA103-modality-not-grant.osa', 'programmes/loan.osa');
            git('add', '-A');
            const blocked = git('commit', '-m', 'a loan');
            expect(blocked.status, report(blocked)).not.toBe(0);
            expect(blocked.stdout + blocked.stderr).toContain('OSA103');
            expect(commits()).toBe(before);

            git('rm', '-q', '--cached', 'programmes/loan.osa');
            fs.rmSync(path.join(repo, 'programmes/loan.osa'));
            // A path with a space, to be sure the hook passes paths intact.
            copy('examples/programmes/OSA-FY2024-IDN.osa', 'programmes/patrol boats.osa');
            git('add', '-A');
            const committed = git('commit', '-m', 'patrol boats');
            expect(committed.status, report(committed)).toBe(0);
            expect(commits()).toBe(before + 1);
        });

        it('checks the staged content, not the working copy', () => {
            const before = commits();
            const file = path.join(repo, 'programmes/staged.osa');
            copy('examples/violations/OSA103-modality-not-grant.osa', 'programmes/staged.osa');
            git('add', 'programmes/staged.osa');
            // Fix the working copy without staging the fix: what would be committed still violates.
            fs.writeFileSync(file, fs.readFileSync(file, 'utf-8').replace(/modality loan/, 'modality grant'));
            const blocked = git('commit', '-m', 'staged loan');
            expect(blocked.status, report(blocked)).not.toBe(0);
            expect(commits()).toBe(before);

            // And the other way round: a clean staged file with an unstaged violation commits.
            git('add', 'programmes/staged.osa');
            fs.writeFileSync(file, fs.readFileSync(file, 'utf-8').replace(/modality grant/, 'modality loan'));
            const committed = git('commit', '-m', 'staged grant');
            expect(committed.status, report(committed)).toBe(0);
            expect(commits()).toBe(before + 1);
        });

        it('does nothing when no .osa file is staged', () => {
            fs.writeFileSync(path.join(repo, 'notes.txt'), 'minutes\n');
            git('add', 'notes.txt');
            const committed = git('commit', '-m', 'notes');
            expect(committed.status, report(committed)).toBe(0);
            expect(committed.stdout + committed.stderr).not.toMatch(/files? checked/);
        });
    });

    describe('Sharded matrix on GitHub Actions', () => {
        const job = () => {
            const jobs = Object.values(asMap(asMap(parseYaml(recipe('Sharded matrix on GitHub Actions', 'yaml')), 'the workflow').jobs, 'jobs'));
            expect(jobs).toHaveLength(1);
            return asMap(jobs[0], 'the job');
        };
        const steps = () => asList(job().steps, 'steps').map((s, i) => asMap(s, `step ${i + 1}`));
        const shards = () => asList(asMap(asMap(job().strategy, 'strategy').matrix, 'matrix').shard, 'matrix.shard').map(s => asString(s, 'a shard'));
        const command = () => {
            const found = steps().filter(s => typeof s.run === 'string' && /\bosa validate\b/.test(s.run));
            expect(found, 'one step runs osa validate').toHaveLength(1);
            return asString(found[0].run, 'run');
        };
        const forShard = (text: string, shard: string) => {
            const substituted = text.replace(/\$\{\{\s*matrix\.shard\s*\}\}/g, shard);
            expect(substituted, 'no other expressions').not.toContain('${{');
            return substituted;
        };

        it('runs one shard per matrix entry and uploads each under its own category', () => {
            const all = shards();
            expect(all).toEqual(all.map((_, i) => String(i + 1)));
            expect(command()).toMatch(/--shard \$\{\{ matrix\.shard \}\}\/(\d+)/);
            expect(Number(/--shard \$\{\{ matrix\.shard \}\}\/(\d+)/.exec(command())![1]), 'the /n of --shard equals the matrix size').toBe(all.length);
            expect(asMap(job().strategy, 'strategy')['fail-fast']).toBe('false');
            const install = steps().findIndex(s => s.run === 'npm ci' || s.run === 'npm install');
            expect(install, 'an install step').toBeGreaterThanOrEqual(0);
            const upload = steps().find(s => typeof s.uses === 'string' && s.uses.startsWith('github/codeql-action/upload-sarif@'));
            expect(upload, 'an upload-sarif step').toBeDefined();
            expect(asString(upload!.if, 'the upload step\'s if').replace(/^\$\{\{\s*|\s*\}\}$/g, '')).toBe('always()');
            const uploadWith = asMap(upload!.with, 'upload with');
            const output = option(forShard(command(), 'SHARD'), 'output');
            expect(output, 'one SARIF file per shard').toContain('SHARD');
            expect(forShard(asString(uploadWith.sarif_file, 'sarif_file'), 'SHARD')).toBe(output);
            expect(forShard(asString(uploadWith.category, 'category'), 'SHARD'), 'one category per shard').toContain('SHARD');
        });

        it('its shards write valid SARIF logs that split the files and together report what one run reports', () => {
            const files: string[] = [];
            const results: string[] = [];
            for (const shard of shards()) {
                const line = localCommand(forShard(command(), shard));
                const output = path.join(work, option(line, 'output'));
                fs.rmSync(output, { force: true });
                const result = shell(line, work);
                expect(result.status, `shard ${shard}: ${report(result)}`).toBe(0);
                const log = readSarif(output);
                files.push(...(log.runs[0].artifacts ?? []).map(a => a.location.uri));
                results.push(...resultKeys(log));
            }
            expect(files.sort(), 'every file in exactly one shard').toEqual(PROGRAMMES);
            const whole = localCommand(forShard(command(), 'all'))
                .replace(/\s--shard\s+\S+/, '');
            const output = path.join(work, option(whole, 'output'));
            const result = shell(whole, work);
            expect(result.status, report(result)).toBe(0);
            expect(results.sort()).toEqual(resultKeys(readSarif(output)));
        });
    });
});
