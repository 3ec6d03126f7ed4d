/**
 * displayWidth: columns by East Asian Width — kanji, kana, fullwidth forms and the ideographic space take two,
 * combining marks and zero-width characters none, halfwidth katakana and ASCII one; a surrogate pair counts once.
 */
import { describe, expect, it } from 'vitest';
import { charWidth, displayWidth, padDisplayEnd, prefixWithin } from '../../src/util/display-width.js';

describe('displayWidth', () => {
    it('counts ASCII one column each', () => {
        expect(displayWidth('programme OSA-FY2024-PHL')).toBe(24);
        expect(displayWidth('')).toBe(0);
    });

    it('counts kanji, hiragana, katakana and CJK punctuation two columns each', () => {
        expect(displayWidth('沿岸監視レーダー')).toBe(16);
        expect(displayWidth('ひらがな')).toBe(8);
        expect(displayWidth('「案件」、。')).toBe(12);
    });

    it('counts the ideographic space and fullwidth forms two, halfwidth katakana one', () => {
        expect(charWidth('\u3000')).toBe(2);
        expect(displayWidth('ＯＳＡ２０２４')).toBe(14);
        expect(displayWidth('（！）')).toBe(6);
        expect(displayWidth('ｶﾀｶﾅ')).toBe(4);
        expect(displayWidth('￥')).toBe(2);
    });

    it('counts a character outside the BMP once, by its width', () => {
        // 𠮷 (U+20BB7, CJK extension B) is one code point written as a surrogate pair.
        expect('𠮷'.length).toBe(2);
        expect(displayWidth('𠮷野家')).toBe(6);
        expect(displayWidth('😀')).toBe(2);
        expect(displayWidth('𝐀')).toBe(1);
    });

    it('gives combining marks and zero-width characters no column', () => {
        // か + combining voiced sound mark (U+3099) is が drawn in two columns.
        expect(displayWidth('か\u3099')).toBe(2);
        expect(displayWidth('e\u0301')).toBe(1);
        expect(displayWidth('a\u200Bb')).toBe(2);
        expect(displayWidth('\uFEFF')).toBe(0);
    });

    it('counts ambiguous-width characters one column', () => {
        expect(displayWidth('α①─')).toBe(3);
    });

    it('pads by display width', () => {
        expect(padDisplayEnd('案件', 6)).toBe('案件  ');
        expect(padDisplayEnd('abc', 6)).toBe('abc   ');
        expect(padDisplayEnd('案件名称', 6)).toBe('案件名称');
        expect(displayWidth(padDisplayEnd('か\u3099', 4))).toBe(4);
    });
});

describe('prefixWithin', () => {
    it('keeps text that fits', () => {
        expect(prefixWithin('案件', 2)).toBe('案件');
        expect(prefixWithin('案件', 5)).toBe('案件');
    });

    it('cuts at the limit between whole characters', () => {
        expect(prefixWithin('案件名称', 2)).toBe('案件');
        expect(prefixWithin('abc', 0)).toBe('');
    });

    it('never keeps half of a surrogate pair', () => {
        // 'ab𠮷c': units a, b, D842, DFB7, c; a cut after three units would keep the lone D842.
        expect(prefixWithin('ab𠮷c', 3)).toBe('ab');
        expect(prefixWithin('ab𠮷c', 4)).toBe('ab𠮷');
        expect(prefixWithin('😀😀', 3)).toBe('😀');
    });

    it('never separates a base character from its combining marks', () => {
        expect(prefixWithin('あか\u3099い', 2)).toBe('あ');
        expect(prefixWithin('あか\u3099い', 3)).toBe('あか\u3099');
        expect(prefixWithin('ab\u0301\u0302c', 3)).toBe('a');
        expect(prefixWithin('a𠮷\u0301', 3)).toBe('a');
    });
});
