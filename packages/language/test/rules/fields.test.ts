import { programme } from '../helpers.js';
import { testRule } from './rule-tester.js';

testRule('OSA201', {
    valid: [
        { name: 'one permitted field', code: programme() },
        {
            name: 'two fields',
            code: programme({ fields: 'field rule-of-law { activity maritime-surveillance }\n    field humanitarian { activity search-and-rescue }' })
        },
        { name: 'a field without a block', code: programme({ fields: 'field humanitarian' }) }
    ],
    invalid: [
        {
            name: 'no field at all',
            code: programme({ fields: null }),
            findings: [{
                severity: 'error', marked: 'TEST-2024-001',
                messageIncludes: ['TEST-2024-001 declares no field', '§2(2)', 'Add e.g. `field rule-of-law { activity maritime-surveillance }`']
            }]
        },
        {
            name: 'only the programme without a field is marked',
            code: programme({ id: 'TEST-2024-001' }) + programme({ id: 'TEST-2024-002', fields: null }),
            findings: [{ severity: 'error', marked: 'TEST-2024-002', messageIncludes: ['TEST-2024-002 declares no field'] }]
        }
    ]
});

testRule('OSA202', {
    valid: [
        { name: 'rule of law with its activity', code: programme() },
        {
            name: 'each permitted field with its own activities',
            code: programme({
                fields: 'field rule-of-law { activity counter-piracy activity coastal-monitoring }\n'
                    + '    field humanitarian { activity disaster-response activity relief-transport }\n'
                    + '    field peace-cooperation { operation UNMISS activity peacekeeping-engineering }'
            })
        },
        {
            name: 'a conflict-related activity is OSA203\'s finding, not this one',
            code: programme({ fields: 'field rule-of-law { activity combat-support }' })
        },
        {
            name: 'an activity of another permitted field is OSA204\'s finding, not this one',
            code: programme({ fields: 'field rule-of-law { activity search-and-rescue }' })
        }
    ],
    invalid: [
        {
            name: 'national defence build-up is not a permitted field',
            code: programme({ fields: 'field national-defense-buildup' }),
            findings: [{
                severity: 'error', marked: 'national-defense-buildup',
                messageIncludes: ['national-defense-buildup is not one of the three fields', '§2(2)', 'Declare the programme under rule-of-law, humanitarian or peace-cooperation']
            }]
        },
        {
            name: 'a field outside the permitted ones is reported once, not again for its activities',
            code: programme({ fields: 'field economic-development { activity crowd-control }' }),
            findings: [{ severity: 'error', marked: 'economic-development', messageIncludes: ['economic-development', '§2(2)'] }]
        },
        {
            name: 'crowd control under a permitted field',
            code: programme({ fields: 'field rule-of-law { activity maritime-surveillance activity crowd-control }' }),
            findings: [{
                severity: 'error', marked: 'crowd-control',
                messageIncludes: ['crowd-control belongs to none of the permitted fields', '§2(2)', 'Name the permitted activity']
            }]
        },
        {
            name: 'unspecified capacity building and intelligence collection',
            code: programme({ fields: 'field rule-of-law { activity general-capacity-building activity intelligence-collection }' }),
            findings: [
                { severity: 'error', marked: 'general-capacity-building', messageIncludes: ['general-capacity-building'] },
                { severity: 'error', marked: 'intelligence-collection', messageIncludes: ['intelligence-collection'] }
            ]
        }
    ]
});

testRule('OSA203', {
    valid: [
        { name: 'a coastal radar for maritime surveillance', code: programme() },
        {
            name: 'boats, an unarmed drone and protective gear',
            code: programme({
                items: 'provide "Patrol boat" quantity 2 category patrol-boat\n'
                    + '    provide "Rescue boat" category rescue-boat\n'
                    + '    provide "Surveillance drone" category surveillance-uav\n'
                    + '    provide "Body armour" category protective-gear'
            })
        },
        { name: 'counter-terrorism and counter-piracy are permitted activities', code: programme({ fields: 'field rule-of-law { activity counter-terrorism activity counter-piracy }' }) }
    ],
    invalid: [
        {
            name: 'a weapon',
            code: programme({ items: 'provide "Rifle" quantity 100 category weapon' }),
            findings: [{
                severity: 'error', marked: 'weapon',
                messageIncludes: ['"Rifle" is of category weapon', 'directly to international conflict', '§2(2)', 'Remove the item']
            }]
        },
        {
            name: 'ammunition and a missile next to a lawful item',
            code: programme({
                items: 'provide "Coastal surveillance radar" category coastal-radar\n'
                    + '    provide "Rounds" category ammunition\n'
                    + '    provide "Anti-ship round" category missile'
            }),
            findings: [
                { severity: 'error', marked: 'ammunition', messageIncludes: ['"Rounds" is of category ammunition', '§2(2)'] },
                { severity: 'error', marked: 'missile', messageIncludes: ['is of category missile', '§2(2)'] }
            ]
        },
        {
            name: 'an armed drone and a fire-control system',
            code: programme({ items: 'provide "Drone" category armed-uav\n    provide "Director" category fire-control-system' }),
            findings: [
                { severity: 'error', marked: 'armed-uav' },
                { severity: 'error', marked: 'fire-control-system' }
            ]
        },
        {
            name: 'combat support declared under a permitted field',
            code: programme({ fields: 'field rule-of-law { activity maritime-surveillance activity combat-support }' }),
            findings: [{
                severity: 'error', marked: 'combat-support',
                messageIncludes: ['activity combat-support relates directly to international conflict', '§2(2)', 'Remove it']
            }]
        },
        {
            name: 'conflict activities are reported even under a field that is itself not permitted',
            code: programme({ fields: 'field combat-operations { activity offensive-strike activity weapons-training }' }),
            findings: [
                { severity: 'error', marked: 'offensive-strike' },
                { severity: 'error', marked: 'weapons-training' }
            ]
        }
    ]
});

testRule('OSA204', {
    valid: [
        { name: 'maritime surveillance under rule of law', code: programme() },
        { name: 'humanitarian activities under humanitarian', code: programme({ fields: 'field humanitarian { activity search-and-rescue activity disaster-response }' }) },
        { name: 'a field outside the permitted ones is OSA202\'s finding', code: programme({ fields: 'field internal-security { activity search-and-rescue }' }) },
        { name: 'an activity of no field is OSA202\'s finding', code: programme({ fields: 'field humanitarian { activity crowd-control }' }) }
    ],
    invalid: [
        {
            name: 'search and rescue under rule of law',
            code: programme({ fields: 'field rule-of-law { activity search-and-rescue }' }),
            findings: [{
                severity: 'warning', marked: 'search-and-rescue',
                messageIncludes: ['search-and-rescue belongs to the humanitarian field (§2(2)(b)), not to rule-of-law', 'move the activity under `field humanitarian`']
            }]
        },
        {
            name: 'only the misplaced activity of a humanitarian field is marked',
            code: programme({ fields: 'field humanitarian { activity medical-care activity maritime-surveillance }' }),
            findings: [{ severity: 'warning', marked: 'maritime-surveillance', messageIncludes: ['rule-of-law field (§2(2)(a))', '`field rule-of-law`'] }]
        },
        {
            name: 'disaster response under peace cooperation',
            code: programme({ fields: 'field peace-cooperation { operation UNMISS activity un-peacekeeping activity disaster-response }' }),
            findings: [{ severity: 'warning', marked: 'disaster-response', messageIncludes: ['not to peace-cooperation'] }]
        }
    ]
});

testRule('OSA205', {
    valid: [
        { name: 'a plain descriptive title', code: programme() },
        {
            name: 'Japanese without conflict words, and 非殺傷 (non-lethal) as a negation',
            code: programme({
                title: 'title "フィリピン海軍に対する沿岸監視レーダーの供与"',
                items: 'provide "非殺傷の防護装備" category protective-gear detail "密輸対策に当たる臨検隊のため"'
            })
        },
        {
            name: '"non-lethal" and "counter-…" are not conflict wording',
            code: programme({
                title: 'title "Non-lethal equipment for counter-terrorism and counter-piracy"',
                items: 'provide "Non-lethal protective gear" category protective-gear detail "For boarding teams countering smuggling"'
            })
        },
        {
            name: '"combat" as a verb against piracy or crime',
            code: programme({
                title: 'title "Patrol boats to combat piracy in the Sulu Sea"',
                extra: 'description "Helps the navy combat illegal fishing and combat smuggling; combating trafficking."'
            })
        },
        {
            name: 'an item whose category is conflict-related is left to OSA203',
            code: programme({ items: 'provide "Assault rifle" category weapon detail "With ammunition"' })
        },
        {
            name: 'an item to be armed after delivery: OSA305 reports the arming, its wording is not reported again',
            code: programme({ items: 'provide "Patrol boat" category patrol-boat armed-after-delivery detail "The navy will install weapons and deck guns"' })
        },
        {
            name: 'conflict words inside other words ("skills", "killick", "strikethrough")',
            code: programme({ items: 'provide "Maintenance skills training" category training detail "Killick anchors, strikethrough labels"' })
        }
    ],
    invalid: [
        {
            name: '"combat-ready" in the title',
            code: programme({ title: 'title "Combat-ready patrol boats"' }),
            findings: [{
                severity: 'warning', marked: '"Combat-ready patrol boats"',
                messageIncludes: ['the word "Combat"', 'describes conflict', '§2(2)', 'Reword it']
            }]
        },
        {
            name: 'Japanese conflict words in the title and an item, written without spaces',
            code: programme({
                title: 'title "攻撃能力を高める哨戒艇"',
                items: 'provide "弾薬庫" category infrastructure detail "ミサイルと魚雷の保管棚"'
            }),
            findings: [
                { severity: 'warning', marked: '"攻撃能力を高める哨戒艇"', messageIncludes: ['the word "攻撃"'] },
                { severity: 'warning', marked: '"弾薬庫"', messageIncludes: ['"弾薬"'] },
                { severity: 'warning', marked: '"ミサイルと魚雷の保管棚"', messageIncludes: ['the words "ミサイル", "魚雷"'] }
            ]
        },
        {
            name: 'an item name and an item detail',
            code: programme({ items: 'provide "Ammunition storage container" category infrastructure detail "Racks for missiles"' }),
            findings: [
                { severity: 'warning', marked: '"Ammunition storage container"', messageIncludes: ['"Ammunition"'] },
                { severity: 'warning', marked: '"Racks for missiles"', messageIncludes: ['"missiles"'] }
            ]
        },
        {
            name: 'the programme, field and activity descriptions',
            code: programme({
                fields: 'field rule-of-law { description "Improves strike capability" activity maritime-surveillance "Finds targets to attack" }',
                extra: 'description "Adds firepower to the fleet"'
            }),
            findings: [
                { severity: 'warning', marked: '"Adds firepower to the fleet"', messageIncludes: ['"firepower"'] },
                { severity: 'warning', marked: '"Improves strike capability"', messageIncludes: ['"strike"'] },
                { severity: 'warning', marked: '"Finds targets to attack"', messageIncludes: ['"attack"'] }
            ]
        },
        {
            name: 'weapon names in an item of a lawful category',
            code: programme({ items: 'provide "Deck guns" category spare-parts' }),
            findings: [{ severity: 'warning', marked: '"Deck guns"', messageIncludes: ['"guns"'] }]
        },
        {
            name: 'hyphens, spaces, case and inflection do not hide a word: counter-offensive, counteroffensive, Counter Offensive, offensives',
            code: programme({
                title: 'title "Support for the counter-offensive"',
                items: 'provide "Counteroffensive kit" category spare-parts detail "For COUNTER OFFENSIVE and spring offensives"',
                extra: 'description "Ｗｅａｐｏｎｓ maintenance"'
            }),
            findings: [
                { severity: 'warning', marked: '"Support for the counter-offensive"', messageIncludes: ['"counter-offensive"'] },
                { severity: 'warning', marked: '"Ｗｅａｐｏｎｓ maintenance"', messageIncludes: ['"Weapons"'] },
                { severity: 'warning', marked: '"Counteroffensive kit"', messageIncludes: ['"Counteroffensive"'] },
                { severity: 'warning', marked: '"For COUNTER OFFENSIVE and spring offensives"', messageIncludes: ['"COUNTER OFFENSIVE"', '"offensives"'] }
            ]
        },
        {
            name: 'a non-UN operation\'s name is free text a reader sees',
            code: programme({ fields: 'field peace-cooperation { activity un-peacekeeping operation "Strike Group Observer Team" led-by ASEAN }' }),
            findings: [{ severity: 'warning', marked: '"Strike Group Observer Team"', messageIncludes: ['"Strike"'] }]
        },
        {
            name: 'a proper name is exempted only by a recorded decision, and then is information',
            code: programme({
                items: 'provide "Spare parts for the Offensive Class tug" category spare-parts',
                extra: 'exception OSA205 { justification "Offensive Class is the shipyard\'s name for the tug design" approved-by "MOFA" dated 2025-01-10 }'
            }),
            findings: [{ severity: 'info', marked: '"Spare parts for the Offensive Class tug"', messageIncludes: ['"Offensive"', 'exception with a written justification'] }]
        },
        {
            name: '"combat" as a noun is still flagged even when piracy is mentioned',
            code: programme({ title: 'title "Combat boats against piracy"' }),
            findings: [{ severity: 'warning', marked: '"Combat boats against piracy"', messageIncludes: ['"Combat"'] }]
        }
    ]
});

testRule('OSA206', {
    valid: [
        { name: 'peace cooperation tied to a UN mission', code: programme({ fields: 'field peace-cooperation { activity un-peacekeeping operation UNMISS }' }) },
        { name: 'other fields need no UN mission', code: programme({ fields: 'field rule-of-law { activity maritime-surveillance }\n    field humanitarian' }) }
    ],
    invalid: [
        {
            name: 'peace cooperation without an operation',
            code: programme({ fields: 'field peace-cooperation { activity un-peacekeeping }' }),
            findings: [{
                severity: 'warning', marked: 'peace-cooperation',
                messageIncludes: ['names no peace operation', '§2(2)(c)', '`operation UNMISS`']
            }]
        },
        {
            name: 'free text is no longer a UN operation: a named non-UN operation needs a recorded decision',
            code: programme({ fields: 'field peace-cooperation { activity peacekeeping-training operation "ASEAN Observer Team" led-by ASEAN }' }),
            findings: [{ severity: 'warning', marked: '"ASEAN Observer Team"', messageIncludes: ['led by ASEAN', 'is not a UN peace operation', 'exception OSA206'] }]
        },
        {
            name: 'a non-UN operation with a recorded decision is information',
            code: programme({
                fields: 'field peace-cooperation { activity peacekeeping-training operation "ASEAN Observer Team" led-by ASEAN }',
                extra: 'exception OSA206 { justification "Ceasefire monitoring decided by the NSC" approved-by "NSC" dated 2025-08-01 }'
            }),
            findings: [{ severity: 'info', marked: '"ASEAN Observer Team"', messageIncludes: ['is not a UN peace operation', 'exception with a written justification'] }]
        },
        {
            name: 'a UN operation that ended before the programme',
            code: programme({ fields: 'field peace-cooperation { activity un-peacekeeping operation MINUSMA }' }),
            findings: [{ severity: 'warning', marked: 'MINUSMA', messageIncludes: ['ended on 2023-12-31', 'before the programme\'s span'] }]
        },
        {
            name: 'a bare peace-cooperation field',
            code: programme({ fields: 'field peace-cooperation' }),
            findings: [{ severity: 'warning', marked: 'peace-cooperation' }]
        }
    ]
});
