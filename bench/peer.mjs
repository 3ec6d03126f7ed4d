// osa against the generic alternative (issue 14, target 1). Not a test: prints measurements.
//   npm run bench:peer [-- --sizes 1000,10000 --runs 5]
// Generates N programmes as .osa files and as YAML files with the same facts (every tenth lacks its UN-Charter
// clause), derives a JSON Schema from the language's vocabulary and reference data (bench/peer-data.mjs), and
// times `osa validate <dir>` (with the CLI's shebang flags, default --jobs) against `ajv validate` (ajv-cli) on the
// same node, interleaved, cold (no cache). Both must find exactly the violating programmes: the script checks
// the files each reports and says MISMATCH loudly otherwise. When `osa --help` lists a `--cache` option, it also
// times warm-cache runs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from './generate.mjs';
import { cacheArguments, interleaved, isMain, median, option, osaCacheOptions, runBareNode, runNode, runOsa } from './measure.mjs';
import { generatePeerWorkspaces, isViolation, OMITTED_CLAUSE, peerSchema } from './peer-data.mjs';

const AJV_PACKAGE = path.join(REPO, 'node_modules/ajv-cli');
const AJV_BIN = path.join(AJV_PACKAGE, JSON.parse(fs.readFileSync(path.join(AJV_PACKAGE, 'package.json'), 'utf-8')).bin.ajv);

/** The programme numbers (p<i>) of the files with an error in an osa json report, and how many programme files it read. */
function osaFailures(reportFile) {
    const files = JSON.parse(fs.readFileSync(reportFile, 'utf-8')).files.filter(f => path.basename(f.path) !== 'templates.osa');
    return { failing: files.filter(f => f.diagnostics.some(d => d.severity === 'error')).map(f => path.basename(f.path, '.osa')), seen: files.length };
}

/** The same for ajv-cli, which writes `<file> valid` to standard output and `<file> invalid` to standard error. */
function ajvFailures({ stdout, stderr }) {
    const failing = [...stderr.matchAll(/^(\S+) invalid$/gm)].map(([, file]) => path.basename(file, '.yaml'));
    return { failing, seen: failing.length + (stdout.match(/ valid$/gm) ?? []).length };
}

/** Compares the files a tool failed with the violating programmes; undefined when they are the same. */
function mismatch(tool, { failing, seen }, expected, size) {
    const missed = [...expected].filter(name => !failing.includes(name));
    const extra = failing.filter(name => !expected.has(name));
    return missed.length === 0 && extra.length === 0 && failing.length === expected.size && seen === size ? undefined
        : `${tool} read ${seen} of ${size} files and found ${failing.length} failing, expected ${expected.size}: missed ${missed.slice(0, 5).join(', ') || 'none'}, extra ${extra.slice(0, 5).join(', ') || 'none'}`;
}

/**
 * One size: medians of `runs` interleaved runs of osa (cold, and warm when `cache` names the cache options),
 * ajv-cli and `node -e 0`, and whether every run of each tool found exactly the violating programmes.
 */
export async function comparePeers(size, runs, cache) {
    const { osaDir, yamlDir } = generatePeerWorkspaces(size);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-peer-out-'));
    try {
        const schemaFile = path.join(work, 'programme.schema.json');
        fs.writeFileSync(schemaFile, JSON.stringify(peerSchema(), null, 2));
        const expected = new Set(Array.from({ length: size }, (_, i) => i).filter(isViolation).map(i => `p${i}`));
        const problems = [];
        const osaRun = async (extra = []) => {
            const report = path.join(work, 'osa.json');
            const result = await runOsa(['validate', osaDir, '--format', 'json', '--output', report, ...extra]);
            const wrong = result.code !== 1 ? `osa exited ${result.code}` : mismatch('osa', osaFailures(report), expected, size);
            if (wrong) {
                problems.push(wrong);
            }
            return result.ms;
        };
        const ajvRun = async () => {
            // ajv-cli expands the glob itself, as a user would quote it for 10,000 files.
            const result = await runNode([AJV_BIN, 'validate', '-s', schemaFile, '-d', `${yamlDir}/**/*.yaml`], { capture: 'files' });
            const wrong = result.code !== 1 ? `ajv-cli exited ${result.code}: ${result.stderr.slice(0, 200)}` : mismatch('ajv-cli', ajvFailures(result), expected, size);
            if (wrong) {
                problems.push(wrong);
            }
            return result.ms;
        };
        const measurements = { osa: () => osaRun(), ajv: ajvRun, node: async () => (await runBareNode()).ms };
        if (cache) {
            // Hook for the persistent cache (issue 14, target 2): filled once here, then every timed run is warm.
            const cacheArgs = cacheArguments(cache, path.join(work, 'cache'));
            await osaRun(cacheArgs);
            measurements.osaWarm = () => osaRun(cacheArgs);
        }
        const results = await interleaved(runs, measurements);
        const medians = Object.fromEntries(Object.entries(results).map(([name, times]) => [name, median(times)]));
        return { size, runs, violations: expected.size, ...medians, problems: [...new Set(problems)] };
    } finally {
        for (const dir of [osaDir, yamlDir, work]) {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    }
}

/** Prints one size's figures, and any mismatch loudly. */
export function printPeers(r) {
    const n = r.size.toLocaleString('en');
    console.log(`${n} programmes (${r.violations} lack ${OMITTED_CLAUSE}), median of ${r.runs} interleaved runs:`);
    console.log(`  osa validate ${r.osa.toFixed(0)} ms, ajv-cli ${r.ajv.toFixed(0)} ms: osa/ajv ${(r.osa / r.ajv).toFixed(2)}; node -e 0 ${r.node.toFixed(0)} ms`);
    if (r.osaWarm !== undefined) {
        console.log(`  osa validate --cache (warm) ${r.osaWarm.toFixed(0)} ms: osa/ajv ${(r.osaWarm / r.ajv).toFixed(2)}`);
    }
    if (r.problems.length === 0) {
        console.log(`  both found exactly the ${r.violations} violating programmes`);
    } else {
        for (const problem of r.problems) {
            console.log(`  !!! MISMATCH: ${problem}`);
        }
        process.exitCode = 1;
    }
}

if (isMain(import.meta.url)) {
    const sizes = option('sizes', '1000,10000').split(',').map(Number);
    const runs = Number(option('runs', '5'));
    const cache = await osaCacheOptions();
    console.log(`node ${process.version}, ${os.availableParallelism()} cores; osa with its default --jobs, ajv-cli single-threaded; ${cache ? `warm-cache row with ${cache.cache}` : 'no --cache option in this build: cold runs only'}`);
    for (const size of sizes) {
        printPeers(await comparePeers(size, runs, cache));
    }
}
