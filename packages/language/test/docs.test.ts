/**
 * The rule documentation in docs/rules/ stays in step with the rules: one page per rule and no page
 * without a rule, headers that match the rule's metadata, an index that lists every rule, and
 * examples that are real — each page's `Avoid` snippet triggers its rule and its `Write instead`
 * snippet does not, when validated like a user's file (next to the standard agreement template).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { OsaModuleOptions } from '../src/osa-module.js';
import { DEFAULT_REFERENCE_DATA } from '../src/reference/default-data.js';
import { ruleDocsPath } from '../src/rules/docs.js';
import { ALL_RULES, type Rule } from '../src/rules/index.js';
import { loadConfig } from '../src/config/config.js';
import type { ReportedDiagnostic } from '../src/workspace/osa-workspace.js';
import { validateWorkspaceSources } from './helpers.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES_DIR = path.join(REPO_ROOT, 'docs', 'rules');
const README = path.join(RULES_DIR, 'README.md');

/** The sections every rule page has, in this order; `Reference data` only for data-driven rules. */
const SECTIONS = ['Summary', 'The clause', 'Avoid', 'Write instead', 'Rationale', 'Exceptions and suppression'];
const OPTIONAL_LAST_SECTION = 'Reference data';

/**
 * A page may show, in its `Avoid` section, a ```json block: the `osa.config.json` of the example's
 * workspace. Both examples of that page are then validated with the shipped reference data extended
 * by that file, as `osa validate` would (OSA302 uses this: the shipped data designates no country).
 */
function workspaceOptions(page: string): OsaModuleOptions {
    const json = fencedBlock(page, 'Avoid', 'json');
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

function pagePath(rule: Rule): string {
    return path.join(REPO_ROOT, ruleDocsPath(rule.id));
}

function readPage(rule: Rule): string {
    return fs.readFileSync(pagePath(rule), 'utf-8');
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

async function validateSnippet(page: string, code: string): Promise<ReportedDiagnostic[]> {
    const validated = await validateWorkspaceSources({ 'snippet.osa': code }, workspaceOptions(page));
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

describe('rule documentation', () => {
    it('has a page for every rule', () => {
        const missing = ALL_RULES.filter(r => !fs.existsSync(pagePath(r))).map(r => ruleDocsPath(r.id));
        expect(missing, 'rules without a page').toEqual([]);
    });

    it('has no page without a rule', () => {
        const ids = new Set(ALL_RULES.map(r => r.id));
        const orphans = fs.readdirSync(RULES_DIR)
            .filter(f => /^OSA.*\.md$/.test(f))
            .filter(f => !ids.has(f.slice(0, -'.md'.length)));
        expect(orphans, 'pages without a rule').toEqual([]);
    });

    it('has an index that links every rule', () => {
        const index = fs.readFileSync(README, 'utf-8');
        const unlisted = ALL_RULES.filter(r => !index.includes(`[${r.id}](${r.id}.md)`) || !index.includes(r.name)).map(r => r.id);
        expect(unlisted, 'rules missing from docs/rules/README.md').toEqual([]);
    });

    for (const rule of ALL_RULES) {
        describe(rule.id, () => {
            it('names the rule and its metadata in the header', () => {
                const page = readPage(rule);
                expect(lines(page)[0]).toBe(`# ${rule.id}: ${rule.name}`);
                expect(headerRow(page, 'Clause'), 'Clause row').toContain(rule.clause);
                expect(headerRow(page, 'Severity'), 'Severity row').toMatch(new RegExp(`^${rule.severity}\\b`));
                expect(headerRow(page, 'Family'), 'Family row').toBe(rule.family);
            });

            it('follows the page template', () => {
                const found = headings(readPage(rule));
                const expected = found.at(-1) === OPTIONAL_LAST_SECTION ? [...SECTIONS, OPTIONAL_LAST_SECTION] : SECTIONS;
                expect(found).toEqual(expected);
            });

            it('has an Avoid example that triggers the rule', async () => {
                const page = readPage(rule);
                const code = osaSnippet(page, 'Avoid');
                expect(code, 'an ```osa block under ## Avoid').toBeDefined();
                const diagnostics = await validateSnippet(page, code!);
                const report = describeDiagnostics(diagnostics);
                expect(syntaxErrors(diagnostics), `the Avoid example must be well-formed:\n${report}`).toEqual([]);
                expect(diagnostics.filter(d => d.rule === rule.id).length, `findings of ${rule.id}:\n${report}`).toBeGreaterThan(0);
            });

            it('has a Write instead example that does not trigger the rule', async () => {
                const page = readPage(rule);
                const code = osaSnippet(page, 'Write instead');
                expect(code, 'an ```osa block under ## Write instead').toBeDefined();
                const diagnostics = await validateSnippet(page, code!);
                const report = describeDiagnostics(diagnostics);
                expect(syntaxErrors(diagnostics), `the Write instead example must be well-formed:\n${report}`).toEqual([]);
                expect(diagnostics.filter(d => d.rule === rule.id), `findings of ${rule.id}:\n${report}`).toEqual([]);
            });
        });
    }
});
