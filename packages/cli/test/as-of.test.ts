/** The check date through real `osa` processes: `--as-of`, `asOf` in osa.config.json, and their errors. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { programme, STANDARD_TEMPLATE } from '../../language/test/helpers.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const OSA = path.join(REPO, 'packages/cli/bin/osa.js');

function osa(args: string[], cwd: string) {
    const result = spawnSync(process.execPath, [OSA, ...args], { cwd, encoding: 'utf-8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Delivered on 2025-03-01 with no monitoring: OSA408 from a check date after 2026-03-01 on, silent before. */
const DELIVERED = programme({ id: 'PHL-2024-MDA', extra: 'status delivered\n    decided 2024-06-20\n    delivered 2025-03-01' });

const dirs: string[] = [];
function workspace(config?: unknown): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-as-of-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'templates.osa'), STANDARD_TEMPLATE);
    fs.writeFileSync(path.join(dir, 'programme.osa'), DELIVERED);
    if (config !== undefined) {
        fs.writeFileSync(path.join(dir, 'osa.config.json'), typeof config === 'string' ? config : JSON.stringify(config));
    }
    return dir;
}
afterAll(() => dirs.forEach(d => fs.rmSync(d, { recursive: true, force: true })));

function rulesOf(stdout: string): string[] {
    const report = JSON.parse(stdout) as { files: { diagnostics: { rule: string; message: string }[] }[] };
    return report.files.flatMap(f => f.diagnostics.map(d => d.rule));
}

describe('the check date', () => {
    it('--as-of decides whether monitoring is overdue, and the message names it', () => {
        const dir = workspace();
        const early = osa(['validate', '--as-of', '2026-02-28', '--format', 'json'], dir);
        expect(early.code).toBe(0);
        expect(rulesOf(early.stdout)).not.toContain('OSA408');
        const late = osa(['validate', '--as-of=2026-03-02'], dir);
        expect(late.stdout).toMatch(/programme\.osa:\d+:\d+ {2}warning {2}.*check date 2026-03-02.*OSA408/);
    });

    it('asOf in osa.config.json applies, and --as-of overrides it', () => {
        const dir = workspace({ asOf: '2026-03-02' });
        expect(rulesOf(osa(['validate', '--format', 'json'], dir).stdout)).toContain('OSA408');
        expect(rulesOf(osa(['validate', '--format', 'json', '--as-of', '2025-12-01'], dir).stdout)).not.toContain('OSA408');
        const printed = JSON.parse(osa(['validate', '--print-config', 'programme.osa'], dir).stdout) as { checkDate: string; checkDateSource: string };
        expect(printed).toMatchObject({ checkDate: '2026-03-02', checkDateSource: 'config asOf' });
    });

    it('is today by default (the delivery of 2025-03-01 is long past)', () => {
        const dir = workspace();
        const { stdout } = osa(['validate'], dir);
        const today = JSON.parse(osa(['validate', '--print-config', 'programme.osa'], dir).stdout).checkDate as string;
        expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(stdout).toContain(`check date ${today}`);
    });

    it.each([
        ['2026-3-1', 'not a date written YYYY-MM-DD'],
        ['2026-02-30', 'does not exist in the calendar'],
        ['yesterday', 'not a date written YYYY-MM-DD']
    ])('--as-of %s is a usage error (exit 2) saying why', (value, why) => {
        const dir = workspace();
        const { code, stdout, stderr } = osa(['validate', '--as-of', value], dir);
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toContain('--as-of takes the check date as YYYY-MM-DD');
        expect(stderr).toContain(why);
        expect(stderr).not.toMatch(/\bat .*\.js:\d+/);
    });

    it.each([
        [{ asOf: '2026-02-30' }, 'at asOf: "2026-02-30" does not exist in the calendar'],
        [{ asOf: '1 March 2026' }, 'at asOf: must be a date written YYYY-MM-DD'],
        [{ asOf: 20260301 }, 'at asOf: must be string']
    ])('an invalid asOf in the configuration is a configuration error: %j', (config, message) => {
        const dir = workspace(config);
        const { code, stdout, stderr } = osa(['validate'], dir);
        expect(code).toBe(2);
        expect(`${stdout}${stderr}`).toContain(message);
    });
});
