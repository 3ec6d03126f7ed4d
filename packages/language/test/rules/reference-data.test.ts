import { DEFAULT_REFERENCE_DATA } from '../../src/reference/default-data.js';
import { programme } from '../helpers.js';
import { testRule } from './rule-tester.js';

testRule('OSA100', {
    valid: [
        { name: 'FY2024: 1 April 2024 is inside the 2024-25 DAC edition and before every data cut-off', code: programme({ fiscalYear: 'fiscal-year 2024' }) },
        { name: 'FY2025: 1 April 2025 is still covered', code: programme({ fiscalYear: 'fiscal-year 2025' }) },
        {
            name: 'FY2026 with substitute data that reach 1 April 2026',
            code: programme({ fiscalYear: 'fiscal-year 2026' }),
            options: {
                referenceData: {
                    ...DEFAULT_REFERENCE_DATA,
                    dacList: {
                        ...DEFAULT_REFERENCE_DATA.dacList,
                        editions: DEFAULT_REFERENCE_DATA.dacList.editions.map(e => ({ ...e, id: '2024-2026 (test)', effectiveTo: '2026-12-31' }))
                    },
                    embargoes: { ...DEFAULT_REFERENCE_DATA.embargoes, meta: { ...DEFAULT_REFERENCE_DATA.embargoes.meta, asOf: '2026-06-30' } }
                }
            }
        }
    ],
    invalid: [
        {
            name: 'FY2023: the only DAC edition (2024-25) starts after 1 April 2023',
            code: programme({ fiscalYear: 'fiscal-year 2023' }),
            findings: [{
                severity: 'info', marked: '2023',
                messageIncludes: ['1 April 2023', 'FY2023', 'DAC List of ODA Recipients', '2024-2025', 'nearest edition', 'Check those findings'],
                messageExcludes: ['arms embargo', 'in-combat']
            }]
        },
        {
            name: 'FY2026: past the DAC edition and the embargo data (as of 2025-11-30), not the in-combat data',
            code: programme({ fiscalYear: 'fiscal-year 2026' }),
            findings: [{
                severity: 'info', marked: '2026',
                messageIncludes: ['1 April 2026', 'DAC List of ODA Recipients', 'NRU 2026-01-01', 'UN arms embargo data', '2025-11-30', 'Check those findings'],
                messageExcludes: ['in-combat']
            }]
        },
        {
            name: 'FY2027: beyond the DAC edition, the embargo data and the in-combat judgements (as of 2026-11-25)',
            code: programme({ fiscalYear: 'fiscal-year 2027' }),
            findings: [{
                severity: 'info', marked: '2027',
                messageIncludes: ['1 April 2027', 'DAC List of ODA Recipients', 'UN arms embargo data', '2025-11-30', 'in-combat judgements', '2026-11-25', 'Check those findings']
            }]
        }
    ]
});
