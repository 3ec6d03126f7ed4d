/**
 * The editor's catalogue covers the vocabularies: every built-in term of every vocabulary has its meaning
 * (`term.<vocabulary>.<term>`) in both locales, the English one being exactly the table's (so English hovers
 * do not change), and the hovers and completion built from them speak the locale asked for. A workspace's own
 * terms keep their writer's description in every locale.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUES, isMessageId, LOCALES } from '../../src/i18n/index.js';
import { keywordTerm, termMarkdown, unknownTermMarkdown, vocabularyTerm } from '../../src/lsp/hover-terms.js';
import { Terms, VOCABULARIES, type ActivityInfo, type AddedTerm, type VocabularyId } from '../../src/vocabulary.js';
import { JAPANESE_SCRIPT as JAPANESE } from '../../src/i18n/script.js';

const vocabularies = Object.values(VOCABULARIES);

describe('term meanings in the catalogue', () => {
    it.each(vocabularies.map(v => [v.id, v] as const))('every term of %s has a term.* id in both locales, English as in the table', (id, vocabulary) => {
        const terms = Object.entries(vocabulary.terms);
        expect(terms.length).toBeGreaterThan(0);
        for (const [term, info] of terms) {
            const key = `term.${id}.${term}`;
            expect(isMessageId(key), key).toBe(true);
            for (const locale of LOCALES) {
                expect(CATALOGUES[locale][key as keyof typeof CATALOGUES.en], `${locale}: ${key}`).toBeTruthy();
            }
            expect(CATALOGUES.en[key as keyof typeof CATALOGUES.en], key).toBe(info.description);
            expect(CATALOGUES.ja[key as keyof typeof CATALOGUES.ja], key).toMatch(JAPANESE);
        }
    });

    it('the catalogue has no term.* id for a term the vocabularies do not have', () => {
        const stale = Object.keys(CATALOGUES.en).filter(key => {
            const match = /^term\.([a-z-]+)\.(.+)$/.exec(key);
            return match && !Object.hasOwn(VOCABULARIES[match[1] as VocabularyId]?.terms ?? {}, match[2]);
        });
        expect(stale).toEqual([]);
    });

    it('the vocabulary labels in English are the registry\'s, as the language\'s own messages name them', () => {
        for (const vocabulary of vocabularies) {
            expect(CATALOGUES.en[`vocabulary.label.${vocabulary.id}`]).toBe(vocabulary.label);
        }
    });
});

describe('hovers and completion documentation of terms in Japanese', () => {
    it('every built-in term: its meaning, what governs it and its detail are Japanese', () => {
        for (const vocabulary of vocabularies) {
            for (const term of Object.keys(vocabulary.terms)) {
                const doc = vocabularyTerm(vocabulary.id, term, undefined, 'ja')!;
                expect(doc.description, `${vocabulary.id} ${term}`).toMatch(JAPANESE);
                expect(doc.governs, `${vocabulary.id} ${term}`).toMatch(JAPANESE);
                expect(doc.category, vocabulary.id).toMatch(JAPANESE);
                // The term itself is code: it stays as written.
                expect(termMarkdown(doc)).toContain(`**${term}**`);
                expect(vocabularyTerm(vocabulary.id, term, undefined, 'en')).toEqual(vocabularyTerm(vocabulary.id, term));
            }
        }
    });

    it('keywords: the Japanese meaning, the clause kept as a number', () => {
        const term = keywordTerm(undefined, 'recipient', 'ja')!;
        expect(term.description).toMatch(/^被援助国。/);
        expect(term.governs).toContain('§3(1)、OSA301');
        expect(term.detail).toBe('キーワード · §2(1)');
        expect(keywordTerm('BudgetEnvelope', 'amount', 'ja')!.detail).toBe('キーワード · ポートフォリオ');
        expect(keywordTerm('BudgetEnvelope', 'amount', 'en')!.detail).toBe('keyword · portfolio');
        expect(keywordTerm(undefined, 'status', 'ja')!.governs).toBe(vocabularyTerm('lifecycle-status', 'signed', undefined, 'ja')!.governs);
    });

    it('a word that is not a term: the Japanese explanation with the suggestion', () => {
        const text = unknownTermMarkdown('modality', 'grnt', undefined, 'ja');
        expect(text).toContain('**grnt** は既知の供与形態ではない');
        expect(text).toContain('`grant` のことですか？');
    });

    it('a workspace\'s own activity keeps its writer\'s description in Japanese, with the Japanese note on where it comes from', () => {
        const added: AddedTerm<ActivityInfo> = { field: 'humanitarian', conflictRelated: false, description: 'Clearing debris after a typhoon.', addedBy: '/w/osa.config.json' };
        const terms = new Terms({ 'item-category': new Map(), 'activity': new Map([['debris-clearance', added]]) });
        const doc = vocabularyTerm('activity', 'debris-clearance', terms, 'ja')!;
        expect(doc.description).toBe('Clearing debris after a typhoon.');
        expect(doc.governs).toContain('分野 `humanitarian`（§2(2)(b)）の活動です');
        expect(doc.governs).toContain('このワークスペースが追加した語です（osa.config.json）');
    });
});
