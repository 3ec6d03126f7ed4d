/**
 * OSA601 with money by fiscal year and lifecycle stages: each year's share counts against that year's envelope,
 * planned programmes are counted apart from decided ones (and the message says which part is planned), and a
 * decided programme without money is reported, never silently left out.
 */
import { describe, expect, it } from 'vitest';
import { programme, validateWorkspaceSources } from '../helpers.js';
import { testRule } from './rule-tester.js';

function envelope(name: string, fiscalYear: number, amount: string): string {
    return `budget-envelope ${name} {\n    fiscal-year ${fiscalYear}\n    amount ${amount}\n}\n`;
}

const ENVELOPES = envelope('FY2024-OSA', 2024, '1_000_000_000 JPY') + envelope('FY2025-OSA', 2025, '1_000_000_000 JPY');
const split = (shares: string) => `funding {\n        ${shares.split(';').map(s => s.trim()).join('\n        ')}\n    }`;

testRule('OSA601', {
    valid: [
        {
            name: 'a programme split over two years fits both envelopes, although its total exceeds either',
            file: 'budget.osa',
            code: {
                'budget.osa': ENVELOPES,
                'a.osa': programme({ id: 'A', amount: split('2024 800_000_000 JPY; 2025 800_000_000 JPY') })
            }
        },
        {
            name: 'the later year\'s share is not counted in the programme\'s fiscal year',
            file: 'budget.osa',
            code: {
                'budget.osa': ENVELOPES,
                'a.osa': programme({ id: 'A', amount: split('2024 600_000_000 JPY; 2025 900_000_000 JPY') }),
                'b.osa': programme({ id: 'B', amount: 'amount 400_000_000 JPY' })
            }
        },
        {
            name: 'a planned programme without money is not a finding (it is not decided yet)',
            file: 'a.osa',
            code: { 'budget.osa': ENVELOPES, 'a.osa': programme({ id: 'A', amount: 'status planned' }) }
        },
        {
            name: 'a programme without money in a year that has no envelope: nothing is checked',
            file: 'a.osa',
            code: { 'budget.osa': ENVELOPES, 'a.osa': programme({ id: 'A', fiscalYear: 'fiscal-year 2026', amount: null }) }
        }
    ],
    invalid: [
        {
            name: 'a later year\'s share takes that year over its envelope',
            file: 'budget.osa',
            code: {
                'budget.osa': ENVELOPES,
                'a.osa': programme({ id: 'A', amount: split('2024 300_000_000 JPY; 2025 700_000_000 JPY') }),
                'b.osa': programme({ id: 'B', fiscalYear: 'fiscal-year 2025', amount: 'amount 500_000_000 JPY' })
            },
            findings: [{
                severity: 'warning', marked: 'amount 1_000_000_000 JPY',
                messageIncludes: ['The 2 programmes of FY2025 commit 1,200,000,000 JPY', 'more than the 1,000,000,000 JPY of the FY2025 budget envelope'],
                messageExcludes: ['planned'],
                related: [
                    { file: 'a.osa', marked: '2025 700_000_000 JPY', messageIncludes: ['A: 700,000,000 JPY, its FY2025 share (a.osa)'] },
                    { file: 'b.osa', marked: 'amount 500_000_000 JPY', messageIncludes: ['B: 500,000,000 JPY (b.osa)'] }
                ]
            }]
        },
        {
            name: 'decided programmes within the envelope, planned ones take it over: the message says the planned part is over',
            file: 'budget.osa',
            code: {
                'budget.osa': envelope('FY2024-OSA', 2024, '1_000_000_000 JPY'),
                'a.osa': programme({ id: 'A', amount: 'amount 700_000_000 JPY\n    status decided' }),
                'b.osa': programme({ id: 'B', amount: 'amount 200_000_000 JPY' }),
                'c.osa': programme({ id: 'C', amount: 'amount 400_000_000 JPY\n    status planned' })
            },
            findings: [{
                severity: 'warning', marked: 'amount 1_000_000_000 JPY',
                messageIncludes: ['The 2 decided programmes of FY2024 commit 900,000,000 JPY', 'within the 1,000,000,000 JPY',
                    'with the 1 planned programme (status planned, 400,000,000 JPY) the year would commit 1,300,000,000 JPY', 'Only the planned part is over'],
                related: [
                    { file: 'a.osa', messageIncludes: ['A: 700,000,000 JPY'] },
                    { file: 'b.osa', messageIncludes: ['B: 200,000,000 JPY'] },
                    { file: 'c.osa', messageIncludes: ['C (planned): 400,000,000 JPY'] }
                ]
            }]
        },
        {
            name: 'decided programmes over the envelope: the planned ones are named apart',
            file: 'budget.osa',
            code: {
                'budget.osa': envelope('FY2024-OSA', 2024, '1_000_000_000 JPY'),
                'a.osa': programme({ id: 'A', amount: 'amount 1_100_000_000 JPY\n    status signed' }),
                'c.osa': programme({ id: 'C', amount: 'amount 400_000_000 JPY\n    status planned' })
            },
            findings: [{
                severity: 'warning', marked: 'amount 1_000_000_000 JPY',
                messageIncludes: ['The one decided programme of FY2024 commits 1,100,000,000 JPY', 'the 1 planned programme (status planned) would add 400,000,000 JPY more']
            }]
        },
        {
            name: 'a decided programme with no amount and no funding is reported on its name',
            file: 'a.osa',
            code: { 'budget.osa': ENVELOPES, 'a.osa': programme({ id: 'A', amount: 'status decided' }) },
            findings: [{
                severity: 'warning', marked: 'A',
                messageIncludes: ['A states no `amount` and no `funding`', 'left out of the FY2024 budget check', 'at status decided', '`status planned`']
            }]
        },
        {
            name: 'a programme without status and without money counts as decided and is reported',
            file: 'a.osa',
            code: { 'budget.osa': ENVELOPES, 'a.osa': programme({ id: 'A', amount: null }) },
            findings: [{ severity: 'warning', marked: 'A', messageIncludes: ['counts as decided (it declares no `status`)'] }]
        },
        {
            name: 'a funding share in a currency the year cannot convert is reported on the share',
            file: 'a.osa',
            code: {
                'budget.osa': ENVELOPES,
                'a.osa': programme({ id: 'A', amount: split('2024 300_000_000 JPY; 2025 2_000_000 USD') })
            },
            findings: [{
                severity: 'warning', marked: '2025 2_000_000 USD',
                messageIncludes: ['A\'s FY2025 share is in USD', 'so this share is left out of the budget check', '`exchange-rate USD <yen per unit>`']
            }]
        }
    ]
});

describe('OSA601 and money that does not decode', () => {
    it('an amount the language check rejects is explained once, not also reported as missing money', async () => {
        const files = await validateWorkspaceSources({ 'budget.osa': ENVELOPES, 'a.osa': programme({ id: 'A', amount: 'amount 600,000,000 JPY' }) });
        expect(files['a.osa'].diagnostics.map(d => d.rule)).toEqual(['syntax']);
    });

    it('a misspelt `amount` is explained once, not also reported as missing money', async () => {
        const files = await validateWorkspaceSources({ 'budget.osa': ENVELOPES, 'a.osa': programme({ id: 'A', amount: 'amonut 600_000_000 JPY' }) });
        expect(files['a.osa'].diagnostics.map(d => d.rule)).toEqual(['syntax']);
        expect(files['a.osa'].diagnostics[0].message).toContain('did you mean `amount`');
    });

    it('a funding block whose only share is malformed is explained once, not also reported as missing money', async () => {
        const files = await validateWorkspaceSources({ 'budget.osa': ENVELOPES, 'a.osa': programme({ id: 'A', amount: 'funding { 2024 4.5 JPY }' }) });
        expect(files['a.osa'].diagnostics.map(d => d.rule)).toEqual(['syntax']);
    });
});
