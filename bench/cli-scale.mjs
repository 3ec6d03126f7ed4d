// Scale benchmark of `osa validate` (issue: CI-grade linter). Not a test: prints measurements.
//   npm run bench:scale [-- --sizes 1000,10000 --jobs 1,2 --runs 3]
// Generates small programme files in a temporary workspace, then measures for each size and --jobs:
// files per second (wall time of the whole command, start-up included) and peak memory (max RSS of
// the process, worker threads included). Also start-up: `osa --version` against a bare `node -e 0`.
// The CLI runs with the V8 flags of its own shebang line, as `npx osa` would run it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateWorkspace } from './generate.mjs';
import { OSA_FLAGS, isMain, median, option, runBareNode, runOsa } from './measure.mjs';

/** Median start-up of `osa --version` and of `node -e 0` (interleaved, peak-memory hook on both, as before). */
export async function startup(runs = 15) {
    const osa = [], bare = [];
    for (let i = 0; i < runs; i++) {
        osa.push((await runOsa(['--version'], { rss: true })).ms);
        bare.push((await runBareNode({ rss: true })).ms);
    }
    return { osa: median(osa), bare: median(bare) };
}

/** `osa validate` of a generated workspace of `size` files with `--jobs`: median wall ms, files/s, peak RSS over the runs. */
export async function validateAtScale(dir, size, jobs, runs) {
    const results = [];
    for (let r = 0; r < runs; r++) {
        results.push(await runOsa(['validate', dir, '--jobs', String(jobs), '--format', 'json', '--output', path.join(dir, 'report.json')], { rss: true }));
    }
    const ms = median(results.map(r => r.ms));
    return { ms, filesPerSecond: size / (ms / 1000), rss: Math.max(...results.map(r => r.rss)), ok: results.every(r => r.code === 0) };
}

if (isMain(import.meta.url)) {
    const sizes = option('sizes', '1000,10000').split(',').map(Number);
    const jobsList = option('jobs', '1,2').split(',').map(Number);
    const runs = Number(option('runs', '3'));
    console.log(`node ${process.version}, ${os.availableParallelism()} cores, flags ${OSA_FLAGS.join(' ') || '(none)'}`);
    const start = await startup();
    console.log(`start-up: osa --version ${start.osa.toFixed(0)} ms, node -e 0 ${start.bare.toFixed(0)} ms, difference ${(start.osa - start.bare).toFixed(0)} ms (median of 15)`);
    for (const size of sizes) {
        const dir = generateWorkspace(size);
        for (const jobs of jobsList) {
            const { ms, filesPerSecond, rss, ok } = await validateAtScale(dir, size, jobs, runs);
            console.log(`${size} files, --jobs ${jobs}: ${filesPerSecond.toFixed(0)} files/s (median ${ms.toFixed(0)} ms of ${runs}), peak RSS ${rss.toFixed(0)} MiB${ok ? '' : ' (NON-ZERO EXIT)'}`);
        }
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
