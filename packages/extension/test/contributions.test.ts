/**
 * What the manifest contributes besides the language server: the snippets (expanded as VS Code would
 * with their default values, then checked by the real `osa validate`), the `$osa` problem matcher
 * (its pattern applied to the real stylish output), the settings the server reads and the language
 * configuration.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_RULES } from '@osa-policy/language';
import { afterAll, describe, expect, it } from 'vitest';
import { englishManifest } from './nls.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const EXTENSION = path.join(REPO, 'packages/extension');
const OSA = path.join(REPO, 'packages/cli/bin/osa.js');
// As VS Code shows it in English: the `%key%` strings resolved from package.nls.json.
const manifest = englishManifest(EXTENSION);
const snippets = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'snippets/osa.json'), 'utf-8')) as
    Record<string, { prefix: string[]; body: string[]; description: string }>;

const temp: string[] = [];
afterAll(() => temp.forEach(dir => fs.rmSync(dir, { recursive: true, force: true })));

/** A snippet body as VS Code inserts it when every placeholder keeps its default (choices: the first). */
function expand(body: string[]): string {
    const values = new Map<string, string>();
    let text = body.join('\n').replace(/\t/g, '    ');
    // Innermost placeholders first, so that ${1:OSA-BUDGET-FY${2:2025}} works.
    for (let guard = 0; guard < 20 && /\$\{\d+[:|]/.test(text); guard++) {
        text = text
            .replace(/\$\{(\d+):([^${}]*)\}/g, (_, n: string, value: string) => {
                values.set(n, value);
                return value;
            })
            .replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, n: string, choices: string) => {
                const value = choices.split(',')[0];
                values.set(n, value);
                return value;
            });
    }
    return text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a: string | undefined, b: string | undefined) => values.get(a ?? b!) ?? '');
}

function validate(dir: string): { status: number | null; report: { files: { path: string; diagnostics: { rule: string; severity: string; message: string }[] }[] } } {
    const result = spawnSync(process.execPath, [OSA, 'validate', dir, '--format', 'json'], { encoding: 'utf-8', cwd: dir });
    return { status: result.status, report: JSON.parse(result.stdout) };
}

describe('snippets', () => {
    it('offer the four declarations the issue asks for', () => {
        const prefixes = Object.values(snippets).map(s => s.prefix[0]);
        expect(prefixes).toEqual(['programme', 'agreement-template', 'budget-envelope', 'exception']);
        for (const snippet of Object.values(snippets)) {
            expect(snippet.description.length).toBeGreaterThan(40);
        }
    });

    it('the programme skeleton, template and envelope comply with the guidelines as inserted: no finding at all', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-snippets-'));
        temp.push(dir);
        fs.writeFileSync(path.join(dir, 'osa.config.json'), '{}\n');
        const byPrefix = (prefix: string) => Object.values(snippets).find(s => s.prefix[0] === prefix)!;
        fs.writeFileSync(path.join(dir, 'programme.osa'), expand(byPrefix('programme').body) + '\n');
        fs.writeFileSync(path.join(dir, 'shared.osa'), expand(byPrefix('agreement-template').body) + '\n\n' + expand(byPrefix('budget-envelope').body) + '\n');
        const { status, report } = validate(dir);
        const findings = report.files.flatMap(f => f.diagnostics.map(d => `${path.basename(f.path)}: ${d.rule} ${d.severity} ${d.message}`));
        expect(findings).toEqual([]);
        expect(status).toBe(0);
    });

    it('the exception snippet parses inside a programme and offers exactly the rules that accept exceptions', () => {
        const exception = Object.values(snippets).find(s => s.prefix[0] === 'exception')!;
        const choices = exception.body[0].match(/\$\{1\|([^|]*)\|\}/)![1].split(',');
        expect(choices).toEqual(ALL_RULES.filter(r => r.exceptionSeverity !== undefined).map(r => r.id));
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-snippets-'));
        temp.push(dir);
        fs.writeFileSync(path.join(dir, 'osa.config.json'), '{}\n');
        const programme = expand(Object.values(snippets).find(s => s.prefix[0] === 'programme')!.body)
            .replace(/\n\s*\n\}$/, `\n${expand(exception.body).replace(/^/gm, '    ')}\n}`);
        fs.writeFileSync(path.join(dir, 'programme.osa'), programme + '\n');
        const { report } = validate(dir);
        expect(report.files.flatMap(f => f.diagnostics).filter(d => d.rule === 'syntax')).toEqual([]);
    });
});

describe('the $osa problem matcher', () => {
    const matcher = manifest.contributes.problemMatchers[0];
    const pattern = new RegExp(matcher.pattern.regexp);

    it('reads every finding line of `osa validate` (stylish), with file, position, severity, message and rule', () => {
        const result = spawnSync(process.execPath, [OSA, 'validate', 'examples/violations', 'examples/programmes', '--no-color'], { encoding: 'utf-8', cwd: REPO });
        const lines = result.stdout.split('\n').filter(l => /^\S+\.osa:\d+:\d+ /.test(l));
        expect(lines.length).toBeGreaterThan(30);
        const severities = new Set<string>();
        for (const line of lines) {
            const match = pattern.exec(line);
            expect(match, line).not.toBeNull();
            const { file, line: l, column, severity, message, code } = matcher.pattern;
            expect(fs.existsSync(path.join(REPO, match![file]))).toBe(true);
            expect(Number(match![l])).toBeGreaterThan(0);
            expect(Number(match![column])).toBeGreaterThan(0);
            expect(match![message].length).toBeGreaterThan(10);
            expect(match![message]).not.toMatch(/ {2}OSA\d{3}/);
            expect(match![code]).toMatch(/^(OSA\d{3}|syntax|suppression)$/);
            severities.add(match![severity]);
        }
        expect([...severities].sort()).toEqual(['error', 'info', 'warning']);
        // The summary line is not a finding.
        expect(pattern.test(result.stdout.trim().split('\n').at(-1)!)).toBe(false);
        // Its own owner, so that a task's findings do not replace the language server's (collection "osa").
        expect(matcher.owner).not.toBe('osa');
    });

    it('reads a language error and a finding without a clause', () => {
        const m = pattern.exec('drafts/x.osa:3:1  error  Expecting token of type \'ID\' but found `}`.  syntax')!;
        expect([m[1], m[2], m[3], m[4], m[6]]).toEqual(['drafts/x.osa', '3', '1', 'error', 'syntax']);
        const c = pattern.exec('examples/violations/OSA206-peace-cooperation-without-un-mission.osa:16:11  warning  The peace-cooperation field names no UN peacekeeping operation (§2(2)(c)).  OSA206 (§2(2)(c))')!;
        expect([c[4], c[6], c[7]]).toEqual(['warning', 'OSA206', '§2(2)(c)']);
    });
});

describe('settings and language configuration', () => {
    it('the settings are the section the language server reads, with descriptions', () => {
        const properties = manifest.contributes.configuration.properties;
        expect(properties['osa.validation.scope'].enum).toEqual(['openFiles', 'workspace']);
        expect(properties['osa.validation.scope'].default).toBe('openFiles');
        expect(properties['osa.trace.server'].enum).toEqual(['off', 'messages', 'verbose']);
        // The check date: empty (today) or a date; the same pattern the CLI's --as-of and the config's asOf accept.
        const asOf = new RegExp(properties['osa.asOf'].pattern);
        expect(properties['osa.asOf'].default).toBe('');
        for (const ok of ['', '2026-03-31']) {
            expect(asOf.test(ok), ok).toBe(true);
        }
        for (const bad of ['2026-3-31', '31/03/2026', 'today']) {
            expect(asOf.test(bad), bad).toBe(false);
        }
        for (const property of Object.values(properties) as { description?: string; markdownDescription?: string; enum?: string[]; enumDescriptions?: string[] }[]) {
            expect((property.description ?? property.markdownDescription ?? '').length).toBeGreaterThan(30);
            if (property.enum) {
                expect(property.enumDescriptions?.length).toBe(property.enum.length);
            }
        }
        // The server's own name for the section and the scope values (packages/language/src/lsp/workspace-diagnostics.ts).
        const server = fs.readFileSync(path.join(REPO, 'packages/language/src/lsp/workspace-diagnostics.ts'), 'utf-8');
        expect(server).toContain("update.section === 'osa'");
        expect(server).toContain("'openFiles' | 'workspace'");
        expect(server).toContain("getConfiguration('osa', 'asOf')");
    });

    it('the language configuration has comments, brackets, auto-closing pairs, folding markers and a word pattern for OSA tokens', () => {
        const config = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'language-configuration.json'), 'utf-8'));
        expect(config.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(config.brackets).toEqual([['{', '}']]);
        expect(config.autoClosingPairs.map((p: { open: string }) => p.open)).toEqual(['{', '"', '/*']);
        expect(new RegExp(config.folding.markers.start).test('// #region agreements')).toBe(true);
        expect(new RegExp(config.folding.markers.end).test('  // #endregion')).toBe(true);
        const word = new RegExp(`^(?:${config.wordPattern})$`, 'u');
        for (const token of ['OSA-FY2024-MNG', 'maritime-domain-awareness', '2025-04-01', '1_600_000_000', '§3(3)(c)', 'OSA402']) {
            expect(word.test(token), token).toBe(true);
        }
    });
});

describe('commands', () => {
    const client = fs.readFileSync(path.join(EXTENSION, 'src/extension.ts'), 'utf-8');

    it('every contributed command is registered by the client, and every registered one is contributed', () => {
        const contributed = (manifest.contributes.commands as { command: string; title: string; category: string }[]);
        const registered = [...client.slice(client.indexOf('export const COMMANDS'), client.indexOf('} as const')).matchAll(/'(osa-vscode\.[A-Za-z]+)'/g)].map(m => m[1]);
        expect(contributed.map(c => c.command).sort()).toEqual([...registered].sort());
        for (const command of contributed) {
            expect(command.category).toBe('OSA');
            expect(command.title.length).toBeGreaterThan(5);
        }
    });

    it('"OSA: Open Compliance Report" is offered on OSA files and asks the server the request it answers', async () => {
        const report = (manifest.contributes.commands as { command: string; title: string }[]).find(c => c.command === 'osa-vscode.openComplianceReport');
        expect(report?.title).toBe('Open Compliance Report');
        expect(manifest.contributes.menus['editor/title']).toContainEqual({ command: 'osa-vscode.openComplianceReport', when: 'resourceLangId == osa', group: 'navigation' });
        const { COMPLIANCE_REPORT_REQUEST } = await import('@osa-policy/language/lsp');
        const panel = fs.readFileSync(path.join(EXTENSION, 'src/report-panel.ts'), 'utf-8');
        expect(panel).toContain(`const COMPLIANCE_REPORT_REQUEST = '${COMPLIANCE_REPORT_REQUEST}';`);
    });
});
