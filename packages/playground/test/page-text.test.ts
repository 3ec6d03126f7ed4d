/**
 * The page's own texts (src/page-text.ts): the Japanese table says everything the English one says,
 * with the same placeholders, and says it in Japanese.
 */
import { describe, expect, it } from 'vitest';
import { REPORT_TEXTS } from '@osa-policy/language/report-texts';
import { PAGE_ONLY_TEXTS, PAGE_TEXTS, PageMessage, t } from '../src/page-text.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
const JAPANESE = /[\u3001-\u303f\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]/;

describe('the playground\'s page texts', () => {
    it('has the same keys in English and Japanese', () => {
        expect(Object.keys(PAGE_TEXTS.ja).sort()).toEqual(Object.keys(PAGE_TEXTS.en).sort());
    });

    it('has the same placeholders in both languages', () => {
        const differing = Object.entries(PAGE_TEXTS.en)
            .filter(([key, text]) => JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(PAGE_TEXTS.ja[key as keyof typeof PAGE_TEXTS.ja])))
            .map(([key]) => key);
        expect(differing).toEqual([]);
    });

    it('takes the report panel\'s shared terms from the report catalogue and never redefines one', () => {
        const redefined = Object.keys(PAGE_ONLY_TEXTS.en).filter(key => Object.hasOwn(REPORT_TEXTS.en, key));
        expect(redefined).toEqual([]);
        // The panel says what `osa report` says (it wrote "not-applicable" while the report wrote "not applicable").
        expect(t('report.status.not-applicable', {}, 'en')).toBe(REPORT_TEXTS.en['report.status.not-applicable']);
        expect(t('report.status.violated', {}, 'ja')).toBe('違反');
    });

    it('leaves no Japanese entry in English (each has Japanese text besides its placeholders and ids)', () => {
        const english = Object.entries(PAGE_ONLY_TEXTS.ja).filter(([, text]) => !JAPANESE.test(text.replace(/\{\w+\}/g, ''))).map(([key]) => key);
        expect(english).toEqual([]);
        const same = Object.entries(PAGE_ONLY_TEXTS.ja).filter(([key, text]) => text === PAGE_ONLY_TEXTS.en[key as keyof typeof PAGE_ONLY_TEXTS.en]).map(([key]) => key);
        expect(same).toEqual([]);
    });

    it('fills placeholders, grouping numbers as the locale writes them, and leaves text as it is', () => {
        expect(t('link.tooLong', { length: 70_006, max: 60_000 }, 'en')).toMatch(/^the link is too long \(70,006 characters; a shared workspace has at most 60,000\)/);
        expect(t('panel.rule', { id: 'OSA103' }, 'ja')).toBe('ルール OSA103');
        // A value is inserted as it is, never read as another placeholder.
        expect(t('link.twice', { path: '{path}<b>' }, 'en')).toBe('the link names {path}<b> twice');
        const message = new PageMessage('file.binary', { name: '"x.osa"' });
        expect([message.text('en'), message.text('ja')]).toEqual(['"x.osa": a binary file, not text', '"x.osa": テキストではなくバイナリファイルです']);
    });
});
