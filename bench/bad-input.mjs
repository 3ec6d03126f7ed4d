// The bad-input table of issue 9: runs the built `osa validate` on each hostile or sloppy input and
// prints, per case, the exit code, the wall time and the first line it printed (standard error, else
// standard output). Each run is watched: killed after 30 s or above 2 GiB of resident memory, so an
// old build that hangs on a FIFO or reads /dev/zero forever shows up as "killed" instead of hanging.
// Usage: node bench/bad-input.mjs [--repo <checkout with a built CLI>]   (default: this checkout)
// Not a test: times depend on the machine.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoArg = process.argv.indexOf('--repo');
const repo = repoArg > 0 ? path.resolve(process.argv[repoArg + 1]) : here;
const osa = path.join(repo, 'packages/cli/bin/osa.js');
const TIMEOUT_MS = 30_000;
const MAX_RSS_MIB = 2048;

function rssMiB(pid) {
    try {
        const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf-8'));
        return match ? Number(match[1]) / 1024 : 0;
    } catch {
        return 0;
    }
}

function run(args, cwd, extra = {}) {
    return new Promise(resolve => {
        const started = performance.now();
        const child = spawn(process.execPath, [osa, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], ...extra });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', d => { stdout += d; });
        child.stderr.on('data', d => { stderr += d; });
        let killed;
        const watch = setInterval(() => {
            if (rssMiB(child.pid) > MAX_RSS_MIB) {
                killed = `killed: memory above ${MAX_RSS_MIB} MiB`;
                child.kill('SIGKILL');
            }
        }, 20);
        const timer = setTimeout(() => { killed = `killed: still running after ${TIMEOUT_MS / 1000} s`; child.kill('SIGKILL'); }, TIMEOUT_MS);
        child.on('close', (code, signal) => {
            clearInterval(watch);
            clearTimeout(timer);
            const first = (stderr.split('\n').find(l => l.trim()) ?? stdout.split('\n').find(l => l.trim()) ?? '').slice(0, 160);
            resolve({ code: killed ?? (code ?? signal), ms: performance.now() - started, first });
        });
    });
}

// A fixture workspace: the example programmes and what they refer to, plus the bad inputs.
const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'osa-bad-input-')));
fs.cpSync(path.join(here, 'examples'), dir, { recursive: true });
fs.rmSync(path.join(dir, 'violations'), { recursive: true });
fs.copyFileSync(path.join(here, 'README.md'), path.join(dir, 'README.md'));
const good = 'programmes/OSA-FY2024-PHL.osa';
// Each bad file in a folder of its own with its own configuration: a workspace of its own, so that it
// does not show up in the other cases (a workspace's listing reports every member it cannot read).
const own = folder => { fs.mkdirSync(path.join(dir, folder)); fs.writeFileSync(path.join(dir, folder, 'osa.config.json'), '{}'); };
own('fifo');
execFileSync('mkfifo', [path.join(dir, 'fifo/x.osa')]);
fs.mkdirSync(path.join(dir, 'team'));
fs.copyFileSync(path.join(dir, good), path.join(dir, 'team/p.osa'));
execFileSync('mkfifo', [path.join(dir, 'team/osa.config.json')]);
fs.mkdirSync(path.join(dir, 'zero'));
fs.copyFileSync(path.join(dir, good), path.join(dir, 'zero/p.osa'));
fs.writeFileSync(path.join(dir, 'zero/osa.config.json'), JSON.stringify({ referenceData: { dacList: '/dev/zero' } }));
const text = fs.readFileSync(path.join(dir, good));
const quote = text.indexOf('"');
own('utf8');
// With the templates and budgets it refers to, so that the only thing wrong with it is the byte.
fs.cpSync(path.join(dir, 'shared'), path.join(dir, 'utf8/shared'), { recursive: true });
own('binary');
fs.writeFileSync(path.join(dir, 'utf8/latin1.osa'), Buffer.concat([text.subarray(0, quote + 2), Buffer.from([0xe9]), text.subarray(quote + 2)]));
fs.writeFileSync(path.join(dir, 'binary/binary.osa'), Buffer.concat([Buffer.from('programme X {\n  '), Buffer.from([0, 1, 2]), Buffer.from('\n}\n')]));
fs.writeFileSync(path.join(dir, 'afile'), 'x');
fs.mkdirSync(path.join(dir, 'outdir'));
fs.mkdirSync(path.join(dir, 'readonly'), { mode: 0o555 });
fs.chmodSync(dir, 0o755);
const glob = fs.readdirSync(path.join(here, 'examples')).map(name => path.join(here, 'examples', name));
const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

const cases = [
    ['FIFO named x.osa', ['validate', 'fifo/x.osa', good]],
    ['/dev/zero named', ['validate', '/dev/zero']],
    ['osa.config.json is a FIFO', ['validate', 'team', good]],
    ['dacList: "/dev/zero"', ['validate', 'zero']],
    ['dacList: "/dev/zero", --allow-outside-data', ['validate', 'zero', '--allow-outside-data']],
    ['--config /dev/zero', ['validate', 'programmes', '--config', '/dev/zero']],
    ['README.md named', ['validate', 'README.md', good]],
    ['examples/* (shell glob)', ['validate', ...glob]],
    ['/dev/null named', ['validate', '/dev/null']],
    ['--output under a file (ENOTDIR)', ['validate', 'programmes', '--output', 'afile/sub/report.json']],
    ['--output is a directory (EISDIR)', ['validate', 'programmes', '--output', 'outdir']],
    ['--output in a read-only folder (EACCES, as nobody)', ['validate', 'programmes', '--output', 'readonly/report.json'], asNobody],
    ['invalid UTF-8 in a string', ['validate', 'utf8/latin1.osa']],
    ['NUL byte (binary file)', ['validate', 'binary/binary.osa']]
];

console.log(`osa: ${osa}\n`);
console.log('| case | exit | time | first line |\n|---|---|---|---|');
for (const [name, args, extra] of cases) {
    const result = await run(args, dir, extra);
    console.log(`| ${name} | ${result.code} | ${(result.ms / 1000).toFixed(2)} s | \`${result.first.replace(/\|/g, '\\|').replace(/`/g, "'")}\` |`);
}
fs.rmSync(dir, { recursive: true, force: true });
