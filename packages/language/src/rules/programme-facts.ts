/** Facts derived from a programme that several rules need: its period, its agreement's clauses, exceptions. */
import type { AgreementTemplate, Clause, Exception, Operation, Programme } from '../generated/ast.js';
import { firstValue } from '../model/values.js';
import {
    agreementOf, clauseNameOf, exceptionRuleOf, fiscalYearOf, justificationOf, operationAreasOf, periodOf, templateOf
} from '../model/facts.js';
import { fiscalYearPeriod } from '../reference/reference-data.js';
import { suggestTerms, type ClauseName } from '../vocabulary.js';
import { msg, type MessageParam } from '../i18n/message.js';

/** The programme's period: its declared `period`, else its fiscal year; undefined without either. */
export function programmePeriod(programme: Programme): { start: string; end: string } | undefined {
    const declared = periodOf(programme);
    if (declared) {
        return declared;
    }
    const fy = fiscalYearOf(programme);
    return fy !== undefined ? fiscalYearPeriod(fy) : undefined;
}

/**
 * The span the situation of the recipient is checked over (embargoes, designations): the fiscal
 * year, extended by a declared `period`, since a multi-year delivery must stay clear in its later
 * years too. Undefined without a fiscal year.
 */
export function checkedSpan(programme: Programme): { start: string; end: string } | undefined {
    const fiscalYear = fiscalYearOf(programme);
    if (fiscalYear === undefined) {
        return undefined;
    }
    const fy = fiscalYearPeriod(fiscalYear);
    const declared = periodOf(programme);
    return declared
        ? { start: declared.start < fy.start ? declared.start : fy.start, end: declared.end > fy.end ? declared.end : fy.end }
        : fy;
}

/** 1 April of the programme's fiscal year: the date the guideline tests are taken on. */
export function fiscalYearStart(programme: Programme): string | undefined {
    const fy = fiscalYearOf(programme);
    return fy !== undefined ? fiscalYearPeriod(fy).start : undefined;
}

export interface EffectiveClauses {
    /** Clauses by name; an inline clause overrides the template's clause of the same name. */
    byName: Map<ClauseName, Clause>;
    template?: AgreementTemplate;
    /**
     * False when the agreement names a template that could not be resolved: its clauses are unknown.
     */
    known: boolean;
    /** Clauses a misspelt clause name may stand for: a rule does not call them missing (the typo is reported once). */
    maybe: Set<ClauseName>;
}

export function effectiveClauses(programme: Programme): EffectiveClauses | undefined {
    const agreement = agreementOf(programme);
    if (!agreement) {
        return undefined;
    }
    const byName = new Map<ClauseName, Clause>();
    const template = templateOf(agreement);
    const maybe = new Set<ClauseName>();
    const add = (clauses: readonly Clause[]) => {
        for (const clause of clauses) {
            const name = clauseNameOf(clause);
            if (name === undefined) {
                for (const suggestion of suggestTerms('clause', clause.name ?? '', 1)) {
                    maybe.add(suggestion as ClauseName);
                }
            } else if (!byName.has(name) || clause.$container === agreement) {
                // The first statement of a name counts (a repeat is reported); the agreement's own overrides the template's.
                if (!(byName.get(name)?.$container === agreement && clause.$container === agreement)) {
                    byName.set(name, clause);
                }
            }
        }
    };
    if (template) {
        add(template.clauses);
    }
    add(agreement.clauses);
    const known = agreement.templates.length === 0 || template !== undefined;
    return { byName, template, known, maybe };
}

/** The exception declared for `ruleId`, if it carries a written (non-blank) justification. */
export function justifiedException(programme: Programme, ruleId: string): Exception | undefined {
    return programme.exceptions.find(e => exceptionRuleOf(e) === ruleId && (justificationOf(e) ?? '').trim().length > 0);
}

export function declaredException(programme: Programme, ruleId: string): Exception | undefined {
    return programme.exceptions.find(e => exceptionRuleOf(e) === ruleId);
}

/** A country named where one of the programme's peace operations works (`operation … in THA, KHM`). */
export interface OperationArea {
    code: string;
    operation: Operation;
    /** Its position in the operation's `in` list, for marking it. */
    index: number;
}

/** Every country of operation the programme names, in source order, each code once (a repeat is a language error). */
export function operationAreas(programme: Programme): OperationArea[] {
    const areas: OperationArea[] = [];
    const seen = new Set<string>();
    for (const field of programme.fields) {
        for (const operation of field.operations) {
            for (const { code, index } of operationAreasOf(operation)) {
                if (!seen.has(code)) {
                    seen.add(code);
                    areas.push({ code, operation, index });
                }
            }
        }
    }
    return areas;
}

/** How messages name an operation: `UNMISS`, or `"ASEAN Monitoring Team"` for one outside the UN. */
export function operationLabel(operation: Operation): MessageParam {
    const written = firstValue(operation, 'name');
    if (!written) {
        return msg('operation.unnamed');
    }
    return written.kind === 'name' ? written.value : `"${written.value}"`;
}
