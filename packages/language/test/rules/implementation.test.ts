import { programme } from '../helpers.js';
import { testRule } from './rule-tester.js';

const DEFENSE_RADAR = 'provide "Coastal radar" category coastal-radar defense-equipment purpose surveillance';

testRule('OSA501', {
    valid: [
        { name: 'NSS, MOFA and MOD with JICA', code: programme() },
        { name: 'the core bodies spread over two coordination lines', code: programme({ coordination: 'coordination NSS, MOFA\n    coordination MOD, JICA' }) }
    ],
    invalid: [
        {
            name: 'MOD missing',
            code: programme({ coordination: 'coordination NSS, MOFA, JICA' }),
            findings: [{
                severity: 'warning', marked: 'coordination',
                messageIncludes: ['Coordination with MOD is not declared', 'Ministry of Defense', '§4(1)', 'Add MOD to the programme\'s `coordination` line']
            }]
        },
        {
            name: 'only MOD declared',
            code: programme({ coordination: 'coordination MOD, JCG' }),
            findings: [{ severity: 'warning', marked: 'coordination', messageIncludes: ['Coordination with NSS, MOFA is not declared'] }]
        },
        {
            name: 'no coordination line: marked on the programme id',
            code: programme({ coordination: null }),
            findings: [{ severity: 'warning', marked: 'TEST-2024-001', messageIncludes: ['NSS, MOFA, MOD', '§4(1)'] }]
        }
    ]
});

testRule('OSA502', {
    valid: [
        { name: 'JICA', code: programme() },
        { name: 'the PKO secretariat', code: programme({ coordination: 'coordination NSS, MOFA, MOD, PKO-secretariat' }) },
        { name: 'Japan Coast Guard on a second line', code: programme({ coordination: 'coordination NSS, MOFA, MOD\n    coordination JCG' }) }
    ],
    invalid: [
        {
            name: 'the core bodies only',
            code: programme({ coordination: 'coordination NSS, MOFA, MOD' }),
            findings: [{
                severity: 'info', marked: 'coordination',
                messageIncludes: ['No coordination with other governmental cooperation frameworks', 'ODA, JICA', '§4(2)', '`coordination JICA`']
            }]
        },
        {
            name: 'the transfer scheme is not a cooperation framework',
            code: programme({ coordination: 'coordination NSS, MOFA, MOD, transfer-scheme' }),
            findings: [{ severity: 'info', marked: 'coordination', messageIncludes: ['§4(2)'] }]
        },
        {
            name: 'no coordination line',
            code: programme({ coordination: null }),
            findings: [{ severity: 'info', marked: 'TEST-2024-001', messageIncludes: ['§4(2)'] }]
        }
    ]
});

testRule('OSA503', {
    valid: [
        { name: 'no defense equipment', code: programme() },
        { name: 'defense equipment with the transfer scheme', code: programme({ items: DEFENSE_RADAR, coordination: 'coordination NSS, MOFA, MOD, JICA, transfer-scheme' }) },
        { name: 'the transfer scheme on a second line', code: programme({ items: DEFENSE_RADAR, coordination: 'coordination NSS, MOFA, MOD, JICA\n    coordination transfer-scheme' }) }
    ],
    invalid: [
        {
            name: 'defense equipment without the transfer scheme',
            code: programme({ items: DEFENSE_RADAR }),
            findings: [{
                severity: 'info', marked: 'defense-equipment',
                messageIncludes: ['"Coastal radar" is defense equipment', 'Transfer of Defense Equipment and Technology', '§4(3)', 'Add `coordination transfer-scheme`']
            }]
        },
        {
            name: 'several defense items: reported once, on the first',
            code: programme({
                items: 'provide "Uniforms" category uniforms\n'
                    + '    provide "Patrol boat" category patrol-boat defense-equipment purpose surveillance\n'
                    + `    ${DEFENSE_RADAR}`
            }),
            findings: [{ severity: 'info', marked: 'defense-equipment', messageIncludes: ['"Patrol boat"'], messageExcludes: ['"Coastal radar"'] }]
        }
    ]
});
