// Measuring helpers shared by the benchmark scripts: command-line options, running a process and timing it
// (with its peak memory on request), medians and percentiles, and the `node -e 0` baseline.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { programme, REPO, shebangFlags } from './generate.mjs';

export const OSA_BIN = path.join(REPO, 'packages/cli/bin/osa.js');
/** The V8 flags of the CLI's shebang: osa, and the `node -e 0` it is compared with, run with them. */
export const OSA_FLAGS = shebangFlags(OSA_BIN);

/** The value of `--name <value>` on the command line, else `fallback`. */
export function option(name, fallback) {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
}

/** True when the module at `url` is the script node was started with (not imported by another benchmark). */
export const isMain = url => process.argv[1] !== undefined && url === pathToFileURL(path.resolve(process.argv[1])).href;

export const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const percentile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
export const summary = values => `p50 ${percentile(values, 0.5).toFixed(0)} ms, p95 ${percentile(values, 0.95).toFixed(0)} ms (n=${values.length})`;

// Node reports a child's max RSS only to the child itself, so a preloaded hook prints it on exit.
const RSS_HOOK = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nMAXRSS "+process.resourceUsage().maxRSS+"\\n"))';

/**
 * Runs this node with `args` and resolves to the exit code, the wall time in ms and, with `rss`, the peak
 * memory in MiB (worker threads included); `capture` keeps standard output and error. `capture: 'files'` has
 * the child write them to files instead of pipes: a program that ends with process.exit() (ajv-cli) loses the
 * end of what it wrote to a pipe, but never what it wrote to a file (written synchronously).
 */
export function runNode(args, { rss = false, capture = false, cwd = REPO } = {}) {
    const files = capture === 'files' ? fs.mkdtempSync(path.join(os.tmpdir(), 'osa-bench-out-')) : undefined;
    const fds = files ? [fs.openSync(path.join(files, 'out'), 'w'), fs.openSync(path.join(files, 'err'), 'w')] : undefined;
    return new Promise((resolve, reject) => {
        const started = process.hrtime.bigint();
        const child = spawn(process.execPath, rss ? ['--import', RSS_HOOK, ...args] : args,
            { cwd, stdio: ['ignore', fds?.[0] ?? (capture ? 'pipe' : 'ignore'), fds?.[1] ?? (rss || capture ? 'pipe' : 'ignore')] });
        let stdout = '', stderr = '';
        child.stdout?.on('data', d => { stdout += d; });
        child.stderr?.on('data', d => { stderr += d; });
        child.on('error', reject);
        child.on('close', code => {
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            if (files) {
                fds.forEach(fd => fs.closeSync(fd));
                stdout = fs.readFileSync(path.join(files, 'out'), 'utf-8');
                stderr = fs.readFileSync(path.join(files, 'err'), 'utf-8');
                fs.rmSync(files, { recursive: true, force: true });
            }
            const peak = rss ? Number(/MAXRSS (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024 : undefined;
            resolve({ code, ms, rss: peak, stdout, stderr });
        });
    });
}

/** Runs `osa <args>` as `npx osa` would: this node with the flags of the CLI's shebang. */
export const runOsa = (args, options) => runNode([...OSA_FLAGS, OSA_BIN, ...args], options);

/** `node -e 0` with the CLI's flags: what start-up costs before osa's own code runs. */
export const runBareNode = options => runNode([...OSA_FLAGS, '-e', '0'], options);

/** The median of `runs` runs of `node -e 0`. */
export async function nodeBaseline(runs = 15) {
    const times = [];
    for (let i = 0; i < runs; i++) {
        times.push((await runBareNode()).ms);
    }
    return median(times);
}

/**
 * Runs each named measurement `runs` times, interleaved (a, b, a, b, …) so that a change in the machine's load
 * affects all alike; resolves to each one's results by name.
 */
export async function interleaved(runs, measurements) {
    const results = Object.fromEntries(Object.keys(measurements).map(name => [name, []]));
    for (let r = 0; r < runs; r++) {
        for (const [name, measure] of Object.entries(measurements)) {
            results[name].push(await measure());
        }
    }
    return results;
}

/**
 * The persistent-cache option of `osa validate`, when this build has one (an issue-14 target): the option
 * names as `osa --help` lists them, or undefined.
 */
export async function osaCacheOptions() {
    const help = (await runOsa(['--help'], { capture: true })).stdout;
    return /--cache\b/.test(help) ? { cache: '--cache', location: /--cache-location\b/.test(help) ? '--cache-location' : undefined } : undefined;
}

/** The arguments that turn the cache on, its files kept at `location` when the option exists. */
export const cacheArguments = (cache, location) => [cache.cache, ...(cache.location ? [cache.location, location] : [])];

/** `--name N` from the command line as a number, else `fallback`. */
export const numberArg = (name, fallback) => Number(option(name, String(fallback)));

/** A file of at least 5,000 lines: generated programmes, compliant, ids from `first` on. */
export function bigFile(first = 0) {
    let text = '';
    for (let i = first; text.split('\n').length < 5000; i++) {
        text += programme(i);
    }
    return text;
}
