/**
 * The data of the peer benchmark (bench/peer-data.mjs, `npm run bench:peer`): the `.osa` and YAML generators
 * write the same programmes, and the JSON Schema derived from the vocabulary and reference data fails exactly
 * the programmes `osa validate` fails. This proves the comparison is like for like; the timing is the benchmark's.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const OSA = path.join(REPO, 'packages/cli/bin/osa.js');

type Facts = Record<string, unknown> & { programme: string; beneficiaries: { kind: string }[]; provide: { category: string }[] };
const peer = await import(path.join(REPO, 'bench/peer-data.mjs')) as {
    generatePeerWorkspaces(count: number): { osaDir: string; yamlDir: string };
    isViolation(i: number): boolean;
    asYamlFacts(facts: Facts): object;
    yamlFacts(i: number): object;
    toYaml(value: object): string;
    peerSchema(): object;
};
const generate = await import(path.join(REPO, 'bench/generate.mjs')) as {
    programmeFacts(i: number, options?: { omitClause?: string }): Facts;
    renderProgramme(facts: Facts): string;
};
// The YAML parser ajv-cli reads data files with, so the test reads the files as the benchmarked tool does.
const yaml = createRequire(path.join(REPO, 'node_modules/ajv-cli/dist/commands/util.js'))('js-yaml') as { safeLoad(text: string): unknown };
const validate = new Ajv.default().compile(peer.peerSchema());

const COUNT = 20;
const { osaDir, yamlDir } = peer.generatePeerWorkspaces(COUNT);
afterAll(() => [osaDir, yamlDir].forEach(dir => fs.rmSync(dir, { recursive: true, force: true })));

/** The programme files of a folder by name without extension (p0, p1, …), with their text. */
function programmeFiles(dir: string, extension: string): Map<string, string> {
    return new Map(fs.readdirSync(dir, { recursive: true, encoding: 'utf-8' })
        .filter(file => file.endsWith(extension) && path.basename(file) !== 'templates.osa')
        .map(file => [path.basename(file, extension), fs.readFileSync(path.join(dir, file), 'utf-8')]));
}

describe('the peer benchmark: the same programmes as .osa and as YAML', () => {
    it('writes each programme once in both forms, with the same id, and the YAML reads back as its facts', () => {
        const osaFiles = programmeFiles(osaDir, '.osa');
        const yamlFiles = programmeFiles(yamlDir, '.yaml');
        expect(osaFiles.size).toBe(COUNT);
        expect([...yamlFiles.keys()].sort()).toEqual([...osaFiles.keys()].sort());
        for (let i = 0; i < COUNT; i++) {
            const data = yaml.safeLoad(yamlFiles.get(`p${i}`)!) as { programme: string; agreement: { signed: unknown } };
            expect(data).toEqual(peer.yamlFacts(i));
            expect(/^programme (\S+) \{/.exec(osaFiles.get(`p${i}`)!)?.[1]).toBe(data.programme);
            // A date left unquoted would be a YAML timestamp, which the schema would reject as not a string.
            expect(data.agreement.signed).toBe('2025-06-01');
        }
    });

    it('the derived schema accepts a compliant programme and rejects one without its UN-Charter clause', () => {
        expect(peer.isViolation(0)).toBe(false);
        expect(validate(yaml.safeLoad(fs.readFileSync(path.join(yamlDir, 'part-0/p0.yaml'), 'utf-8')))).toBe(true);
        expect(peer.isViolation(9)).toBe(true);
        expect(validate(yaml.safeLoad(fs.readFileSync(path.join(yamlDir, 'part-0/p9.yaml'), 'utf-8')))).toBe(false);
        expect(validate.errors).toEqual([expect.objectContaining({ instancePath: '/agreement/clauses', keyword: 'contains' })]);
    });

    it('the schema fails exactly the files osa validate fails, for the clause and for other error-level rules', () => {
        // Programmes 3–7 get one more violation each, written into both forms from the same facts.
        const mutations: Record<number, (facts: Facts) => Facts> = {
            3: facts => ({ ...facts, beneficiaries: [{ ...facts.beneficiaries[0], kind: 'police' }] }), // OSA102
            4: facts => ({ ...facts, modality: 'loan' }), // OSA103
            5: facts => ({ ...facts, recipient: 'KOR' }), // OSA101: not on the DAC list
            6: facts => ({ ...facts, provide: [{ ...facts.provide[0], category: 'weapon' }] }), // OSA203
            7: () => generate.programmeFacts(7, { omitClause: 'information-disclosure' }) // OSA402
        };
        for (const [i, mutate] of Object.entries(mutations)) {
            const facts = mutate(generate.programmeFacts(Number(i)));
            fs.writeFileSync(path.join(osaDir, `part-0/p${i}.osa`), generate.renderProgramme(facts));
            fs.writeFileSync(path.join(yamlDir, `part-0/p${i}.yaml`), peer.toYaml(peer.asYamlFacts(facts)));
        }
        const result = spawnSync(process.execPath, [OSA, 'validate', osaDir, '--format', 'json'], { encoding: 'utf-8' });
        expect(result.status).toBe(1);
        const report = JSON.parse(result.stdout) as { files: { path: string; diagnostics: { severity: string }[] }[] };
        const osaFailing = report.files.filter(f => f.diagnostics.some(d => d.severity === 'error')).map(f => path.basename(f.path, '.osa')).sort();
        const schemaFailing = [...programmeFiles(yamlDir, '.yaml')].filter(([, text]) => !validate(yaml.safeLoad(text))).map(([name]) => name).sort();
        expect(osaFailing).toEqual(['p19', 'p3', 'p4', 'p5', 'p6', 'p7', 'p9']);
        expect(schemaFailing).toEqual(osaFailing);
    });
});
