/** §2(2) Fields: only rule of law, humanitarian work and peace cooperation; nothing directly tied to conflict. */
import { activityInfoOf, fieldNameOf, isStated, itemCategoryInfoOf } from '../model/facts.js';
import { FIELDS } from '../vocabulary.js';
import { conflictWording } from './conflict-wording.js';
import { itemServesNoDeclaredField } from './item-fields.js';
import { peaceCooperationWithoutMission } from './peace-operations.js';
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
        if (!isStated(programme, 'fields')) {
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
    check(programme, context, report) {
        for (const field of programme.fields) {
            const name = fieldNameOf(field);
            if (name && !FIELDS[name].permitted) {
                report({
                    node: field, property: 'name',
                    message: `The field ${name} is not one of the three fields OSA may serve (§2(2)). `
                        + `Declare the programme under ${PERMITTED}, or it cannot be an OSA programme.`
                });
                continue;
            }
            for (const activity of field.activities) {
                const known = activityInfoOf(activity, context.terms);
                if (known && !known.info.field && !known.info.conflictRelated) {
                    report({
                        node: activity, property: 'name',
                        message: `The activity ${known.name} belongs to none of the permitted fields (§2(2)). `
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
    check(programme, context, report) {
        for (const field of programme.fields) {
            for (const activity of field.activities) {
                const known = activityInfoOf(activity, context.terms);
                if (known?.info.conflictRelated) {
                    report({
                        node: activity, property: 'name',
                        message: `The activity ${known.name} relates directly to international conflict; OSA excludes such fields (§2(2)). `
                            + 'Remove it, or describe the permitted activity the equipment really serves.'
                    });
                }
            }
        }
        for (const item of programme.items) {
            const category = itemCategoryInfoOf(item, context.terms);
            if (category?.info.conflictRelated) {
                report({
                    node: item, property: 'categories', index: 0,
                    message: `"${item.name}" is of category ${category.name}, which relates directly to international conflict; OSA may not provide it (§2(2)). `
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
    check(programme, context, report) {
        for (const field of programme.fields) {
            const fieldName = fieldNameOf(field);
            if (!fieldName || !FIELDS[fieldName].permitted) {
                continue;
            }
            for (const activity of field.activities) {
                const known = activityInfoOf(activity, context.terms);
                const belongsTo = known?.info.field;
                if (known && belongsTo && belongsTo !== fieldName) {
                    report({
                        node: activity, property: 'name',
                        message: `The activity ${known.name} belongs to the ${belongsTo} field (${FIELDS[belongsTo].clause}), not to ${fieldName}. `
                            + `Each field of §2(2) has its own purpose; move the activity under \`field ${belongsTo}\`.`,
                        data: { expectedField: belongsTo }
                    });
                }
            }
        }
    }
});

export { conflictWording, itemServesNoDeclaredField, peaceCooperationWithoutMission };

export const fieldRules = [noField, fieldOutsidePermitted, conflictRelated, activityInWrongField, conflictWording, peaceCooperationWithoutMission, itemServesNoDeclaredField];
