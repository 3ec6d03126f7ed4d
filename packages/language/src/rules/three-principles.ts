/**
 * §3(1) Within the Three Principles on Transfer of Defense Equipment and Technology: no transfer that
 * breaches UN Security Council obligations or goes to a party to a conflict; the broader "in combat" test;
 * defense equipment only for the five purposes.
 */
import { countsAsDefenseEquipment, fiscalYearOf, isArmedAfterDelivery, isDefenseEquipment, itemCategoryInfoOf, itemPurposeOf, recipientOf } from '../model/facts.js';
import { DEFENSE_PURPOSES } from '../vocabulary.js';
import { GOVERNMENT_SCOPES, type ReferenceData } from '../reference/reference-data.js';
import { checkedSpan } from './programme-facts.js';
import type { Programme } from '../generated/ast.js';
import { programmeRule } from './rule.js';

/** The recipient's code and name with the span it is checked over, when both are declared and valid. */
function recipientInFiscalYear(programme: Programme, reference: ReferenceData) {
    const code = recipientOf(programme);
    const country = code ? reference.country(code) : undefined;
    const period = checkedSpan(programme);
    return code && country && period ? { code, name: country.name, period } : undefined;
}

export const armsEmbargo = programmeRule({
    id: 'OSA301',
    name: 'recipient-under-arms-embargo',
    family: 'three-principles',
    severity: 'error',
    clause: '§3(1)',
    summary: 'The recipient is under a UN Security Council arms embargo that covers its government in that fiscal year.',
    check(programme, { reference }, report) {
        const recipient = recipientInFiscalYear(programme, reference);
        if (!recipient) {
            return;
        }
        const binding = reference.embargoesDuring(recipient.code, recipient.period.start, recipient.period.end)
            .filter(e => GOVERNMENT_SCOPES.has(e.scope));
        for (const embargo of binding) {
            const presumed = !embargo.renewalChecked && embargo.until && embargo.until < recipient.period.end
                ? ` Its recorded expiry is ${embargo.until}; the data did not check its renewal, so it is presumed still in force.`
                : '';
            report({
                node: programme, property: 'recipients', index: 0,
                message: `${recipient.name} is under the UN Security Council arms embargo ${embargo.id} (res. ${embargo.resolutions.join(', ')}; `
                    + `scope: ${embargo.scope.replace(/_/g, ' ')}) during FY${fiscalYearOf(programme)}.${presumed} `
                    + 'The Three Principles forbid transfers that breach Security Council obligations, and OSA works within them (§3(1)). '
                    + 'Do not plan this programme while the embargo covers the government.',
                data: { embargo: embargo.id, sources: embargo.sources }
            });
        }
    }
});

export const partyToConflict = programmeRule({
    id: 'OSA302',
    name: 'recipient-party-to-conflict',
    family: 'three-principles',
    severity: 'error',
    clause: '§3(1)',
    summary: 'The recipient is a "party to a conflict" in the sense of the Three Principles.',
    check(programme, { reference }, report) {
        const recipient = recipientInFiscalYear(programme, reference);
        if (!recipient) {
            return;
        }
        for (const entry of reference.conflictPartyDuring(recipient.code, recipient.period.start, recipient.period.end)) {
            report({
                node: programme, property: 'recipients', index: 0,
                message: `${recipient.name} is designated a party to a conflict (Security Council measures after an armed attack) from ${entry.from} (${entry.basis}). `
                    + 'The Three Principles prohibit transfers to such a country, and OSA works within them (§3(1)). The programme cannot go ahead.',
                data: { sources: entry.sources }
            });
        }
    }
});

export const inCombat = programmeRule({
    id: 'OSA303',
    name: 'recipient-in-combat',
    family: 'three-principles',
    severity: 'warning',
    clause: '§3(1)',
    summary: 'The recipient is judged to be currently engaged in combat (dated reference data).',
    exceptionSeverity: 'info',
    check(programme, { reference }, report) {
        const recipient = recipientInFiscalYear(programme, reference);
        if (!recipient) {
            return;
        }
        for (const entry of reference.inCombatDuring(recipient.code, recipient.period.start, recipient.period.end)) {
            report({
                node: programme, property: 'recipients', index: 0,
                message: `${recipient.name} is judged to be engaged in combat since ${entry.from} (${entry.basis}). `
                    + 'Since the 2023 revision the Three Principles exclude transfers to countries in combat in several cases, and OSA must stay out of anything '
                    + 'directly related to international conflict (§3(1), §2(2)). Record the NSC\'s judgement as `exception OSA303 { justification "…" }` before going ahead.',
                data: { sources: entry.sources }
            });
        }
    }
});

export const defensePurposeNotPermitted = programmeRule({
    id: 'OSA304',
    name: 'defense-equipment-purpose',
    family: 'three-principles',
    severity: 'error',
    clause: '§3(1)',
    summary: 'Defense equipment whose purpose is outside rescue, transport, warning, surveillance and minesweeping.',
    check(programme, context, report) {
        const five = 'rescue, transport, warning, surveillance or minesweeping';
        for (const item of programme.items) {
            if (!countsAsDefenseEquipment(item, context.terms)) {
                continue;
            }
            const flagged = isDefenseEquipment(item);
            const purpose = itemPurposeOf(item);
            if (item.purposes.length === 0) {
                report({
                    node: item, property: flagged ? 'defenseEquipment' : 'categories', index: 0,
                    message: `"${item.name}" is defense equipment${flagged ? '' : ` (its category ${itemCategoryInfoOf(item, context.terms)?.name} is defense equipment by nature)`} but declares no purpose. Under the Three Principles such equipment may only serve ${five} (§3(1)). `
                        + 'Add `purpose surveillance` (or the purpose that applies).'
                });
            } else if (purpose && !DEFENSE_PURPOSES[purpose].permitted) {
                report({
                    node: item, property: 'purposes', index: 0,
                    message: `"${item.name}" is defense equipment for ${purpose}. Under the Three Principles it may only serve ${five} (§3(1)). `
                        + 'Remove the item or change its purpose to one of the five.'
                });
            }
        }
    }
});

export const armedAfterDelivery = programmeRule({
    id: 'OSA305',
    name: 'armed-after-delivery',
    family: 'three-principles',
    severity: 'warning',
    clause: '§3(1)',
    summary: 'An item is to be armed after delivery.',
    exceptionSeverity: 'info',
    check(programme, _context, report) {
        for (const item of programme.items) {
            if (isArmedAfterDelivery(item)) {
                report({
                    node: item, property: 'armedAfterDelivery', index: 0,
                    message: `"${item.name}" is to be armed after delivery. Fitting weapons changes what the item is under the Three Principles (§3(1)) `
                        + 'and can take it into conflict-related use (§2(2)). Confirm with the recipient that the agreed purpose and the no-extra-purpose-use clause still hold, and record it as `exception OSA305 { justification "…" }`.'
                });
            }
        }
    }
});

export const threePrinciplesRules = [armsEmbargo, partyToConflict, inCombat, defensePurposeNotPermitted, armedAfterDelivery];
