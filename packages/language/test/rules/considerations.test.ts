import { programme } from '../helpers.js';
import { testRule } from './rule-tester.js';

/** An assessment block with the given topic lines. */
function assessment(...topics: string[]): string {
    return `assessment {\n${topics.map(t => `        ${t}\n`).join('')}    }`;
}

const ALL_ON_FILE = assessment(
    'democracy on-file "Review 2024-10"',
    'rule-of-law on-file "Review 2024-10"',
    'human-rights on-file "Review 2024-10" dated 2024-10-01',
    'socio-economic on-file "Review 2024-10"',
    'security-needs on-file "NSS 2022, chapter VI"',
    'bilateral-relations on-file "Joint statement 2023-11"'
);

testRule('OSA310', {
    valid: [
        { name: 'the baseline assessment', code: programme() },
        { name: 'an incomplete assessment is OSA311\'s finding', code: programme({ assessment: assessment('democracy "Consolidated"') }) },
        { name: 'an empty assessment block is still an assessment', code: programme({ assessment: 'assessment { }' }) }
    ],
    invalid: [
        {
            name: 'no assessment',
            code: programme({ assessment: null }),
            findings: [{
                severity: 'error', marked: 'TEST-2024-001',
                messageIncludes: ['TEST-2024-001 has no assessment', 'democracy, rule of law, human rights', 'bilateral relations', '§3(2)', 'Add an `assessment { … }` block']
            }]
        },
        {
            name: 'only the programme without one is marked',
            code: programme({ id: 'TEST-2024-001' }) + programme({ id: 'TEST-2024-002', assessment: null }),
            findings: [{ severity: 'error', marked: 'TEST-2024-002', messageIncludes: ['TEST-2024-002'] }]
        }
    ]
});

testRule('OSA311', {
    valid: [
        { name: 'all six topics, some as text', code: programme() },
        { name: 'all six topics on file, one dated', code: programme({ assessment: ALL_ON_FILE }) }
    ],
    invalid: [
        {
            name: 'two topics missing',
            code: programme({
                assessment: assessment('democracy "Consolidated"', 'rule-of-law "Stable"', 'socio-economic "LMIC"', 'bilateral-relations "Strategic partnership"')
            }),
            findings: [{
                severity: 'warning', marked: 'assessment',
                messageIncludes: ['does not address human-rights, security-needs', '§3(2)', 'Add `human-rights "…"`, `security-needs "…"`'],
                messageExcludes: ['democracy', 'bilateral-relations']
            }]
        },
        {
            name: 'blank text counts as missing',
            code: programme({
                assessment: assessment('democracy "x"', 'rule-of-law "x"', 'human-rights ""', 'socio-economic "x"', 'security-needs "x"', 'bilateral-relations on-file "   "')
            }),
            findings: [{ severity: 'warning', marked: 'assessment', messageIncludes: ['does not address human-rights, bilateral-relations'] }]
        },
        {
            name: 'an empty block lacks all six',
            code: programme({ assessment: 'assessment { }' }),
            findings: [{
                severity: 'warning', marked: 'assessment',
                messageIncludes: ['democracy, rule-of-law, human-rights, socio-economic, security-needs, bilateral-relations']
            }]
        }
    ]
});
