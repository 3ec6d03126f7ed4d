/** Facts derived from a programme that several rules need: its period, its agreement's clauses, exceptions. */
import type { AgreementTemplate, Clause, Exception, Programme } from '../generated/ast.js';
import { fiscalYearPeriod } from '../reference/reference-data.js';

/** The programme's period: its declared `period`, else its fiscal year; undefined without either. */
export function programmePeriod(programme: Programme): { start: string; end: string } | undefined {
    if (programme.period) {
        return { start: programme.period.start, end: programme.period.end };
    }
    return programme.fiscalYear !== undefined ? fiscalYearPeriod(programme.fiscalYear) : undefined;
}

/**
 * The span the situation of the recipient is checked over (embargoes, designations): the fiscal
 * year, extended by a declared `period`, since a multi-year delivery must stay clear in its later
 * years too. Undefined without a fiscal year.
 */
export function checkedSpan(programme: Programme): { start: string; end: string } | undefined {
    if (programme.fiscalYear === undefined) {
        return undefined;
    }
    const fy = fiscalYearPeriod(programme.fiscalYear);
    const declared = programme.period;
    return declared
        ? { start: declared.start < fy.start ? declared.start : fy.start, end: declared.end > fy.end ? declared.end : fy.end }
        : fy;
}

/** 1 April of the programme's fiscal year: the date the guideline tests are taken on. */
export function fiscalYearStart(programme: Programme): string | undefined {
    return programme.fiscalYear !== undefined ? fiscalYearPeriod(programme.fiscalYear).start : undefined;
}

export interface EffectiveClauses {
    /** Clauses by name; an inline clause overrides the template's clause of the same name. */
    byName: Map<string, Clause>;
    template?: AgreementTemplate;
    /** False when the agreement names a template that could not be resolved: its clauses are unknown. */
    known: boolean;
}

export function effectiveClauses(programme: Programme): EffectiveClauses | undefined {
    const agreement = programme.agreement;
    if (!agreement) {
        return undefined;
    }
    const byName = new Map<string, Clause>();
    const template = agreement.template?.ref;
    if (template) {
        for (const clause of template.clauses) {
            byName.set(clause.name, clause);
        }
    }
    for (const clause of agreement.clauses) {
        byName.set(clause.name, clause);
    }
    const known = agreement.template === undefined || template !== undefined;
    return { byName, template, known };
}

/** The exception declared for `ruleId`, if it carries a written (non-blank) justification. */
export function justifiedException(programme: Programme, ruleId: string): Exception | undefined {
    return programme.exceptions.find(e => e.rule === ruleId && (e.justification ?? '').trim().length > 0);
}

export function declaredException(programme: Programme, ruleId: string): Exception | undefined {
    return programme.exceptions.find(e => e.rule === ruleId);
}
