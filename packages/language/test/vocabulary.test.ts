import { AstUtils, GrammarAST, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { OsaGrammar } from '../src/generated/grammar.js';
import * as vocabulary from '../src/vocabulary.js';

/** Every keyword of the grammar. */
const KEYWORDS = new Set(AstUtils.streamAllContents(OsaGrammar() as AstNode).filter(GrammarAST.isKeyword).map(k => k.value).toArray());
const NAME = /^[_a-zA-Z][\w-]*$/;

describe('controlled vocabularies', () => {
    it.each(Object.values(vocabulary.VOCABULARIES).map(v => [v.id, v] as const))('%s: every term parses as a name, none is a keyword, and aliases point at terms', (_id, table) => {
        for (const term of Object.keys(table.terms)) {
            expect(term, term).toMatch(NAME);
            expect(KEYWORDS.has(term), `${term} is a keyword`).toBe(false);
        }
        for (const [alias, term] of Object.entries(table.aliases ?? {})) {
            expect(Object.hasOwn(table.terms, term), `${alias} -> ${term}`).toBe(true);
            expect(Object.hasOwn(table.terms, alias), `${alias} is itself a term`).toBe(false);
        }
    });

    it('looks terms up as data, not as object properties', () => {
        expect(vocabulary.lookupTerm(vocabulary.FIELDS, 'constructor')).toBeUndefined();
        expect(vocabulary.lookupTerm(vocabulary.FIELDS, '__proto__')).toBeUndefined();
        expect(vocabulary.isKnownTerm('field', 'toString')).toBe(false);
    });

    it('suggests the closest terms: typos, case, aliases', () => {
        expect(vocabulary.suggestTerms('item-category', 'heavy-machinery')[0]).toBe('engineering-equipment');
        expect(vocabulary.suggestTerms('item-category', 'patrol-baot')[0]).toBe('patrol-boat');
        expect(vocabulary.suggestTerms('field', 'Rule-Of-Law')[0]).toBe('rule-of-law');
        expect(vocabulary.suggestTerms('currency', 'yen')).toEqual(['JPY']);
        expect(vocabulary.suggestTerms('activity', 'zzzzzz')).toEqual([]);
    });

    it('exactly three fields are permitted, one per §2(2) sub-clause', () => {
        const permitted = Object.entries(vocabulary.FIELDS).filter(([, f]) => f.permitted);
        expect(permitted.map(([name, f]) => `${name} ${f.clause}`)).toEqual([
            'rule-of-law §2(2)(a)', 'humanitarian §2(2)(b)', 'peace-cooperation §2(2)(c)'
        ]);
    });

    it('the vocabulary contains forbidden terms so that they parse and can be caught', () => {
        expect(Object.values(vocabulary.ITEM_CATEGORIES).some(c => c.conflictRelated)).toBe(true);
        expect(Object.values(vocabulary.ACTIVITIES).some(a => a.conflictRelated)).toBe(true);
        expect(Object.values(vocabulary.DEFENSE_PURPOSES).filter(p => p.permitted)).toHaveLength(5);
    });
});
