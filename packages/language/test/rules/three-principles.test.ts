import { DEFAULT_REFERENCE_DATA } from '../../src/reference/default-data.js';
import type { DatedDesignation, ReferenceDataSet } from '../../src/reference/types.js';
import { programme } from '../helpers.js';
import { testRule } from './rule-tester.js';

/** The shipped data with the given "party to a conflict" designations (the shipped file has none). */
function withConflictParties(entries: DatedDesignation[]): ReferenceDataSet {
    return { ...DEFAULT_REFERENCE_DATA, conflictParties: { ...DEFAULT_REFERENCE_DATA.conflictParties, entries } };
}

/** The shipped data with Ukraine's in-combat entry closed on `until`. */
function ukraineInCombatUntil(until: string): ReferenceDataSet {
    return {
        ...DEFAULT_REFERENCE_DATA,
        inCombat: {
            ...DEFAULT_REFERENCE_DATA.inCombat,
            entries: DEFAULT_REFERENCE_DATA.inCombat.entries.map(e => e.iso3 === 'UKR' ? { ...e, until } : e)
        }
    };
}

const TEST_DESIGNATION: DatedDesignation = {
    iso3: 'PHL',
    from: '2024-06-01',
    until: null,
    basis: 'TEST SCENARIO: Security Council measures after an armed attack',
    sources: []
};

testRule('OSA301', {
    valid: [
        { name: 'a recipient under no embargo', code: programme() },
        { name: 'Somalia FY2024: only non-state actors are embargoed since 2023-12-01', code: programme({ recipient: 'recipient SOM' }) },
        { name: 'DR Congo: the embargo covers non-state groups only', code: programme({ recipient: 'recipient COD' }) },
        { name: 'Yemen: targeted measures against non-state actors', code: programme({ recipient: 'recipient YEM' }) },
        { name: 'Central African Republic FY2024: the government embargo ended on 2023-07-26', code: programme({ recipient: 'recipient CAF' }) },
        { name: 'Iran FY2024: between the end of res. 1747 (2020) and the snapback (2025-09-28)', code: programme({ recipient: 'recipient IRN' }) }
    ],
    invalid: [
        {
            name: 'North Korea: embargo on the government and all',
            code: programme({ recipient: 'recipient PRK' }),
            findings: [{
                severity: 'error', marked: 'PRK',
                messageIncludes: ['Korea, Democratic People\'s Republic of', 'PRK-1718', 'res. 1718 (2006)', 'scope: government and all', 'FY2024', '§3(1)',
                    'Do not plan this programme while the embargo covers the government'],
                messageExcludes: ['presumed']
            }]
        },
        {
            name: 'Somalia FY2023: the government embargo (with exemptions) ran until 2023-11-30',
            code: programme({ fiscalYear: 'fiscal-year 2023', recipient: 'recipient SOM' }),
            findings: [{ severity: 'error', marked: 'SOM', messageIncludes: ['SOM-2093', 'government with exemptions', 'FY2023'] }]
        },
        {
            name: 'South Sudan FY2026: annually renewed, past its recorded expiry, renewal unchecked: presumed in force',
            code: programme({ fiscalYear: 'fiscal-year 2026', recipient: 'recipient SSD' }),
            findings: [{
                severity: 'error', marked: 'SSD',
                messageIncludes: ['SSD-2428', 'Its recorded expiry is 2026-05-31', 'did not check its renewal', 'presumed still in force', '§3(1)']
            }]
        },
        {
            name: 'South Sudan FY2025: the recorded expiry is after the fiscal year, so nothing is presumed',
            code: programme({ fiscalYear: 'fiscal-year 2025', recipient: 'recipient SSD' }),
            findings: [{ severity: 'error', marked: 'SSD', messageIncludes: ['SSD-2428'], messageExcludes: ['presumed'] }]
        },
        {
            name: 'Iran FY2025: the snapback of 2025-09-28 falls inside the fiscal year',
            code: programme({ fiscalYear: 'fiscal-year 2025', recipient: 'recipient IRN' }),
            findings: [{ severity: 'error', marked: 'IRN', messageIncludes: ['IRN-2231', 'snapback'] }]
        },
        {
            name: 'Iran FY2024 with a declared period running into the snapback',
            code: programme({ recipient: 'recipient IRN', extra: 'period 2024-06-01 to 2025-12-31' }),
            findings: [{ severity: 'error', marked: 'IRN', messageIncludes: ['IRN-2231'] }]
        },
        {
            name: 'Sudan: a regional embargo on all parties in Darfur',
            code: programme({ recipient: 'recipient SDN' }),
            findings: [{ severity: 'error', marked: 'SDN', messageIncludes: ['SDN-1591', 'regional all parties'] }]
        }
    ]
});

testRule('OSA302', {
    valid: [
        { name: 'the shipped data designate no country', code: programme() },
        { name: 'not even a country at war without Security Council measures (Ukraine)', code: programme({ recipient: 'recipient UKR' }) },
        {
            name: 'a designation that ended before the fiscal year',
            code: programme(),
            options: { referenceData: withConflictParties([{ ...TEST_DESIGNATION, from: '2023-06-01', until: '2024-03-31' }]) }
        },
        {
            name: 'a designation of another country',
            code: programme(),
            options: { referenceData: withConflictParties([{ ...TEST_DESIGNATION, iso3: 'VNM' }]) }
        }
    ],
    invalid: [
        {
            name: 'a designation from inside the fiscal year (substitute data)',
            code: programme(),
            options: { referenceData: withConflictParties([TEST_DESIGNATION]) },
            findings: [{
                severity: 'error', marked: 'PHL',
                messageIncludes: ['Philippines is designated a party to a conflict', 'from 2024-06-01', 'TEST SCENARIO', '§3(1)', 'The programme cannot go ahead']
            }]
        },
        {
            name: 'a closed designation that overlaps the first day of the fiscal year',
            code: programme(),
            options: { referenceData: withConflictParties([{ ...TEST_DESIGNATION, from: '2023-01-01', until: '2024-04-01' }]) },
            findings: [{ severity: 'error', marked: 'PHL', messageIncludes: ['from 2023-01-01'] }]
        }
    ]
});

testRule('OSA303', {
    valid: [
        { name: 'a country not judged to be in combat', code: programme() },
        { name: 'another country not in combat', code: programme({ recipient: 'recipient VNM' }) },
        {
            name: 'Ukraine with substitute data closing the entry the day before the fiscal year',
            code: programme({ recipient: 'recipient UKR' }),
            options: { referenceData: ukraineInCombatUntil('2024-03-31') }
        }
    ],
    invalid: [
        {
            name: 'Ukraine FY2024',
            code: programme({ recipient: 'recipient UKR' }),
            findings: [{
                severity: 'warning', marked: 'UKR',
                messageIncludes: ['Ukraine is judged to be engaged in combat since 2022-02-24', 'invasion of Ukraine', '§3(1)', 'Record the NSC\'s judgement']
            }]
        },
        {
            name: 'Israel FY2025',
            code: programme({ fiscalYear: 'fiscal-year 2025', recipient: 'recipient ISR' }),
            findings: [{ severity: 'warning', marked: 'ISR', messageIncludes: ['Israel', 'since 2023-10-07'] }]
        },
        {
            name: 'an entry closed on the first day of the fiscal year still counts',
            code: programme({ recipient: 'recipient UKR' }),
            options: { referenceData: ukraineInCombatUntil('2024-04-01') },
            findings: [{ severity: 'warning', marked: 'UKR' }]
        },
        {
            name: 'a recorded NSC judgement (justified exception) makes it information',
            code: programme({ recipient: 'recipient UKR', extra: 'exception OSA303 { justification "NSC judged the demining support lawful, 2024-06" }' }),
            findings: [{ severity: 'info', marked: 'UKR', messageIncludes: ['NSC judged the demining support lawful', 'reported as information'] }]
        },
        {
            name: 'an exception without justification leaves the warning',
            code: programme({ recipient: 'recipient UKR', extra: 'exception OSA303 { approved-by "NSC" }' }),
            findings: [{ severity: 'warning', marked: 'UKR', messageIncludes: ['no written justification'] }]
        }
    ]
});

testRule('OSA304', {
    valid: [
        { name: 'defense equipment for surveillance', code: programme({ items: 'provide "Coastal radar" category coastal-radar defense-equipment purpose surveillance' }) },
        {
            name: 'defense equipment for rescue and minesweeping',
            code: programme({ items: 'provide "Rescue boat" category rescue-boat defense-equipment purpose rescue\n    provide "Sonar" category related-equipment defense-equipment purpose minesweeping' })
        },
        { name: 'an item that is not defense equipment needs no purpose', code: programme({ items: 'provide "Uniforms" category uniforms quantity 500' }) }
    ],
    invalid: [
        {
            name: 'defense equipment without a purpose',
            code: programme({ items: 'provide "Patrol vessel" category patrol-boat defense-equipment' }),
            findings: [{
                severity: 'error', marked: 'defense-equipment',
                messageIncludes: ['"Patrol vessel" is defense equipment but declares no purpose', 'rescue, transport, warning, surveillance or minesweeping', '§3(1)', 'Add `purpose surveillance`']
            }]
        },
        {
            name: 'defense equipment for strike',
            code: programme({ items: 'provide "Patrol vessel" category patrol-boat defense-equipment purpose strike' }),
            findings: [{
                severity: 'error', marked: 'strike',
                messageIncludes: ['"Patrol vessel" is defense equipment for strike', '§3(1)', 'change its purpose to one of the five']
            }]
        },
        {
            name: 'air defence and training of combat units next to a lawful item',
            code: programme({
                items: 'provide "Radar A" category air-surveillance-radar defense-equipment purpose air-defense\n'
                    + '    provide "Radar B" category surveillance-radar defense-equipment purpose warning\n'
                    + '    provide "Simulator" category training defense-equipment purpose training-of-combat-units'
            }),
            findings: [
                { severity: 'error', marked: 'air-defense', messageIncludes: ['"Radar A"'] },
                { severity: 'error', marked: 'training-of-combat-units', messageIncludes: ['"Simulator"'] }
            ]
        }
    ]
});

testRule('OSA305', {
    valid: [
        { name: 'an unarmed radar', code: programme() },
        { name: 'defense equipment that stays unarmed', code: programme({ items: 'provide "Patrol boat" category patrol-boat defense-equipment purpose surveillance' }) }
    ],
    invalid: [
        {
            name: 'a patrol boat to be armed after delivery',
            code: programme({ items: 'provide "Patrol boat" category patrol-boat defense-equipment purpose surveillance armed-after-delivery' }),
            findings: [{
                severity: 'warning', marked: 'armed-after-delivery',
                messageIncludes: ['"Patrol boat" is to be armed after delivery', '§3(1)', 'Confirm with the recipient']
            }]
        },
        {
            name: 'each armed item is reported',
            code: programme({ items: 'provide "Boat A" armed-after-delivery category patrol-boat\n    provide "Radar" category coastal-radar\n    provide "Boat B" category patrol-boat armed-after-delivery' }),
            findings: [
                { severity: 'warning', marked: 'armed-after-delivery', messageIncludes: ['"Boat A"'] },
                { severity: 'warning', marked: 'armed-after-delivery', messageIncludes: ['"Boat B"'] }
            ]
        },
        {
            name: 'a recorded decision (justified exception) makes it information',
            code: programme({
                items: 'provide "Patrol boat" category patrol-boat armed-after-delivery',
                extra: 'exception OSA305 { justification "Recipient confirmed self-defence armament only; agreed purpose unchanged" }'
            }),
            findings: [{ severity: 'info', marked: 'armed-after-delivery', messageIncludes: ['self-defence armament only'] }]
        }
    ]
});
