/**
 * §2(2): OSA serves three fields, and a programme says which of them it serves. Each item must serve one of those
 * declared fields: the field its `serves` names, else the one its category implies. An item that serves another
 * field, or none (clothing "for morale"), is outside what the programme was approved for.
 */
import { declaredFieldsOf, itemCategoryInfoOf, itemServesOf, mainItemFieldsOf } from '../model/facts.js';
import { FIELDS } from '../vocabulary.js';
import { msg } from '../i18n/message.js';
import { programmeRule } from './rule.js';
import { allOf } from '../i18n/lists.js';

/** "`a`, `b` and `c`". */
function list(fields: readonly string[]) {
    return allOf(fields.map(f => `\`${f}\``));
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
        const declaredText = declared.length === 1 ? msg('OSA207.only', { fields: list(declared) }) : list(declared);
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
                    message: msg('OSA207.mainItems', { item: item.name, category: serves.category, fields: list(declared) }),
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
                    message: msg('OSA207.severalFields', { item: item.name, category: serves.category, fields: list(declared) }),
                    data: { fix: 'add-serves', fields: offered }
                });
                continue;
            }
            if (serves.from === 'none') {
                report({
                    node: item, property: 'categories', index: 0,
                    message: msg('OSA207.none', { item: item.name, category: serves.category, fields: list(declared) }),
                    data: { fix: 'add-serves', fields: offered }
                });
                continue;
            }
            if (serves.from === 'category') {
                const field = serves.fields[0].field;
                if (!declared.includes(field)) {
                    report({
                        node: item, property: 'categories', index: 0,
                        message: msg('OSA207.category', { item: item.name, category: serves.category, field, declared: declaredText }),
                        data: { fix: 'add-serves', fields: offered }
                    });
                }
                continue;
            }
            for (const { field, index } of serves.fields) {
                if (declared.includes(field)) {
                    continue;
                }
                report({
                    node: item, property: 'serves', index,
                    message: msg(FIELDS[field].permitted ? 'OSA207.servesUndeclared' : 'OSA207.servesNotPermitted', { item: item.name, field, declared: declaredText }),
                    data: { fix: 'replace-serves', fields: offered }
                });
            }
        }
    }
});
