/**
 * §3(3) Appropriateness and transparency: one international agreement per programme, with clauses on
 * disclosure, monitoring and evaluation (results disclosed), no extra-purpose use, no third-party
 * transfer and conformity with the UN Charter. Clauses may come from an `agreement-template` in another file.
 */
import type { Programme } from '../generated/ast.js';
import { agreementOf, clauseResultsOf, isStated } from '../model/facts.js';
import { msg } from '../i18n/message.js';
import { CLAUSES, type ClauseName } from '../vocabulary.js';
import { programmeRule, type ProgrammeRule, type RelatedLocation, type Report } from './rule.js';
import { effectiveClauses } from './programme-facts.js';

export const noAgreement = programmeRule({
    id: 'OSA401',
    name: 'no-international-agreement',
    family: 'agreement',
    severity: 'error',
    clause: '§3(3)',
    summary: 'The programme has no international agreement.',
    check(programme, _context, report) {
        if (programme.agreements.length === 0 && !isStated(programme, 'agreements')) {
            report({
                node: programme, property: 'name',
                message: msg('OSA401.noAgreement', { programme: programme.name })
            });
        }
    }
});

/** Reports the missing clause on the agreement (its template reference, when it has one). */
function reportMissingClause(programme: Programme, clause: ClauseName, report: Report): void {
    const clauses = effectiveClauses(programme);
    if (!clauses || !clauses.known || clauses.byName.has(clause) || clauses.maybe.has(clause)) {
        return;
    }
    const agreement = agreementOf(programme)!;
    const template = clauses.template?.name;
    const related: RelatedLocation[] = template !== undefined
        ? [{ node: clauses.template!, property: 'name', message: msg('agreement.templateLacksClause', { template, clause }) }]
        : [];
    const params = { what: msg(`clauseTitle.${clause}`), clause, section: CLAUSES[clause].clause!, ...(template !== undefined ? { template } : {}) };
    report({
        node: agreement,
        ...(agreement.templates.length > 0 ? { property: 'templates', index: 0 } : { keyword: 'agreement' }),
        message: msg(template !== undefined ? 'agreement.missingClauseWithTemplate' : 'agreement.missingClause', params),
        related,
        data: { missingClause: clause }
    });
}

function missingClauseRule(id: string, name: string, clause: ClauseName, what: string): ProgrammeRule {
    return programmeRule({
        id, name,
        family: 'agreement',
        severity: 'error',
        clause: CLAUSES[clause].clause!,
        summary: `The agreement lacks the ${what} clause.`,
        check(programme, _context, report) {
            reportMissingClause(programme, clause, report);
        }
    });
}

export const noDisclosureClause = missingClauseRule('OSA402', 'missing-information-disclosure-clause', 'information-disclosure', 'information-disclosure');
export const noMonitoringClause = missingClauseRule('OSA403', 'missing-monitoring-evaluation-clause', 'monitoring-and-evaluation', 'monitoring-and-evaluation');

export const monitoringResultsNotDisclosed = programmeRule({
    id: 'OSA404',
    name: 'monitoring-results-not-disclosed',
    family: 'agreement',
    severity: 'warning',
    clause: '§3(3)(b)',
    summary: 'The monitoring and evaluation results are not to be disclosed.',
    check(programme, _context, report) {
        const clauses = effectiveClauses(programme);
        const clause = clauses?.byName.get('monitoring-and-evaluation');
        const results = clause ? clauseResultsOf(clause) : undefined;
        // A misspelt results term is reported once by the language checks; this rule cannot tell what was meant.
        if (!clause || results === 'disclosed' || (clause.results.length > 0 && results === undefined)) {
            return;
        }
        const agreement = agreementOf(programme)!;
        const property = clause.results.length > 0 ? 'results' : 'name';
        const problem = msg(results === 'withheld' ? 'OSA404.withholds' : 'OSA404.silent');
        if (clause.$container !== agreement && clauses!.template) {
            // The clause comes from a template in another file: mark the agreement's `uses`, point at the clause.
            const template = clauses!.template;
            report({
                node: agreement, property: 'templates', index: 0,
                message: msg('OSA404.templateResults', { template: template.name, problem }),
                related: [{ node: clause, property, message: msg('OSA404.templateResults.related', { template: template.name }) }],
                data: { template: template.name }
            });
            return;
        }
        report({
            node: clause, property, index: 0,
            message: msg('OSA404.results', { problem }),
            data: { replacement: 'disclosed' }
        });
    }
});

export const noExtraPurposeClause = missingClauseRule('OSA405', 'missing-no-extra-purpose-use-clause', 'no-extra-purpose-use', 'no-extra-purpose-use');
export const noThirdPartyClause = missingClauseRule('OSA406', 'missing-no-third-party-transfer-clause', 'no-third-party-transfer', 'no-third-party-transfer');
export const noUnCharterClause = missingClauseRule('OSA407', 'missing-un-charter-conformity-clause', 'un-charter-conformity', 'UN Charter conformity');

export const agreementRules = [
    noAgreement, noDisclosureClause, noMonitoringClause, monitoringResultsNotDisclosed,
    noExtraPurposeClause, noThirdPartyClause, noUnCharterClause
];
