/**
 * The machine formats on a real run of the built `osa` command: every violation, the real programmes,
 * a waived finding, garbage bytes (syntax errors, control characters in a message), a folder outside the current
 * directory and a missing path. SARIF must validate, JUnit must be well-formed, GitHub lines must parse.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAll, parseXml } from './xml.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const OSA = path.join(REPO, 'packages/cli/bin/osa.js');

const require = createRequire(import.meta.url);
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf-8')) as object);

let outside: string;
let args: string[];

beforeAll(() => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-formats-'));
    fs.cpSync(path.join(REPO, 'examples/shared'), path.join(outside, 'shared'), { recursive: true });
    fs.writeFileSync(path.join(outside, 'osa.config.json'), '{}');
    fs.writeFileSync(path.join(outside, 'waived.osa'), '// osa-disable OSA502 -- agreed with MOFA & MOD: "memo <12>"\n'
        + fs.readFileSync(path.join(REPO, 'examples/violations/OSA502-no-framework-coordination.osa'), 'utf-8'));
    // Control characters and bytes that are not UTF-8 (a NUL would make it a binary file, not parsed).
    fs.writeFileSync(path.join(outside, 'garbage.osa'), Buffer.from([255, 254, 1, 2, 3, 0x7b, 0x7b, 10, 0x22]));
    args = ['validate', 'examples/violations', 'examples/programmes', outside, 'no/such/file.osa'];
});

afterAll(() => fs.rmSync(outside, { recursive: true, force: true }));

function osa(format: string) {
    const result = spawnSync(process.execPath, [OSA, ...args, '--format', format], { cwd: REPO, encoding: 'utf-8' });
    expect(result.status).toBe(2);
    return result.stdout;
}

describe('formats on a real run', () => {
    it('sarif validates and keeps the waiver', () => {
        const log = JSON.parse(osa('sarif')) as {
            runs: { invocations: { executionSuccessful: boolean }[]; results: { ruleId: string; suppressions?: { justification: string }[]; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
        };
        expect(validateSarif(log) ? [] : validateSarif.errors).toEqual([]);
        const run = log.runs[0];
        expect(run.invocations[0].executionSuccessful).toBe(false);
        expect(run.results.find(r => r.suppressions)?.suppressions?.[0].justification).toBe('agreed with MOFA & MOD: "memo <12>"');
        expect(run.results.some(r => r.ruleId === 'syntax' && r.locations[0].physicalLocation.artifactLocation.uri.startsWith('file:///'))).toBe(true);
    });

    it('junit is well-formed', () => {
        const root = parseXml(osa('junit'));
        expect(Number(root.attributes.failures)).toBeGreaterThan(30);
        expect(findAll(root, 'error')).toHaveLength(1);
        expect(findAll(root, 'skipped')).toHaveLength(1);
    });

    it('github prints one well-formed command per line', () => {
        const lines = osa('github').trimEnd().split('\n');
        for (const line of lines) {
            expect(line).toMatch(/^::(error|warning|notice) file=[^:,]+(,(line|col|endLine|endColumn|title)=[^:,]+)*::.+$/);
        }
        expect(lines.at(-1)).toBe('::error file=no/such/file.osa::no such file or directory');
    });
});
