import { programme } from '../helpers.js';
import { testRule } from './rule-tester.js';

function envelope(name: string, fiscalYear: number, amount: string): string {
    return `budget-envelope ${name} {\n    fiscal-year ${fiscalYear}\n    amount ${amount}\n    source "Test appropriation"\n}\n`;
}

const FY2024_ENVELOPE = envelope('FY2024-OSA', 2024, '1_000_000_000 JPY');

testRule('OSA601', {
    valid: [
        {
            name: 'a supplementary envelope of the same year is added to the initial one',
            file: 'budget.osa',
            code: {
                'budget.osa': FY2024_ENVELOPE + '\nbudget-envelope SUPPLEMENTARY-FY2024 { fiscal-year 2024 amount 500_000_000 JPY }\n',
                'a.osa': programme({ id: 'A', amount: 'amount 800_000_000 JPY' }),
                'b.osa': programme({ id: 'B', amount: 'amount 600_000_000 JPY' })
            }
        },
        {
            name: 'two programmes within the envelope',
            file: 'budget.osa',
            code: {
                'budget.osa': FY2024_ENVELOPE,
                'a.osa': programme({ id: 'A', amount: 'amount 400_000_000 JPY' }),
                'b.osa': programme({ id: 'B', amount: 'amount 600_000_000 JPY' })
            }
        },
        {
            name: 'an amount in another currency counts at the rate the envelope declares',
            file: 'budget.osa',
            code: {
                'budget.osa': envelope('FY2024-OSA', 2024, '1_000_000_000 JPY').replace('}', '    exchange-rate USD 150\n}'),
                'a.osa': programme({ id: 'A', amount: 'amount 600_000_000 JPY' }),
                'b.osa': programme({ id: 'B', amount: 'amount 2_000_000 USD' })
            }
        },
        {
            name: 'programmes of another fiscal year are not summed',
            file: 'budget.osa',
            code: {
                'budget.osa': FY2024_ENVELOPE,
                'a.osa': programme({ id: 'A', amount: 'amount 600_000_000 JPY' }),
                'b.osa': programme({ id: 'B', fiscalYear: 'fiscal-year 2025', amount: 'amount 600_000_000 JPY' })
            }
        },
        {
            name: 'a supplementary envelope of the same year adds to the budget',
            file: 'budget.osa',
            code: {
                'budget.osa': FY2024_ENVELOPE + envelope('FY2024-OSA-SUPPLEMENTARY', 2024, '500_000_000 JPY'),
                'a.osa': programme({ id: 'A', amount: 'amount 600_000_000 JPY' }),
                'b.osa': programme({ id: 'B', amount: 'amount 600_000_000 JPY' })
            }
        },
        {
            name: 'the programme files themselves carry no finding when the envelope is exceeded',
            file: 'a.osa',
            code: {
                'budget.osa': FY2024_ENVELOPE,
                'a.osa': programme({ id: 'A', amount: 'amount 600_000_000 JPY' }),
                'b.osa': programme({ id: 'B', amount: 'amount 600_000_000 JPY' })
            }
        }
    ],
    invalid: [
        {
            name: 'initial and supplementary envelopes exceeded together: one finding, on the first envelope',
            file: 'budget.osa',
            code: {
                'budget.osa': FY2024_ENVELOPE + '\nbudget-envelope SUPPLEMENTARY-FY2024 { fiscal-year 2024 amount 100_000_000 JPY }\n',
                'a.osa': programme({ id: 'A', amount: 'amount 800_000_000 JPY' }),
                'b.osa': programme({ id: 'B', amount: 'amount 600_000_000 JPY' })
            },
            findings: [{ severity: 'warning', marked: 'amount 1_000_000_000 JPY', messageIncludes: ['1,400,000,000 JPY', '1,100,000,000 JPY', 'envelopes'] }]
        },
        {
            name: 'two programmes in different files exceed the envelope',
            file: 'budget.osa',
            code: {
                'budget.osa': FY2024_ENVELOPE,
                'a.osa': programme({ id: 'A', amount: 'amount 600_000_000 JPY' }),
                'b.osa': programme({ id: 'B', amount: 'amount 600_000_000 JPY' })
            },
            findings: [{
                severity: 'warning', marked: 'amount 1_000_000_000 JPY',
                messageIncludes: ['The 2 programmes of FY2024 commit 1,200,000,000 JPY', 'more than the 1,000,000,000 JPY of the FY2024 budget envelope',
                    'beyond the appropriation', 'Reduce or defer programmes'],
                related: [
                    { file: 'a.osa', marked: 'amount 600_000_000 JPY', messageIncludes: ['A: 600,000,000 JPY (a.osa)'] },
                    { file: 'b.osa', marked: 'amount 600_000_000 JPY', messageIncludes: ['B: 600,000,000 JPY (b.osa)'] }
                ]
            }]
        },
        {
            name: 'one programme over the envelope, in the same file',
            code: { 'programme.osa': FY2024_ENVELOPE + programme({ id: 'A', amount: 'amount 1_500_000_000 JPY' }) },
            findings: [{
                severity: 'warning', marked: 'amount 1_000_000_000 JPY',
                messageIncludes: ['The one programme of FY2024 commits 1,500,000,000 JPY'],
                related: [{ file: 'programme.osa', marked: 'amount 1_500_000_000 JPY' }]
            }]
        },
        {
            name: 'a USD envelope sums only the USD programmes',
            file: 'budget.osa',
            code: {
                'budget.osa': envelope('FY2024-OSA-USD', 2024, '1_000_000 USD'),
                'a.osa': programme({ id: 'A', amount: 'amount 800_000 USD' }),
                'b.osa': programme({ id: 'B', amount: 'amount 300_000 USD' }),
                'c.osa': programme({ id: 'C', amount: 'amount 600_000_000 JPY' })
            },
            findings: [{
                severity: 'warning', marked: 'amount 1_000_000 USD',
                messageIncludes: ['The 2 programmes of FY2024 commit 1,100,000 USD'],
                messageExcludes: ['JPY'],
                related: [{ file: 'a.osa' }, { file: 'b.osa' }]
            }]
        }
    ]
});

testRule('OSA601', {
    valid: [],
    invalid: [
        {
            name: 'a converted amount takes the year over its envelope, and the message shows the conversion',
            file: 'budget.osa',
            code: {
                'budget.osa': envelope('FY2024-OSA', 2024, '1_000_000_000 JPY').replace('}', '    exchange-rate USD 150.25\n}'),
                'a.osa': programme({ id: 'A', amount: 'amount 600_000_000 JPY' }),
                'b.osa': programme({ id: 'B', amount: 'amount 3_000_000 USD' })
            },
            findings: [{ severity: 'warning', marked: 'amount 1_000_000_000 JPY', messageIncludes: ['commit 1,050,750,000 JPY', '3,000,000 USD = 450,750,000 JPY at the envelope\'s rate'] }]
        },
        {
            name: 'an amount in a currency without a declared rate is reported, never silently dropped',
            file: 'b.osa',
            code: {
                'budget.osa': FY2024_ENVELOPE,
                'a.osa': programme({ id: 'A', amount: 'amount 600_000_000 JPY' }),
                'b.osa': programme({ id: 'B', amount: 'amount 600_000_000 USD' })
            },
            findings: [{ severity: 'warning', marked: 'amount 600_000_000 USD', messageIncludes: ['is in USD', 'left out of the budget check', '`exchange-rate USD <yen per unit>`'] }]
        }
    ]
});

testRule('OSA603', {
    valid: [
        {
            name: 'templates and envelopes with their own names',
            file: 'budget.osa',
            code: { 'budget.osa': FY2024_ENVELOPE + envelope('FY2025-OSA', 2025, '1_000_000_000 JPY'), 'a.osa': programme({ id: 'A' }) }
        }
    ],
    invalid: [
        {
            name: 'two agreement templates with one name, in two files: each is reported, with the other as related',
            file: 'more-templates.osa',
            code: {
                'more-templates.osa': 'agreement-template StandardExchangeOfNotes {\n    kind exchange-of-notes\n    clause information-disclosure\n}\n',
                'a.osa': programme({ id: 'A' })
            },
            findings: [{ severity: 'error', marked: 'StandardExchangeOfNotes', messageIncludes: ['agreement template name StandardExchangeOfNotes is declared 2 times', 'the one in more-templates.osa, the first by file path'] }]
        },
        {
            name: 'two budget envelopes with one name in one file: both are reported',
            file: 'budget.osa',
            code: { 'budget.osa': FY2024_ENVELOPE + FY2024_ENVELOPE, 'a.osa': programme({ id: 'A', amount: 'amount 100 JPY' }) },
            findings: [
                { severity: 'error', marked: 'FY2024-OSA', messageIncludes: ['budget envelope name FY2024-OSA is declared 2 times'] },
                { severity: 'error', marked: 'FY2024-OSA', messageIncludes: ['budget envelope name FY2024-OSA is declared 2 times'] }
            ]
        }
    ]
});

testRule('OSA602', {
    valid: [
        {
            name: 'unique ids across files',
            code: { 'programme.osa': programme({ id: 'PHL-2024-001' }), 'other.osa': programme({ id: 'PHL-2024-002' }) }
        },
        {
            name: 'unique ids in one file',
            code: programme({ id: 'PHL-2024-001' }) + programme({ id: 'PHL-2024-002' })
        }
    ],
    invalid: [
        {
            name: 'the same id in two files: reported in the first file',
            file: 'a.osa',
            code: { 'a.osa': programme({ id: 'PHL-2024-001' }), 'b.osa': programme({ id: 'PHL-2024-001', recipient: 'recipient VNM' }) },
            findings: [{
                severity: 'error', marked: 'PHL-2024-001',
                messageIncludes: ['PHL-2024-001 is used 2 times', 'must be unique', 'Rename one of them'],
                related: [{ file: 'b.osa', marked: 'PHL-2024-001', messageIncludes: ['PHL-2024-001'] }]
            }]
        },
        {
            name: 'the same id in two files: and in the second',
            file: 'b.osa',
            code: { 'a.osa': programme({ id: 'PHL-2024-001' }), 'b.osa': programme({ id: 'PHL-2024-001', recipient: 'recipient VNM' }) },
            findings: [{ severity: 'error', marked: 'PHL-2024-001', related: [{ file: 'a.osa', marked: 'PHL-2024-001' }] }]
        },
        {
            name: 'the same id twice in one file and once elsewhere',
            code: {
                'programme.osa': programme({ id: 'PHL-2024-001' }) + programme({ id: 'PHL-2024-001' }),
                'other.osa': programme({ id: 'PHL-2024-001' })
            },
            findings: [
                { severity: 'error', marked: 'PHL-2024-001', messageIncludes: ['used 3 times'], related: [{ file: 'other.osa' }, { file: 'programme.osa' }] },
                { severity: 'error', marked: 'PHL-2024-001', messageIncludes: ['used 3 times'], related: [{ file: 'other.osa' }, { file: 'programme.osa' }] }
            ]
        }
    ]
});
