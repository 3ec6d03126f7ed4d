/**
 * §3(1) Within the Three Principles on Transfer of Defense Equipment and Technology: no transfer that
 * breaches UN Security Council obligations or goes to a party to a conflict; the broader "in combat" test;
 * defense equipment only for the five purposes.
 */
import { countsAsDefenseEquipment, fiscalYearOf, isArmedAfterDelivery, isDefenseEquipment, itemCategoryInfoOf, itemPurposeOf, recipientOf } from '../model/facts.js';
import { DEFENSE_PURPOSES } from '../vocabulary.js';
import { GOVERNMENT_SCOPES, type ReferenceData } from '../reference/reference-data.js';
import { checkedSpan, operationAreas, operationLabel } from './programme-facts.js';
import type { Programme } from '../generated/ast.js';
import { programmeRule } from './rule.js';

/** The recipient's code and name with the span it is checked over, when both are declared and valid. */
function recipientInFiscalYear(programme: Programme, reference: ReferenceData) {
    const code = recipientOf(programme);
    const country = code ? reference.country(code) : undefined;
    const period = checkedSpan(programme);
    return code && country && period ? { code, name: country.name, period } : undefined;
}

/**
 * The countries where the programme's peace operations work, other than the recipient (checked as such), with
 * their names and the span they are checked over: the recipient's forces take the equipment there.
 */
function areasInSpan(programme: Programme, reference: ReferenceData) {
    const span = checkedSpan(programme);
    if (!span) {
        return [];
    }
    const recipient = recipientOf(programme);
    return operationAreas(programme).flatMap(area => {
        const country = reference.country(area.code);
        return country && area.code !== recipient
            ? [{ ...area, name: country.name, period: span, where: `${country.name} (${area.code}), where ${operationLabel(area.operation)} works,` }]
            : [];
    });
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
        // A territorial embargo also covers what the recipient's forces take into a country of operation. Resolutions
        // often exempt supplies for peace operations, but the reference data do not record exemptions: a warning to
        // confirm, not an error.
        for (const area of areasInSpan(programme, reference)) {
            for (const embargo of reference.embargoesDuring(area.code, area.period.start, area.period.end).filter(e => GOVERNMENT_SCOPES.has(e.scope))) {
                report({
                    node: area.operation, property: 'areas', index: area.index,
                    severity: 'warning', exceptionSeverity: 'info',
                    message: `${area.where} is under the UN Security Council arms embargo ${embargo.id} (res. ${embargo.resolutions.join(', ')}; `
                        + `scope: ${embargo.scope.replace(/_/g, ' ')}) during FY${fiscalYearOf(programme)}, and the embargo covers its territory. `
                        + 'Equipment the recipient\'s forces take there may breach it, and OSA works within the Three Principles, which forbid such transfers (§3(1)). '
                        + 'Resolutions often exempt supplies for a peace operation, but the reference data do not record exemptions: confirm that one applies to this equipment '
                        + 'and record it as `exception OSA301 { justification "…" }`, or keep the equipment out of that country.',
                    data: { embargo: embargo.id, iso3: area.code, sources: embargo.sources }
                });
            }
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
        // The equipment is not transferred to a country of operation, but it is used there: a warning, for the NSC to weigh.
        for (const area of areasInSpan(programme, reference)) {
            for (const entry of reference.conflictPartyDuring(area.code, area.period.start, area.period.end)) {
                report({
                    node: area.operation, property: 'areas', index: area.index, severity: 'warning',
                    message: `${area.where} is designated a party to a conflict (Security Council measures after an armed attack) from ${entry.from} (${entry.basis}). `
                        + 'The equipment is not transferred to it, but the recipient\'s forces would use it in a conflict the Three Principles keep transfers away from, '
                        + 'and OSA must not be directly related to international conflict (§3(1), §2(2)). Confirm with the NSC that the operation\'s work there stays clear of the conflict, or leave that country out.',
                    data: { iso3: area.code, sources: entry.sources }
                });
            }
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
        for (const area of areasInSpan(programme, reference)) {
            for (const entry of reference.inCombatDuring(area.code, area.period.start, area.period.end)) {
                report({
                    node: area.operation, property: 'areas', index: area.index,
                    message: `${area.where} is judged to be engaged in combat since ${entry.from} (${entry.basis}). `
                        + 'The recipient\'s forces would use the equipment there, and OSA must stay out of anything directly related to international conflict (§2(2), §3(1)). '
                        + 'Record the NSC\'s judgement that the operation\'s work there is not part of the fighting as `exception OSA303 { justification "…" }` before going ahead.',
                    data: { iso3: area.code, sources: entry.sources }
                });
            }
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
