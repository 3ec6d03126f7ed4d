import { AstUtils, GrammarAST, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { OsaGrammar } from '../src/generated/grammar.js';
import * as vocabulary from '../src/vocabulary.js';
import { EmptyFileSystem, URI } from 'langium';
import { isProgramme, type Model } from '../src/generated/ast.js';
import { statusOf } from '../src/model/facts.js';
import { createOsaServices } from '../src/osa-module.js';
import { programme, validateSource } from './helpers.js';

/** Every keyword of the grammar. */
const KEYWORDS = new Set(AstUtils.streamAllContents(OsaGrammar() as AstNode).filter(GrammarAST.isKeyword).map(k => k.value).toArray());
const NAME = /^[_a-zA-Z][\w-]*$/;

/**
 * Keywords a vocabulary accepts as terms because a datatype rule of its own lists them next to `Value`: the lifecycle
 * stages `decided`, `signed` and `delivered` are also the keywords of the stage dates, and `StatusValue` takes them.
 */
const statusRule = OsaGrammar().rules.find(r => r.name === 'StatusValue')!;
const KEYWORDS_AS_TERMS: Partial<Record<string, Set<string>>> = {
    'lifecycle-status': new Set(AstUtils.streamAllContents(statusRule as AstNode).filter(GrammarAST.isKeyword).map(k => k.value).toArray())
};

describe('controlled vocabularies', () => {
    it.each(Object.values(vocabulary.VOCABULARIES).map(v => [v.id, v] as const))('%s: every term parses as a name, none is a keyword (unless its rule takes it), and aliases point at terms', (id, table) => {
        for (const term of Object.keys(table.terms)) {
            expect(term, term).toMatch(NAME);
            expect(KEYWORDS.has(term) && !KEYWORDS_AS_TERMS[id]?.has(term), `${term} is a keyword`).toBe(false);
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

describe('lifecycle statuses that are also keywords', () => {
    it('StatusValue takes exactly the stages that are keywords, and they are terms', () => {
        const keywordStages = Object.keys(vocabulary.LIFECYCLE_STATUSES).filter(t => KEYWORDS.has(t)).sort();
        expect(keywordStages).toEqual(['decided', 'delivered', 'signed']);
        expect([...KEYWORDS_AS_TERMS['lifecycle-status']!].sort()).toEqual(keywordStages);
    });

    it.each(Object.keys(vocabulary.LIFECYCLE_STATUSES))('`status %s` parses and reads as that stage', async stage => {
        const validated = await validateSource(programme({ extra: `status ${stage}` }));
        expect(validated.diagnostics.filter(d => d.rule === 'syntax')).toEqual([]);
        const services = createOsaServices(EmptyFileSystem).Osa;
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(programme({ extra: `status ${stage}` }), URI.file('/s.osa'));
        const model = document.parseResult.value as Model;
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(statusOf(model.elements.find(isProgramme)!)).toBe(stage);
    });

    it('a misspelt stage, keyword or not, is one syntax error with the closest stage', async () => {
        for (const [written, meant] of [['sined', 'signed'], ['deliverd', 'delivered'], ['planed', 'planned']]) {
            const { diagnostics } = await validateSource(programme({ extra: `status ${written}` }));
            const syntax = diagnostics.filter(d => d.rule === 'syntax');
            expect(syntax.map(d => d.message), written).toEqual([expect.stringContaining(`did you mean \`${meant}\``)]);
        }
    });
});
