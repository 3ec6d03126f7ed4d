// Long fuzz campaigns over the examples (not a test). Usage, after `npm run build`:
//   npm run fuzz -- --runs 100000 [--seed 42] [--minutes 40] [--out artifacts/fuzz]
// Prints the seed, progress every 10 s, and every distinct bug once: its counterexample, shrunk by
// fast-check and then minimized, as a ready-to-paste .osa text (also written to --out) and what broke.
// The same seed gives the same cases. Exit code: 0 when no property was violated other than the
// known bugs (known-bugs.mjs), 1 otherwise; a case that hangs for --hang-seconds (default 60) is
// saved and ends the run (SIGTERM).
//   npm run fuzz -- --replay bug.osa --as violations/OSA105-unknown-country-code.osa [--edit]
// checks one saved text standing in for that example (e.g. after a fix) and minimizes what still fails;
// --edit opens the original first and changes it to the text (as the counterexample says).
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describeCounterexample, FuzzHarness, loadCorpus, minimize } from './harness.mjs';
import { knownBugOf } from './known-bugs.mjs';
import { caseArbitrary, mutate } from './mutations.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const option = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
};
const runs = Number(option('runs', 10_000));
const seed = Number(option('seed', Date.now() % 2 ** 31));
const minutes = Number(option('minutes', Infinity));
const hangSeconds = Number(option('hang-seconds', 60));
const out = path.resolve(option('out', path.join(REPO, 'artifacts/fuzz')));
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed)) {
    console.error('usage: npm run fuzz -- --runs N [--seed S] [--minutes M] [--out DIR]');
    process.exit(2);
}

const corpus = loadCorpus(path.join(REPO, 'examples'));
const harness = new FuzzHarness(corpus);
await harness.start();

const replay = option('replay', undefined);
if (replay !== undefined) {
    const entry = corpus.find(e => e.name === option('as', ''));
    if (!entry) {
        console.error(`--replay needs --as with one of the examples: ${corpus.map(e => e.name).join(', ')}`);
        process.exit(2);
    }
    const options = { edit: process.argv.includes('--edit') };
    const violations = await harness.check(entry, fs.readFileSync(replay, 'utf-8'), options);
    violations.forEach(v => console.log(v.message));
    for (const signature of new Set(violations.map(v => v.signature))) {
        const minimal = await minimize(harness, entry, fs.readFileSync(replay, 'utf-8'), signature, undefined, options);
        console.log(`${signature}\nminimal text (standing in for examples/${entry.name}, ${minimal.checks} checks):\n----- 8< -----\n${minimal.text}\n----- 8< -----\n`);
    }
    console.log(violations.length === 0 ? 'no property is violated' : `${violations.length} violation(s)`);
    harness.dispose();
    process.exit(violations.length === 0 ? 0 : 1);
}
const arbitrary = caseArbitrary(corpus);
console.log(`osa fuzz: ${runs} cases, seed ${seed}, ${corpus.length} example files, node ${process.version}`);

/**
 * A hang blocks this thread, so a watchdog thread watches a counter that every case bumps: when it
 * stops moving for --hang-seconds, the watchdog saves the case's text (kept in shared memory), says
 * so, and ends the process.
 */
const watched = new SharedArrayBuffer(8 + 4 * 2 ** 20);
const watchedHeader = new Int32Array(watched, 0, 2);
const watchedText = new Uint8Array(watched, 8);
new Worker(`
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const header = new Int32Array(workerData.watched, 0, 2);
let last = -1;
let since = Date.now();
setInterval(() => {
    const count = Atomics.load(header, 0);
    if (count !== last) {
        last = count;
        since = Date.now();
    } else if (Date.now() - since > workerData.limitMs) {
        const text = Buffer.from(new Uint8Array(workerData.watched, 8, Atomics.load(header, 1))).toString();
        const file = path.join(workerData.out, 'hang-seed' + workerData.seed + '.osa');
        fs.mkdirSync(workerData.out, { recursive: true });
        fs.writeFileSync(file, text.slice(text.indexOf('\\n') + 1));
        fs.writeSync(1, '\\nHANG: one case has run for more than ' + workerData.limitMs / 1000 + ' s; it stands in for examples/' + text.slice(0, text.indexOf('\\n')) + ', saved as ' + file + '\\n');
        process.kill(process.pid, 'SIGTERM');
    }
}, 1000);
`, { eval: true, workerData: { watched, limitMs: hangSeconds * 1000, out, seed } }).unref();

function watch(entry, text) {
    const encoded = Buffer.from(`${entry.name}\n${text}`);
    const length = Math.min(encoded.length, watchedText.length);
    watchedText.set(encoded.subarray(0, length));
    Atomics.store(watchedHeader, 1, length);
    Atomics.add(watchedHeader, 0, 1);
}

/** Distinct bugs by signature: how often cases hit them, and the first shrunk counterexample. */
const bugs = new Map();
const started = Date.now();
const deadline = started + minutes * 60_000;
let generated = 0;
let shrinkSteps = 0;
let slowest = { ms: 0, name: '' };
let clean = 0;
let lastProgress = started;

/** CPU seconds this process used: on a shared machine, cases per CPU second is the throughput of one core. */
const cpuSeconds = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
};

function progress() {
    const seconds = (Date.now() - started) / 1000;
    const rss = process.memoryUsage().rss / 2 ** 20;
    console.log(`  ${generated}/${runs} cases in ${seconds.toFixed(0)} s (${(generated / seconds).toFixed(0)}/s; ${(generated / cpuSeconds()).toFixed(0)} per CPU second), ${clean} parsed cleanly, ${bugs.size} distinct bug(s), slowest case ${slowest.ms.toFixed(0)} ms (${slowest.name}), rss ${rss.toFixed(0)} MiB`);
}

for (let round = 0; generated < runs && Date.now() < deadline; round++) {
    let shrinking = false;
    const property = fc.asyncProperty(arbitrary, async fuzzCase => {
        const entry = corpus[fuzzCase.example];
        const text = mutate(corpus, fuzzCase);
        watch(entry, text);
        const begin = performance.now();
        const violations = await harness.check(entry, text, fuzzCase);
        const ms = performance.now() - begin;
        if (shrinking) {
            shrinkSteps++;
        } else {
            generated++;
            clean += harness.last.parsedCleanly ? 1 : 0;
            if (ms > slowest.ms) {
                slowest = { ms, name: entry.name };
            }
            for (const v of violations) {
                const bug = bugs.get(v.signature) ?? (knownBugOf(v) ? bugs.set(v.signature, { hits: 0, file: 'known-bugs.mjs', violation: v }).get(v.signature) : undefined);
                if (bug) {
                    bug.hits++;
                }
            }
            if (Date.now() - lastProgress > 10_000) {
                lastProgress = Date.now();
                progress();
            }
        }
        // Bugs seen before, and those in known-bugs.mjs, pass: the campaign goes on looking for new ones.
        if (violations.some(v => !bugs.has(v.signature) && !knownBugOf(v))) {
            shrinking = true;
            return false;
        }
        return true;
    });
    const roundSeed = (seed + round) % 2 ** 31;
    const result = await fc.check(property, { seed: roundSeed, numRuns: runs - generated, interruptAfterTimeLimit: Math.max(1, deadline - Date.now()), markInterruptAsFailure: false });
    if (!result.failed) {
        break;
    }
    const [fuzzCase] = result.counterexample;
    const entry = corpus[fuzzCase.example];
    const text = mutate(corpus, fuzzCase);
    const violations = await harness.check(entry, text, fuzzCase);
    const fresh = violations.filter(v => !bugs.has(v.signature) && !knownBugOf(v));
    const name = `seed${seed}-bug${bugs.size + 1}`;
    for (const v of fresh) {
        bugs.set(v.signature, { hits: 1, file: `${name}.osa`, violation: v });
    }
    // Minimizing checks many texts outside fast-check: keep the watchdog informed.
    const watchedHarness = { check: (e, t, o) => (watch(e, t), harness.check(e, t, o)) };
    const minimal = fresh.length > 0 ? (await minimize(watchedHarness, entry, text, fresh[0].signature, undefined, fuzzCase)).text : text;
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, `${name}.osa`), minimal);
    const description = describeCounterexample(entry, fuzzCase, fresh.length ? fresh : violations, `${seed} round ${round} (fast-check seed ${roundSeed}, path ${result.counterexamplePath})`);
    fs.writeFileSync(path.join(out, `${name}.txt`), `${description}\n`);
    console.log(`\n${description}\nminimized counterexample, standing in for examples/${entry.name} (${path.join(out, `${name}.osa`)}):\n----- 8< -----\n${minimal}\n----- 8< -----\n`);
}

progress();
const seconds = (Date.now() - started) / 1000;
console.log(`\n${generated} cases (plus ${shrinkSteps} shrinking steps) in ${seconds.toFixed(0)} s, ${(generated / seconds).toFixed(1)} cases/s, ${cpuSeconds().toFixed(0)} CPU seconds (${(generated / cpuSeconds()).toFixed(1)} cases per CPU second); seed ${seed}`);
if (bugs.size === 0) {
    console.log('no property was violated');
} else {
    console.log(`${bugs.size} distinct bug(s); cases that hit each:`);
    for (const [signature, bug] of [...bugs].sort((a, b) => b[1].hits - a[1].hits)) {
        const known = knownBugOf(bug.violation) ? 'known, ' : '';
        console.log(`  ${String(bug.hits).padStart(7)}  ${signature.slice(0, 200)}  (${known}${bug.file})`);
    }
}
harness.dispose();
// Bugs listed in known-bugs.mjs are reported but do not fail the run.
process.exitCode = [...bugs.values()].every(bug => knownBugOf(bug.violation)) ? 0 : 1;
