/**
 * Fuzzing: mutated examples (tokens deleted, duplicated, swapped; cuts; unicode, control characters,
 * huge numbers, odd dates, unbalanced braces and quotes) must keep every property — no internal error,
 * every file in the json report whose summary adds up, the CLI's findings equal the editor's, and a
 * formatter that is idempotent and keeps the syntax tree and the findings. In this process for
 * thousands of cases (fixed seed: a failure names its seed and a ready-to-paste counterexample), then
 * a smaller sample through the real `osa validate` and `osa lsp --stdio` processes.
 * Long campaigns: `npm run fuzz -- --runs N` (packages/cli/fuzz/run.mjs).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { toReportedDiagnostic } from '@osa-policy/language';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    countedSummary, describeCounterexample, FuzzHarness, INTERNAL_ERROR, internalErrorSignature, loadCorpus, minimize, type Violation
} from '../fuzz/harness.mjs';
import { knownBugOf, KNOWN_BUGS, REGRESSIONS } from '../fuzz/known-bugs.mjs';
import { caseArbitrary, mutate } from '../fuzz/mutations.mjs';
import { LspTestClient, OSA, REPO } from './lsp/lsp-client.js';

const EXAMPLES = path.join(REPO, 'examples');
/** Fixed, so that `npm test` checks the same cases every time; change it to explore. */
const SEED = 20_261_129;
/** 18 s measured on the 2-core machine (the whole file about 22 s); measure with `npx vitest run packages/cli/test/fuzz.test.ts`. */
const IN_PROCESS_RUNS = 2000;
const PROCESS_RUNS = 30;

const corpus = loadCorpus(EXAMPLES);
const entryFor = (name: string) => corpus.find(e => e.name === name)!;
let harness: FuzzHarness;

beforeAll(async () => {
    harness = new FuzzHarness(corpus);
    await harness.start();
});
afterAll(() => harness?.dispose());

/** Violations that are not a known, tolerated bug (see fuzz/known-bugs.mjs). */
const unknown = (violations: Violation[]) => violations.filter(v => !knownBugOf(v));

describe('fuzzing the examples', () => {
    it('every example itself keeps every property', async () => {
        expect(corpus.length).toBeGreaterThan(40);
        for (const entry of corpus) {
            expect(await harness.check(entry, entry.text), entry.name).toEqual([]);
        }
    });

    it(`${IN_PROCESS_RUNS} mutants keep every property (seed ${SEED})`, async () => {
        let tolerated = 0;
        let clean = 0;
        const property = fc.asyncProperty(caseArbitrary(corpus), async fuzzCase => {
            const entry = corpus[fuzzCase.example];
            const text = mutate(corpus, fuzzCase);
            const violations = await harness.check(entry, text, fuzzCase);
            tolerated += violations.length - unknown(violations).length;
            clean += harness.last.parsedCleanly ? 1 : 0;
            const fresh = unknown(violations);
            if (fresh.length > 0) {
                const minimal = await minimize(harness, entry, text, fresh[0].signature, 300, fuzzCase);
                throw new Error(`${describeCounterexample(entry, fuzzCase, fresh, SEED)}\nminimized, standing in for examples/${entry.name}:\n----- 8< -----\n${minimal.text}\n----- 8< -----`);
            }
        });
        await fc.assert(property, { seed: SEED, numRuns: IN_PROCESS_RUNS });
        console.log(`fuzz: ${IN_PROCESS_RUNS} cases, ${clean} parsed without syntax errors, ${tolerated} known-bug violations tolerated`);
        // Both kinds of mutant occur: broken ones, and clean ones that reach the formatter's tree and findings checks.
        expect(clean).toBeGreaterThan(IN_PROCESS_RUNS / 20);
        expect(clean).toBeLessThan(IN_PROCESS_RUNS);
    }, 120_000);

    // One test per open bug (none today): each must still happen, or its entry must move to REGRESSIONS.
    it.each(KNOWN_BUGS.map(bug => [JSON.stringify(bug.text).slice(0, 60), bug] as const))('known bug %s still happens on its counterexample', async (_name, bug) => {
        const violations = await harness.check(entryFor(bug.example), bug.text);
        expect(violations.some(v => knownBugOf(v) === bug), `${JSON.stringify(bug)}`).toBe(true);
    });

    it('the counterexamples of fixed bugs keep every property', async () => {
        expect(REGRESSIONS.length).toBeGreaterThan(0);
        for (const regression of REGRESSIONS) {
            const entry = entryFor(regression.example);
            const texts = 'text' in regression ? [regression.text] : regression.prefixes.map(prefix => prefix + entry.text);
            for (const text of texts) {
                expect(await harness.check(entry, text), `${regression.example}: ${JSON.stringify(text.slice(0, 80))}`).toEqual([]);
            }
        }
    });
});

describe('fuzzing through the real processes', () => {
    it(`osa validate and osa lsp --stdio agree on ${PROCESS_RUNS} mutants, and the json report accounts for every file`, async () => {
        // The mutants sit next to their originals in a copy of examples/, each in its original's workspace.
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-fuzz-processes-'));
        fs.cpSync(EXAMPLES, dir, { recursive: true });
        const cases = fc.sample(caseArbitrary(corpus), { numRuns: PROCESS_RUNS, seed: SEED });
        const mutants = cases.map((fuzzCase, i) => {
            const file = path.join(dir, corpus[fuzzCase.example].name.replace(/\.osa$/, `.fuzz${i}.osa`));
            fs.writeFileSync(file, mutate(corpus, fuzzCase));
            return file;
        });
        const all = fs.readdirSync(dir, { recursive: true, encoding: 'utf-8' }).filter(f => f.endsWith('.osa')).map(f => f.split(path.sep).join('/'));

        const cli = spawnSync(process.execPath, [OSA, 'validate', '.', '--format', 'json'], { cwd: dir, encoding: 'utf-8' });
        expect(cli.stderr).not.toMatch(/internal error/i);
        type JsonDiagnostic = { rule: string; severity: string; message: string; range: unknown };
        const report = JSON.parse(cli.stdout) as {
            files: { path: string; diagnostics: JsonDiagnostic[]; suppressed: unknown[] }[];
            errors: { path: string; message: string }[];
            summary: Record<string, number>;
        };
        for (const file of all) {
            expect(report.files.some(f => f.path === file) || report.errors.some(e => e.path === file), `${file} in the report`).toBe(true);
        }
        expect(report.summary).toEqual(countedSummary(report));
        const crashes = report.files.flatMap(f => f.diagnostics)
            .filter(d => INTERNAL_ERROR.test(d.message) && !knownBugOf({ signature: internalErrorSignature(d.message), message: d.message }));
        expect(crashes).toEqual([]);

        const client = await LspTestClient.start(dir);
        try {
            for (const file of mutants) {
                const shown = path.relative(dir, file).split(path.sep).join('/');
                const fromCli = report.files.find(f => f.path === shown)?.diagnostics;
                if (!fromCli) {
                    continue; // refused by the CLI (in `errors`): nothing to compare
                }
                // Compared as sorted lists of the fields both sides have (the server's related paths are URIs).
                const comparable = (list: JsonDiagnostic[]) => list.map(({ rule, severity, message, range }) => JSON.stringify({ rule, severity, message, range })).sort();
                const expected = comparable(fromCli);
                await client.open(file);
                // The server may publish intermediate results while the workspace loads: wait for the
                // CLI's findings; on a timeout the failure shows the server's last publication.
                const matches = (published: Parameters<typeof toReportedDiagnostic>[0][]) => isDeepStrictEqual(comparable(published.map(toReportedDiagnostic)), expected);
                await client.diagnostics(file, matches, 10_000).catch(() => undefined);
                expect(comparable((client.published(file) ?? []).map(toReportedDiagnostic)), shown).toEqual(expected);
            }
            expect(await client.shutdown()).toBe(0);
        } finally {
            client.process.kill();
            fs.rmSync(dir, { recursive: true, force: true });
        }
    }, 120_000);
});
