/**
 * `osa validate --cache`: a run with a warm cache reports exactly what a run without it reports, after every
 * kind of change a repository sees (edits, deletions, renames, configuration, data files, definitions, the
 * check date, the locale), and a cache file the repository brings (forged, damaged, not a file) changes nothing.
 * Real `osa` processes on real files; each case compares against a run without the cache.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const OSA = path.join(REPO, 'packages/cli/bin/osa.js');
const TEMPLATE = fs.readFileSync(path.join(REPO, 'examples/shared/templates.osa'), 'utf-8');
const PHL = fs.readFileSync(path.join(REPO, 'examples/programmes/OSA-FY2023-PHL.osa'), 'utf-8');

let keyHome: string;
beforeEach(() => {
    // The signing key lives in the user's cache folder: each test gets its own machine, so to speak.
    keyHome = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-cache-home-'));
});

function osa(args: string[], cwd: string, env: Record<string, string> = {}) {
    const result = spawnSync(process.execPath, [OSA, ...args], {
        cwd, encoding: 'utf-8', env: { ...process.env, XDG_CACHE_HOME: keyHome, ...env }, timeout: 60_000
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-cache-'));
    fs.mkdirSync(path.join(dir, '.git'));
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

/** The run with the cache (twice: filling it, then reading it) must equal the run without it, byte for byte. */
function expectSameWithCache(dir: string, args: string[] = ['.', '--format', 'json'], env: Record<string, string> = {}): ReturnType<typeof osa> {
    const plain = osa(['validate', ...args], dir, env);
    const cached = osa(['validate', ...args, '--cache'], dir, env);
    expect({ code: cached.code, stdout: cached.stdout }).toEqual({ code: plain.code, stdout: plain.stdout });
    expect(cached.stderr).toBe(plain.stderr);
    return plain;
}

const rules = (stdout: string) => (JSON.parse(stdout) as { files: { diagnostics: { rule: string }[] }[] }).files.flatMap(f => f.diagnostics.map(d => d.rule)).sort();
const cacheFile = (dir: string) => path.join(dir, '.osacache');

describe('a warm cache gives the same results', () => {
    it('without building anything for unchanged files', () => {
        // The fault injection fails the build of any file containing its marker: a warm run must not build it.
        const dir = workspace({ 'osa.config.json': '{}', 'shared/templates.osa': TEMPLATE, 'p.osa': `// OSA_FAULT_INJECTION\n${PHL}` });
        const cold = osa(['validate', '.', '--format', 'json', '--cache'], dir);
        expect(cold.stderr).toBe('');
        const fault = { OSA_FAULT_INJECTION: 'failing-build' };
        expect(osa(['validate', '.', '--format', 'json'], dir, fault).stderr).toContain('injected fault');
        const warm = osa(['validate', '.', '--format', 'json', '--cache'], dir, fault);
        expect({ code: warm.code, stdout: warm.stdout, stderr: warm.stderr }).toEqual({ code: cold.code, stdout: cold.stdout, stderr: '' });
    });

    it('on the examples, in every format', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-cache-examples-'));
        fs.cpSync(path.join(REPO, 'examples'), dir, { recursive: true });
        fs.mkdirSync(path.join(dir, '.git'));
        for (const format of ['json', 'sarif', 'stylish', 'junit', 'github']) {
            const plain = osa(['validate', '.', '--format', format], dir);
            const cold = osa(['validate', '.', '--format', format, '--cache'], dir);
            const warm = osa(['validate', '.', '--format', format, '--cache'], dir, { OSA_TIMING: '1' });
            expect(plain.code).toBe(1);
            for (const run of [cold, warm]) {
                expect(run.code).toBe(plain.code);
                expect(run.stdout).toBe(plain.stdout);
            }
        }
        // Proof the warm run used the cache: a run with a different locale misses, a repeat hits.
        expect(fs.statSync(cacheFile(dir)).size).toBeGreaterThan(1000);
        const japanese = expectSameWithCache(dir, ['.', '--format', 'json', '--locale', 'ja']);
        expect(JSON.parse(japanese.stdout).files.some((f: { diagnostics: { message: string }[] }) => f.diagnostics.some(d => /[ぁ-ん]/.test(d.message)))).toBe(true);
    });

    it('one file of a workspace: the others come from the cache, their duplicate ids and budgets still count', () => {
        const dir = workspace({
            'osa.config.json': '{}', 'shared/templates.osa': TEMPLATE,
            'a.osa': PHL, 'b.osa': PHL // the same id: OSA602 on both
        });
        expectSameWithCache(dir, ['.', '--format', 'json']);
        const one = expectSameWithCache(dir, ['a.osa', '--format', 'json']);
        expect(rules(one.stdout)).toContain('OSA602');
    });
});

describe('a stale cache never changes a result', () => {
    it('an edited file is checked again', () => {
        const dir = workspace({ 'osa.config.json': '{}', 'shared/templates.osa': TEMPLATE, 'p.osa': PHL });
        expect(rules(expectSameWithCache(dir).stdout)).not.toContain('OSA103');
        fs.writeFileSync(path.join(dir, 'p.osa'), PHL.replace('modality grant', 'modality loan'));
        expect(rules(expectSameWithCache(dir).stdout)).toContain('OSA103');
        // Back to the first text: the first result again (not the loan's).
        fs.writeFileSync(path.join(dir, 'p.osa'), PHL);
        expect(rules(expectSameWithCache(dir).stdout)).not.toContain('OSA103');
    });

    it('a deleted file no longer counts for duplicate ids, and a renamed file is reported under its new name', () => {
        const dir = workspace({ 'osa.config.json': '{}', 'shared/templates.osa': TEMPLATE, 'a.osa': PHL, 'b.osa': PHL });
        expect(rules(expectSameWithCache(dir).stdout)).toContain('OSA602');
        fs.rmSync(path.join(dir, 'b.osa'));
        expect(rules(expectSameWithCache(dir).stdout)).not.toContain('OSA602');
        fs.renameSync(path.join(dir, 'a.osa'), path.join(dir, 'c.osa'));
        const renamed = JSON.parse(expectSameWithCache(dir).stdout) as { files: { path: string }[] };
        expect(renamed.files.map(f => path.basename(f.path))).toContain('c.osa');
        expect(renamed.files.map(f => path.basename(f.path))).not.toContain('a.osa');
        // Entries of files that are gone are dropped from the cache file.
        expect(fs.readFileSync(cacheFile(dir), 'utf-8')).not.toContain(`${path.sep}a.osa"`);
    });

    it('a configuration change (a severity) and a changed data file it names', () => {
        const dir = workspace({ 'osa.config.json': '{}', 'shared/templates.osa': TEMPLATE, 'p.osa': PHL.replace('modality grant', 'modality loan') });
        const severity = (stdout: string) => (JSON.parse(stdout) as { files: { diagnostics: { rule: string; severity: string }[] }[] }).files
            .flatMap(f => f.diagnostics).find(d => d.rule === 'OSA103')?.severity;
        expect(severity(expectSameWithCache(dir).stdout)).toBe('error');
        fs.writeFileSync(path.join(dir, 'osa.config.json'), JSON.stringify({ rules: { OSA103: 'warning' } }));
        expect(severity(expectSameWithCache(dir).stdout)).toBe('warning');

        // The DAC list file named by the configuration changes while the configuration's text does not.
        const shipped = JSON.parse(fs.readFileSync(path.join(REPO, 'packages/language/src/reference/data/dac-list.json'), 'utf-8')) as { editions: { id: string; recipients: { iso3: string }[] }[] };
        const edition = shipped.editions.find(e => e.id === '2024-2025')!;
        fs.writeFileSync(path.join(dir, 'dac.json'), JSON.stringify({ editions: [edition] }));
        fs.writeFileSync(path.join(dir, 'osa.config.json'), JSON.stringify({ referenceData: { dacList: 'dac.json' } }));
        expect(rules(expectSameWithCache(dir).stdout)).not.toContain('OSA101');
        fs.writeFileSync(path.join(dir, 'dac.json'), JSON.stringify({ editions: [{ ...edition, recipients: edition.recipients.filter(r => r.iso3 !== 'PHL') }] }));
        expect(rules(expectSameWithCache(dir).stdout)).toContain('OSA101');
    });

    it('an edited agreement template (another file) and another check date', () => {
        const dir = workspace({ 'osa.config.json': '{}', 'shared/templates.osa': TEMPLATE, 'p.osa': PHL });
        expect(rules(expectSameWithCache(dir).stdout)).not.toContain('OSA407');
        fs.writeFileSync(path.join(dir, 'shared/templates.osa'), TEMPLATE.replace(/ *clause un-charter-conformity .*\n/, ''));
        expect(rules(expectSameWithCache(dir).stdout)).toContain('OSA407');
        const early = expectSameWithCache(dir, ['.', '--format', 'json', '--as-of', '2023-01-01']);
        const late = expectSameWithCache(dir, ['.', '--format', 'json', '--as-of', '2031-01-01']);
        expect(early.stdout).not.toBe(late.stdout);
    });

    it('the same results with worker threads, filling and reading the cache', () => {
        const files: Record<string, string> = { 'osa.config.json': '{}', 'shared/templates.osa': TEMPLATE };
        for (let i = 0; i < 12; i++) {
            files[`p${i}.osa`] = PHL.replace('OSA-FY2023-PHL', `OSA-FY2023-PHL-${i}`).replace('modality grant', i % 3 === 0 ? 'modality loan' : 'modality grant');
        }
        const dir = workspace(files);
        const threads = { OSA_PARALLEL_THRESHOLD: '1' };
        expectSameWithCache(dir, ['.', '--format', 'json', '--jobs', '2'], threads);
        fs.appendFileSync(path.join(dir, 'p1.osa'), '\nprogramme OSA-FY2023-PHL-2 { }\n');
        const after = expectSameWithCache(dir, ['.', '--format', 'json', '--jobs', '2'], threads);
        expect(rules(after.stdout)).toContain('OSA602');
    });
});

describe('a cache file the repository brings changes nothing', () => {
    const violating = () => workspace({ 'osa.config.json': '{}', 'shared/templates.osa': TEMPLATE, 'p.osa': PHL.replace('modality grant', 'modality loan') });

    it('a cache signed on another machine, or edited, is ignored with a notice and rebuilt', () => {
        const dir = violating();
        osa(['validate', '.', '--cache'], dir);
        // The attacker's copy: the same entries with the findings removed, signed again with the key that wrote it.
        const key = Buffer.from(fs.readFileSync(path.join(keyHome, 'osa/cache-key'), 'utf-8').trim(), 'hex');
        const text = fs.readFileSync(cacheFile(dir), 'utf-8');
        const entries = (JSON.parse(text.slice(text.indexOf('\n') + 1)) as { entries: Record<string, { diagnostics?: unknown[] }> }).entries;
        Object.values(entries).forEach(entry => entry.diagnostics &&= []);
        const payload = JSON.stringify({ entries });
        expect(payload).not.toContain('OSA103');
        const forged = `OSA-CACHE 1 ${createHmac('sha256', key).update(payload).digest('hex')}\n${payload}`;
        fs.writeFileSync(cacheFile(dir), forged);
        // On the same machine the forgery would be read: that is what the key is for. Elsewhere it is not.
        keyHome = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-cache-home-'));
        const elsewhere = osa(['validate', '.', '--format', 'json', '--cache'], dir);
        expect(rules(elsewhere.stdout)).toContain('OSA103');
        expect(elsewhere.stderr).toMatch(/result cache .*\.osacache was not written by osa on this machine/);
        // Tampered without the key: ignored too.
        const tampered = fs.readFileSync(cacheFile(dir), 'utf-8').replace('OSA103', 'OSA10X');
        fs.writeFileSync(cacheFile(dir), tampered);
        const again = osa(['validate', '.', '--format', 'json', '--cache'], dir);
        expect(rules(again.stdout)).toContain('OSA103');
        expect(again.stderr).toContain('was not written by osa on this machine');
    });

    it('garbage, a FIFO, a folder or an unwritable place: a notice, the full check, the same exit code', () => {
        const dir = violating();
        fs.writeFileSync(cacheFile(dir), Buffer.from([0, 1, 2, 255, 10, 123]));
        const garbage = osa(['validate', '.', '--format', 'json', '--cache'], dir);
        expect(garbage.code).toBe(1);
        expect(rules(garbage.stdout)).toContain('OSA103');

        const fifo = path.join(dir, 'fifo-cache');
        spawnSync('mkfifo', [fifo]);
        const fromFifo = osa(['validate', '.', '--format', 'json', '--cache-location', fifo], dir);
        expect(fromFifo.code).toBe(1);
        expect(fromFifo.stderr).toMatch(/result cache .*fifo-cache not read/);

        // A cache that is a link to another file of the machine is not read through, and saving replaces the link.
        const elsewhere = path.join(os.tmpdir(), `osa-cache-target-${process.pid}`);
        fs.writeFileSync(elsewhere, 'not a cache\n');
        fs.rmSync(cacheFile(dir));
        fs.symlinkSync(elsewhere, cacheFile(dir));
        const linked = osa(['validate', '.', '--format', 'json', '--cache'], dir);
        expect(rules(linked.stdout)).toContain('OSA103');
        expect(linked.stderr).toMatch(/result cache .*\.osacache not read \(.*link/);
        expect(fs.readFileSync(elsewhere, 'utf-8')).toBe('not a cache\n');
        expect(fs.lstatSync(cacheFile(dir)).isSymbolicLink()).toBe(false);

        fs.mkdirSync(path.join(dir, 'cache-folder'));
        osa(['validate', '.', '--cache-location', 'cache-folder'], dir);
        expect(fs.existsSync(path.join(dir, 'cache-folder', '.osacache'))).toBe(true);

        const unwritable = osa(['validate', '.', '--format', 'json', '--cache-location', path.join(dir, 'p.osa', 'cache')], dir);
        expect(unwritable.code).toBe(1);
        expect(rules(unwritable.stdout)).toContain('OSA103');
        expect(unwritable.stderr).toMatch(/result cache .* not written \((ENOTDIR|EEXIST)\)/);
    });
});
