/**
 * The catalogues agree: every id has a text in every locale, with the same placeholders, and the
 * Japanese text is not the English one left untranslated.
 */
import { describe, expect, test } from 'vitest';
import { CATALOGUES, LOCALES, localeFromEnvironment, localeFromTag, localize, msg, placeholdersOf, type MessageId } from '../../src/i18n/index.js';

const ids = Object.keys(CATALOGUES.en) as MessageId[];
/** Texts that are the same in both languages on purpose (a term of the language itself). */
const SAME_IN_BOTH = /^[`{}\w\s.-]*$/;

describe('message catalogues', () => {
    test('every locale has exactly the English ids', () => {
        for (const locale of LOCALES) {
            expect(Object.keys(CATALOGUES[locale]).sort(), locale).toEqual([...ids].sort());
        }
    });

    test.each(ids)('%s has the same placeholders in every locale', id => {
        const english = placeholdersOf(CATALOGUES.en[id]);
        for (const locale of LOCALES) {
            expect(placeholdersOf(CATALOGUES[locale][id]), `${locale}: ${id}`).toEqual(english);
        }
    });

    test.each(ids)('%s is translated into Japanese', id => {
        const japanese = CATALOGUES.ja[id];
        expect(japanese.trim()).not.toBe('');
        if (!SAME_IN_BOTH.test(CATALOGUES.en[id])) {
            expect(japanese).not.toBe(CATALOGUES.en[id]);
            expect(japanese).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
        }
    });
});

describe('rendering', () => {
    test('named placeholders, nested messages and lists render in the locale', () => {
        const message = msg('runner.exceptionJustified', {
            message: msg('OSA401.noAgreement', { programme: 'OSA-FY2024-X' }), justification: 'Cabinet decision', severity: msg('severity.warning')
        });
        expect(localize(message, 'en')).toMatch(/^Programme OSA-FY2024-X declares no international agreement\..*reported as a warning;/);
        expect(localize(message, 'ja')).toMatch(/^案件 OSA-FY2024-X に国際約束が宣言されていません。.*警告として報告します/);
        expect(localize(msg('agreement.templateLacksClause', { template: 'T', clause: ['a', 'b'] }), 'ja')).toContain('`clause a、b`');
    });

    test('braces that are not placeholders stay text, and a missing value stays visible', () => {
        expect(placeholdersOf('`funding { 2025 … }` for {programme}')).toEqual(['programme']);
        expect(localize(msg('OSA401.noAgreement'), 'en')).toContain('Programme {programme} declares');
    });
});

describe('choosing the locale', () => {
    test.each([
        ['ja', 'ja'], ['ja-JP', 'ja'], ['ja_JP.UTF-8', 'ja'], ['JA', 'ja'], ['en-US', 'en'], ['C', 'en'], ['POSIX', 'en'],
        ['C.UTF-8', 'en'], ['fr_FR.UTF-8', undefined], ['', undefined], [undefined, undefined]
    ])('tag %j → %j', (tag, locale) => {
        expect(localeFromTag(tag)).toBe(locale);
    });

    test('LC_ALL wins over LC_MESSAGES over LANG; an unsupported language means English', () => {
        expect(localeFromEnvironment({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
        expect(localeFromEnvironment({ LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ja');
        expect(localeFromEnvironment({ LC_ALL: 'C', LC_MESSAGES: 'ja_JP.UTF-8' })).toBe('en');
        expect(localeFromEnvironment({ LC_ALL: '', LANG: 'ja' })).toBe('ja');
        expect(localeFromEnvironment({ LANG: 'de_DE.UTF-8' })).toBe('en');
        expect(localeFromEnvironment({})).toBe('en');
    });
});
