/**
 * Hovers on declarations and names: a programme's compliance summary (from the document's current
 * diagnostics), what an agreement template or budget envelope declares, what a rule id in an
 * `exception` means.
 */
import { neutraliseMarkdownInline as md } from '../util/neutralise.js';
import { AstUtils, DocumentState, type LangiumDocument } from 'langium';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { AgreementTemplate, BudgetEnvelope, Exception, Programme } from '../generated/ast.js';
import { fiscalYearPeriod } from '../reference/reference-data.js';
import { ruleDocsUrl } from '../rules/docs.js';
import { ALL_RULES, ruleById, type Rule } from '../rules/index.js';
import { editDistance, formatAmount } from '../util/text.js';
import {
    agreementKindOf, amountOf, clauseNameOf, clauseResultsOf, decidedOf, deliveredOf, fiscalYearOf, justificationOf,
    predecessorOf, recipientOf, statusOf, titleOf, yearSharesOf
} from '../model/facts.js';
import { firstValue, writtenValues } from '../model/values.js';
import { CLAUSES, type ClauseName } from '../vocabulary.js';
import { referenceForDocument } from './hover-country.js';
import { lensTitle } from './code-lens.js';
import type { OsaLspServices } from './osa-lsp-module.js';
import { DEFAULT_LOCALE, msg, ruleSummary, type Locale } from '../i18n/index.js';
import { orList, sayer, type Say } from './editor-text.js';

/** True when `inner` starts inside `outer` (as the code lens counts a programme's diagnostics). */
function contains(outer: Range, inner: Range): boolean {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.start, outer.end);
}

const ABBREVIATIONS = /(?:^|\W)(?:res|e\.g|i\.e|etc|no|vs|art|cf)\.$/i;

/**
 * The first sentence of a message (abbreviations such as "res." and full stops inside parentheses do not end it).
 * A Japanese message ends its sentences with 。 (a rule's text may still be English in the Japanese locale).
 */
function firstSentence(message: string): string {
    let depth = 0;
    for (let i = 0; i < message.length; i++) {
        const c = message[i];
        if (c === '（' || c === '(' || c === '「') {
            depth++;
        } else if ((c === '）' || c === ')' || c === '」') && depth > 0) {
            depth--;
        } else if (c === '。' && depth === 0) {
            return message.slice(0, i + 1);
        }
    }
    const boundary = /[.!?](?=\s+[A-Z`"(])/g;
    for (let match = boundary.exec(message); match; match = boundary.exec(message)) {
        const sentence = message.slice(0, match.index + 1);
        const open = sentence.split('(').length - sentence.split(')').length;
        if (!ABBREVIATIONS.test(sentence) && open === 0) {
            return sentence;
        }
    }
    return message;
}

const SEVERITY_IDS = { 1: 'hover.severity.error', 2: 'hover.severity.warning', 3: 'hover.severity.info', 4: 'hover.severity.hint' } as const;

export interface ProgrammeStatus {
    /** "complies with all 31 rules", "2 errors · 1 warning", ... */
    headline: string;
    diagnostics: Diagnostic[];
    errors: number;
    warnings: number;
    infos: number;
    suppressed: number;
}

/**
 * A programme's status from its document's current diagnostics. Undefined when the document has not
 * been validated yet (the figures would be stale).
 */
export function programmeStatus(services: OsaLspServices, programme: Programme): ProgrammeStatus | undefined {
    const document = AstUtils.getDocument(programme);
    const range = programme.$cstNode?.range;
    if (!range || document.state < DocumentState.Validated || !document.diagnostics) {
        return undefined;
    }
    const diagnostics = document.diagnostics.filter(d => contains(range, d.range))
        .sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1) || a.range.start.line - b.range.start.line);
    const count = (severity: number) => diagnostics.filter(d => (d.severity ?? 1) === severity).length;
    const errors = count(1);
    const warnings = count(2);
    const infos = count(3) + count(4);
    const suppressed = services.validation.DocumentValidator.suppressedFindings(document).filter(s => contains(range, s.diagnostic.range)).length;
    const active = activeRules(services, document);
    const locale = services.osa.Localizer.locale;
    const headline = lensTitle(diagnostics, { active: active.count, off: active.off }, locale)
        + (suppressed > 0 ? ` · ${sayer(locale)('lens.suppressed', { count: suppressed })}` : '');
    return { headline, diagnostics, errors, warnings, infos, suppressed };
}

function activeRules(services: OsaLspServices, document: LangiumDocument): { count: number; off: number } {
    const rules = services.osa.RuleRunner.rules;
    try {
        const config = services.osa.Config.configFor(document.uri.fsPath);
        const file = document.uri.fsPath;
        const count = rules.filter(r => config.severityOf(r.id) !== 'off' && !config.isRuleIgnored(r.id, file)).length;
        return { count, off: rules.length - count };
    } catch {
        return { count: rules.length, off: 0 };
    }
}

function fileIgnored(services: OsaLspServices, document: LangiumDocument): boolean {
    try {
        return services.osa.Config.configFor(document.uri.fsPath).isFileIgnored(document.uri.fsPath);
    } catch {
        return false;
    }
}

/** Markdown for the hover on a programme's name. */
export function programmeHover(services: OsaLspServices, programme: Programme): string {
    const locale = services.osa.Localizer.locale;
    const say = sayer(locale);
    const document = AstUtils.getDocument(programme);
    const title = titleOf(programme);
    const lines: string[] = [say('hover.programme', { name: md(programme.name), title: title ? ` — *${md(title)}*` : '' })];
    const facts: string[] = [];
    const fiscalYear = fiscalYearOf(programme);
    if (fiscalYear !== undefined) {
        facts.push(`FY${fiscalYear}`);
    }
    const recipient = recipientOf(programme);
    if (recipient) {
        const country = referenceForDocument(services, document).country(recipient);
        facts.push(country ? `${md(recipient)} (${md(country.name)})` : md(recipient));
    }
    // The money as the budget check counts it: `amount`, or each year's `funding` share.
    const shares = yearSharesOf(programme);
    if (shares.length > 0) {
        facts.push(programme.fundings.length > 0
            ? shares.map(share => `FY${share.fiscalYear}: ${formatAmount(share.amount, share.currency)}`).join(', ')
            : formatAmount(shares[0].amount, shares[0].currency));
    }
    if (facts.length > 0) {
        lines.push('', facts.join(' · '));
    }
    const lifecycle = lifecycleLine(programme, say);
    if (lifecycle) {
        lines.push('', lifecycle);
    }
    if (fileIgnored(services, document)) {
        lines.push('', say('hover.programme.ignored'));
        return lines.join('\n');
    }
    const status = programmeStatus(services, programme);
    if (!status) {
        lines.push('', say('hover.programme.notValidated'));
        return lines.join('\n');
    }
    const mark = status.errors > 0 ? '✗' : status.warnings > 0 ? '⚠' : '✓';
    lines.push('', `${mark} **${status.headline}**`);
    if (status.diagnostics.length > 0) {
        lines.push('');
        for (const diagnostic of status.diagnostics) {
            const code = typeof diagnostic.code === 'string' || typeof diagnostic.code === 'number' ? String(diagnostic.code) : 'syntax';
            const rule = ruleById(code);
            const what = rule ? `**${rule.id}** \`${rule.name}\` (${rule.clause})` : `**${code}**`;
            const severity = say(SEVERITY_IDS[(diagnostic.severity ?? 1) as keyof typeof SEVERITY_IDS] ?? SEVERITY_IDS[1]);
            const message = md(firstSentence(typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value));
            lines.push(say('hover.programme.finding', { severity, what, line: diagnostic.range.start.line + 1, message }));
        }
    }
    return lines.join('\n');
}

/** "Status: delivered · decided 2024-06-20 · delivered 2025-02-10 · continues X", when any of it is stated. */
function lifecycleLine(programme: Programme, say: Say): string | undefined {
    const parts: string[] = [];
    const status = statusOf(programme);
    if (status) {
        parts.push(say('hover.lifecycle.status', { status }));
    }
    const decided = decidedOf(programme);
    if (decided) {
        parts.push(say('hover.lifecycle.decided', { date: decided }));
    }
    const delivered = deliveredOf(programme);
    if (delivered) {
        parts.push(say('hover.lifecycle.delivered', { date: delivered }));
    }
    const predecessor = predecessorOf(programme);
    if (predecessor) {
        parts.push(say('hover.lifecycle.continues', { name: md(predecessor.name) }));
    }
    return parts.length > 0 ? parts.join(' · ') : undefined;
}

const REQUIRED_CLAUSES = (Object.keys(CLAUSES) as ClauseName[]).filter(c => CLAUSES[c].clause);

/** Markdown for the hover on an agreement template (its name, or a `uses` reference to it). */
export function templateHover(services: OsaLspServices, template: AgreementTemplate): string {
    const locale = services.osa.Localizer.locale;
    const say = sayer(locale);
    const title = titleOf(template);
    const lines: string[] = [say('hover.template', { name: md(template.name), title: title ? ` — *${md(title)}*` : '' })];
    const kind = agreementKindOf(template);
    if (kind) {
        lines.push('', say('hover.template.kind', { kind }));
    }
    lines.push('', say(template.clauses.length === 0 ? 'hover.template.noClauses' : 'hover.template.clauses'));
    for (const clause of template.clauses) {
        const name = clauseNameOf(clause);
        const results = clauseResultsOf(clause);
        const written = name ?? firstValue(clause, 'name')?.value ?? '';
        const which = name ? CLAUSES[name].clause ?? say('hover.template.supporting') : say('hover.template.unknownClause');
        lines.push(say('hover.template.clause', { clause: written, results: results ? say('hover.template.results', { results }) : '', which }));
    }
    const present = new Set(template.clauses.map(clauseNameOf));
    const missing = REQUIRED_CLAUSES.filter(c => !present.has(c));
    const monitoring = template.clauses.find(c => clauseNameOf(c) === 'monitoring-and-evaluation');
    lines.push('');
    if (missing.length === 0) {
        lines.push(say(monitoring && clauseResultsOf(monitoring) === 'disclosed' ? 'hover.template.complete' : 'hover.template.completeUndisclosed'));
    } else {
        lines.push(say('hover.template.lacks', { clauses: missing.map(c => `\`${c}\` (${CLAUSES[c].clause})`).join(', ') }));
    }
    const users = new Set<string>();
    for (const reference of services.references.References.findReferences(template, { includeDeclaration: false })) {
        users.add(`${reference.sourceUri.toString()}#${reference.sourcePath}`);
    }
    lines.push('', say(users.size === 1 ? 'hover.template.usedBy.one' : 'hover.template.usedBy.other', { count: users.size }));
    return lines.join('\n');
}

/** Markdown for the hover on a budget envelope: what it declares and what the fiscal year's programmes commit. */
export function envelopeHover(services: OsaLspServices, envelope: BudgetEnvelope): string {
    const locale = services.osa.Localizer.locale;
    const say = sayer(locale);
    const lines: string[] = [say('hover.envelope', { name: md(envelope.name) })];
    const declared: string[] = [];
    const fiscalYear = fiscalYearOf(envelope);
    const amount = amountOf(envelope);
    if (fiscalYear !== undefined) {
        const fy = fiscalYearPeriod(fiscalYear);
        declared.push(say('country.span.fiscalYear', { fy: fiscalYear, start: fy.start, end: fy.end }));
    }
    if (amount) {
        declared.push(formatAmount(amount.value, amount.currency));
    }
    lines.push('', declared.length > 0 ? declared.join(' · ') : say('hover.envelope.empty'));
    for (const source of writtenValues(envelope, 'sources')) {
        lines.push('', say('hover.envelope.source', { source: md(source.value) }));
    }
    if (fiscalYear === undefined || !amount) {
        return lines.join('\n');
    }
    const currency = amount.currency;
    const view = services.osa.WorkspaceView.viewFor(AstUtils.getDocument(envelope));
    const envelopes = (view.envelopesByFiscalYear.get(fiscalYear) ?? []).filter(e => e.amount?.currency === currency);
    const budget = envelopes.length > 0 ? envelopes.reduce((sum, e) => sum + e.amount!.value, 0) : amount.value;
    // Each programme's share of this year (a `funding` share or the `amount`), as OSA601 counts it; planned ones marked.
    const programmes = (view.sharesByFiscalYear.get(fiscalYear) ?? []).filter(e => e.share.amount.currency === currency);
    const committed = programmes.reduce((sum, e) => sum + e.share.amount.value, 0);
    const share = budget > 0 ? ` (${Math.round(committed / budget * 100)}%)` : '';
    const of = envelopes.length > 1
        ? say('hover.envelope.ofSeveral', { budget: formatAmount(budget, currency), count: envelopes.length, fy: fiscalYear })
        : `${formatAmount(budget, currency)}`;
    const balance = committed <= budget
        ? say('hover.envelope.remains', { amount: formatAmount(budget - committed, currency) })
        : say('hover.envelope.over', { amount: formatAmount(committed - budget, currency) });
    lines.push('', say(programmes.length === 1 ? 'hover.envelope.committed.one' : 'hover.envelope.committed.other', {
        count: programmes.length, fy: fiscalYear, committed: formatAmount(committed, currency), share, of, balance
    }));
    const shown = programmes.slice(0, 12);
    for (const { programme, share } of shown) {
        lines.push(say('hover.envelope.programme', {
            name: md(programme.name), planned: programme.planned ? say('hover.envelope.planned') : '', amount: formatAmount(share.amount.value, currency),
            share: share.funding ? say('hover.envelope.yearShare', { fy: fiscalYear }) : ''
        }));
    }
    if (programmes.length > shown.length) {
        lines.push(say('hover.envelope.more', { count: programmes.length - shown.length }));
    }
    return lines.join('\n');
}

/** Markdown for a rule: name, severity, clause, summary, what an exception does, docs link. */
export function ruleMarkdown(rule: Rule, locale: Locale = DEFAULT_LOCALE): string {
    const say = sayer(locale);
    const exception = rule.exceptionSeverity
        ? say('hover.rule.exception', { rule: rule.id, severity: msg(`severity.${rule.exceptionSeverity}`) })
        : rule.partialExceptionSeverity
            ? say('hover.rule.partialException', { rule: rule.id, severity: msg(`severity.${rule.partialExceptionSeverity}`) })
            : say('hover.rule.firm');
    const clause = rule.clause === 'data' || rule.clause === 'portfolio' ? say(`hover.rule.scope.${rule.clause}`) : say('hover.rule.clause', { clause: rule.clause });
    return [
        `**${rule.id}** \`${rule.name}\` — ${say(`hover.severity.${rule.severity}`)}, ${clause}`,
        '',
        ruleSummary(rule, locale),
        '',
        exception,
        '',
        say('hover.rule.docs', { url: ruleDocsUrl(rule.id, locale) })
    ].join('\n');
}

/** Markdown for the hover on the rule id of an `exception`. */
export function exceptionRuleHover(exception: Exception, locale: Locale = DEFAULT_LOCALE): string {
    const say = sayer(locale);
    const written = firstValue(exception, 'rule')?.value ?? '';
    const rule = ruleById(written);
    if (!rule) {
        const suggestions = ALL_RULES.map(r => ({ r, d: editDistance(written.toUpperCase(), r.id) }))
            .filter(x => x.d <= 1).map(x => x.r.id);
        return say('hover.exception.unknownRule', { written: md(written) })
            + (suggestions.length > 0 ? ` ${say('editor.didYouMean', { suggestions: orList(suggestions, locale) })}` : '');
    }
    const lines = [ruleMarkdown(rule, locale)];
    if ((rule.exceptionSeverity || rule.partialExceptionSeverity) && !(justificationOf(exception) ?? '').trim()) {
        lines.push('', say('hover.exception.unjustified'));
    }
    return lines.join('\n');
}

/** Markdown for the hover on a fiscal-year number. */
export function fiscalYearHover(fiscalYear: number, locale: Locale = DEFAULT_LOCALE): string {
    const fy = fiscalYearPeriod(fiscalYear);
    return sayer(locale)('hover.fiscalYear', { fy: fiscalYear, next: fiscalYear + 1, start: fy.start, end: fy.end });
}
