/** §2(2) Fields: only rule of law, humanitarian work and peace cooperation; nothing directly tied to conflict. */
import { activityInfoOf, fieldNameOf, isStated, itemCategoryInfoOf } from '../model/facts.js';
import { FIELDS } from '../vocabulary.js';
import { conflictWording } from './conflict-wording.js';
import { itemServesNoDeclaredField } from './item-fields.js';
import { peaceCooperationWithoutMission } from './peace-operations.js';
import { msg } from '../i18n/message.js';
import { programmeRule } from './rule.js';

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
                message: msg('OSA201.noField', { programme: programme.name })
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
                    message: msg('OSA202.field', { field: name })
                });
                continue;
            }
            for (const activity of field.activities) {
                const known = activityInfoOf(activity, context.terms);
                if (known && !known.info.field && !known.info.conflictRelated) {
                    report({
                        node: activity, property: 'name',
                        message: msg('OSA202.activity', { activity: known.name })
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
                        message: msg('OSA203.activity', { activity: known.name })
                    });
                }
            }
        }
        for (const item of programme.items) {
            const category = itemCategoryInfoOf(item, context.terms);
            if (category?.info.conflictRelated) {
                report({
                    node: item, property: 'categories', index: 0,
                    message: msg('OSA203.item', { item: item.name, category: category.name })
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
                        message: msg('OSA204.mismatch', { activity: known.name, field: belongsTo, clause: String(FIELDS[belongsTo].clause), declared: fieldName }),
                        data: { expectedField: belongsTo }
                    });
                }
            }
        }
    }
});

export { conflictWording, itemServesNoDeclaredField, peaceCooperationWithoutMission };

export const fieldRules = [noField, fieldOutsidePermitted, conflictRelated, activityInWrongField, conflictWording, peaceCooperationWithoutMission, itemServesNoDeclaredField];
