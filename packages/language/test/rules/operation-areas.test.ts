/**
 * Operation areas (`operation … in THA, KHM`): the countries where a peace operation works are checked like the
 * recipient, for the programme's span: unknown codes (OSA105), arms embargoes (OSA301), party-to-conflict
 * designations (OSA302) and combat (OSA303). Each finding marks the country, names it and the operation, and says why.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_REFERENCE_DATA } from '../../src/reference/default-data.js';
import type { DatedDesignation, ReferenceDataSet } from '../../src/reference/types.js';
import { markedText, programme, validateSource } from '../helpers.js';
import { testRule } from './rule-tester.js';

const peace = (operation: string) => programme({ fields: `field peace-cooperation { activity un-peacekeeping operation ${operation} }` });
const ASEAN = (areas: string) => peace(`"ASEAN Monitoring Team" led-by ASEAN in ${areas}`);

function withConflictParties(entries: DatedDesignation[]): ReferenceDataSet {
    return { ...DEFAULT_REFERENCE_DATA, conflictParties: { ...DEFAULT_REFERENCE_DATA.conflictParties, entries } };
}

const JUSTIFIED = (rule: string) => `exception ${rule} { justification "Res. 2428 exempts supplies for UNMISS; committee notified" approved-by "NSC" dated 2024-05-01 }`;

testRule('OSA105', {
    valid: [
        { name: 'known countries of operation', code: ASEAN('THA, KHM') },
        { name: 'a UN operation without `in`', code: peace('UNMISS') }
    ],
    invalid: [
        {
            name: 'an unknown code among the countries of operation, with a suggestion',
            code: ASEAN('THA, KMH'),
            findings: [{
                severity: 'error', marked: 'KMH',
                messageIncludes: ['"KMH" is not an ISO 3166-1 alpha-3 country code', 'where "ASEAN Monitoring Team" works cannot be checked', '§3(1)', 'Did you mean']
            }]
        },
        {
            name: 'an unknown recipient and an unknown country of operation are each reported',
            code: programme({ recipient: 'recipient PHX', fields: 'field peace-cooperation { activity un-peacekeeping operation UNMISS in ZZZ }' }),
            findings: [
                { severity: 'error', marked: 'PHX', messageIncludes: ['the recipient cannot be checked against §2(1)'] },
                { severity: 'error', marked: 'ZZZ', messageIncludes: ['where UNMISS works'] }
            ]
        }
    ]
});

testRule('OSA301', {
    valid: [
        { name: 'countries of operation under no embargo', code: ASEAN('THA, KHM') },
        { name: 'a country of operation whose embargo covers non-state actors only (Somalia, FY2024)', code: peace('UNTMIS in SOM') },
        {
            name: 'a country of operation under an embargo that ended before the programme (Eritrea, 2018)',
            code: ASEAN('ERI')
        }
    ],
    invalid: [
        {
            name: 'a country of operation under a territorial embargo: a warning on that country, saying which and why',
            code: peace('UNMISS in SSD'),
            findings: [{
                severity: 'warning', marked: 'SSD',
                messageIncludes: ['South Sudan (SSD), where UNMISS works,', 'SSD-2428', 'during FY2024', 'covers its territory', '§3(1)',
                    'the reference data do not record exemptions', '`exception OSA301']
            }]
        },
        {
            name: 'two countries of operation, one under embargo: only that one is reported',
            code: peace('UNISFA in SDN, SSD'),
            // Sudan's embargo (SDN-1591) covers Darfur and every party there, government forces included.
            findings: [
                { severity: 'warning', marked: 'SDN', messageIncludes: ['Sudan (SDN), where UNISFA works,', 'SDN-1591'] },
                { severity: 'warning', marked: 'SSD', messageIncludes: ['South Sudan (SSD)', 'SSD-2428'] }
            ]
        },
        {
            name: 'a justified exception lowers the area finding to information',
            code: programme({ fields: 'field peace-cooperation { activity un-peacekeeping operation UNMISS in SSD }', extra: JUSTIFIED('OSA301') }),
            findings: [{ severity: 'info', marked: 'SSD', messageIncludes: ['An exception with a written justification is declared'] }]
        },
        {
            name: 'the recipient itself named as a country of operation is reported once, on the recipient',
            code: programme({ recipient: 'recipient SSD', fields: 'field peace-cooperation { activity un-peacekeeping operation UNMISS in SSD }' }),
            findings: [{ severity: 'error', marked: 'SSD', messageIncludes: ['South Sudan is under the UN Security Council arms embargo SSD-2428'] }]
        }
    ]
});

testRule('OSA302', {
    valid: [
        { name: 'no country of operation is designated', code: ASEAN('THA, KHM'), options: { referenceData: withConflictParties([]) } },
        {
            name: 'a designation that ended before the programme\'s fiscal year',
            code: ASEAN('THA, KHM'),
            options: { referenceData: withConflictParties([{ iso3: 'THA', from: '2023-04-01', until: '2024-03-31', basis: 'TEST SCENARIO', sources: [] }]) }
        }
    ],
    invalid: [
        {
            name: 'a country of operation designated a party to a conflict: a warning on that country',
            code: ASEAN('THA, KHM'),
            options: { referenceData: withConflictParties([{ iso3: 'KHM', from: '2024-06-01', until: null, basis: 'TEST SCENARIO: measures after an armed attack', sources: [] }]) },
            findings: [{
                severity: 'warning', marked: 'KHM',
                messageIncludes: ['Cambodia (KHM), where "ASEAN Monitoring Team" works, is designated a party to a conflict', 'from 2024-06-01', '§3(1)', '§2(2)']
            }]
        }
    ]
});

testRule('OSA303', {
    valid: [
        { name: 'countries of operation not judged in combat', code: ASEAN('THA, KHM') },
        { name: 'an operation in a country whose combat judgement is outside the programme\'s span', code: programme({ fiscalYear: 'fiscal-year 2023', fields: 'field peace-cooperation { activity un-peacekeeping operation UNDOF in SYR }' }) }
    ],
    invalid: [
        {
            name: 'an operation working in a country judged in combat: a warning on that country, not on the others',
            code: peace('UNDOF in SYR, ISR'),
            findings: [{
                severity: 'warning', marked: 'ISR',
                messageIncludes: ['Israel (ISR), where UNDOF works, is judged to be engaged in combat since 2023-10-07', '§2(2)', '`exception OSA303']
            }]
        },
        {
            name: 'two operations, each in a country in combat: each reported on its own operation',
            code: programme({ fields: 'field peace-cooperation { activity un-peacekeeping operation UNDOF in ISR operation "Observer Mission" led-by OSCE in UKR }' }),
            findings: [
                { severity: 'warning', marked: 'ISR', messageIncludes: ['where UNDOF works'] },
                { severity: 'warning', marked: 'UKR', messageIncludes: ['Ukraine (UKR), where "Observer Mission" works'] }
            ]
        },
        {
            name: 'a justified exception lowers it to information',
            code: programme({ fields: 'field peace-cooperation { activity un-peacekeeping operation UNDOF in ISR }', extra: JUSTIFIED('OSA303') }),
            findings: [{ severity: 'info', marked: 'ISR' }]
        }
    ]
});

describe('operation areas in the language checks', () => {
    it('a country named twice in one `in` list is one error on the repeat', async () => {
        const { source, diagnostics } = await validateSource(ASEAN('THA, KHM, THA'));
        const syntax = diagnostics.filter(d => d.rule === 'syntax');
        expect(syntax.map(d => markedText(source, d))).toEqual(['THA']);
        // The repeat (the second THA) is marked, not the first.
        const line = source.split('\n')[syntax[0].range.start.line - 1];
        expect(syntax[0].range.start.column).toBe(line.lastIndexOf('THA') + 1);
        expect(syntax[0].message).toContain('names THA twice');
    });

    it('a quoted country code is explained once, like a quoted recipient', async () => {
        const { source, diagnostics } = await validateSource(ASEAN('"THA", KHM'));
        const syntax = diagnostics.filter(d => d.rule === 'syntax');
        expect(syntax.map(d => markedText(source, d))).toEqual(['"THA"']);
        expect(syntax[0].message).toContain('write it without quotes');
    });
});
