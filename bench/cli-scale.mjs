// Scale benchmark of `osa validate` (issue: CI-grade linter). Not a test: prints measurements.
//   npm run bench:scale [-- --sizes 1000,10000 --jobs 1,2 --runs 3]
// Generates small programme files in a temporary workspace, then measures for each size and --jobs:
// files per second (wall time of the whole command, start-up included) and peak memory (max RSS of
// the process, worker threads included). Also start-up: `osa --version` against a bare `node -e 0`.
// The CLI runs with the V8 flags of its own shebang line, as `npx osa` would run it.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateWorkspace, REPO, shebangFlags } from './generate.mjs';

const bin = path.join(REPO, 'packages/cli/bin/osa.js');
const flags = shebangFlags(bin);
const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
};
const sizes = arg('sizes', '1000,10000').split(',').map(Number);
const jobsList = arg('jobs', '1,2').split(',').map(Number);
const runs = Number(arg('runs', '3'));

/** Runs a command; returns wall ms and the process's max RSS in MiB (printed by a preloaded hook). */
function measure(args) {
    const hook = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nMAXRSS "+process.resourceUsage().maxRSS+"\\n"))';
    return new Promise((resolve, reject) => {
        const started = process.hrtime.bigint();
        const child = spawn(process.execPath, [...flags, '--import', hook, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', d => { stderr += d; });
        child.on('error', reject);
        child.on('exit', code => {
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            const rss = Number(/MAXRSS (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
            resolve({ code, ms, rss });
        });
    });
}

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(`node ${process.version}, ${os.availableParallelism()} cores, flags ${flags.join(' ') || '(none)'}`);
const startup = [], bare = [];
for (let i = 0; i < 15; i++) {
    startup.push((await measure([bin, '--version'])).ms);
    bare.push((await measure(['-e', '0'])).ms);
}
console.log(`start-up: osa --version ${median(startup).toFixed(0)} ms, node -e 0 ${median(bare).toFixed(0)} ms, difference ${(median(startup) - median(bare)).toFixed(0)} ms (median of 15)`);
for (const size of sizes) {
    const dir = generateWorkspace(size);
    for (const jobs of jobsList) {
        const results = [];
        for (let r = 0; r < runs; r++) {
            results.push(await measure([bin, 'validate', dir, '--jobs', String(jobs), '--format', 'json', '--output', path.join(dir, 'report.json')]));
        }
        const ms = median(results.map(r => r.ms));
        const rss = Math.max(...results.map(r => r.rss));
        const ok = results.every(r => r.code === 0);
        console.log(`${size} files, --jobs ${jobs}: ${(size / (ms / 1000)).toFixed(0)} files/s (median ${ms.toFixed(0)} ms of ${runs}), peak RSS ${rss.toFixed(0)} MiB${ok ? '' : ' (NON-ZERO EXIT)'}`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
}
