import { programme } from '../helpers.js';
import { testRule } from './rule-tester.js';

testRule('OSA101', {
    valid: [
        { name: 'a recipient on the 2024-25 DAC list', code: programme({ recipient: 'recipient PHL' }) },
        { name: 'an upper-middle-income recipient', code: programme({ recipient: 'recipient MYS' }) },
        { name: 'Nauru in FY2025, before its graduation on 2026-01-01 (OSA104 warns instead)', code: programme({ fiscalYear: 'fiscal-year 2025', recipient: 'recipient NRU' }) },
        { name: 'an unknown code is left to OSA105', code: programme({ recipient: 'recipient XYZ' }) }
    ],
    invalid: [
        {
            name: 'a high-income country',
            code: programme({ recipient: 'recipient USA' }),
            findings: [{ severity: 'error', marked: 'USA', messageIncludes: ['United States', 'DAC', '§2(1)', 'exception OSA101'] }]
        },
        {
            name: 'a country that graduated before the fiscal year (Nauru, 2026)',
            code: programme({ fiscalYear: 'fiscal-year 2026', recipient: 'recipient NRU' }),
            findings: [{ severity: 'error', marked: 'NRU', messageIncludes: ['graduated', '2026-01-01'] }]
        },
        {
            name: 'a justified exception softens it to a warning',
            code: programme({ recipient: 'recipient KOR', extra: 'exception OSA101 { justification "NSC decision on disaster relief cooperation" }' }),
            findings: [{ severity: 'warning', marked: 'KOR', messageIncludes: ['exception'] }]
        },
        {
            name: 'an exception without justification does not apply',
            code: programme({ recipient: 'recipient KOR', extra: 'exception OSA101 { approved-by "NSC" }' }),
            findings: [{ severity: 'error', messageIncludes: ['no written justification'] }]
        }
    ]
});

testRule('OSA102', {
    valid: [
        { name: 'the armed forces', code: programme({ beneficiary: 'beneficiary "Philippine Navy" kind armed-forces' }) },
        { name: 'a related organisation (coast guard)', code: programme({ beneficiary: 'beneficiary "Philippine Coast Guard" kind related-organisation' }) }
    ],
    invalid: [
        {
            name: 'a police force',
            code: programme({ beneficiary: 'beneficiary "Philippine National Police" kind police' }),
            findings: [{
                severity: 'error', marked: 'police',
                messageIncludes: ['"Philippine National Police"', 'kind police', 'armed forces and related organisations', '§2(1)', 'Direct the programme to the armed forces or a related organisation']
            }]
        },
        {
            name: 'a civilian agency (ODA serves it)',
            code: programme({ beneficiary: 'beneficiary "Department of Transportation" kind civilian-agency' }),
            findings: [{ severity: 'error', marked: 'civilian-agency', messageIncludes: ['civilian-agency', '§2(1)'] }]
        },
        {
            name: 'a non-state group',
            code: programme({ beneficiary: 'beneficiary "Village militia" kind non-state-group' }),
            findings: [{ severity: 'error', marked: 'non-state-group', messageIncludes: ['non-state-group', '§2(1)'] }]
        },
        {
            name: 'a beneficiary without a kind is marked on its name',
            code: programme({ beneficiary: 'beneficiary "Philippine Navy"' }),
            findings: [{ severity: 'error', marked: '"Philippine Navy"', messageIncludes: ['has no kind', '§2(1)', '`kind armed-forces`', '`kind related-organisation`'] }]
        }
    ]
});

testRule('OSA103', {
    valid: [
        { name: 'grant aid', code: programme({ modality: 'modality grant' }) },
        {
            name: 'two grant programmes in one file',
            code: programme({ id: 'TEST-2024-001' }) + programme({ id: 'TEST-2024-002', recipient: 'recipient VNM' })
        }
    ],
    invalid: [
        {
            name: 'a loan',
            code: programme({ modality: 'modality loan' }),
            findings: [{ severity: 'error', marked: 'loan', messageIncludes: ['The modality is loan', 'grant aid', '§2(1)', '`modality grant`'] }]
        },
        {
            name: 'a sale',
            code: programme({ modality: 'modality sale' }),
            findings: [{ severity: 'error', marked: 'sale', messageIncludes: ['sale', '§2(1)', '`modality grant`'] }]
        },
        {
            name: 'technical cooperation (an ODA scheme)',
            code: programme({ modality: 'modality technical-cooperation' }),
            findings: [{ severity: 'error', marked: 'technical-cooperation', messageIncludes: ['technical-cooperation', '§2(1)'] }]
        }
    ]
});

testRule('OSA104', {
    valid: [
        { name: 'a recipient with no graduation on record', code: programme({ fiscalYear: 'fiscal-year 2025' }) },
        {
            name: 'Nauru FY2025 with a period that ends before its graduation (2026-01-01)',
            code: programme({ fiscalYear: 'fiscal-year 2025', recipient: 'recipient NRU', extra: 'period 2025-04-01 to 2025-12-31' })
        },
        { name: 'Nauru FY2024: the graduation falls after the fiscal year', code: programme({ fiscalYear: 'fiscal-year 2024', recipient: 'recipient NRU' }) },
        { name: 'Guyana: graduation only expected, with no date', code: programme({ fiscalYear: 'fiscal-year 2025', recipient: 'recipient GUY' }) },
        { name: 'Palau: graduation reverted', code: programme({ fiscalYear: 'fiscal-year 2025', recipient: 'recipient PLW' }) },
        { name: 'Nauru FY2026: already graduated, which is OSA101\'s finding', code: programme({ fiscalYear: 'fiscal-year 2026', recipient: 'recipient NRU' }) }
    ],
    invalid: [
        {
            name: 'Nauru FY2025: confirmed graduation on 2026-01-01 inside April 2025 to March 2026',
            code: programme({ fiscalYear: 'fiscal-year 2025', recipient: 'recipient NRU' }),
            findings: [{
                severity: 'warning', marked: 'NRU',
                messageIncludes: ['Nauru leaves the DAC list on 2026-01-01', '2025-04-01 to 2026-03-31', '§2(1)', 'Plan for delivery before that date']
            }]
        },
        {
            name: 'Montserrat FY2025: a pending graduation "may leave"',
            code: programme({ fiscalYear: 'fiscal-year 2025', recipient: 'recipient MSR' }),
            findings: [{ severity: 'warning', marked: 'MSR', messageIncludes: ['Montserrat may leave the DAC list on 2026-01-01', '§2(1)'], messageExcludes: ['leaves'] }]
        },
        {
            name: 'an explicit period that ends on the graduation day',
            code: programme({ fiscalYear: 'fiscal-year 2025', recipient: 'recipient NRU', extra: 'period 2025-06-01 to 2026-01-01' }),
            findings: [{ severity: 'warning', marked: 'NRU', messageIncludes: ['2026-01-01', '2025-06-01 to 2026-01-01'] }]
        },
        {
            name: 'an explicit period that starts on the graduation day (delivery wholly after Nauru leaves)',
            code: programme({ fiscalYear: 'fiscal-year 2025', recipient: 'recipient NRU', extra: 'period 2026-01-01 to 2026-03-31' }),
            findings: [{
                severity: 'warning', marked: 'NRU',
                messageIncludes: ['Nauru leaves the DAC list on 2026-01-01, by the start of the programme period (2026-01-01 to 2026-03-31)', '§2(1)', 'record why support is justified'],
                messageExcludes: ['Plan for delivery before that date']
            }]
        },
        {
            name: 'Montserrat FY2026: a pending graduation dated before the fiscal year is not applied to the list, so it is flagged here',
            code: programme({ fiscalYear: 'fiscal-year 2026', recipient: 'recipient MSR' }),
            findings: [{ severity: 'warning', marked: 'MSR', messageIncludes: ['Montserrat may leave the DAC list on 2026-01-01, by the start of the programme period', 'Confirm whether it is still on the DAC list'] }]
        },
        {
            name: 'an explicit period that runs past the fiscal year (FY2024 programme delivered until mid-2026)',
            code: programme({ fiscalYear: 'fiscal-year 2024', recipient: 'recipient NRU', extra: 'period 2024-06-01 to 2026-06-30' }),
            findings: [{ severity: 'warning', marked: 'NRU', messageIncludes: ['leaves the DAC list on 2026-01-01', '2024-06-01 to 2026-06-30'] }]
        }
    ]
});

testRule('OSA105', {
    valid: [
        { name: 'an ISO alpha-3 code', code: programme({ recipient: 'recipient PHL' }) },
        { name: 'a code that is not on the DAC list is still a country (OSA101\'s business)', code: programme({ recipient: 'recipient USA' }) }
    ],
    invalid: [
        {
            name: 'a lower-case code suggests the upper-case one',
            code: programme({ recipient: 'recipient phl' }),
            findings: [{ severity: 'error', marked: 'phl', messageIncludes: ['"phl" is not an ISO 3166-1 alpha-3 country code', '§2(1)', 'Did you mean PHL (Philippines)?'] }]
        },
        {
            name: 'an alpha-2 code suggests its alpha-3 form',
            code: programme({ recipient: 'recipient PH' }),
            findings: [{ severity: 'error', marked: 'PH', messageIncludes: ['"PH"', 'Did you mean PHL (Philippines)?'] }]
        },
        {
            name: 'a one-letter typo',
            code: programme({ recipient: 'recipient PHX' }),
            findings: [{ severity: 'error', marked: 'PHX', messageIncludes: ['"PHX"', 'Did you mean PHL (Philippines)?'] }]
        },
        {
            name: 'a country name suggests its code',
            code: programme({ recipient: 'recipient Philippines' }),
            findings: [{ severity: 'error', marked: 'Philippines', messageIncludes: ['Did you mean PHL (Philippines)?'] }]
        },
        {
            name: 'a code with no close match gets the general advice',
            code: programme({ recipient: 'recipient QQQQ' }),
            findings: [{ severity: 'error', marked: 'QQQQ', messageIncludes: ['"QQQQ"', '§2(1)', 'Use the three-letter ISO 3166-1 code'], messageExcludes: ['Did you mean'] }]
        }
    ]
});
