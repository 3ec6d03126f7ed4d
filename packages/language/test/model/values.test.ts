/** Decoding values as written: calendar dates, exact amounts, exchange rates. */
import { describe, expect, it } from 'vitest';
import { convertToYen, decodeAmountValue, decodeRate, isCalendarDate, type WrittenValue } from '../../src/model/values.js';

const number = (value: string) => ({ value, kind: 'number' }) as WrittenValue;

describe('values', () => {
    it.each([
        ['2024-02-29', true], ['2000-02-29', true], ['2025-02-28', true], ['2025-12-31', true],
        ['2025-02-29', false], ['2100-02-29', false], ['2025-04-31', false], ['2025-13-01', false], ['2025-00-10', false],
        ['2025-01-00', false], ['2025-1-10', false], ['25-01-2025', false], ['2025/01/10', false]
    ])('%s is a calendar date: %s', (text, valid) => {
        expect(isCalendarDate(text)).toBe(valid);
    });

    it('keeps amounts exact and refuses fractions and implausible sizes', () => {
        expect(decodeAmountValue(number('1_600_000_000'))).toEqual({ ok: true, value: 1_600_000_000 });
        expect(decodeAmountValue(number('9_999_999_999_999'))).toEqual({ ok: true, value: 9_999_999_999_999 });
        expect(decodeAmountValue(number('10_000_000_000_001')).ok).toBe(false);
        expect(decodeAmountValue(number('0.5')).ok).toBe(false);
        expect(decodeAmountValue(number('1__0')).ok).toBe(false);
    });

    it('converts at an exchange rate exactly, rounding half up to the yen', () => {
        const rate = decodeRate(number('150.25'));
        expect(rate).toEqual({ ok: true, value: 150_250_000n });
        expect(convertToYen(3_000_000, 150_250_000n)).toBe(450_750_000n);
        expect(convertToYen(1, 150_500_000n)).toBe(151n);
        expect(convertToYen(9_999_999_999_999, 1_000_000n * 1_000n)).toBe(9_999_999_999_999_000n);
        expect(decodeRate(number('0')).ok).toBe(false);
        expect(decodeRate(number('1.1234567')).ok).toBe(false);
    });
});
