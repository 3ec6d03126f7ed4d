/**
 * §2(2): OSA serves three fields, and a programme says which of them it serves. Each item must serve one of those
 * declared fields: the field its `serves` names, else the one its category implies. An item that serves another
 * field, or none (clothing "for morale"), is outside what the programme was approved for.
 */
import { declaredFieldsOf, itemCategoryInfoOf, itemServesOf, mainItemFieldsOf } from '../model/facts.js';
import { FIELDS } from '../vocabulary.js';
import { programmeRule } from './rule.js';

function list(fields: readonly string[]): string {
    const quoted = fields.map(f => `\`${f}\``);
    return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

export const itemServesNoDeclaredField = programmeRule({
    id: 'OSA207',
    name: 'item-serves-no-declared-field',
    family: 'fields',
    severity: 'warning',
    clause: '§2(2)',
    summary: 'An item serves a field the programme does not declare, or serves no field at all.',
    check(programme, context, report) {
        const declared = declaredFieldsOf(programme);
        // No field that reads: OSA201 or the language checks say so; which field an item serves cannot be judged.
        if (declared.length === 0) {
            return;
        }
        // What a quick fix may offer: the permitted fields the programme declares.
        const offered = declared.filter(f => FIELDS[f].permitted);
        const declaredText = declared.length === 1 ? `only ${list(declared)}` : list(declared);
        let mainFields: string[] | undefined;
        for (const item of programme.items) {
            // A conflict-related item cannot be provided at all: OSA203 says so, and which field it serves is moot.
            if (itemCategoryInfoOf(item, context.terms)?.info.conflictRelated) {
                continue;
            }
            const serves = itemServesOf(item, context.terms);
            if (!serves) {
                continue;
            }
            if (serves.from === 'main-items') {
                // Training, spare parts and the like serve what the items they go with serve; those are checked themselves.
                mainFields ??= mainItemFieldsOf(programme, context.terms);
                if (mainFields.length > 0) {
                    continue;
                }
                report({
                    node: item, property: 'categories', index: 0,
                    message: `"${item.name}" is of category ${serves.category}, which serves what the programme's main items serve, but no other item serves a field. `
                        + `OSA provides only what serves the fields of §2(2) the programme declares (here ${list(declared)}). `
                        + 'Add `serves <field>` with the field the item is for.',
                    data: { fix: 'add-serves', fields: offered }
                });
                continue;
            }
            if (serves.from === 'programme-field') {
                // General equipment serves the programme's field; with several, which one is the item's to say.
                if (declared.length === 1) {
                    continue;
                }
                report({
                    node: item, property: 'categories', index: 0,
                    message: `"${item.name}" is of category ${serves.category}, which may serve any field, and the programme declares several (${list(declared)}). `
                        + 'Each item must serve a declared field (§2(2)): say which one this item serves with `serves <field>`.',
                    data: { fix: 'add-serves', fields: offered }
                });
                continue;
            }
            if (serves.from === 'none') {
                report({
                    node: item, property: 'categories', index: 0,
                    message: `"${item.name}" serves none of the programme's fields: its category ${serves.category} implies no field, and the item names none with \`serves\`. `
                        + `OSA provides only what serves the fields of §2(2) the programme declares (here ${list(declared)}). `
                        + 'Add `serves <field>` with the field the item is for, or remove the item if it serves none.',
                    data: { fix: 'add-serves', fields: offered }
                });
                continue;
            }
            if (serves.from === 'category') {
                const field = serves.fields[0].field;
                if (!declared.includes(field)) {
                    report({
                        node: item, property: 'categories', index: 0,
                        message: `"${item.name}" is of category ${serves.category}, which serves ${field}, but the programme declares ${declaredText} (§2(2)). `
                            + `If the item is for ${field}, declare \`field ${field}\`; if it serves a declared field, say so with \`serves <field>\`.`,
                        data: { fix: 'add-serves', fields: offered }
                    });
                }
                continue;
            }
            for (const { field, index } of serves.fields) {
                if (declared.includes(field)) {
                    continue;
                }
                const outside = FIELDS[field].permitted ? '' : `, and ${field} is not one of the three fields of §2(2) at all`;
                report({
                    node: item, property: 'serves', index,
                    message: `"${item.name}" serves ${field}, which the programme does not declare (it declares ${declaredText})${outside}. `
                        + 'An item must serve a field the programme is approved for (§2(2)): '
                        + (FIELDS[field].permitted ? `declare \`field ${field}\`, or name the declared field the item serves.` : 'name the declared field the item serves, or remove the item.'),
                    data: { fix: 'replace-serves', fields: offered }
                });
            }
        }
    }
});
