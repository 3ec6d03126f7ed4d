/**
 * The CI-grade behaviour of `osa validate`, run as a real process on real files: thresholds, output
 * files, configuration, suppressions, globs, worker threads and shards.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const OSA = path.join(REPO, 'packages/cli/bin/osa.js');
const TEMPLATE = fs.readFileSync(path.join(REPO, 'examples/shared/templates.osa'), 'utf-8');
const IDN = fs.readFileSync(path.join(REPO, 'examples/programmes/OSA-FY2024-IDN.osa'), 'utf-8').replace(/ *funded-by .*\n/, '');

function osa(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
    const result = spawnSync(process.execPath, [OSA, ...args], {
        cwd: options.cwd ?? REPO, encoding: 'utf-8', env: { ...process.env, ...options.env }
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonDiagnostic { rule: string; severity: string; message: string; range: { start: { line: number } } }
interface JsonReport {
    files: { path: string; diagnostics: JsonDiagnostic[]; suppressed: (JsonDiagnostic & { suppression: { kind: string; reason: string } })[] }[];
    errors: { path: string; message: string }[];
    summary: { errors: number; warnings: number; infos: number; suppressed: number };
}

/** A workspace in a temp folder: files by relative path. */
function workspace(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-ci-'));
    fs.mkdirSync(path.join(dir, '.git')); // the repository root: config discovery stops here
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

function json(args: string[], cwd?: string): JsonReport {
    return JSON.parse(osa([...args, '--format', 'json'], { cwd }).stdout) as JsonReport;
}

const rulesOf = (report: JsonReport) => report.files.flatMap(f => f.diagnostics.map(d => d.rule)).sort();

describe('exit codes and thresholds', () => {
    it('warnings pass by default, fail with --fail-level warning', () => {
        const file = 'examples/programmes/OSA-FY2024-IDN.osa'; // one honest OSA305 warning
        expect(osa(['validate', file]).code).toBe(0);
        expect(osa(['validate', file, '--fail-level', 'warning']).code).toBe(1);
        expect(osa(['validate', 'examples/programmes/OSA-FY2024-MNG.osa', '--fail-level', 'warning']).code).toBe(0);
        expect(osa(['validate', 'examples/programmes/OSA-FY2024-MNG.osa', '--fail-level', 'info']).code).toBe(1);
    });

    it('--max-warnings fails when there are more warnings than allowed', () => {
        // The real programmes have warnings (e.g. monitoring not recorded) and no errors: the threshold decides.
        const report = JSON.parse(osa(['validate', 'examples/programmes', '--format', 'json']).stdout) as { summary: { warnings: number; errors: number } };
        const warnings = report.summary.warnings;
        expect(warnings).toBeGreaterThan(0);
        expect(report.summary.errors).toBe(0);
        expect(osa(['validate', 'examples/programmes', '--max-warnings', String(warnings)]).code).toBe(0);
        expect(osa(['validate', 'examples/programmes', '--max-warnings', String(warnings - 1)]).code).toBe(1);
    });

    it('bad option values are usage errors (exit 2)', () => {
        for (const args of [['--fail-level', 'fatal'], ['--max-warnings', '-1'], ['--jobs', '0'], ['--shard', '3/2'], ['--format', 'xml']]) {
            const result = osa(['validate', 'examples/programmes', ...args]);
            expect(result.code, args.join(' ')).toBe(2);
            expect(result.stderr).toContain(args[0]);
        }
    });
});

describe('--output', () => {
    it('writes the report to a file and nothing to standard output', () => {
        const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'osa-out-')), 'reports/osa.sarif');
        const result = osa(['validate', 'examples/violations/OSA103-modality-not-grant.osa', '--format', 'sarif', '--output', out]);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        const sarif = JSON.parse(fs.readFileSync(out, 'utf-8')) as { runs: { results: { ruleId: string }[] }[] };
        expect(sarif.runs[0].results.map(r => r.ruleId)).toContain('OSA103');
    });
});

describe('configuration', () => {
    const programme = IDN; // OSA305 warning + OSA502 info

    it('per-rule severities apply, "off" silences a rule', () => {
        const dir = workspace({
            'osa.config.json': JSON.stringify({ rules: { OSA305: 'error', OSA502: 'off' } }),
            'templates.osa': TEMPLATE, 'idn.osa': programme
        });
        const report = json(['validate', dir]);
        const idn = report.files.find(f => f.path.endsWith('idn.osa'))!;
        expect(idn.diagnostics.map(d => `${d.rule}:${d.severity}`)).toEqual(['OSA305:error']);
        expect(osa(['validate', dir]).code).toBe(1);
    });

    it('per-rule path ignores and file ignores', () => {
        const dir = workspace({
            'osa.config.json': JSON.stringify({ rules: { OSA305: { ignore: ['legacy/**'] } }, ignore: ['drafts'] }),
            'templates.osa': TEMPLATE,
            'legacy/idn.osa': programme,
            'current/idn.osa': programme.replace('OSA-FY2024-IDN', 'OSA-FY2024-IDN-2'),
            'drafts/broken.osa': 'programme {{{ not even close'
        });
        const report = json(['validate', dir]);
        expect(report.files.map(f => path.basename(path.dirname(f.path)) + '/' + path.basename(f.path)).sort())
            .toEqual(['current/idn.osa', 'legacy/idn.osa', `${path.basename(dir)}/templates.osa`].sort());
        const rules = (folder: string) => report.files.find(f => f.path.includes(`${folder}/`))!.diagnostics.map(d => d.rule);
        expect(rules('legacy')).toEqual(['OSA502']);
        expect(rules('current')).toEqual(['OSA305', 'OSA502']);
    });

    it('an unknown rule id is an error naming the file and the JSON path (exit 2)', () => {
        const dir = workspace({ 'osa.config.json': JSON.stringify({ rules: { OSA999: 'off' } }), 'a.osa': programme });
        const result = osa(['validate', dir]);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('osa.config.json: invalid configuration at rules.OSA999');
        expect(result.stderr).toContain('"OSA999" is not a rule id');
    });

    it('an invalid value is an error naming the JSON path', () => {
        const dir = workspace({ 'osa.config.json': JSON.stringify({ rules: { OSA101: 'fatal' } }), 'a.osa': programme });
        const result = osa(['validate', dir]);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('at rules.OSA101');
        const dir2 = workspace({ 'osa.config.json': JSON.stringify({ referenceData: { inCombat: [{ iso3: 'ph', from: '2024', basis: 'x', sources: [] }] } }), 'a.osa': programme });
        expect(osa(['validate', dir2]).stderr).toMatch(/at referenceData\.inCombat\[0\]\.(iso3|from|sources)/);
    });

    it('--config applies one file to every input instead of discovery', () => {
        const dir = workspace({ 'templates.osa': TEMPLATE, 'idn.osa': programme, 'ci/strict.json': JSON.stringify({ rules: { OSA502: 'error' } }) });
        const report = json(['validate', dir, '--config', path.join(dir, 'ci/strict.json')]);
        expect(report.files.find(f => f.path.endsWith('idn.osa'))!.diagnostics.find(d => d.rule === 'OSA502')!.severity).toBe('error');
    });

    it('with --config, sub-folders with their own osa.config.json do not split the workspace', () => {
        const dir = workspace({
            'osa.config.json': JSON.stringify({ rules: { OSA502: 'off' } }),
            'templates.osa': TEMPLATE,
            'team/osa.config.json': '{}',
            'team/idn.osa': programme,
            'strict.json': JSON.stringify({ rules: { OSA305: 'error' } })
        });
        const discovered = json(['validate', path.join(dir, 'team/idn.osa')], dir);
        expect(discovered.files[0].diagnostics.map(d => d.rule)).toContain('syntax'); // its workspace has no template
        const given = json(['validate', path.join(dir, 'team/idn.osa'), '--config', path.join(dir, 'strict.json')], dir);
        expect(given.files[0].diagnostics.map(d => `${d.rule}:${d.severity}`)).toEqual(['OSA305:error', 'OSA502:info']);
    });

    it('a file named on the command line but ignored by the configuration gets a note', () => {
        const dir = workspace({ 'osa.config.json': JSON.stringify({ ignore: ['drafts/**'] }), 'drafts/a.osa': 'programme {' });
        const result = osa(['validate', path.join(dir, 'drafts/a.osa')]);
        expect(result.code).toBe(0);
        expect(result.stderr).toContain('ignored by the configuration');
        expect(result.stdout).toContain('0 files checked');
    });

    it('--print-config shows what applies to a file and why', () => {
        const dir = workspace({
            'osa.config.json': JSON.stringify({ rules: { OSA502: 'off', OSA311: { severity: 'error', ignore: ['legacy/**'] } } }),
            'legacy/a.osa': programme
        });
        const { code, stdout } = osa(['validate', '--print-config', path.join(dir, 'legacy/a.osa')]);
        expect(code).toBe(0);
        const printed = JSON.parse(stdout) as { configFile: string; workspaceRoot: string; rules: { id: string; severity: string; source: string; ignoredForThisFile: boolean }[] };
        expect(printed.configFile).toBe(path.join(dir, 'osa.config.json'));
        expect(printed.workspaceRoot).toBe(dir);
        expect(printed.rules.find(r => r.id === 'OSA502')).toMatchObject({ severity: 'off', source: 'config' });
        expect(printed.rules.find(r => r.id === 'OSA311')).toMatchObject({ severity: 'error', source: 'config', ignoredForThisFile: true });
        expect(printed.rules.find(r => r.id === 'OSA101')).toMatchObject({ severity: 'error', source: 'default', ignoredForThisFile: false });
    });
});

describe('inline suppressions', () => {
    const suppressed = IDN.replace('    provide "High-speed patrol boat', '    // osa-disable-next-line OSA305 -- Retrofit reviewed with the recipient, 2025-03; purpose unchanged\n    provide "High-speed patrol boat');

    it('a next-line suppression with a reason silences the finding and lists it as suppressed', () => {
        const dir = workspace({ 'templates.osa': TEMPLATE, 'idn.osa': suppressed });
        const report = json(['validate', path.join(dir, 'idn.osa')]);
        const file = report.files[0];
        expect(file.diagnostics.map(d => d.rule)).toEqual(['OSA502']);
        expect(file.suppressed).toHaveLength(1);
        expect(file.suppressed[0]).toMatchObject({ rule: 'OSA305', suppression: { kind: 'next-line', reason: 'Retrofit reviewed with the recipient, 2025-03; purpose unchanged' } });
        expect(report.summary.suppressed).toBe(1);
        const sarif = JSON.parse(osa(['validate', path.join(dir, 'idn.osa'), '--format', 'sarif']).stdout) as { runs: { results: { ruleId: string; suppressions?: { kind: string; justification: string }[] }[] }[] };
        expect(sarif.runs[0].results.find(r => r.ruleId === 'OSA305')!.suppressions).toEqual([
            expect.objectContaining({ kind: 'inSource', justification: 'Retrofit reviewed with the recipient, 2025-03; purpose unchanged' })
        ]);
    });

    it('a file-level suppression covers the whole file', () => {
        const dir = workspace({ 'templates.osa': TEMPLATE, 'idn.osa': `// osa-disable OSA502 -- Procurement framework recorded in the MOFA file\n${IDN}` });
        const report = json(['validate', path.join(dir, 'idn.osa')]);
        expect(report.files[0].diagnostics.map(d => d.rule)).toEqual(['OSA305']);
        expect(report.files[0].suppressed.map(s => s.suppression.kind)).toEqual(['file']);
    });

    it('a suppression without a reason does not apply and is itself an error', () => {
        const dir = workspace({ 'templates.osa': TEMPLATE, 'idn.osa': IDN.replace('    provide "High-speed', '    // osa-disable-next-line OSA305\n    provide "High-speed') });
        const result = osa(['validate', path.join(dir, 'idn.osa'), '--format', 'json']);
        expect(result.code).toBe(1);
        const report = JSON.parse(result.stdout) as JsonReport;
        expect(report.files[0].diagnostics.map(d => `${d.rule}:${d.severity}`).sort()).toEqual(['OSA305:warning', 'OSA502:info', 'suppression:error']);
        expect(report.files[0].diagnostics.find(d => d.rule === 'suppression')!.message).toContain('gives no reason');
    });

    it('a suppression that matches nothing is a warning', () => {
        const dir = workspace({ 'templates.osa': TEMPLATE, 'idn.osa': IDN.replace('    title', '    // osa-disable-next-line OSA101 -- not needed\n    title') });
        const report = json(['validate', path.join(dir, 'idn.osa')]);
        const problem = report.files[0].diagnostics.find(d => d.rule === 'suppression')!;
        expect(problem.severity).toBe('warning');
        expect(problem.message).toContain('matches no finding');
    });
});

describe('scale: globs, worker threads, shards', () => {
    it('globs select files', () => {
        const report = json(['validate', 'examples/violations/OSA10*.osa']);
        expect(report.files.map(f => path.basename(f.path).slice(0, 6))).toEqual(['OSA100', 'OSA101', 'OSA102', 'OSA103', 'OSA104', 'OSA105']);
        expect(osa(['validate', 'examples/nothing-*.osa']).code).toBe(2);
    });

    it('--jobs N gives byte-identical output to --jobs 1', () => {
        const env = { OSA_PARALLEL_THRESHOLD: '1' }; // use worker threads even on the small examples
        for (const format of ['json', 'sarif', 'stylish']) {
            const one = osa(['validate', 'examples', '--jobs', '1', '--format', format], { env });
            const three = osa(['validate', 'examples', '--jobs', '3', '--format', format], { env });
            expect(three.code).toBe(one.code);
            expect(three.stdout, format).toBe(one.stdout);
        }
    });

    it('--shard i/n partitions the files; the union of the shards is the unsharded run', () => {
        const whole = json(['validate', 'examples']);
        const shards = [1, 2, 3].map(i => json(['validate', 'examples', '--shard', `${i}/3`]));
        const union = shards.flatMap(s => s.files).sort((a, b) => a.path.localeCompare(b.path));
        expect(union).toEqual(whole.files);
        expect(shards.every(s => s.files.length > 0)).toBe(true);
        // Workspace rules stay right within a shard: the budget and duplicate-id findings do not move.
        const inShards = shards.flatMap(s => s.files).filter(f => /OSA60[12]/.test(f.path));
        expect(inShards.flatMap(f => f.diagnostics.map(d => d.rule))).toEqual(expect.arrayContaining(['OSA601', 'OSA602']));
        // Deterministic: the same shard twice is the same.
        expect(json(['validate', 'examples', '--shard', '2/3'])).toEqual(shards[1]);
    });

    it('a progress line on a terminal for long runs, none when piped or in machine formats', () => {
        const dir = workspace({ 'templates.osa': TEMPLATE });
        for (let i = 0; i < 300; i++) {
            fs.writeFileSync(path.join(dir, `p${i}.osa`), IDN.replace('OSA-FY2024-IDN', `GEN-${i}`));
        }
        expect(osa(['validate', dir]).stderr).toBe('');
        // `script` gives the command a pseudo-terminal, as a person at a terminal would have.
        const onTerminal = (format: string) => spawnSync('script', ['-qec', `"${process.execPath}" "${OSA}" validate "${dir}" --format ${format}`, '/dev/null'], {
            encoding: 'utf-8', env: { ...process.env, CI: '' }
        }).stdout;
        expect(onTerminal('stylish')).toMatch(/\rchecked \d+\/301 files/);
        expect(onTerminal('json')).not.toContain('checked ');
    });

    it('colour only when asked or on a terminal, and never with NO_COLOR', () => {
        const file = 'examples/violations/OSA103-modality-not-grant.osa';
        expect(osa(['validate', file]).stdout).not.toContain('\u001b[');
        expect(osa(['validate', file, '--color']).stdout).toContain('\u001b[');
        expect(osa(['validate', file], { env: { NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    });
});

describe('osa explain and osa init', () => {
    it('explain prints the rule page', () => {
        const { code, stdout } = osa(['explain', 'OSA405']);
        expect(code).toBe(0);
        expect(stdout.split('\n')[0]).toBe('# OSA405: missing-no-extra-purpose-use-clause');
        expect(osa(['explain', 'OSA999']).code).toBe(2);
    });

    it('explain ends every page with a pointer to the language reference, which exists', () => {
        for (const id of ['OSA405', 'osa206', 'OSA603']) {
            const { code, stdout } = osa(['explain', id]);
            expect(code, id).toBe(0);
            const page = fs.readFileSync(path.join(REPO, 'docs/rules', `${id.toUpperCase()}.md`), 'utf-8');
            expect(stdout.startsWith(page), `${id}: the page comes first, whole`).toBe(true);
            const last = stdout.trimEnd().split('\n').pop()!;
            expect(last, id).toMatch(/^The language reference \(every construct, property and term\): docs\/language\.md \(https:\/\/github\.com\/.+\/blob\/main\/docs\/language\.md\)$/);
        }
        expect(fs.existsSync(path.join(REPO, 'docs/language.md'))).toBe(true);
    });

    it('init writes a starter workspace that validates without errors, and refuses a non-empty folder', () => {
        const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'osa-init-')), 'new');
        const init = osa(['init', dir]);
        expect(init.code).toBe(0);
        expect(fs.existsSync(path.join(dir, 'osa.config.json'))).toBe(true);
        const report = json(['validate', dir]);
        expect(report.summary.errors).toBe(0);
        expect(report.files.length).toBe(2);
        expect(osa(['init', dir]).code).toBe(2);
        expect(fs.readdirSync(dir).sort()).toEqual(['osa.config.json', 'programmes', 'shared']);
    });
});
