/**
 * Hostile and sloppy input to the real `osa validate` (issue 9): nothing hangs, nothing is lost. Each
 * run is watched (guarded-run.ts): a FIFO read would block until the timeout, /dev/zero would grow
 * past the memory bound; either kills the process and fails the test. Every case also checks that
 * the good files next to the bad one are still validated and reported.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runGuarded, type GuardedResult } from './guarded-run.js';

interface JsonReport {
    files: { path: string; diagnostics: { rule: string; severity: string; message: string; range: { start: { line: number; column: number } } }[] }[];
    errors: { path: string; message: string }[];
}

/** A copy of the examples: a workspace whose programmes validate cleanly (exit 0). */
function examplesCopy(): string {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'osa-hostile-')));
    fs.cpSync(path.join(REPO, 'examples'), dir, { recursive: true });
    fs.rmSync(path.join(dir, 'violations'), { recursive: true });
    return dir;
}

const GOOD = 'programmes/OSA-FY2024-PHL.osa';

/** Finished by itself, in bounded memory, with no internal error or stack trace. */
function expectOrderly(result: GuardedResult): void {
    expect(result.killed, `killed by the watchdog after ${result.ms.toFixed(0)} ms (peak ${result.peakRssMiB.toFixed(0)} MiB); stderr: ${result.stderr}`).toBeUndefined();
    expect(result.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+\)?$/m);
}

function json(result: GuardedResult): JsonReport {
    return JSON.parse(result.stdout) as JsonReport;
}

describe('osa validate on things that are not regular files', () => {
    it('a FIFO named x.osa is a per-file problem (exit 2), named or found in a folder; the rest is reported', async () => {
        const dir = examplesCopy();
        execFileSync('mkfifo', [path.join(dir, 'programmes/x.osa')]);
        for (const args of [[GOOD, 'programmes/x.osa'], ['programmes']]) {
            const result = await runGuarded(['validate', ...args, '--format', 'json'], { cwd: dir });
            expectOrderly(result);
            expect(result.code, args.join(' ')).toBe(2);
            expect(result.stderr).toContain('osa: programmes/x.osa: not a regular file but a FIFO (named pipe); only regular files are read');
            expect(json(result).files.map(f => f.path)).toContain(GOOD);
            expect(json(result).errors).toEqual([{ path: 'programmes/x.osa', message: 'not a regular file but a FIFO (named pipe); only regular files are read' }]);
        }
    });

    it('/dev/zero and /dev/null named on the command line are skipped with a notice; the exit code is the good file\'s', async () => {
        const dir = examplesCopy();
        const result = await runGuarded(['validate', '/dev/zero', '/dev/null', GOOD, '--format', 'json'], { cwd: dir, maxRssMiB: 512 });
        expectOrderly(result);
        expect(result.code).toBe(0);
        expect(result.stderr).toContain('osa: /dev/zero: skipped: not an .osa file');
        expect(result.stderr).toContain('osa: /dev/null: skipped: not an .osa file');
        expect(json(result).files.map(f => f.path)).toEqual([GOOD]);
    });

    it('an osa.config.json that is a FIFO invalidates its own workspace only; the others are reported', async () => {
        const dir = examplesCopy();
        fs.mkdirSync(path.join(dir, 'team'));
        fs.copyFileSync(path.join(dir, GOOD), path.join(dir, 'team/p.osa'));
        execFileSync('mkfifo', [path.join(dir, 'team/osa.config.json')]);
        const result = await runGuarded(['validate', '.', '--format', 'json'], { cwd: dir });
        expectOrderly(result);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('osa: team/osa.config.json: invalid configuration: cannot read the configuration: not a regular file but a FIFO (named pipe)');
        expect(json(result).files.map(f => f.path)).toContain(GOOD);
    });

    it('a configuration naming /dev/zero as its DAC list is refused unread, trusted or not', async () => {
        const dir = examplesCopy();
        fs.writeFileSync(path.join(dir, 'osa.config.json'), JSON.stringify({ referenceData: { dacList: '/dev/zero' } }));
        const untrusted = await runGuarded(['validate', GOOD], { cwd: dir, maxRssMiB: 512 });
        expectOrderly(untrusted);
        expect(untrusted.code).toBe(2);
        expect(untrusted.stderr).toContain('invalid configuration at referenceData.dacList: "/dev/zero" is an absolute path; in an untrusted workspace, data files must be inside the configuration\'s folder');
        const trusted = await runGuarded(['validate', GOOD, '--allow-outside-data'], { cwd: dir, maxRssMiB: 512 });
        expectOrderly(trusted);
        expect(trusted.code).toBe(2);
        expect(trusted.stderr).toContain('cannot read /dev/zero: not a regular file but a character device; only regular files are read');
    });

    it('--allow-outside-data lets a configuration use a data file outside its folder', async () => {
        const dir = examplesCopy();
        const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-shared-data-'));
        fs.copyFileSync(path.join(REPO, 'packages/language/src/reference/data/dac-list.json'), path.join(shared, 'dac.json'));
        fs.writeFileSync(path.join(dir, 'osa.config.json'), JSON.stringify({ referenceData: { dacList: path.join(shared, 'dac.json') } }));
        const refused = await runGuarded(['validate', GOOD], { cwd: dir });
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain('is an absolute path');
        const allowed = await runGuarded(['validate', GOOD, '--allow-outside-data'], { cwd: dir });
        expectOrderly(allowed);
        expect(allowed.code, allowed.stderr).toBe(0);
    });

    it('--config /dev/zero is a usage error in one line, read not at all', async () => {
        const result = await runGuarded(['validate', 'examples/programmes', '--config', '/dev/zero'], { maxRssMiB: 512 });
        expectOrderly(result);
        expect(result.code).toBe(2);
        expect(result.stderr.split('\n')[0]).toBe('osa: --config /dev/zero: not a regular file but a character device; only regular files are read');
    });

    it('a symbolic link leading out of the workspace, or in a loop, is refused per file', async () => {
        const dir = examplesCopy();
        const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-outside-'));
        fs.copyFileSync(path.join(dir, GOOD), path.join(outside, 'p.osa'));
        fs.symlinkSync(path.join(outside, 'p.osa'), path.join(dir, 'programmes/out.osa'));
        fs.symlinkSync('loop2.osa', path.join(dir, 'programmes/loop1.osa'));
        fs.symlinkSync('loop1.osa', path.join(dir, 'programmes/loop2.osa'));
        const result = await runGuarded(['validate', 'programmes/out.osa', 'programmes/loop1.osa', GOOD, '--format', 'json'], { cwd: dir });
        expectOrderly(result);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/programmes\/out\.osa: a symbolic link leading outside the workspace/);
        expect(result.stderr).toContain('programmes/loop1.osa: a symbolic link loop; not followed');
        expect(json(result).files.map(f => f.path)).toEqual([GOOD]);
    });
});

describe('osa validate: every named path gets an answer', () => {
    it('a README.md named next to .osa files is skipped with a notice; the others are reported and decide the exit code', async () => {
        const result = await runGuarded(['validate', 'README.md', 'examples/programmes/OSA-FY2024-PHL.osa', '--format', 'json']);
        expectOrderly(result);
        expect(result.code).toBe(0);
        expect(result.stderr).toBe('osa: README.md: skipped: not an .osa file\n');
        expect(json(result).files.map(f => f.path)).toEqual(['examples/programmes/OSA-FY2024-PHL.osa']);
    });

    it('the shell glob `examples/*` (folders, osa.config.json) reports what `examples` reports', async () => {
        const expanded = fs.readdirSync(path.join(REPO, 'examples')).map(name => `examples/${name}`);
        const globbed = await runGuarded(['validate', ...expanded, '--format', 'json']);
        const folder = await runGuarded(['validate', 'examples', '--format', 'json']);
        expectOrderly(globbed);
        expect(globbed.stderr).toBe('osa: examples/osa.config.json: skipped: not an .osa file\n');
        expect(globbed.code).toBe(folder.code);
        expect(globbed.stdout).toBe(folder.stdout);
    });

    it('a missing path is still exit 2, and the files named with it are reported', async () => {
        const result = await runGuarded(['validate', 'no/such.osa', 'examples/programmes/OSA-FY2024-PHL.osa', '--format', 'json']);
        expectOrderly(result);
        expect(result.code).toBe(2);
        expect(json(result).files).toHaveLength(1);
        expect(json(result).errors).toEqual([{ path: 'no/such.osa', message: 'no such file or directory' }]);
    });
});

describe('osa validate: a bug in osa', () => {
    it('is reported on the file it happened on, with where to report it and no stack trace; the other files are reported', async () => {
        const dir = examplesCopy();
        fs.appendFileSync(path.join(dir, 'programmes/OSA-FY2023-BGD.osa'), '\n// OSA_FAULT_INJECTION\n');
        const result = await runGuarded(['validate', 'programmes', '--format', 'json'], { cwd: dir, spawn: { env: { ...process.env, OSA_FAULT_INJECTION: 'failing-build' } } });
        expectOrderly({ ...result, stderr: result.stderr.replace('internal error while checking this file', '') });
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('osa: programmes/OSA-FY2023-BGD.osa: internal error while checking this file: injected fault. This is a bug in osa, not in the file; '
            + 'please report it at https://github.com/osa-policy/osa-policy/issues with the file (set OSA_DEBUG=1 for the stack trace)\n');
        expect(json(result).files).toHaveLength(8);
    });
});

describe('osa validate --output problems: one line, exit 2, never half a report', () => {
    const args = ['validate', 'examples/programmes', '--format', 'json', '--output'];

    it('a file where a folder should be (ENOTDIR)', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-out-'));
        fs.writeFileSync(path.join(dir, 'file'), 'x');
        const result = await runGuarded([...args, path.join(dir, 'file/sub/report.json')]);
        expectOrderly(result);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^osa: --output .*file\/sub\/report\.json: cannot write the report: a part of the path .* is a file, not a directory \((ENOTDIR|EEXIST)\)\n$/);
        expect(fs.readFileSync(path.join(dir, 'file'), 'utf-8')).toBe('x');
    });

    it('a directory as the report file (EISDIR): no temporary file is left behind', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-out-'));
        fs.mkdirSync(path.join(dir, 'report.json'));
        const result = await runGuarded([...args, path.join(dir, 'report.json')]);
        expectOrderly(result);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe(`osa: --output ${path.join(dir, 'report.json')}: cannot write the report: ${path.join(dir, 'report.json')} is a directory; give a file name (EISDIR)\n`);
        expect(fs.readdirSync(dir)).toEqual(['report.json']);
    });

    it('a folder it may not write to (EACCES; as root, the run is done as user nobody)', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-out-'));
        fs.chmodSync(dir, 0o755);
        fs.writeFileSync(path.join(dir, 'report.json'), 'the previous report');
        const readOnly = path.join(dir, 'ro');
        fs.mkdirSync(readOnly);
        fs.writeFileSync(path.join(readOnly, 'report.json'), 'the previous report');
        fs.chmodSync(readOnly, 0o555);
        // Root ignores permission bits: run as `nobody` so the kernel really refuses.
        const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
        const result = await runGuarded([...args, path.join(readOnly, 'report.json')], { spawn: asNobody });
        expectOrderly(result);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe(`osa: --output ${path.join(readOnly, 'report.json')}: cannot write the report: permission denied (EACCES); choose a writable location\n`);
        expect(fs.readFileSync(path.join(readOnly, 'report.json'), 'utf-8')).toBe('the previous report');
    });

    it('a report that can be written replaces the old one whole', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-out-'));
        const out = path.join(dir, 'deep/er/report.json');
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.writeFileSync(out, 'the previous report, much longer than nothing at all');
        const result = await runGuarded([...args, out]);
        expect(result.code).toBe(0);
        expect(JSON.parse(fs.readFileSync(out, 'utf-8'))).toMatchObject({ summary: { files: 9 } });
        expect(fs.readdirSync(path.dirname(out))).toEqual(['report.json']);
    });
});

describe('osa validate: bytes that are not text', () => {
    it('invalid UTF-8 in a string is an error at its line and column in every format, never silently replaced', async () => {
        const dir = examplesCopy();
        const file = path.join(dir, GOOD);
        const text = fs.readFileSync(file);
        const quote = text.indexOf('"');
        const line = text.subarray(0, quote).toString().split('\n').length;
        const column = quote - text.lastIndexOf('\n', quote);
        // Two Latin-1 bytes after the opening quote and one character: as an editor saving in Latin-1 would.
        fs.writeFileSync(file, Buffer.concat([text.subarray(0, quote + 2), Buffer.from([0xe9, 0xe8]), text.subarray(quote + 2)]));
        const where = `line ${line}, column ${column + 2}`;
        const asJson = await runGuarded(['validate', GOOD, '--format', 'json'], { cwd: dir });
        expectOrderly(asJson);
        expect(asJson.code).toBe(1);
        const finding = json(asJson).files[0].diagnostics.find(d => d.message.includes('not valid UTF-8'));
        expect(finding).toMatchObject({ severity: 'error', range: { start: { line, column: column + 2 } } });
        expect(finding!.message).toContain(`The file is not valid UTF-8 at ${where}`);
        const stylish = await runGuarded(['validate', GOOD], { cwd: dir });
        expect(stylish.code).toBe(1);
        expect(stylish.stdout).toContain(`${GOOD}:${line}:${column + 2}  error  The file is not valid UTF-8 at ${where}`);
        const sarif = await runGuarded(['validate', GOOD, '--format', 'sarif'], { cwd: dir });
        const results = (JSON.parse(sarif.stdout) as { runs: { results: { level: string; message: { text: string }; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[] }).runs[0].results;
        expect(results.find(r => r.message.text.includes('not valid UTF-8'))).toMatchObject({
            level: 'error', locations: [{ physicalLocation: { region: { startLine: line, startColumn: column + 2 } } }]
        });
    });

    it('a file with a NUL byte is one problem naming the position, in every format; nothing else is said about it', async () => {
        const dir = examplesCopy();
        fs.writeFileSync(path.join(dir, 'programmes/binary.osa'), Buffer.concat([Buffer.from('programme X {\n  '), Buffer.from([0, 1, 2, 0xff]), Buffer.from('\n}\n')]));
        const message = 'a binary file, not text (a NUL byte at line 2, column 3)';
        const asJson = await runGuarded(['validate', 'programmes', '--format', 'json'], { cwd: dir });
        expectOrderly(asJson);
        expect(asJson.code).toBe(2);
        expect(json(asJson).errors).toEqual([{ path: 'programmes/binary.osa', message }]);
        expect(json(asJson).files.map(f => f.path)).not.toContain('programmes/binary.osa');
        expect(asJson.stderr).toBe(`osa: programmes/binary.osa: ${message}\n`);
        const stylish = await runGuarded(['validate', 'programmes'], { cwd: dir });
        expect(stylish.stdout).toMatch(/1 input problem/);
        const sarif = await runGuarded(['validate', 'programmes', '--format', 'sarif'], { cwd: dir });
        const invocation = (JSON.parse(sarif.stdout) as { runs: { invocations: { toolExecutionNotifications: { message: { text: string } }[] }[] }[] }).runs[0].invocations[0];
        expect(invocation.toolExecutionNotifications.map(n => n.message.text)).toEqual([message]);
    });
});
