/** The classification of the item categories, and the Terms that combine built-in and workspace terms. */
import { describe, expect, it } from 'vitest';
import { ACTIVITIES, BUILT_IN_TERMS, FIELDS, ITEM_CATEGORIES, Terms, VOCABULARIES } from '../src/vocabulary.js';

describe('item categories', () => {
    it('each says what its items serve and whether they are defense equipment; a conflict-related one serves no field', () => {
        for (const [term, info] of Object.entries(ITEM_CATEGORIES)) {
            expect(typeof info.defenseEquipment, term).toBe('boolean');
            if (info.defaultField !== undefined && info.defaultField !== 'as-main-items' && info.defaultField !== 'programme-field') {
                expect(FIELDS[info.defaultField].permitted, term).toBe(true);
            }
            if (info.conflictRelated) {
                expect(info.defaultField, term).toBeUndefined();
            }
        }
    });

    it('has the terms real programmes need, each with its meaning and classification', () => {
        expect(ITEM_CATEGORIES['support-vessel']).toMatchObject({ conflictRelated: false, defenseEquipment: false });
        expect(ITEM_CATEGORIES['support-vessel'].defaultField).toBe('programme-field');
        expect(ITEM_CATEGORIES['disaster-response-works']).toMatchObject({ conflictRelated: false, defaultField: 'humanitarian' });
        expect(ITEM_CATEGORIES['clothing-and-personal-equipment'].defaultField).toBeUndefined();
        expect(ITEM_CATEGORIES.training.defaultField).toBe('as-main-items');
        expect(VOCABULARIES['item-category'].aliases?.['diving-support-vessel']).toBe('support-vessel');
    });
});

describe('Terms', () => {
    const added = new Terms({
        'item-category': new Map([['mine-hunting-sonar', { description: 'Sonar.', conflictRelated: false, defenseEquipment: true, addedBy: '/w/osa.config.json' }]]),
        activity: new Map()
    });

    it('looks a built-in term up in the built-in tables, the same object every time', () => {
        expect(added.itemCategory('patrol-boat')).toBe(ITEM_CATEGORIES['patrol-boat']);
        expect(added.activity('counter-piracy')).toBe(ACTIVITIES['counter-piracy']);
        expect(BUILT_IN_TERMS.hasAdditions).toBe(false);
        expect(added.hasAdditions).toBe(true);
    });

    it('knows an added term only in its own vocabulary, and never an inherited property', () => {
        expect(added.isKnown('item-category', 'mine-hunting-sonar')).toBe(true);
        expect(added.isKnown('activity', 'mine-hunting-sonar')).toBe(false);
        expect(added.addedTerm('purpose', 'mine-hunting-sonar')).toBeUndefined();
        for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
            expect(added.isKnown('item-category', name), name).toBe(false);
            expect(BUILT_IN_TERMS.itemCategory(name), name).toBeUndefined();
        }
    });

    it('suggests added terms for a misspelling, and lists them after the built-in ones', () => {
        expect(added.suggest('item-category', 'mine-hunting-sonr')).toEqual(['mine-hunting-sonar']);
        expect(BUILT_IN_TERMS.suggest('item-category', 'mine-hunting-sonr')).not.toContain('mine-hunting-sonar');
        expect(added.entries('item-category').at(-1)?.[0]).toBe('mine-hunting-sonar');
        expect(added.entries('item-category')).toHaveLength(Object.keys(ITEM_CATEGORIES).length + 1);
    });
});
