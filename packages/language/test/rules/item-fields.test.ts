import { describe, expect, it } from 'vitest';
import { programme, validateSource } from '../helpers.js';
import { testRule } from './rule-tester.js';

const BOTH = 'field rule-of-law { activity maritime-surveillance }\n    field humanitarian { activity search-and-rescue }';
const HUMANITARIAN = 'field humanitarian { activity search-and-rescue }';

testRule('OSA207', {
    valid: [
        { name: 'a category whose default field is declared (coastal radar, rule of law)', code: programme() },
        {
            name: 'each item serves one of two declared fields, by default or with `serves`',
            code: programme({
                fields: BOTH,
                items: 'provide "Patrol boat" category patrol-boat\n    provide "Rescue boat" category rescue-boat\n'
                    + '    provide "Diving support vessel" category support-vessel serves humanitarian'
            })
        },
        {
            name: '`serves` overrides the category\'s default field',
            code: programme({ fields: HUMANITARIAN, items: 'provide "RHIB for rescue" category rigid-inflatable-boat serves humanitarian' })
        },
        {
            name: 'training and related equipment serve what the main items serve',
            code: programme({
                items: 'provide "Coastal radar" category coastal-radar\n    provide "Operator training" category training\n'
                    + '    provide "Related equipment" category related-equipment\n    provide "Radar site" category infrastructure'
            })
        },
        {
            name: 'a main item that names its field with `serves` carries its training along',
            code: programme({ fields: HUMANITARIAN, items: 'provide "Vessel" category support-vessel serves humanitarian\n    provide "Crew training" category training' })
        },
        {
            name: 'general equipment serves the programme\'s field when it declares only one',
            code: programme({ fields: HUMANITARIAN, items: 'provide "Relief truck" category transport-vehicle\n    provide "Radios" category communications-equipment' })
        },
        {
            name: 'general equipment with `serves` in a programme of two fields, and training that follows it',
            code: programme({ fields: BOTH, items: 'provide "Relief truck" category transport-vehicle serves humanitarian\n    provide "Driver training" category training' })
        },
        {
            name: 'a conflict-related item is OSA203\'s finding, not this one',
            code: programme({ items: 'provide "Rifle" category weapon' })
        },
        {
            name: 'a programme with no field is OSA201\'s finding: nothing to compare with',
            code: programme({ fields: null, items: 'provide "Clothing" category clothing-and-personal-equipment' })
        },
        {
            name: 'a field outside the permitted three, declared and served, is OSA202\'s finding',
            code: programme({ fields: 'field internal-security', items: 'provide "Clothing" category clothing-and-personal-equipment serves internal-security' })
        }
    ],
    invalid: [
        {
            name: 'clothing "for morale" serves no field',
            code: programme({ items: 'provide "Coastal radar" category coastal-radar\n    provide "Winter clothing" category clothing-and-personal-equipment detail "For morale"' }),
            findings: [{
                severity: 'warning', marked: 'clothing-and-personal-equipment',
                messageIncludes: ['"Winter clothing" serves none of the programme\'s fields', 'implies no field', '§2(2)', '`rule-of-law`', 'Add `serves <field>`']
            }]
        },
        {
            name: 'the category\'s default field is not declared',
            code: programme({ fields: HUMANITARIAN, items: 'provide "Patrol boat" category patrol-boat' }),
            findings: [{
                severity: 'warning', marked: 'patrol-boat',
                messageIncludes: ['category patrol-boat, which serves rule-of-law', 'declares only `humanitarian`', '§2(2)', 'declare `field rule-of-law`', '`serves <field>`']
            }]
        },
        {
            name: 'an explicit `serves` names an undeclared field; each such value is marked',
            code: programme({ items: 'provide "Vessel" category support-vessel serves rule-of-law serves humanitarian serves peace-cooperation' }),
            findings: [
                { severity: 'warning', marked: 'humanitarian', messageIncludes: ['"Vessel" serves humanitarian, which the programme does not declare', 'declares only `rule-of-law`', 'declare `field humanitarian`'] },
                { severity: 'warning', marked: 'peace-cooperation', messageIncludes: ['serves peace-cooperation'] }
            ]
        },
        {
            name: '`serves` a field outside the permitted three says so',
            code: programme({ items: 'provide "Radar" category coastal-radar serves intelligence' }),
            findings: [{ severity: 'warning', marked: 'intelligence', messageIncludes: ['not one of the three fields of §2(2) at all', 'or remove the item'] }]
        },
        {
            name: 'general equipment in a programme of two fields does not say which it serves',
            code: programme({ fields: BOTH, items: 'provide "Patrol boat" category patrol-boat\n    provide "Truck" category transport-vehicle' }),
            findings: [{
                severity: 'warning', marked: 'transport-vehicle',
                messageIncludes: ['"Truck" is of category transport-vehicle, which may serve any field', 'declares several (`rule-of-law` and `humanitarian`)', '§2(2)', '`serves <field>`']
            }]
        },
        {
            name: 'uniforms, like clothing, imply no field even in a programme of one',
            code: programme({ items: 'provide "Coastal radar" category coastal-radar\n    provide "Parade uniforms" category uniforms' }),
            findings: [{ severity: 'warning', marked: 'uniforms', messageIncludes: ['"Parade uniforms" serves none of the programme\'s fields'] }]
        },
        {
            name: 'training with no main item that serves a field',
            code: programme({ items: 'provide "Crew training" category training\n    provide "Spare parts" category spare-parts' }),
            findings: [
                { severity: 'warning', marked: 'training', messageIncludes: ['"Crew training" is of category training, which serves what the programme\'s main items serve, but no other item serves a field'] },
                { severity: 'warning', marked: 'spare-parts', messageIncludes: ['"Spare parts"'] }
            ]
        },
        {
            name: 'several programmes: only the item of the programme that does not declare its field',
            code: programme() + programme({ id: 'TEST-2024-002', fields: HUMANITARIAN, items: 'provide "Rescue boat" category rescue-boat\n    provide "Radar" category coastal-radar' }),
            findings: [{ severity: 'warning', marked: 'coastal-radar', messageIncludes: ['"Radar" is of category coastal-radar'] }]
        }
    ]
});

// A category that is defense equipment by nature needs a purpose: only workspace terms can be (the built-in ones that
// are, are conflict-related and reported by OSA203 alone), so the built-in behaviour stays as it was.
testRule('OSA304', {
    valid: [{ name: 'a conflict-related category is not also reported for its purpose', code: programme({ items: 'provide "Rifle" category weapon' }) }],
    invalid: []
});

describe('OSA207 on values that do not read', () => {
    it('a misspelt category or `serves` value is one language error each, and no guess about the field', async () => {
        const { diagnostics } = await validateSource(programme({ items: 'provide "Radar" category coastal-radr\n    provide "Boat" category patrol-boat serves humanitarain' }));
        expect(diagnostics.filter(d => d.rule === 'syntax').map(d => d.message)).toEqual([
            'Unknown item category `coastal-radr`; did you mean `coastal-radar`?',
            'Unknown field `humanitarain`; did you mean `humanitarian`?'
        ]);
        expect(diagnostics.filter(d => d.rule === 'OSA207')).toEqual([]);
    });
});
