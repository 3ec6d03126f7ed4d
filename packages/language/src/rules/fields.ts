/** §2(2) Fields: only rule of law, humanitarian work and peace cooperation; nothing directly tied to conflict. */
import type { AstNode } from 'langium';
import type { Programme } from '../generated/ast.js';
import { ACTIVITIES, FIELDS, ITEM_CATEGORIES } from '../vocabulary.js';
import { programmeRule } from './rule.js';

const PERMITTED = 'rule-of-law, humanitarian or peace-cooperation';

export const noField = programmeRule({
    id: 'OSA201',
    name: 'no-field-declared',
    family: 'fields',
    severity: 'error',
    clause: '§2(2)',
    summary: 'The programme declares no field.',
    check(programme, _context, report) {
        if (programme.fields.length === 0) {
            report({
                node: programme, property: 'name',
                message: `Programme ${programme.name} declares no field. OSA is limited to three fields (§2(2)), so the field decides whether it is allowed. `
                    + `Add e.g. \`field rule-of-law { activity maritime-surveillance }\` (fields: ${PERMITTED}).`
            });
        }
    }
});

export const fieldOutsidePermitted = programmeRule({
    id: 'OSA202',
    name: 'field-outside-permitted',
    family: 'fields',
    severity: 'error',
    clause: '§2(2)',
    summary: 'A field or activity lies outside the three permitted fields.',
    check(programme, _context, report) {
        for (const field of programme.fields) {
            if (!FIELDS[field.name].permitted) {
                report({
                    node: field, property: 'name',
                    message: `The field ${field.name} is not one of the three fields OSA may serve (§2(2)). `
                        + `Declare the programme under ${PERMITTED}, or it cannot be an OSA programme.`
                });
                continue;
            }
            for (const activity of field.activities) {
                const info = ACTIVITIES[activity.name];
                if (!info.field && !info.conflictRelated) {
                    report({
                        node: activity, property: 'name',
                        message: `The activity ${activity.name} belongs to none of the permitted fields (§2(2)). `
                            + 'Name the permitted activity the equipment serves (e.g. maritime-surveillance, search-and-rescue, un-peacekeeping).'
                    });
                }
            }
        }
    }
});

export const conflictRelated = programmeRule({
    id: 'OSA203',
    name: 'conflict-related',
    family: 'fields',
    severity: 'error',
    clause: '§2(2)',
    summary: 'An item or activity relates directly to international conflict (weapons, ammunition, combat support, ...).',
    check(programme, _context, report) {
        for (const field of programme.fields) {
            for (const activity of field.activities) {
                if (ACTIVITIES[activity.name].conflictRelated) {
                    report({
                        node: activity, property: 'name',
                        message: `The activity ${activity.name} relates directly to international conflict; OSA excludes such fields (§2(2)). `
                            + 'Remove it, or describe the permitted activity the equipment really serves.'
                    });
                }
            }
        }
        for (const item of programme.items) {
            if (item.category && ITEM_CATEGORIES[item.category].conflictRelated) {
                report({
                    node: item, property: 'category',
                    message: `"${item.name}" is of category ${item.category}, which relates directly to international conflict; OSA may not provide it (§2(2)). `
                        + 'Remove the item from the programme.'
                });
            }
        }
    }
});

export const activityInWrongField = programmeRule({
    id: 'OSA204',
    name: 'activity-field-mismatch',
    family: 'fields',
    severity: 'warning',
    clause: '§2(2)',
    summary: 'An activity is declared under a field it does not belong to.',
    check(programme, _context, report) {
        for (const field of programme.fields) {
            if (!FIELDS[field.name].permitted) {
                continue;
            }
            for (const activity of field.activities) {
                const belongsTo = ACTIVITIES[activity.name].field;
                if (belongsTo && belongsTo !== field.name) {
                    report({
                        node: activity, property: 'name',
                        message: `The activity ${activity.name} belongs to the ${belongsTo} field (${FIELDS[belongsTo].clause}), not to ${field.name}. `
                            + `Each field of §2(2) has its own purpose; move the activity under \`field ${belongsTo}\`.`,
                        data: { expectedField: belongsTo }
                    });
                }
            }
        }
    }
});

/**
 * Words that, in a programme's own free text, describe fighting rather than the permitted fields.
 * Matched as whole words; "non-lethal" and "counter-…" phrases are not flagged, nor is "combat" used as a
 * verb against a §2(2)(a) threat ("to combat piracy", "combat illegal fishing").
 */
const CONFLICT_WORDING = /(?<![\w-])(combat(?!\s+(?:piracy|terrorism|smuggling|trafficking|crime|illegal|iuu|transnational|organi[sz]ed)\b)|lethal|offensive|strike|strikes|weapons?|weaponi[sz]ed|armament|ammunition|munitions?|missiles?|warfighting|attack|attacks|kill|firepower|battle|guns?|gunfire|rifles?|firearms?|cannons?|grenades?|torpedo(?:es)?|bombs?|mortars?|howitzers?|artillery|warheads?)(?!\w)/i;

function freeTexts(programme: Programme): { node: AstNode; property: string; text: string }[] {
    const texts: { node: AstNode; property: string; text: string }[] = [];
    const add = (node: AstNode, property: string, text: string | undefined) => {
        if (text) {
            texts.push({ node, property, text });
        }
    };
    add(programme, 'title', programme.title);
    add(programme, 'description', programme.description);
    for (const field of programme.fields) {
        add(field, 'description', field.description);
        for (const activity of field.activities) {
            add(activity, 'description', activity.description);
        }
    }
    for (const item of programme.items) {
        // An item whose category is itself conflict-related is reported by OSA203; its wording adds nothing.
        if (item.category && ITEM_CATEGORIES[item.category].conflictRelated) {
            continue;
        }
        add(item, 'name', item.name);
        add(item, 'detail', item.detail);
    }
    return texts;
}

export const conflictWording = programmeRule({
    id: 'OSA205',
    name: 'conflict-wording',
    family: 'fields',
    severity: 'warning',
    clause: '§2(2)',
    summary: 'Free text (title, descriptions, item names) uses conflict-related wording.',
    check(programme, _context, report) {
        for (const { node, property, text } of freeTexts(programme)) {
            const match = CONFLICT_WORDING.exec(text);
            if (match) {
                report({
                    node, property,
                    message: `The text uses the word "${match[1]}", which describes conflict. OSA serves only fields not directly related to international conflict (§2(2)), `
                        + 'and the programme\'s public description should show it. Reword it to say what the equipment does in its permitted field.',
                    data: { word: match[1] }
                });
            }
        }
    }
});

export const peaceCooperationWithoutMission = programmeRule({
    id: 'OSA206',
    name: 'peace-cooperation-without-un-mission',
    family: 'fields',
    severity: 'warning',
    clause: '§2(2)(c)',
    summary: 'A peace-cooperation field is not tied to a UN peacekeeping operation.',
    check(programme, _context, report) {
        for (const field of programme.fields) {
            if (field.name === 'peace-cooperation' && !(field.unMission ?? '').trim()) {
                report({
                    node: field, property: 'name',
                    message: 'The peace-cooperation field names no UN peacekeeping operation. Field (c) is about capacity for UN peacekeeping (§2(2)(c)). '
                        + 'Add `un-mission "…"` naming the operation (e.g. "UNMISS"), or explain why the programme fits field (c).'
                });
            }
        }
    }
});

export const fieldRules = [noField, fieldOutsidePermitted, conflictRelated, activityInWrongField, conflictWording, peaceCooperationWithoutMission];
