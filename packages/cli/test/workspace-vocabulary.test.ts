/**
 * Terms a workspace adds in osa.config.json, through real `osa` processes on real files: the language checks accept
 * them, the rules apply their classification (conflict-related, default field, defense equipment by nature),
 * `--print-config` lists them, the same file outside the workspace does not know them, and a configuration that
 * tries to whitewash a built-in term stops the run with a clear message.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DIVING_SUPPORT_VESSEL, fijiSheet } from './vocabulary-fixtures.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const OSA = path.join(REPO, 'packages/cli/bin/osa.js');
const TEMPLATES = fs.readFileSync(path.join(REPO, 'examples/shared/templates.osa'), 'utf-8');
const made: string[] = [];
afterAll(() => made.forEach(dir => fs.rmSync(dir, { recursive: true, force: true })));

function osa(args: string[], cwd: string) {
    const result = spawnSync(process.execPath, [OSA, ...args], { cwd, encoding: 'utf-8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-vocab-'));
    made.push(dir);
    fs.mkdirSync(path.join(dir, '.git')); // the repository root: config discovery stops here
    for (const [name, text] of Object.entries({ 'templates.osa': TEMPLATES, ...files })) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

interface Diagnostic { rule: string; severity: string; message: string }
function findings(dir: string, file = 'fji.osa'): { code: number | null; diagnostics: Diagnostic[] } {
    const result = osa(['validate', file, '--format', 'json'], dir);
    const report = JSON.parse(result.stdout) as { files: { diagnostics: Diagnostic[] }[] };
    return { code: result.code, diagnostics: report.files.flatMap(f => f.diagnostics) };
}

const VOCABULARY = {
    'item-category': {
        'diving-support-vessel': DIVING_SUPPORT_VESSEL,
        'naval-gun-mount': { description: 'A mount for a naval gun.', conflictRelated: true, defenseEquipment: true },
        'military-search-radar': { description: 'A search radar built to military specification.', conflictRelated: false, defaultField: 'rule-of-law', defenseEquipment: true }
    },
    activity: {
        'underwater-recovery': { description: 'Recovering people from under water.', conflictRelated: false, field: 'humanitarian' }
    }
};


const LAWFUL = fijiSheet('field humanitarian { activity underwater-recovery }', 'provide "Diving support vessel" category diving-support-vessel');

describe('workspace terms (osa.config.json vocabulary) in `osa validate`', () => {
    it('a configured term is accepted and classified: no unknown-term error, and its default field serves the declared one', () => {
        const dir = workspace({ 'osa.config.json': JSON.stringify({ vocabulary: VOCABULARY }), 'fji.osa': LAWFUL });
        const { code, diagnostics } = findings(dir);
        expect(diagnostics.filter(d => d.rule === 'syntax')).toEqual([]);
        expect(diagnostics.filter(d => d.severity !== 'info')).toEqual([]);
        expect(code).toBe(0);
    });

    it('the same file outside the workspace does not know the terms', () => {
        const inside = workspace({ 'osa.config.json': JSON.stringify({ vocabulary: VOCABULARY }) });
        const outside = workspace({ 'fji.osa': LAWFUL });
        const { code, diagnostics } = findings(outside);
        expect(code).toBe(1);
        expect(diagnostics.filter(d => d.rule === 'syntax').map(d => d.message)).toEqual([
            'Unknown activity `underwater-recovery`; the known terms are listed in docs/language.md.',
            'Unknown item category `diving-support-vessel`; did you mean `support-vessel`?'
        ]);
        expect(fs.existsSync(path.join(inside, 'osa.config.json'))).toBe(true);
    });

    it('the rules read the classification: the default field (OSA207), conflict-related (OSA203), defense equipment by nature (OSA304, OSA503)', () => {
        const dir = workspace({
            'osa.config.json': JSON.stringify({ vocabulary: VOCABULARY }),
            'fji.osa': fijiSheet('field rule-of-law { activity maritime-surveillance }', [
                'provide "Diving support vessel" category diving-support-vessel',
                '    provide "Gun mount" category naval-gun-mount',
                '    provide "Search radar" category military-search-radar'
            ].join('\n'))
        });
        const { code, diagnostics } = findings(dir);
        const byRule = (rule: string) => diagnostics.filter(d => d.rule === rule).map(d => d.message);
        expect(code).toBe(1);
        expect(byRule('syntax')).toEqual([]);
        expect(byRule('OSA207')).toEqual([expect.stringContaining('"Diving support vessel" is of category diving-support-vessel, which serves humanitarian')]);
        expect(byRule('OSA203')).toEqual([expect.stringContaining('"Gun mount" is of category naval-gun-mount, which relates directly to international conflict')]);
        expect(byRule('OSA304')).toEqual([expect.stringContaining('its category military-search-radar is defense equipment by nature')]);
        expect(byRule('OSA503')).toEqual([expect.stringContaining('"Search radar" is defense equipment')]);
    });

    it('--print-config lists the terms the workspace adds, with their classification', () => {
        const dir = workspace({ 'osa.config.json': JSON.stringify({ vocabulary: VOCABULARY }), 'fji.osa': LAWFUL });
        const result = osa(['validate', '--print-config', 'fji.osa'], dir);
        expect(result.code).toBe(0);
        const printed = JSON.parse(result.stdout) as { vocabulary: Record<string, Record<string, Record<string, unknown>>> };
        expect(Object.keys(printed.vocabulary['item-category'])).toEqual(['diving-support-vessel', 'naval-gun-mount', 'military-search-radar']);
        expect(printed.vocabulary['item-category']['diving-support-vessel']).toEqual(VOCABULARY['item-category']['diving-support-vessel']);
        expect(printed.vocabulary.activity['underwater-recovery']).toEqual(VOCABULARY.activity['underwater-recovery']);
        const none = workspace({ 'fji.osa': LAWFUL });
        expect(JSON.parse(osa(['validate', '--print-config', 'fji.osa'], none).stdout).vocabulary).toEqual({ 'item-category': {}, activity: {} });
    });

    it('a configuration that declares a conflict-related built-in term lawful stops the run with one clear line', () => {
        const dir = workspace({
            'osa.config.json': JSON.stringify({ vocabulary: { 'item-category': { weapon: { description: 'Rifles for ceremonies.', conflictRelated: false, defenseEquipment: false } } } }),
            'fji.osa': LAWFUL
        });
        const result = osa(['validate', 'fji.osa'], dir);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('osa.config.json: invalid configuration at vocabulary.item-category.weapon: `weapon` is a built-in item category that relates directly to international conflict (§2(2)); a workspace cannot declare it otherwise');
        expect(result.stderr).not.toMatch(/\n\s+at /);
    });

    it('hostile names and bytes in the vocabulary are configuration errors, never a crash', () => {
        for (const [text, words] of [
            ['{"vocabulary":{"item-category":{"__proto__":{"description":"x","conflictRelated":false,"defenseEquipment":false}}}}', 'vocabulary.item-category.__proto__: "__proto__" cannot name a term'],
            ['{"vocabulary":{"activity":{"constructor":{"description":"x","conflictRelated":false}}}}', 'vocabulary.activity.constructor: "constructor" cannot name a term'],
            ['{"vocabulary":{"item-category":{"boat\\u001b[31m":{"description":"x","conflictRelated":false,"defenseEquipment":false}}}}', 'cannot name a term'],
            ['{"vocabulary":{"item-category":{"new-boat":{"description":"\\u0007","conflictRelated":false,"defenseEquipment":false}}}}', 'must be one line of text, without control characters']
        ]) {
            const dir = workspace({ 'osa.config.json': text, 'fji.osa': LAWFUL });
            const result = osa(['validate', 'fji.osa'], dir);
            expect(result.code, text).toBe(2);
            expect(result.stderr, text).toContain(words);
            expect(result.stderr).not.toContain('\u001b[31m'); // control characters from the file are neutralised
            expect(result.stderr).not.toMatch(/\n\s+at /);
        }
    });
});
