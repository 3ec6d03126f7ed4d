/** Several beneficiaries: OSA102 checks each one and names the one it reports; a beneficiary named twice is a language error. */
import { describe, expect, it } from 'vitest';
import { markedText, programme, validateSource } from '../helpers.js';
import { testRule } from './rule-tester.js';

const two = (first: string, second: string) => programme({ beneficiary: `${first}\n    ${second}` });

testRule('OSA102', {
    valid: [
        {
            name: 'a navy and a coast guard',
            code: two('beneficiary "Philippine Navy" kind armed-forces', 'beneficiary "Philippine Coast Guard" kind related-organisation')
        },
        {
            name: 'a navy and an air force',
            code: two('beneficiary "Philippine Navy" kind armed-forces', 'beneficiary "Philippine Air Force" kind armed-forces')
        }
    ],
    invalid: [
        {
            name: 'one forbidden kind among two: the second is reported, by name',
            code: two('beneficiary "Philippine Navy" kind armed-forces', 'beneficiary "Philippine National Police" kind police'),
            findings: [{ severity: 'error', marked: 'police', messageIncludes: ['"Philippine National Police"', 'kind police', '§2(1)'], messageExcludes: ['Philippine Navy'] }]
        },
        {
            name: 'one forbidden kind among two: the first is reported, by name, although the second is eligible',
            code: two('beneficiary "Bureau of Customs" kind civilian-agency', 'beneficiary "Philippine Coast Guard" kind related-organisation'),
            findings: [{ severity: 'error', marked: 'civilian-agency', messageIncludes: ['"Bureau of Customs"', 'civilian-agency'], messageExcludes: ['Coast Guard'] }]
        },
        {
            name: 'two ineligible beneficiaries: each is reported on its own kind',
            code: two('beneficiary "National Police" kind police', 'beneficiary "Shipyard Ltd" kind private-company'),
            findings: [
                { severity: 'error', marked: 'police', messageIncludes: ['"National Police"'] },
                { severity: 'error', marked: 'private-company', messageIncludes: ['"Shipyard Ltd"'] }
            ]
        },
        {
            name: 'the second beneficiary without a kind is reported on its name',
            code: two('beneficiary "Philippine Navy" kind armed-forces', 'beneficiary "Philippine Coast Guard"'),
            findings: [{ severity: 'error', marked: '"Philippine Coast Guard"', messageIncludes: ['"Philippine Coast Guard" has no kind'] }]
        }
    ]
});

describe('several beneficiaries in the language checks', () => {
    it('the same beneficiary declared twice is one error on the second', async () => {
        const { source, diagnostics } = await validateSource(two('beneficiary "Philippine Navy" kind armed-forces', 'beneficiary "Philippine Navy" kind related-organisation'));
        const syntax = diagnostics.filter(d => d.rule === 'syntax');
        expect(syntax).toHaveLength(1);
        expect(syntax[0].message).toContain('declares the beneficiary `Philippine Navy` twice');
        expect(markedText(source, syntax[0])).toBe('"Philippine Navy"');
        expect(syntax[0].range.start.line).toBe(source.split('\n').findIndex(l => l.includes('related-organisation')) + 1);
    });
});
