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
import { msg } from '../i18n/message.js';
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
            ? [{ ...area, name: country.name, period: span, where: msg('threePrinciples.area', { country: country.name, code: area.code, operation: operationLabel(area.operation) }) }]
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
    // Only the warnings on a country of operation (below) can be answered: nothing lifts the embargo on the recipient.
    partialExceptionSeverity: 'info',
    check(programme, { reference }, report) {
        const recipient = recipientInFiscalYear(programme, reference);
        if (!recipient) {
            return;
        }
        const binding = reference.embargoesDuring(recipient.code, recipient.period.start, recipient.period.end)
            .filter(e => GOVERNMENT_SCOPES.has(e.scope));
        const year = fiscalYearOf(programme)!;
        for (const embargo of binding) {
            const presumed = !embargo.renewalChecked && embargo.until && embargo.until < recipient.period.end;
            const params = { country: recipient.name, embargo: embargo.id, resolutions: embargo.resolutions, scope: msg(`embargoScope.${embargo.scope}`), year };
            report({
                node: programme, property: 'recipients', index: 0,
                message: presumed ? msg('OSA301.recipientPresumed', { ...params, until: embargo.until! }) : msg('OSA301.recipient', params),
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
                    message: msg('OSA301.area', {
                        where: area.where, embargo: embargo.id, resolutions: embargo.resolutions, scope: msg(`embargoScope.${embargo.scope}`), year
                    }),
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
                message: msg('OSA302.recipient', { country: recipient.name, from: entry.from, basis: entry.basis }),
                data: { sources: entry.sources }
            });
        }
        // The equipment is not transferred to a country of operation, but it is used there: a warning, for the NSC to weigh.
        for (const area of areasInSpan(programme, reference)) {
            for (const entry of reference.conflictPartyDuring(area.code, area.period.start, area.period.end)) {
                report({
                    node: area.operation, property: 'areas', index: area.index, severity: 'warning',
                    message: msg('OSA302.area', { where: area.where, from: entry.from, basis: entry.basis }),
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
                message: msg('OSA303.recipient', { country: recipient.name, from: entry.from, basis: entry.basis }),
                data: { sources: entry.sources }
            });
        }
        for (const area of areasInSpan(programme, reference)) {
            for (const entry of reference.inCombatDuring(area.code, area.period.start, area.period.end)) {
                report({
                    node: area.operation, property: 'areas', index: area.index,
                    message: msg('OSA303.area', { where: area.where, from: entry.from, basis: entry.basis }),
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
        for (const item of programme.items) {
            if (!countsAsDefenseEquipment(item, context.terms)) {
                continue;
            }
            const flagged = isDefenseEquipment(item);
            const purpose = itemPurposeOf(item);
            if (item.purposes.length === 0) {
                report({
                    node: item, property: flagged ? 'defenseEquipment' : 'categories', index: 0,
                    message: flagged
                        ? msg('OSA304.noPurpose', { item: item.name })
                        : msg('OSA304.noPurposeByCategory', { item: item.name, category: String(itemCategoryInfoOf(item, context.terms)?.name) })
                });
            } else if (purpose && !DEFENSE_PURPOSES[purpose].permitted) {
                report({
                    node: item, property: 'purposes', index: 0,
                    message: msg('OSA304.purpose', { item: item.name, purpose })
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
                    message: msg('OSA305.armed', { item: item.name })
                });
            }
        }
    }
});

export const threePrinciplesRules = [armsEmbargo, partyToConflict, inCombat, defensePurposeNotPermitted, armedAfterDelivery];
