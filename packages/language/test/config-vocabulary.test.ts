/**
 * The `vocabulary` section of osa.config.json, read from real files: terms a workspace adds with their
 * classification, and everything a hostile or careless configuration may try (built-in names, keywords, names
 * JavaScript objects already have, control characters, absurd sizes), each a ConfigError naming the JSON path.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { ConfigProvider } from '../src/config/config-provider.js';
import { DEFAULT_REFERENCE_DATA } from '../src/reference/default-data.js';
import { ReferenceData } from '../src/reference/reference-data.js';
import { BUILT_IN_TERMS, isKnownTerm } from '../src/vocabulary.js';

const made: string[] = [];
afterAll(() => made.forEach(dir => fs.rmSync(dir, { recursive: true, force: true })));

function configFile(contents: unknown): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-vocabulary-'));
    made.push(dir);
    const file = path.join(dir, 'osa.config.json');
    fs.writeFileSync(file, typeof contents === 'string' ? contents : JSON.stringify(contents));
    return file;
}

function load(contents: unknown) {
    return loadConfig(configFile(contents), DEFAULT_REFERENCE_DATA);
}

function loadError(contents: unknown): ConfigError {
    try {
        load(contents);
    } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return error as ConfigError;
    }
    throw new Error('expected a ConfigError');
}

const VESSEL = { description: 'A vessel that carries divers for rescue and recovery.', conflictRelated: false, defaultField: 'humanitarian', defenseEquipment: false };
const category = (name: string, info: Record<string, unknown> = VESSEL) => ({ vocabulary: { 'item-category': { [name]: info } } });

describe('osa.config.json vocabulary: terms a workspace adds', () => {
    it('adds item categories and activities with their classification; built-in terms read as before', () => {
        const config = load({
            vocabulary: {
                'item-category': {
                    'diving-support-vessel': VESSEL,
                    'naval-gun-mount': { description: 'A mount for a naval gun.', conflictRelated: true, defenseEquipment: true, defaultField: null },
                    'military-radar': { description: 'A radar built to military specification.', conflictRelated: false, defenseEquipment: true, defaultField: 'as-main-items' }
                },
                activity: { 'underwater-recovery': { description: 'Recovering people from under water.', conflictRelated: false, field: 'humanitarian' } }
            }
        });
        expect(config.terms.itemCategory('diving-support-vessel')).toMatchObject({ conflictRelated: false, defaultField: 'humanitarian', defenseEquipment: false, addedBy: config.file });
        expect(config.terms.itemCategory('naval-gun-mount')).toMatchObject({ conflictRelated: true, defenseEquipment: true });
        expect(config.terms.itemCategory('naval-gun-mount')).not.toHaveProperty('defaultField');
        expect(config.terms.itemCategory('military-radar')?.defaultField).toBe('as-main-items');
        expect(config.terms.activity('underwater-recovery')).toMatchObject({ field: 'humanitarian', conflictRelated: false });
        expect(config.terms.isKnown('item-category', 'diving-support-vessel')).toBe(true);
        expect(config.terms.isKnown('item-category', 'patrol-boat')).toBe(true);
        // Added terms are the workspace's alone: the built-in tables and other workspaces do not see them.
        expect(isKnownTerm('item-category', 'diving-support-vessel')).toBe(false);
        expect(BUILT_IN_TERMS.isKnown('item-category', 'diving-support-vessel')).toBe(false);
        expect(config.terms.entries('item-category').map(([t]) => t).slice(-3)).toEqual(['diving-support-vessel', 'naval-gun-mount', 'military-radar']);
        expect(config.terms.suggest('item-category', 'diving-suport-vessel')).toContain('diving-support-vessel');
        // A term is looked up as an own entry, never through the prototype chain.
        expect(config.terms.itemCategory('constructor')).toBeUndefined();
        expect(config.terms.activity('__proto__')).toBeUndefined();
    });

    it('a workspace without additions reads the built-in tables themselves', () => {
        expect(load({}).terms).toBe(BUILT_IN_TERMS);
        expect(load({ vocabulary: {} }).terms).toBe(BUILT_IN_TERMS);
        expect(load({ vocabulary: { 'item-category': {}, activity: {} } }).terms).toBe(BUILT_IN_TERMS);
    });

    it('a word that is only an alias of a term that is not conflict-related may become a term of its own', () => {
        expect(load(category('diving-support-vessel')).terms.itemCategory('diving-support-vessel')?.defaultField).toBe('humanitarian');
        expect(load(category('vessel')).terms.isKnown('item-category', 'vessel')).toBe(true);
    });

    it.each([
        ['a built-in conflict-related term declared not conflict-related', category('weapon', { ...VESSEL, defaultField: undefined }), 'vocabulary.item-category.weapon', 'relates directly to international conflict (§2(2)); a workspace cannot declare it otherwise'],
        ['a built-in term, even with the same classification', category('patrol-boat', { description: 'x', conflictRelated: false, defenseEquipment: false }), 'vocabulary.item-category.patrol-boat', 'a workspace cannot redefine it'],
        ['a built-in conflict-related term, classified as conflict-related', category('weapon', { description: 'x', conflictRelated: true, defenseEquipment: true }), 'vocabulary.item-category.weapon', 'cannot redefine it'],
        ['a built-in activity', { vocabulary: { activity: { 'combat-support': { description: 'x', conflictRelated: false, field: 'humanitarian' } } } }, 'vocabulary.activity.combat-support', 'relates directly to international conflict'],
        ['another word for a conflict-related term', category('gun', { description: 'x', conflictRelated: false, defenseEquipment: false }), 'vocabulary.item-category.gun', 'another word for the built-in item category `weapon`'],
        ['a keyword of the language', category('serves'), 'vocabulary.item-category.serves', 'is a keyword of the language'],
        ['a name JavaScript objects have', category('constructor'), 'vocabulary.item-category.constructor', 'other than a name JavaScript objects already have'],
        ['__proto__', '{"vocabulary":{"item-category":{"__proto__":{"description":"x","conflictRelated":false,"defenseEquipment":false}}}}', 'vocabulary.item-category.__proto__', 'cannot name a term'],
        ['upper case and spaces', category('Diving Vessel'), 'vocabulary.item-category.Diving Vessel', 'lower-case words joined by hyphens'],
        ['a control character in a name', category('vessel\u0000'), 'vocabulary.item-category.vessel\u0000', '"vessel\\u0000" cannot name a term'],
        ['an absurdly long name', category('a'.repeat(5000)), `vocabulary.item-category.${'a'.repeat(5000)}`, 'cannot name a term'],
        ['a control character in a description', category('new-boat', { ...VESSEL, description: 'line\nbreak' }), 'vocabulary.item-category.new-boat.description', 'one line of text, without control characters'],
        ['an absurdly long description', category('new-boat', { ...VESSEL, description: 'x'.repeat(401) }), 'vocabulary.item-category.new-boat.description', 'must NOT have more than 400 characters'],
        ['a missing classification', category('new-boat', { description: 'x', conflictRelated: false }), 'vocabulary.item-category.new-boat', 'defenseEquipment'],
        ['a classification of the wrong type', category('new-boat', { ...VESSEL, conflictRelated: 'no' }), 'vocabulary.item-category.new-boat.conflictRelated', 'must be boolean'],
        ['a field that is not permitted', category('new-boat', { ...VESSEL, defaultField: 'combat-operations' }), 'vocabulary.item-category.new-boat.defaultField', 'must be one of'],
        ['an unknown key', category('new-boat', { ...VESSEL, colour: 'red' }), 'vocabulary.item-category.new-boat.colour', 'is not a known setting'],
        ['a conflict-related category with a default field', category('gun-mount', { ...VESSEL, conflictRelated: true }), 'vocabulary.item-category.gun-mount.defaultField', 'cannot be provided at all'],
        ['a conflict-related activity in a permitted field', { vocabulary: { activity: { 'boarding-assault': { description: 'x', conflictRelated: true, field: 'rule-of-law' } } } }, 'vocabulary.activity.boarding-assault.field', 'cannot belong to rule-of-law'],
        ['a vocabulary that takes no workspace terms', { vocabulary: { purpose: { strike: {} } } }, 'vocabulary.purpose', 'only "item-category" and "activity" do'],
        ['a vocabulary that is not an object', { vocabulary: { 'item-category': [] } }, 'vocabulary.item-category', 'must be object'],
        ['too many terms', { vocabulary: { 'item-category': Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`term-${i}`, VESSEL])) } }, 'vocabulary.item-category', 'holds more than 200 entries']
    ])('refuses %s, naming the JSON path', (_name, contents, jsonPath, words) => {
        const error = loadError(contents);
        expect(error.jsonPath).toBe(jsonPath);
        expect(error.detail).toContain(words);
        expect(error.message).not.toMatch(/\n\s+at /); // no stack trace in what the user reads
    });

    it('the provider answers the built-in terms for a file whose configuration is invalid, and the error for the config', () => {
        const file = configFile(category('weapon', { description: 'x', conflictRelated: false, defenseEquipment: false }));
        const provider = new ConfigProvider(DEFAULT_REFERENCE_DATA, () => new ReferenceData(DEFAULT_REFERENCE_DATA));
        const programme = path.join(path.dirname(file), 'a.osa');
        expect(() => provider.configFor(programme)).toThrow(ConfigError);
        expect(provider.termsFor(programme)).toBe(BUILT_IN_TERMS);
    });
});
