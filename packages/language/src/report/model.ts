/**
 * The compliance report of a validation run (`osa report`): per programme, the matrix of guideline
 * clauses with a status each, the public disclosure sheet, and the portfolio by fiscal year. One layer:
 * it reads what validation produced (findings, suppressions, the records taken from the checked
 * files) and neither parses nor prints. Renderers (JSON, Markdown, HTML, CSV) all read this model.
 */
import type { FileReport, InputProblem, ReportedDiagnostic, Severity, ValidationRun } from '../engine/report.js';
import type { Locale } from '../i18n/locale.js';
import { localize } from '../i18n/localize.js';
import { msg } from '../i18n/message.js';
import type { Rule } from '../rules/rule.js';
import type { Money } from '../model/facts.js';
import type { DisclosureFacts, EnvelopeRecord, ExceptionDecision, ProgrammeRecord } from './records.js';
import { compareCodePoints } from '../util/order.js';

export type ClauseStatus = 'met' | 'violated' | 'waived' | 'not-applicable' | 'undetermined';
export const CLAUSE_STATUSES: readonly ClauseStatus[] = ['met', 'violated', 'waived', 'not-applicable', 'undetermined'];

/** A place in a file, 1-based. */
export interface Evidence {
    rule: string;
    severity: Severity;
    message: string;
    path: string;
    line: number;
    column: number;
}

export interface Waiver {
    by: 'suppression' | 'exception';
    reason: string;
    approvedBy?: string;
    dated?: string;
    path: string;
    line: number;
}

export interface RuleLine {
    id: string;
    name: string;
    status: ClauseStatus;
    /** The highest severity among its findings (violated and waived lines). */
    severity?: Severity;
    waivers?: Waiver[];
    /** The datasets whose gap makes a silent rule undetermined. */
    missingData?: string[];
}

export interface MatrixLine {
    clause: string;
    status: ClauseStatus;
    rules: RuleLine[];
    evidence: Evidence[];
}

export type StatusCounts = Record<ClauseStatus, number>;

export interface ProgrammeReport {
    id: string;
    path: string;
    lines: { start: number; end: number };
    assessable: boolean;
    /** Why the programme could not be assessed (its syntax errors), when it could not. */
    notAssessable?: Evidence[];
    summary: StatusCounts;
    matrix: MatrixLine[];
    /** Findings inside the programme that belong to no clause (data coverage, misused suppressions, syntax warnings). */
    otherFindings: Evidence[];
    disclosure: DisclosureSheet;
}

export interface DisclosureSheet extends DisclosureFacts {
    id: string;
}

export interface Breakdown {
    key: string;
    programmes: number;
    /** Yen: programmes in other currencies are counted in `otherCurrency`, never converted here. */
    amount: number;
}

export interface FiscalYearPortfolio {
    fiscalYear: number;
    envelopes: { name: string; amount?: number }[];
    /** Sum of the year's yen envelopes; undefined when the year has none. */
    envelope?: number;
    programmes: number;
    /** Sum of the year's programmes' yen amounts. */
    amount: number;
    /** envelope − amount, when there is an envelope. */
    remaining?: number;
    byRecipient: Breakdown[];
    /** A programme in several fields counts in each, so these totals can exceed `amount`. */
    byField: Breakdown[];
    byDacGroup: Breakdown[];
    /** By lifecycle stage (`planned`, `decided`, …; `not declared` until programmes declare a status). */
    byStage: Breakdown[];
    /** Programmes whose amount is missing, unreadable or not in yen: named, never summed. */
    notSummed: { id: string; reason: string }[];
}

export interface ComplianceReport {
    summary: {
        programmes: number;
        assessable: number;
        notAssessable: number;
        /** Programmes with at least one violated clause. */
        withViolations: number;
        clauses: StatusCounts;
    };
    programmes: ProgrammeReport[];
    portfolio: { fiscalYears: FiscalYearPortfolio[] };
    /** Findings outside any programme (templates, envelopes, unparseable files). */
    unattributed: { path: string; findings: Evidence[] }[];
    problems: InputProblem[];
}

/**
 * The lifecycle stages, in order; a rule may declare the first stage it applies from (`appliesFrom`).
 * A programme with no declared stage is assessed against every rule.
 */
export const LIFECYCLE_ORDER: readonly string[] = ['planned', 'decided', 'signed', 'delivered', 'completed'];

/** Does `rule` apply to a programme at `stage`? Unknown or undeclared stages: yes (never hide a check). */
export function ruleAppliesAt(rule: Rule, stage: string | undefined): boolean {
    if (!rule.appliesFrom || stage === undefined) {
        return true;
    }
    const at = LIFECYCLE_ORDER.indexOf(stage);
    const from = LIFECYCLE_ORDER.indexOf(rule.appliesFrom);
    return at < 0 || from < 0 || at >= from;
}

/**
 * The reference datasets (as named by `ReferenceData.coverageOn`) each rule's verdict rests on: when
 * such a dataset does not cover the programme's year and the rule found nothing, its silence proves
 * nothing, so the line is undetermined rather than met.
 */
export const RULE_DATASETS: Readonly<Record<string, readonly string[]>> = {
    OSA101: ['DAC List of ODA Recipients'],
    OSA104: ['DAC List of ODA Recipients'],
    OSA301: ['UN arms embargo data'],
    OSA303: ['in-combat judgements']
};

/** The order the guideline reads in: §2(1) < §2(2) < §2(2)(c) < §3(1) … < §4(3), then `portfolio`. */
function compareClauses(a: string, b: string): number {
    const key = (c: string) => c.startsWith('§') ? c.replace(/\d+/g, d => d.padStart(3, '0')) : `\uffff${c}`;
    return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/** The matrix's clauses, from the rules' metadata: every guideline clause a rule cites, and the portfolio checks. */
export function matrixClauses(rules: readonly Rule[]): { clause: string; rules: Rule[] }[] {
    const byClause = new Map<string, Rule[]>();
    for (const rule of rules) {
        if (rule.clause.startsWith('§') || rule.clause === 'portfolio') {
            const list = byClause.get(rule.clause) ?? [];
            list.push(rule);
            byClause.set(rule.clause, list);
        }
    }
    return [...byClause.entries()].sort(([a], [b]) => compareClauses(a, b)).map(([clause, list]) => ({ clause, rules: list }));
}

const STATUS_WEIGHT: Record<ClauseStatus, number> = { 'not-applicable': 0, met: 1, waived: 2, undetermined: 3, violated: 4 };
const SEVERITY_WEIGHT: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function emptyCounts(): StatusCounts {
    return { met: 0, violated: 0, waived: 0, 'not-applicable': 0, undetermined: 0 };
}

function evidenceOf(d: ReportedDiagnostic, path: string): Evidence {
    return { rule: d.rule, severity: d.severity, message: d.message, path, line: d.range.start.line, column: d.range.start.column };
}

function highest(diagnostics: readonly ReportedDiagnostic[]): Severity | undefined {
    return diagnostics.reduce<Severity | undefined>((best, d) => best === undefined || SEVERITY_WEIGHT[d.severity] > SEVERITY_WEIGHT[best] ? d.severity : best, undefined);
}

/** A justified exception the programme declares for a rule: what lowers a finding of a rule that allows one. */
function justifiedDecision(record: ProgrammeRecord, rule: Rule): ExceptionDecision | undefined {
    return rule.exceptionSeverity
        ? record.review.exceptions.find(e => e.rule === rule.id && e.justification !== undefined && e.justification.trim() !== '')
        : undefined;
}

function assessProgramme(file: FileReport, record: ProgrammeRecord, clauses: ReturnType<typeof matrixClauses>, displayPath: string): ProgrammeReport {
    const inside = (d: ReportedDiagnostic) => d.range.start.line >= record.lines.start && d.range.start.line <= record.lines.end;
    const kept = file.diagnostics.filter(inside);
    const suppressed = file.suppressed.filter(inside);
    const syntaxErrors = kept.filter(d => d.rule === 'syntax' && d.severity === 'error');
    const matrixRuleIds = new Set(clauses.flatMap(c => c.rules.map(r => r.id)));
    const otherFindings = kept.filter(d => !matrixRuleIds.has(d.rule) && !syntaxErrors.includes(d)).map(d => evidenceOf(d, displayPath));
    const summary = emptyCounts();
    const disclosure: DisclosureSheet = { id: record.name, ...record.disclosure };
    if (syntaxErrors.length > 0) {
        // Rules stay silent on what does not decode, so a silent rule would read as "met": not assessable instead.
        return {
            id: record.name, path: displayPath, lines: record.lines, assessable: false,
            notAssessable: syntaxErrors.map(d => evidenceOf(d, displayPath)),
            summary, matrix: [], otherFindings, disclosure
        };
    }
    const matrix = clauses.map(({ clause, rules }): MatrixLine => {
        const evidence: Evidence[] = [];
        const lines = rules.map((rule): RuleLine => {
            const line: RuleLine = { id: rule.id, name: rule.name, status: 'met' };
            const findings = kept.filter(d => d.rule === rule.id);
            const silenced = suppressed.filter(d => d.rule === rule.id);
            // Not yet applicable at this stage, unless the rule found something: a finding is never hidden.
            if (!ruleAppliesAt(rule, record.stage) && findings.length === 0 && silenced.length === 0) {
                line.status = 'not-applicable';
                return line;
            }
            evidence.push(...findings.map(d => evidenceOf(d, displayPath)), ...silenced.map(d => evidenceOf(d, displayPath)));
            const decision = findings.length > 0 ? justifiedDecision(record, rule) : undefined;
            const waivers: Waiver[] = silenced.map(s => ({
                by: 'suppression', reason: s.suppression.reason, path: displayPath, line: s.suppression.range.start.line
            }));
            if (decision) {
                waivers.push({
                    by: 'exception', reason: decision.justification!, approvedBy: decision.approvedBy, dated: decision.dated,
                    path: displayPath, line: decision.line
                });
            }
            if (findings.length > 0) {
                line.status = decision ? 'waived' : 'violated';
                line.severity = highest(findings);
            } else if (silenced.length > 0) {
                line.status = 'waived';
                line.severity = highest(silenced);
            } else {
                const missing = (RULE_DATASETS[rule.id] ?? []).filter(d => record.dataGaps.includes(d));
                if (missing.length > 0) {
                    line.status = 'undetermined';
                    line.missingData = missing;
                }
            }
            if (waivers.length > 0) {
                line.waivers = waivers;
            }
            return line;
        });
        const status = lines.reduce<ClauseStatus>((worst, l) => STATUS_WEIGHT[l.status] > STATUS_WEIGHT[worst] ? l.status : worst, 'not-applicable');
        summary[status]++;
        return { clause, status, rules: lines, evidence: evidence.sort((a, b) => a.line - b.line || a.column - b.column) };
    });
    return { id: record.name, path: displayPath, lines: record.lines, assessable: true, summary, matrix, otherFindings, disclosure };
}

function breakdown(entries: { key: string; amount?: number }[]): Breakdown[] {
    const byKey = new Map<string, Breakdown>();
    for (const { key, amount } of entries) {
        const entry = byKey.get(key) ?? { key, programmes: 0, amount: 0 };
        entry.programmes++;
        entry.amount += amount ?? 0;
        byKey.set(key, entry);
    }
    return [...byKey.values()].sort((a, b) => b.amount - a.amount || compareCodePoints(a.key, b.key));
}

/** The budget desk's view: per fiscal year, envelopes against programme amounts (yen), and where the money goes. */
export function portfolioOf(programmes: readonly ProgrammeRecord[], envelopes: readonly EnvelopeRecord[], locale: Locale = 'en'): FiscalYearPortfolio[] {
    const label = (id: Parameters<typeof msg>[0], params?: Parameters<typeof msg>[1]) => localize(msg(id, params), locale);
    // What each programme commits in which year: its funding shares, else its whole amount in its fiscal year.
    const shares = programmes.flatMap(record => {
        const { funding, fiscalYear, amount } = record.disclosure;
        if (funding.length > 0) {
            return funding.map(f => ({ record, fiscalYear: f.fiscalYear, amount: f.amount as Money | undefined }));
        }
        return fiscalYear !== undefined ? [{ record, fiscalYear, amount }] : [];
    });
    const years = new Set<number>();
    shares.forEach(s => years.add(s.fiscalYear));
    envelopes.forEach(e => e.fiscalYear !== undefined && years.add(e.fiscalYear));
    return [...years].sort((a, b) => a - b).map(fiscalYear => {
        const yearEnvelopes = envelopes.filter(e => e.fiscalYear === fiscalYear);
        const yen = yearEnvelopes.filter(e => e.amount?.currency === 'JPY');
        const inYear = shares.filter(s => s.fiscalYear === fiscalYear);
        const notSummed: FiscalYearPortfolio['notSummed'] = [];
        const summed: { record: ProgrammeRecord; amount: number }[] = [];
        for (const { record, amount } of inYear) {
            if (!amount) {
                notSummed.push({ id: record.name, reason: label('report.notSummed.noAmount') });
            } else if (amount.currency !== 'JPY') {
                notSummed.push({ id: record.name, reason: label('report.notSummed.otherCurrency', { currency: amount.currency }) });
            } else {
                summed.push({ record, amount: amount.value });
            }
        }
        const amount = summed.reduce((sum, s) => sum + s.amount, 0);
        const envelope = yen.length > 0 ? yen.reduce((sum, e) => sum + e.amount!.value, 0) : undefined;
        return {
            fiscalYear,
            envelopes: yearEnvelopes.map(e => ({ name: e.name, ...(e.amount?.currency === 'JPY' ? { amount: e.amount.value } : {}) })),
            ...(envelope !== undefined ? { envelope, remaining: envelope - amount } : {}),
            programmes: new Set(inYear.map(s => s.record)).size,
            amount,
            byRecipient: breakdown(summed.map(s => ({ key: s.record.disclosure.recipient ?? label('report.key.unknownRecipient'), amount: s.amount }))),
            byField: breakdown(summed.flatMap(s => (s.record.disclosure.fields.length > 0 ? s.record.disclosure.fields : [label('report.key.noField')]).map(key => ({ key, amount: s.amount })))),
            byDacGroup: breakdown(summed.map(s => ({ key: s.record.dacGroup ?? label('report.key.notOnDacList'), amount: s.amount }))),
            byStage: breakdown(summed.map(s => ({ key: s.record.stage ?? label('report.key.noStage'), amount: s.amount }))),
            notSummed
        };
    });
}

export interface ReportOptions {
    /** How paths are shown (relative to the working directory in the CLI). Default: as given. */
    displayPath?: (absolute: string) => string;
    /** The language of the model's own labels (breakdown keys such as `not declared`, reasons); default English. */
    locale?: Locale;
}

/** The report of a validation run made with `CheckOptions.records`. */
export function buildComplianceReport(run: ValidationRun, rules: readonly Rule[], options: ReportOptions = {}): ComplianceReport {
    const show = options.displayPath ?? (p => p);
    const clauses = matrixClauses(rules);
    const programmes: ProgrammeReport[] = [];
    const records: ProgrammeRecord[] = [];
    const envelopes: EnvelopeRecord[] = [];
    const unattributed: ComplianceReport['unattributed'] = [];
    for (const file of run.reports) {
        const path = show(file.path);
        const own = file.records?.programmes ?? [];
        records.push(...own);
        envelopes.push(...(file.records?.envelopes ?? []));
        programmes.push(...own.map(record => assessProgramme(file, record, clauses, path)));
        const outside = file.diagnostics.filter(d => !own.some(r => d.range.start.line >= r.lines.start && d.range.start.line <= r.lines.end));
        if (outside.length > 0) {
            unattributed.push({ path, findings: outside.map(d => evidenceOf(d, path)) });
        }
    }
    const clauseCounts = emptyCounts();
    programmes.forEach(p => CLAUSE_STATUSES.forEach(s => clauseCounts[s] += p.summary[s]));
    return {
        summary: {
            programmes: programmes.length,
            assessable: programmes.filter(p => p.assessable).length,
            notAssessable: programmes.filter(p => !p.assessable).length,
            withViolations: programmes.filter(p => p.summary.violated > 0).length,
            clauses: clauseCounts
        },
        programmes,
        portfolio: { fiscalYears: portfolioOf(records, envelopes, options.locale) },
        unattributed,
        problems: run.problems.map(p => ({ path: show(p.path), message: p.message }))
    };
}
