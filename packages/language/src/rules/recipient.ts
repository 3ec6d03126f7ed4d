/** §2(1) Recipient: developing countries in principle, grant aid, armed forces and related organisations. */
import { beneficiaryKindOf, beneficiaryNameOf, fiscalYearOf, modalityOf, recipientOf } from '../model/facts.js';
import { BENEFICIARY_KINDS, MODALITIES } from '../vocabulary.js';
import { msg } from '../i18n/message.js';
import { programmeRule } from './rule.js';
import { eitherOf } from '../i18n/lists.js';
import { fiscalYearStart, operationAreas, operationLabel, programmePeriod } from './programme-facts.js';

export const recipientNotOnDacList = programmeRule({
    id: 'OSA101',
    name: 'recipient-not-developing-country',
    family: 'recipient',
    severity: 'error',
    clause: '§2(1)',
    summary: 'The recipient is not on the DAC List of ODA Recipients in force for the fiscal year.',
    exceptionSeverity: 'warning',
    check(programme, { reference }, report) {
        const code = recipientOf(programme);
        const date = fiscalYearStart(programme);
        if (!code || !date) {
            return;
        }
        const country = reference.country(code);
        if (!country) {
            return; // OSA105 reports unknown codes
        }
        const status = reference.dacStatus(code, date);
        if (status.listed) {
            return;
        }
        const year = fiscalYearOf(programme)!;
        report({
            node: programme, property: 'recipients', index: 0,
            message: status.graduatedBy
                ? msg('OSA101.graduated', { country: country.name, date: String(status.graduatedBy.effective), year })
                : msg('OSA101.notListed', { country: country.name, code, edition: status.edition.id, year }),
            data: { iso3: code }
        });
    }
});

export const beneficiaryNotEligible = programmeRule({
    id: 'OSA102',
    name: 'beneficiary-not-armed-forces',
    family: 'recipient',
    severity: 'error',
    clause: '§2(1)',
    summary: 'The beneficiary is not the armed forces or a related organisation.',
    check(programme, _context, report) {
        // Every beneficiary is checked: a second, eligible one does not hide an ineligible first.
        for (const beneficiary of programme.beneficiaries) {
            const name = beneficiaryNameOf(beneficiary);
            if (beneficiary.kinds.length === 0) {
                report({
                    node: beneficiary, property: 'name',
                    message: msg('OSA102.noKind', { name })
                });
                continue;
            }
            const kind = beneficiaryKindOf(beneficiary);
            if (kind && !BENEFICIARY_KINDS[kind].eligible) {
                report({
                    node: beneficiary, property: 'kinds', index: 0,
                    message: msg('OSA102.ineligibleKind', { name, kind })
                });
            }
        }
    }
});

export const modalityNotGrant = programmeRule({
    id: 'OSA103',
    name: 'modality-not-grant',
    family: 'recipient',
    severity: 'error',
    clause: '§2(1)',
    summary: 'The modality is not grant aid.',
    check(programme, _context, report) {
        const modality = modalityOf(programme);
        if (modality && !MODALITIES[modality].grant) {
            report({
                node: programme, property: 'modalities', index: 0,
                message: msg('OSA103.notGrant', { modality }),
                data: { replacement: 'grant' }
            });
        }
    }
});

export const recipientGraduates = programmeRule({
    id: 'OSA104',
    name: 'recipient-graduates-during-programme',
    family: 'recipient',
    severity: 'warning',
    clause: '§2(1)',
    summary: 'The recipient graduates from (leaves) the DAC list within the programme period.',
    exceptionSeverity: 'info',
    check(programme, { reference }, report) {
        const code = recipientOf(programme);
        const period = programmePeriod(programme);
        const date = fiscalYearStart(programme);
        if (!code || !period || !date || !reference.country(code) || !reference.dacStatus(code, date).listed) {
            return;
        }
        for (const graduation of reference.graduationRecords(code)) {
            const effective = graduation.effective;
            const confirmed = graduation.status === 'confirmed';
            if (effective === null || effective > period.end || (!confirmed && graduation.status !== 'pending')) {
                continue;
            }
            // A confirmed graduation on or before 1 April of the fiscal year already takes the country off
            // the list (OSA101). A pending one never does, so it is reported here even when it is dated
            // before the programme begins, as is a graduation on or before the start of a declared period.
            if (confirmed && effective <= date) {
                continue;
            }
            const country = reference.country(code)!.name;
            const within = effective > period.start;
            const id = within
                ? (confirmed ? 'OSA104.leavesWithin' : 'OSA104.mayLeaveWithin')
                : (confirmed ? 'OSA104.leavesByStart' : 'OSA104.mayLeaveByStart');
            report({
                node: programme, property: 'recipients', index: 0,
                message: msg(id, { country, date: effective, start: period.start, end: period.end }),
                data: { iso3: code, effective }
            });
        }
    }
});

export const unknownCountry = programmeRule({
    id: 'OSA105',
    name: 'unknown-country-code',
    family: 'recipient',
    severity: 'error',
    clause: '§2(1)',
    summary: 'The recipient, or a country where a peace operation works, is not an ISO 3166-1 alpha-3 country code.',
    check(programme, { reference }, report) {
        const hint = (code: string) => {
            const suggestions = reference.suggestCountries(code);
            return {
                text: suggestions.length > 0
                    ? msg('OSA105.didYouMean', { suggestions: eitherOf(suggestions.map(c => `${c.alpha3} (${c.name})`)) })
                    : msg('OSA105.useIso'),
                data: { suggestions: suggestions.map(c => c.alpha3) }
            };
        };
        const code = recipientOf(programme);
        if (code && !reference.country(code)) {
            const { text, data } = hint(code);
            report({
                node: programme, property: 'recipients', index: 0,
                message: msg('OSA105.recipient', { code, hint: text }),
                data
            });
        }
        // The countries where a peace operation works are checked like the recipient (OSA301–OSA303): an unknown code would pass unchecked.
        for (const area of operationAreas(programme)) {
            if (reference.country(area.code)) {
                continue;
            }
            const { text, data } = hint(area.code);
            report({
                node: area.operation, property: 'areas', index: area.index,
                message: msg('OSA105.area', { code: area.code, operation: operationLabel(area.operation), hint: text }),
                data: { ...data, area: area.code }
            });
        }
    }
});

export const recipientRules = [recipientNotOnDacList, beneficiaryNotEligible, modalityNotGrant, recipientGraduates, unknownCountry];
