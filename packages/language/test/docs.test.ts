/**
 * The rule documentation in docs/rules/ (and its Japanese edition in docs/rules/ja/) stays in step with the rules: one page per rule and no page
 * without a rule, headers that match the rule's metadata, an index that lists every rule, and
 * examples that are real — each page's `Avoid` snippet triggers its rule and its `Write instead`
 * snippet does not, when validated like a user's file (next to the standard agreement template).
 * The rest of a page is checked the same way: its exception block (for the rules that take one) sets
 * the rule's exception severity, its suppression comment names the rule, gives a reason and silences
 * the finding when put into the `Avoid` snippet, and its `osa.config.json` example is a valid config
 * that names the rule. The JSON configs shown in docs/configuration.md must be valid too.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { OsaModuleOptions } from '../src/osa-module.js';
import { DEFAULT_REFERENCE_DATA } from '../src/reference/default-data.js';
import type { Locale } from '../src/i18n/locale.js';
import { ruleDocsPath } from '../src/rules/docs.js';
import { ALL_RULES, type Rule } from '../src/rules/index.js';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { parseSuppressionComment, type SuppressionDirective } from '../src/validation/suppressions.js';
import type { ReportedDiagnostic } from '../src/engine/workspace-checker.js';
import { validateWorkspaceSources } from './helpers.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CONFIGURATION_PAGE = path.join(REPO_ROOT, 'docs', 'configuration.md');

/**
 * What differs between the English and the Japanese pages: the words of headings and header rows, and
 * the sentence that says a rule takes no exception. Ids, names, clause numbers, severities (as the
 * words `error`, `warning`, `info`) and every example are the same in both.
 */
interface PageLayout {
    readonly locale: Locale;
    readonly dir: string;
    /** The sections every rule page has, in this order; `referenceData` only for data-driven rules. */
    readonly sections: readonly string[];
    readonly referenceData: string;
    readonly configuration: string;
    readonly avoid: string;
    readonly writeInstead: string;
    readonly exceptions: string;
    readonly rows: { readonly severity: string; readonly clause: string; readonly family: string };
    readonly noException: RegExp;
    /** How the Severity row names the severity under an exception. */
    readonly exceptionSeverityWord: (severity: string) => string;
    /** The link to the same page in the other language, given the rule id (`README` for the index). */
    readonly otherLanguage: (page: string) => string;
}

const LAYOUTS: readonly PageLayout[] = [
    {
        locale: 'en', dir: path.join(REPO_ROOT, 'docs', 'rules'),
        sections: ['Summary', 'The clause', 'Avoid', 'Write instead', 'Rationale', 'Exceptions and suppression'],
        referenceData: 'Reference data', configuration: 'Configuration',
        avoid: 'Avoid', writeInstead: 'Write instead', exceptions: 'Exceptions and suppression',
        rows: { severity: 'Severity', clause: 'Clause', family: 'Family' },
        noException: /has no exception mechanism/,
        exceptionSeverityWord: severity => severity === 'info' ? 'information' : severity,
        otherLanguage: page => `[日本語](ja/${page}.md)`
    },
    {
        locale: 'ja', dir: path.join(REPO_ROOT, 'docs', 'rules', 'ja'),
        sections: ['概要', '条項', '避けるべき書き方', '代わりの書き方', '理由', '例外と抑止'],
        referenceData: '参照データ', configuration: '設定',
        avoid: '避けるべき書き方', writeInstead: '代わりの書き方', exceptions: '例外と抑止',
        rows: { severity: '重大度', clause: '条項', family: '分類' },
        noException: /例外の仕組みはありません/,
        exceptionSeverityWord: severity => severity,
        otherLanguage: page => `[English](../${page}.md)`
    }
];

/**
 * A page may show, in its `Avoid` section, a ```json block: the `osa.config.json` of the example's
 * workspace. Both examples of that page are then validated with the shipped reference data extended
 * by that file, as `osa validate` would (OSA302 uses this: the shipped data designates no country).
 */
function workspaceOptions(page: string, layout: PageLayout): OsaModuleOptions {
    const json = fencedBlock(page, layout.avoid, 'json');
    if (json === undefined) {
        return {};
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-docs-'));
    try {
        const file = path.join(dir, 'osa.config.json');
        fs.writeFileSync(file, json);
        return { referenceData: loadConfig(file, DEFAULT_REFERENCE_DATA).referenceData };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

function pagePath(rule: Rule, layout: PageLayout): string {
    return path.join(REPO_ROOT, ruleDocsPath(rule.id, layout.locale));
}

function readPage(rule: Rule, layout: PageLayout): string {
    return fs.readFileSync(pagePath(rule, layout), 'utf-8');
}

function lines(text: string): string[] {
    return text.split(/\r?\n/);
}

/** The `## ` headings of a page, in order. */
function headings(page: string): string[] {
    return lines(page).filter(l => l.startsWith('## ')).map(l => l.slice(3).trim());
}

/** The value of a `| Key | value |` row of the page's header table. */
function headerRow(page: string, key: string): string | undefined {
    for (const line of lines(page)) {
        const match = /^\|\s*([^|]+?)\s*\|\s*(.*?)\s*\|\s*$/.exec(line);
        if (match && match[1] === key) {
            return match[2];
        }
    }
    return undefined;
}

/** The first ```<language> block of the section under `## <heading>` (before the next `## ` heading). */
function fencedBlock(page: string, heading: string, language: string): string | undefined {
    const all = lines(page);
    const start = all.findIndex(l => l.trim() === `## ${heading}`);
    if (start < 0) {
        return undefined;
    }
    for (let i = start + 1; i < all.length && !all[i].startsWith('## '); i++) {
        if (all[i].trim() === '```' + language) {
            const end = all.findIndex((l, j) => j > i && l.trim() === '```');
            return end < 0 ? undefined : all.slice(i + 1, end).join('\n') + '\n';
        }
    }
    return undefined;
}

function osaSnippet(page: string, heading: string): string | undefined {
    return fencedBlock(page, heading, 'osa');
}

/** Every ```<language> block of a text, or of the section under `## <heading>` when one is given. */
function fencedBlocks(text: string, language: string, heading?: string): string[] {
    let all = lines(text);
    if (heading !== undefined) {
        const start = all.findIndex(l => l.trim() === `## ${heading}`);
        if (start < 0) {
            return [];
        }
        const end = all.findIndex((l, j) => j > start && l.startsWith('## '));
        all = all.slice(start + 1, end < 0 ? undefined : end);
    }
    const blocks: string[] = [];
    for (let i = 0; i < all.length; i++) {
        if (all[i].trim() === '```' + language) {
            const end = all.findIndex((l, j) => j > i && l.trim() === '```');
            if (end < 0) {
                break;
            }
            blocks.push(all.slice(i + 1, end).join('\n') + '\n');
            i = end;
        }
    }
    return blocks;
}

/** Loads a config file's text as `osa validate` would; throws ConfigError when it is invalid. */
function loadConfigText(json: string, files: Record<string, string> = {}) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-docs-config-'));
    try {
        for (const [name, text] of Object.entries(files)) {
            fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
            fs.writeFileSync(path.join(dir, name), text);
        }
        const file = path.join(dir, 'osa.config.json');
        fs.writeFileSync(file, json);
        return loadConfig(file, DEFAULT_REFERENCE_DATA);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

function describeConfigError(error: unknown): string {
    return error instanceof ConfigError ? error.message : String(error);
}

async function validateSnippet(page: string, layout: PageLayout, code: string): Promise<ReportedDiagnostic[]> {
    const validated = await validateWorkspaceSources({ 'snippet.osa': code }, workspaceOptions(page, layout));
    return validated['snippet.osa'].diagnostics;
}

function describeDiagnostics(diagnostics: ReportedDiagnostic[]): string {
    return diagnostics.length === 0
        ? '(no diagnostics)'
        : diagnostics.map(d => `${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.rule}: ${d.message}`).join('\n');
}

function syntaxErrors(diagnostics: ReportedDiagnostic[]): ReportedDiagnostic[] {
    return diagnostics.filter(d => d.rule === 'syntax' && d.severity === 'error');
}

for (const layout of LAYOUTS) describe(`rule documentation (${layout.locale})`, () => {
    const README = path.join(layout.dir, 'README.md');
    const readPageOf = (rule: Rule) => readPage(rule, layout);
    const validate = (page: string, code: string) => validateSnippet(page, layout, code);
    it('has a page for every rule', () => {
        const missing = ALL_RULES.filter(r => !fs.existsSync(pagePath(r, layout))).map(r => ruleDocsPath(r.id, layout.locale));
        expect(missing, 'rules without a page').toEqual([]);
    });

    it('has no page without a rule', () => {
        const ids = new Set(ALL_RULES.map(r => r.id));
        const orphans = fs.readdirSync(layout.dir)
            .filter(f => /^OSA.*\.md$/.test(f))
            .filter(f => !ids.has(f.slice(0, -'.md'.length)));
        expect(orphans, 'pages without a rule').toEqual([]);
    });

    it('has an index that links the configuration and CI pages, and promises nothing as planned', () => {
        const index = fs.readFileSync(README, 'utf-8');
        const up = layout.locale === 'en' ? '..' : '../..';
        expect(index).toContain(`(${up}/configuration.md)`);
        expect(index).toContain(`(${up}/ci.md)`);
        expect(index).not.toMatch(/\bplanned\b/i);
        for (const rule of ALL_RULES) {
            expect(readPageOf(rule), `${rule.id} still calls suppressions or configuration planned`).not.toMatch(/planned for a later release/);
        }
    });

    it('links each page to its edition in the other language', () => {
        expect(fs.readFileSync(README, 'utf-8'), 'the index').toContain(layout.otherLanguage('README'));
        const unlinked = ALL_RULES.filter(rule => !readPageOf(rule).includes(layout.otherLanguage(rule.id))).map(r => r.id);
        expect(unlinked, 'pages without the link').toEqual([]);
    });

    it('has an index that links every rule', () => {
        const index = fs.readFileSync(README, 'utf-8');
        const unlisted = ALL_RULES.filter(r => !index.includes(`[${r.id}](${r.id}.md)`) || !index.includes(r.name)).map(r => r.id);
        expect(unlisted, 'rules missing from the index').toEqual([]);
    });

    for (const rule of ALL_RULES) {
        describe(rule.id, () => {
            it('names the rule and its metadata in the header', () => {
                const page = readPageOf(rule);
                expect(lines(page)[0]).toBe(`# ${rule.id}: ${rule.name}`);
                expect(headerRow(page, layout.rows.clause), 'Clause row').toContain(rule.clause);
                expect(headerRow(page, layout.rows.severity), 'Severity row').toMatch(new RegExp(`^${rule.severity}\\b`));
                expect(headerRow(page, layout.rows.family), 'Family row').toBe(rule.family);
            });

            it('follows the page template', () => {
                const found = headings(readPageOf(rule));
                const expected = found.includes(layout.referenceData)
                    ? [...layout.sections, layout.referenceData, layout.configuration]
                    : [...layout.sections, layout.configuration];
                expect(found).toEqual(expected);
            });

            it('documents its exception mechanism, or that it has none', async () => {
                const page = readPageOf(rule);
                const section = fencedBlocks(page, 'osa', layout.exceptions);
                const exception = section.find(b => new RegExp(`^\\s*exception ${rule.id}\\b`, 'm').test(b));
                if (!rule.exceptionSeverity) {
                    expect(page, 'says the rule has no exception mechanism').toMatch(layout.noException);
                    expect(exception, `an exception ${rule.id} example on a rule that takes none`).toBeUndefined();
                    return;
                }
                expect(exception, `an \`\`\`osa block with \`exception ${rule.id} { … }\` under ## Exceptions and suppression`).toBeDefined();
                expect(exception).toMatch(/^\s*justification "[^"]*\S[^"]*"/m);
                // A full programme is validated as it is; a bare block goes into the Avoid example's programme.
                let code = exception!;
                if (!/^\s*programme\b/m.test(code)) {
                    const avoid = lines(osaSnippet(page, layout.avoid)!);
                    const close = avoid.length - 1 - [...avoid].reverse().findIndex(l => l.trim() === '}');
                    const indented = lines(exception!.trimEnd()).map(l => `    ${l}`);
                    code = [...avoid.slice(0, close), ...indented, ...avoid.slice(close)].join('\n');
                }
                const diagnostics = await validate(page, code);
                const report = describeDiagnostics(diagnostics);
                expect(syntaxErrors(diagnostics), `the exception example must be well-formed:\n${report}`).toEqual([]);
                const findings = diagnostics.filter(d => d.rule === rule.id);
                expect(findings.length, `findings of ${rule.id}:\n${report}`).toBeGreaterThan(0);
                expect(findings.map(d => d.severity), `with the exception, ${rule.id} reports ${rule.exceptionSeverity}`)
                    .toEqual(findings.map(() => rule.exceptionSeverity));
                expect(headerRow(page, layout.rows.severity), 'Severity row names the exception severity')
                    .toContain(layout.exceptionSeverityWord(rule.exceptionSeverity));
            });

            it('shows an inline suppression of its rule, with a reason, that silences the Avoid finding', async () => {
                const page = readPageOf(rule);
                const blocks = fencedBlocks(page, 'osa', layout.exceptions).filter(b => b.includes('osa-disable'));
                expect(blocks.length, 'an ```osa block with an osa-disable comment under ## Exceptions and suppression').toBe(1);
                const excerpt = lines(blocks[0].trimEnd());
                const directives = excerpt
                    .map((text, line) => parseSuppressionComment(text.trim(), { start: { line, character: 0 }, end: { line, character: text.length } }))
                    .filter((d): d is SuppressionDirective => d !== undefined);
                expect(directives.length, 'one suppression comment').toBe(1);
                const [directive] = directives;
                expect(directive.rules, 'the comment names the page\'s rule, and only it').toEqual([rule.id]);
                expect(directive.reason, 'the comment gives a reason after `--`').not.toBe('');
                expect(directive.reason, 'the reason is a real one, not a placeholder').not.toMatch(/^<.*>$|^reason$/i);

                // The rest of the excerpt is a run of lines of the Avoid example: put the comment there.
                const at = directive.range.start.line;
                const context = excerpt.filter((_, i) => i !== at);
                const avoid = lines(osaSnippet(page, layout.avoid)!);
                const offset = avoid.findIndex((_, i) => context.every((l, j) => avoid[i + j]?.trimEnd() === l.trimEnd()));
                expect(offset, `the excerpt around the comment is taken from the Avoid example:\n${context.join('\n')}`).toBeGreaterThanOrEqual(0);
                const insertAt = directive.kind === 'file' ? 0 : offset + at;
                const suppressed = [...avoid.slice(0, insertAt), excerpt[at], ...avoid.slice(insertAt)].join('\n');

                const before = await validate(page, osaSnippet(page, layout.avoid)!);
                const after = await validate(page, suppressed);
                const report = describeDiagnostics(after);
                expect(syntaxErrors(after), `the example with the comment must be well-formed:\n${report}`).toEqual([]);
                expect(after.filter(d => d.rule === 'suppression'), `the comment applies and silences something:\n${report}`).toEqual([]);
                expect(after.filter(d => d.rule === rule.id).length, `the comment silences a finding of ${rule.id}:\n${report}`)
                    .toBeLessThan(before.filter(d => d.rule === rule.id).length);
            });

            it('shows its configuration in osa.config.json', () => {
                const page = readPageOf(rule);
                const json = fencedBlock(page, layout.configuration, 'json');
                expect(json, `a \`\`\`json block under ## ${layout.configuration}`).toBeDefined();
                let config: ReturnType<typeof loadConfigText> | undefined;
                try {
                    config = loadConfigText(json!);
                } catch (error) {
                    expect.fail(`the Configuration example is not a valid osa.config.json: ${describeConfigError(error)}`);
                }
                expect(Object.keys(config!.contents.rules ?? {}), 'the example configures the page\'s rule').toContain(rule.id);
                expect(page, 'the page says how to turn the rule off').toContain(`"${rule.id}": "off"`);
            });

            it('has an Avoid example that triggers the rule', async () => {
                const page = readPageOf(rule);
                const code = osaSnippet(page, layout.avoid);
                expect(code, 'an ```osa block under ## Avoid').toBeDefined();
                const diagnostics = await validate(page, code!);
                const report = describeDiagnostics(diagnostics);
                expect(syntaxErrors(diagnostics), `the Avoid example must be well-formed:\n${report}`).toEqual([]);
                expect(diagnostics.filter(d => d.rule === rule.id).length, `findings of ${rule.id}:\n${report}`).toBeGreaterThan(0);
            });

            it('has a Write instead example that does not trigger the rule', async () => {
                const page = readPageOf(rule);
                const code = osaSnippet(page, layout.writeInstead);
                expect(code, 'an ```osa block under ## Write instead').toBeDefined();
                const diagnostics = await validate(page, code!);
                const report = describeDiagnostics(diagnostics);
                expect(syntaxErrors(diagnostics), `the Write instead example must be well-formed:\n${report}`).toEqual([]);
                expect(diagnostics.filter(d => d.rule === rule.id), `findings of ${rule.id}:\n${report}`).toEqual([]);
            });
        });
    }
});

describe('configuration documentation', () => {
    const page = () => fs.readFileSync(CONFIGURATION_PAGE, 'utf-8');
    const CONFIG_KEYS = new Set(['$schema', 'rules', 'ignore', 'referenceData', 'asOf']);

    it('shows only valid osa.config.json examples', () => {
        const configs = fencedBlocks(page(), 'json')
            .map(text => ({ text, value: JSON.parse(text) as Record<string, unknown> }))
            .filter(({ value }) => Object.keys(value).every(k => CONFIG_KEYS.has(k)));
        expect(configs.length, 'config examples in docs/configuration.md').toBeGreaterThan(3);
        const dacList = fs.readFileSync(path.join(REPO_ROOT, 'packages/language/src/reference/data/dac-list.json'), 'utf-8');
        for (const { text, value } of configs) {
            const reference = value.referenceData as { dacList?: string } | undefined;
            try {
                loadConfigText(text, reference?.dacList ? { [reference.dacList]: dacList } : {});
            } catch (error) {
                expect.fail(`invalid config example in docs/configuration.md:\n${text}\n${describeConfigError(error)}`);
            }
        }
    });

    it('points at the JSON Schema that osa uses', () => {
        expect(page()).toContain('packages/language/src/config/osa.config.schema.json');
        expect(fs.existsSync(path.join(REPO_ROOT, 'packages/language/src/config/osa.config.schema.json'))).toBe(true);
    });

    it('has one precedence table covering every mechanism', () => {
        const section = page().split(/^## /m).find(s => s.startsWith('Precedence'));
        expect(section, 'a ## Precedence section').toBeDefined();
        const tables = section!.split(/\n\s*\n/).filter(p => p.trimStart().startsWith('|'));
        expect(tables.length, 'one table').toBe(1);
        for (const mechanism of ['ignore', '"off"', 'suppression', 'exception', 'Configured severity', 'Rule default']) {
            expect(tables[0], mechanism).toContain(mechanism);
        }
    });
});
