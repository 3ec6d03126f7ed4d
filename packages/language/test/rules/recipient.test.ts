import { programme } from '../helpers.js';
import { testRule } from './rule-tester.js';

testRule('OSA101', {
    valid: [
        { name: 'a recipient on the 2024-25 DAC list', code: programme({ recipient: 'recipient PHL' }) },
        { name: 'an upper-middle-income recipient', code: programme({ recipient: 'recipient MYS' }) }
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
