/**
 * Errors that stay local: each malformed value, misspelt term or unknown word in an otherwise compliant
 * programme costs exactly the findings listed, never a cascade, never a rule's "internal failure", and never a
 * rule silenced that would otherwise fire. The baseline programme has no finding at all, so every expected
 * finding is caused by the one change in its case.
 */
import { describe, expect, it } from 'vitest';
import { markedText, programme, validateSource, validateWorkspaceSources } from './helpers.js';
import { MALFORMED_CASES } from './malformed-cases.js';

describe('malformed input costs exactly its own findings', () => {
    it('the baseline programme has no finding at all', async () => {
        expect((await validateSource(programme())).diagnostics).toEqual([]);
    });

    it.each(MALFORMED_CASES.map(c => [c.name, c] as const))('%s', async (_name, testCase) => {
        const { source, diagnostics } = await validateSource(testCase.code);
        const actual = diagnostics.map(d => ({ rule: d.rule, severity: d.severity, marked: markedText(source, d), message: d.message }));
        for (const d of actual) {
            expect(d.message).not.toMatch(/rule failed|report this as a bug|internal error/i);
            expect(d.message).not.toMatch(/Expecting|token sequences|but found/);
        }
        const sortKey = (f: { rule: string; severity: string; marked: string }) => `${f.rule} ${f.severity} ${f.marked}`;
        expect(actual.map(sortKey).sort()).toEqual(testCase.expected.map(sortKey).sort());
        for (const expected of testCase.expected) {
            const found = actual.find(a => sortKey(a) === sortKey(expected))!;
            for (const words of expected.includes ?? []) {
                expect(found.message).toContain(words);
            }
        }
    });

    it('has at least 25 cases in every class of mistake', () => {
        expect(MALFORMED_CASES.length).toBeGreaterThanOrEqual(25);
        expect(new Set(MALFORMED_CASES.map(c => c.kind)).size).toBe(6);
    });
});

describe('repeated facts across files', () => {
    it('a second, smaller amount does not make the budget check undercount', async () => {
        const files = await validateWorkspaceSources({
            'budget.osa': 'budget-envelope B2024 {\n    fiscal-year 2024\n    amount 1_000_000_000 JPY\n}\n',
            'programme.osa': programme({ amount: 'amount 2_000_000_000 JPY\n    amount 10 JPY' })
        });
        expect(files['programme.osa'].diagnostics.map(d => d.rule)).toEqual(['syntax']);
        expect(files['budget.osa'].diagnostics.map(d => d.rule)).toEqual(['OSA601']);
        expect(files['budget.osa'].diagnostics[0].message).toContain('2,000,000,000 JPY');
    });
});
