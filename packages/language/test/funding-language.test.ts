/**
 * The language checks of money by fiscal year (`funding { 2025 1_200_000_000 JPY … }`): each mistake in a
 * funding block costs exactly its own finding, a year stated twice never silently wins, and the accessor the
 * budget rule reads gives each year's share exactly.
 */
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { isProgramme, type Model } from '../src/generated/ast.js';
import { yearSharesOf } from '../src/model/facts.js';
import { createOsaServices } from '../src/osa-module.js';
import { markedText, programme, validateSource } from './helpers.js';

interface Expected {
    rule: string;
    severity: 'error' | 'warning' | 'info';
    marked: string;
    includes?: string[];
}

const funded = (block: string, fiscalYear = 'fiscal-year 2024') => programme({ fiscalYear, amount: block });

const CASES: { name: string; code: string; expected: Expected[] }[] = [
    {
        name: 'a year stated twice: the repeat is an error pointing at the first',
        code: funded('funding {\n        2024 400_000_000 JPY\n        2025 300_000_000 JPY\n        2024 100_000_000 JPY\n    }'),
        expected: [{ rule: 'syntax', severity: 'error', marked: '2024', includes: ['FY2024 has more than one share', 'only the first counts', 'Merge the two lines'] }]
    },
    {
        name: 'a share with no amount',
        code: funded('funding {\n        2024\n    }'),
        expected: [{ rule: 'syntax', severity: 'error', marked: '2024', includes: ['The share for 2024 has no amount', '`2024 1_200_000_000 JPY`'] }]
    },
    {
        name: 'a share with no currency costs one finding, and the next line stays its own share',
        code: funded('funding {\n        2024 400_000_000\n        2025 300_000_000 JPY\n    }'),
        expected: [{ rule: 'syntax', severity: 'error', marked: '400_000_000', includes: ['The share for 2024 has no currency', '`400_000_000 JPY`'] }]
    },
    {
        name: 'a share for a year before the programme\'s fiscal year',
        code: funded('funding {\n        2023 100_000_000 JPY\n        2024 400_000_000 JPY\n    }'),
        expected: [{ rule: 'syntax', severity: 'error', marked: '2023', includes: ['The share for FY2023 comes before the programme\'s fiscal year, FY2024'] }]
    },
    {
        name: 'both `amount` and `funding`: an error on the amount (the block is what counts)',
        code: funded('amount 600_000_000 JPY\n    funding {\n        2024 600_000_000 JPY\n    }'),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'amount 600_000_000 JPY', includes: ['states both `amount` and `funding`', 'counts only the block'] }]
    },
    {
        name: 'an empty funding block',
        code: funded('funding { }'),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'funding', includes: ['has no shares'] }]
    },
    {
        name: 'a malformed year and amount in a share are explained like any year and amount',
        code: funded('funding {\n        FY2024 400,000,000 JPY\n    }'),
        expected: [
            { rule: 'syntax', severity: 'error', marked: 'FY2024', includes: ['`2024` rather than `FY2024`'] },
            { rule: 'syntax', severity: 'error', marked: '400,000,000', includes: ['`400_000_000`'] }
        ]
    },
    {
        name: 'an unknown currency in a share',
        code: funded('funding {\n        2024 400_000_000 YEN\n    }'),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'YEN', includes: ['Unknown currency `YEN`', '`JPY`'] }]
    },
    {
        name: 'two funding blocks: the second is a repeat',
        code: funded('funding { 2024 400_000_000 JPY }\n    funding { 2025 400_000_000 JPY }'),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'funding { 2025 400_000_000 JPY }', includes: ['states `funding` more than once'] }]
    }
];

describe('funding blocks: each mistake costs exactly its own finding', () => {
    it('a well-formed funding block over two years has no finding', async () => {
        const { diagnostics } = await validateSource(funded('funding {\n        2024 400_000_000 JPY\n        2025 300_000_000 JPY\n    }'));
        expect(diagnostics).toEqual([]);
    });

    it('shares on one line are as good as shares on their own lines', async () => {
        const { diagnostics } = await validateSource(funded('funding { 2024 400_000_000 JPY 2025 300_000_000 USD }'));
        expect(diagnostics).toEqual([]);
    });

    it.each(CASES.map(c => [c.name, c] as const))('%s', async (_name, testCase) => {
        const { source, diagnostics } = await validateSource(testCase.code);
        const actual = diagnostics.map(d => ({ rule: d.rule, severity: d.severity, marked: markedText(source, d), message: d.message }));
        const key = (f: { rule: string; severity: string; marked: string }) => `${f.rule} ${f.severity} ${f.marked}`;
        expect(actual.map(key).sort()).toEqual(testCase.expected.map(key).sort());
        for (const expected of testCase.expected) {
            const found = actual.find(a => key(a) === key(expected))!;
            for (const words of expected.includes ?? []) {
                expect(found.message).toContain(words);
            }
        }
    });
});

describe('yearSharesOf: the money by fiscal year that the budget rule reads', () => {
    async function programmeOf(source: string) {
        const { shared } = createOsaServices(EmptyFileSystem);
        const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(source, URI.file('/workspace/programme.osa'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: false });
        const found = document.parseResult.value.elements.find(isProgramme);
        expect(found).toBeDefined();
        return found!;
    }

    it('reads each share: year, exact bigint amount, currency', async () => {
        const shares = yearSharesOf(await programmeOf(funded('funding {\n 2024 1_200_000_000 JPY\n 2025 700_000 USD\n }')));
        expect(shares.map(s => [s.fiscalYear, s.amount, s.currency])).toEqual([[2024, 1_200_000_000n, 'JPY'], [2025, 700_000n, 'USD']]);
    });

    it('`amount` is the one-year shorthand: one share in the programme\'s fiscal year', async () => {
        const shares = yearSharesOf(await programmeOf(programme({ fiscalYear: 'fiscal-year 2025', amount: 'amount 600_000_000 JPY' })));
        expect(shares.map(s => [s.fiscalYear, s.amount, s.currency])).toEqual([[2025, 600_000_000n, 'JPY']]);
    });

    it('a repeated year never wins: the first share of a year is the one read', async () => {
        const shares = yearSharesOf(await programmeOf(funded('funding {\n 2024 400_000_000 JPY\n 2024 9_000_000_000 JPY\n }')));
        expect(shares.map(s => s.amount)).toEqual([400_000_000n]);
    });

    it('a share that does not decode reads as nothing (the language check explains it), the others still count', async () => {
        const shares = yearSharesOf(await programmeOf(funded('funding {\n 2024 4.5 JPY\n 2025 300_000_000 JPY\n }')));
        expect(shares.map(s => s.fiscalYear)).toEqual([2025]);
    });

    it('with both `amount` and `funding`, the block is what is read', async () => {
        const shares = yearSharesOf(await programmeOf(funded('amount 1 JPY\n funding { 2024 400_000_000 JPY }')));
        expect(shares.map(s => s.amount)).toEqual([400_000_000n]);
    });
});
