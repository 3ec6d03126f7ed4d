/** The `osa` command spawned as a real process on real files: exit codes, formats, the JSON contract. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const OSA = path.join(REPO, 'packages/cli/bin/osa.js');

const ALL_RULE_IDS = [
    'OSA100', 'OSA101', 'OSA102', 'OSA103', 'OSA104', 'OSA105',
    'OSA201', 'OSA202', 'OSA203', 'OSA204', 'OSA205', 'OSA206', 'OSA207',
    'OSA301', 'OSA302', 'OSA303', 'OSA304', 'OSA305', 'OSA310', 'OSA311',
    'OSA401', 'OSA402', 'OSA403', 'OSA404', 'OSA405', 'OSA406', 'OSA407', 'OSA408', 'OSA409', 'OSA410',
    'OSA501', 'OSA502', 'OSA503', 'OSA601', 'OSA602', 'OSA603'
];

function osa(args: string[], cwd = REPO) {
    const result = spawnSync(process.execPath, [OSA, ...args], { cwd, encoding: 'utf-8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
    version: string;
    files: { path: string; diagnostics: { rule: string; severity: string; message: string; clause: string | null; range: { start: { line: number; column: number }; end: { line: number; column: number } } }[] }[];
    errors: { path: string; message: string }[];
    summary: { files: number; errors: number; warnings: number; infos: number; suppressed: number };
}

function tempDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), 'osa-cli-'));
}

describe('osa validate', () => {
    it('the real programmes validate with no errors (exit 0)', () => {
        const { code, stdout } = osa(['validate', 'examples/programmes']);
        expect(code).toBe(0);
        expect(stdout).toMatch(/^9 files checked: 0 errors, \d+ warnings?, \d+ infos?$/m);
    });

    it('the violations report every rule id and exit 1, in the JSON contract', () => {
        const { code, stdout } = osa(['validate', 'examples/violations', '--format', 'json']);
        expect(code).toBe(1);
        const report = JSON.parse(stdout) as JsonReport;
        expect(report.version).toMatch(/^\d+\.\d+\.\d+/);
        const seen = new Set(report.files.flatMap(f => f.diagnostics.map(d => d.rule)));
        for (const id of ALL_RULE_IDS) {
            expect(seen.has(id), id).toBe(true);
        }
        for (const file of report.files) {
            expect(path.isAbsolute(file.path)).toBe(false);
            for (const d of file.diagnostics) {
                expect(['error', 'warning', 'info']).toContain(d.severity);
                expect(d.range.start.line).toBeGreaterThanOrEqual(1);
                expect(d.range.start.column).toBeGreaterThanOrEqual(1);
                expect(d.message.length).toBeGreaterThan(20);
                if (d.rule !== 'syntax') {
                    expect(d.clause).toMatch(/^(§\d\(\d\)(\([a-d]\))?|data|portfolio)$/);
                }
            }
        }
        const all = report.files.flatMap(f => f.diagnostics);
        expect(report.summary).toEqual({
            files: report.files.length,
            errors: all.filter(d => d.severity === 'error').length,
            warnings: all.filter(d => d.severity === 'warning').length,
            infos: all.filter(d => d.severity === 'info').length,
            suppressed: 0
        });
    });

    it('each violations file reports the rule it is named after', () => {
        const report = JSON.parse(osa(['validate', 'examples/violations', '--format', 'json']).stdout) as JsonReport;
        for (const file of report.files) {
            const named = path.basename(file.path).slice(0, 6);
            expect(file.diagnostics.map(d => d.rule), file.path).toContain(named);
        }
    });

    it('validating one file reports exactly what validating its whole workspace reports for it', () => {
        const whole = JSON.parse(osa(['validate', 'examples', '--format', 'json']).stdout) as JsonReport;
        const samples = whole.files.filter(f => /OSA601|OSA602|OSA402|FY2024-PHL/.test(f.path));
        expect(samples.length).toBeGreaterThanOrEqual(3);
        for (const file of samples) {
            const single = JSON.parse(osa(['validate', file.path, '--format', 'json']).stdout) as JsonReport;
            expect(single.files).toEqual([file]);
        }
    });

    it('stylish output names position, severity, message, rule and clause', () => {
        const { code, stdout } = osa(['validate', 'examples/violations/OSA103-modality-not-grant.osa']);
        expect(code).toBe(1);
        expect(stdout).toMatch(/^examples\/violations\/OSA103-modality-not-grant\.osa:\d+:\d+ {2}error {2}.+ {2}OSA103 \(§2\(1\)\)$/m);
    });

    it('a missing path exits 2 with a clear message and the other files are still reported', () => {
        const { code, stdout, stderr } = osa(['validate', 'no/such/file.osa', 'examples/programmes/OSA-FY2024-IDN.osa', '--format', 'json']);
        expect(code).toBe(2);
        expect(stderr).toContain('no/such/file.osa: no such file or directory');
        const report = JSON.parse(stdout) as JsonReport;
        expect(report.files.map(f => f.path)).toEqual(['examples/programmes/OSA-FY2024-IDN.osa']);
        expect(report.errors).toEqual([{ path: 'no/such/file.osa', message: 'no such file or directory' }]);
    });

    it('garbage bytes are reported as syntax errors and invalid UTF-8 (exit 1), not a crash', () => {
        const dir = tempDir();
        // No NUL byte: that would make it a binary file, one input problem (hostile-input.test.ts).
        fs.writeFileSync(path.join(dir, 'garbage.osa'), Buffer.from([255, 254, 1, 2, 3, 0x7b, 0x7b, 10, 0x22]));
        const { code, stdout, stderr } = osa(['validate', dir, '--format', 'json']);
        expect(stderr).toBe('');
        expect(code).toBe(1);
        const report = JSON.parse(stdout) as JsonReport;
        expect(report.files[0].diagnostics.some(d => d.rule === 'syntax' && d.message.startsWith('The file is not valid UTF-8 at line 1, column 1'))).toBe(true);
        expect(report.files[0].diagnostics.filter(d => d.rule === 'syntax').length).toBeGreaterThan(1);
    });

    it('a file over the size limit is refused with a clear message (exit 2)', () => {
        const dir = tempDir();
        const big = path.join(dir, 'huge.osa');
        fs.writeFileSync(big, Buffer.alloc(9 * 1024 * 1024, 0x20));
        fs.writeFileSync(path.join(dir, 'ok.osa'), '');
        const { code, stderr, stdout } = osa(['validate', dir]);
        expect(code).toBe(2);
        expect(stderr).toMatch(/huge\.osa: file is too large \(9\.0 MiB; the limit is 8 MiB\)/);
        expect(stdout).toContain('1 file checked');
    });

    it('a broken osa.config.json exits 2 and names the file', () => {
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, 'osa.config.json'), '{ "referenceData": ');
        fs.writeFileSync(path.join(dir, 'a.osa'), '');
        const { code, stderr } = osa(['validate', dir]);
        expect(code).toBe(2);
        expect(stderr).toContain('osa.config.json');
        expect(stderr).toContain('not valid JSON');
    });

    it('configuration can add dated reference data that rules then use', () => {
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, 'osa.config.json'), JSON.stringify({
            referenceData: { inCombat: [{ iso3: 'PHL', from: '2024-01-01', until: null, basis: 'test entry', sources: ['test'] }] }
        }));
        fs.copyFileSync(path.join(REPO, 'examples/shared/templates.osa'), path.join(dir, 'templates.osa'));
        fs.copyFileSync(path.join(REPO, 'examples/programmes/OSA-FY2024-PHL.osa'), path.join(dir, 'phl.osa'));
        fs.writeFileSync(path.join(dir, 'budget.osa'), 'budget-envelope OSA-BUDGET-FY2024 { fiscal-year 2024 amount 5_000_000_000 JPY }');
        const report = JSON.parse(osa(['validate', path.join(dir, 'phl.osa'), '--format', 'json']).stdout) as JsonReport;
        expect(report.files[0].diagnostics.map(d => d.rule)).toContain('OSA303');
    });

    it('a sub-folder with its own osa.config.json is a separate workspace', () => {
        const dir = tempDir();
        const programmeFile = (id: string) => fs.readFileSync(path.join(REPO, 'examples/programmes/OSA-FY2024-MNG.osa'), 'utf-8')
            .replace('programme OSA-FY2024-MNG', `programme ${id}`).replace('funded-by OSA-BUDGET-FY2024', '');
        fs.writeFileSync(path.join(dir, 'osa.config.json'), '{}');
        fs.copyFileSync(path.join(REPO, 'examples/shared/templates.osa'), path.join(dir, 'templates.osa'));
        fs.writeFileSync(path.join(dir, 'outer.osa'), programmeFile('SAME-ID'));
        fs.mkdirSync(path.join(dir, 'inner'));
        fs.writeFileSync(path.join(dir, 'inner/osa.config.json'), '{}');
        fs.copyFileSync(path.join(REPO, 'examples/shared/templates.osa'), path.join(dir, 'inner/templates.osa'));
        fs.writeFileSync(path.join(dir, 'inner/inner.osa'), programmeFile('SAME-ID'));
        const report = JSON.parse(osa(['validate', dir, '--format', 'json']).stdout) as JsonReport;
        expect(report.files.flatMap(f => f.diagnostics.map(d => d.rule))).not.toContain('OSA602');
        expect(report.files).toHaveLength(4);
    });

    it('an unknown option is a usage error (exit 2)', () => {
        const { code, stderr } = osa(['validate', '--colour', 'x']);
        expect(code).toBe(2);
        expect(stderr).toContain('unknown option --colour');
    });

    it('every command takes --help (exit 0, the help text), in the locale asked for; after `--` it is a path', () => {
        const main = osa(['--help']);
        for (const args of [['validate', '--help'], ['report', 'examples', '-h'], ['rules', '--help']]) {
            const { code, stdout } = osa(args);
            expect(code).toBe(0);
            expect(stdout).toBe(main.stdout);
        }
        const japanese = osa(['validate', '--help', '--locale', 'ja']);
        expect(japanese.code).toBe(0);
        expect(japanese.stdout).toContain('使います');
        const path = osa(['validate', '--', '--help']);
        expect(path.code).toBe(2);
        expect(path.stderr).toContain('--help');
    });
});

describe('osa rules', () => {
    it('lists all 36 rules with clauses and doc pages that exist', () => {
        const { code, stdout } = osa(['rules', '--format', 'json']);
        expect(code).toBe(0);
        const rules = JSON.parse(stdout) as { id: string; name: string; severity: string; clause: string; summary: string; docs: string }[];
        expect(rules.map(r => r.id)).toEqual(ALL_RULE_IDS);
        for (const rule of rules) {
            expect(rule.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
            expect(['error', 'warning', 'info']).toContain(rule.severity);
            expect(rule.clause.length).toBeGreaterThan(0);
            expect(fs.existsSync(path.join(REPO, rule.docs)), rule.docs).toBe(true);
        }
    });

    it('prints a table by default', () => {
        const { code, stdout } = osa(['rules']);
        expect(code).toBe(0);
        expect(stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+SEVERITY\s+CLAUSE\s+SUMMARY$/);
        expect(stdout).toMatch(/^OSA405\s+missing-no-extra-purpose-use-clause\s+error\s+§3\(3\)\(c\)/m);
    });
});

describe('osa --version and --help', () => {
    it('prints the tool version and the reference-data editions', async () => {
        const { code, stdout } = osa(['--version']);
        expect(code).toBe(0);
        expect(stdout).toMatch(/^osa \d+\.\d+\.\d+/);
        expect(stdout).toContain('dac-list: 2024-2025');
        expect(stdout).toContain('un-arms-embargoes: as of');
        // The bundle carries the editions computed when it was built: they must be those of the data it checks with.
        const { dataEditions } = await import('@osa-policy/language');
        expect(stdout.split('\n').slice(2, -1)).toEqual(dataEditions().map(e => `  ${e.dataset}: ${e.edition}`));
    });

    it('documents the exit codes', () => {
        const { code, stdout } = osa(['--help']);
        expect(code).toBe(0);
        expect(stdout).toContain('Exit codes');
        expect(stdout).toMatch(/2\s+usage error/);
    });
});
