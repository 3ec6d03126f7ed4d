// Measures `osa validate` on the examples: wall time and peak memory (max RSS) of the whole process,
// over several runs. Usage: npm run bench [-- --runs 10]. Not a test: numbers depend on the machine.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10;

/** Wall time of one run of the command. */
function measure(args) {
    return new Promise((resolve, reject) => {
        const started = process.hrtime.bigint();
        const child = spawn(process.execPath, [path.join(repo, 'packages/cli/bin/osa.js'), ...args], { cwd: repo, stdio: 'ignore' });
        child.on('error', reject);
        child.on('exit', code => {
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            resolve({ code, ms });
        });
    });
}

async function peakRss(args) {
    // Node reports a child's max RSS only to the child itself, so ask it to print it on exit.
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'data:text/javascript,process.on("exit",()=>process.stderr.write("RSS "+process.resourceUsage().maxRSS+"\\n"))',
            path.join(repo, 'packages/cli/bin/osa.js'), ...args], { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        child.stderr.on('data', d => { err += d; });
        child.on('error', reject);
        child.on('exit', () => resolve(Number(/RSS (\d+)/.exec(err)?.[1] ?? NaN) / 1024));
    });
}

function stats(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const at = q => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return { min: sorted[0], p50: at(0.5), max: sorted[sorted.length - 1] };
}

for (const target of [['validate', 'examples/programmes'], ['validate', 'examples']]) {
    const times = [];
    for (let i = 0; i < runs; i++) {
        times.push((await measure(target)).ms);
    }
    const rss = await peakRss(target);
    const t = stats(times);
    console.log(`osa ${target.join(' ')}: ${runs} runs, wall ms min ${t.min.toFixed(0)} / p50 ${t.p50.toFixed(0)} / max ${t.max.toFixed(0)}; peak RSS ${rss.toFixed(1)} MiB (node ${process.version})`);
}
