import { AstUtils, GrammarAST, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { OsaGrammar } from '../src/generated/grammar.js';
import * as vocabulary from '../src/vocabulary.js';

/** The keywords a data-type rule of the grammar accepts. */
function keywordsOf(ruleName: string): string[] {
    const rule = OsaGrammar().rules.find(r => r.name === ruleName);
    expect(rule, ruleName).toBeDefined();
    return AstUtils.streamAllContents(rule as AstNode).filter(GrammarAST.isKeyword).map(k => k.value).toArray().sort();
}

const TABLES: [string, Record<string, unknown>][] = [
    ['FieldName', vocabulary.FIELDS],
    ['ActivityName', vocabulary.ACTIVITIES],
    ['ItemCategory', vocabulary.ITEM_CATEGORIES],
    ['DefensePurpose', vocabulary.DEFENSE_PURPOSES],
    ['BeneficiaryKind', vocabulary.BENEFICIARY_KINDS],
    ['Modality', vocabulary.MODALITIES],
    ['AssessmentTopicName', vocabulary.ASSESSMENT_TOPICS],
    ['ClauseName', vocabulary.CLAUSES],
    ['CoordinationBody', vocabulary.COORDINATION_BODIES]
];

describe('controlled vocabularies', () => {
    it.each(TABLES)('%s: the grammar and the vocabulary table list the same terms', (ruleName, table) => {
        expect(keywordsOf(ruleName)).toEqual(Object.keys(table).sort());
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
