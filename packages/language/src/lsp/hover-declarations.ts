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

/** True when `inner` starts inside `outer` (as the code lens counts a programme's diagnostics). */
function contains(outer: Range, inner: Range): boolean {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.start, outer.end);
}

const ABBREVIATIONS = /(?:^|\W)(?:res|e\.g|i\.e|etc|no|vs|art|cf)\.$/i;

/** The first sentence of a message (abbreviations such as "res." and full stops inside parentheses do not end it). */
function firstSentence(message: string): string {
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

const SEVERITY_NAMES: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

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
    const headline = lensTitle(diagnostics, { active: active.count, off: active.off }) + (suppressed > 0 ? ` · ${suppressed} suppressed` : '');
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
    const document = AstUtils.getDocument(programme);
    const title = titleOf(programme);
    const lines: string[] = [`**Programme ${md(programme.name)}**${title ? ` — *${md(title)}*` : ''}`];
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
    const lifecycle = lifecycleLine(programme);
    if (lifecycle) {
        lines.push('', lifecycle);
    }
    if (fileIgnored(services, document)) {
        lines.push('', 'This file is ignored by its osa.config.json: it is not checked.');
        return lines.join('\n');
    }
    const status = programmeStatus(services, programme);
    if (!status) {
        lines.push('', 'Not validated yet: the file is being checked.');
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
            lines.push(`- ${SEVERITY_NAMES[diagnostic.severity ?? 1]} ${what}, line ${diagnostic.range.start.line + 1}: ${md(firstSentence(typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value))}`);
        }
    }
    return lines.join('\n');
}

/** "Status: delivered · decided 2024-06-20 · delivered 2025-02-10 · continues X", when any of it is stated. */
function lifecycleLine(programme: Programme): string | undefined {
    const parts: string[] = [];
    const status = statusOf(programme);
    if (status) {
        parts.push(`Status: ${status}`);
    }
    const decided = decidedOf(programme);
    if (decided) {
        parts.push(`decided ${decided}`);
    }
    const delivered = deliveredOf(programme);
    if (delivered) {
        parts.push(`delivered ${delivered}`);
    }
    const predecessor = predecessorOf(programme);
    if (predecessor) {
        parts.push(`continues ${md(predecessor.name)}`);
    }
    return parts.length > 0 ? parts.join(' · ') : undefined;
}

const REQUIRED_CLAUSES = (Object.keys(CLAUSES) as ClauseName[]).filter(c => CLAUSES[c].clause);

/** Markdown for the hover on an agreement template (its name, or a `uses` reference to it). */
export function templateHover(services: OsaLspServices, template: AgreementTemplate): string {
    const title = titleOf(template);
    const lines: string[] = [`**Agreement template ${md(template.name)}**${title ? ` — *${md(title)}*` : ''}`];
    const kind = agreementKindOf(template);
    if (kind) {
        lines.push('', `Kind: ${kind}`);
    }
    lines.push('', template.clauses.length === 0 ? 'Clauses: none.' : 'Clauses:');
    for (const clause of template.clauses) {
        const name = clauseNameOf(clause);
        const results = clauseResultsOf(clause);
        const written = name ?? firstValue(clause, 'name')?.value ?? '';
        lines.push(`- \`${written}\`${results ? ` (results ${results})` : ''}: ${name ? CLAUSES[name].clause ?? 'supporting clause' : 'not a known clause'}`);
    }
    const present = new Set(template.clauses.map(clauseNameOf));
    const missing = REQUIRED_CLAUSES.filter(c => !present.has(c));
    const monitoring = template.clauses.find(c => clauseNameOf(c) === 'monitoring-and-evaluation');
    lines.push('');
    if (missing.length === 0) {
        lines.push('It has every clause §3(3)(a)–(d) requires'
            + (monitoring && clauseResultsOf(monitoring) === 'disclosed' ? '.' : ', but does not say that monitoring results are disclosed (§3(3)(b); OSA404).'));
    } else {
        lines.push(`It lacks ${missing.map(c => `\`${c}\` (${CLAUSES[c].clause})`).join(', ')}: programmes that use it must add them inline.`);
    }
    const users = new Set<string>();
    for (const reference of services.references.References.findReferences(template, { includeDeclaration: false })) {
        users.add(`${reference.sourceUri.toString()}#${reference.sourcePath}`);
    }
    lines.push('', users.size === 1 ? 'Used by 1 agreement in the workspace.' : `Used by ${users.size} agreements in the workspace.`);
    return lines.join('\n');
}

/** Markdown for the hover on a budget envelope: what it declares and what the fiscal year's programmes commit. */
export function envelopeHover(services: OsaLspServices, envelope: BudgetEnvelope): string {
    const lines: string[] = [`**Budget envelope ${md(envelope.name)}**`];
    const declared: string[] = [];
    const fiscalYear = fiscalYearOf(envelope);
    const amount = amountOf(envelope);
    if (fiscalYear !== undefined) {
        const fy = fiscalYearPeriod(fiscalYear);
        declared.push(`FY${fiscalYear} (${fy.start} to ${fy.end})`);
    }
    if (amount) {
        declared.push(formatAmount(amount.value, amount.currency));
    }
    lines.push('', declared.length > 0 ? declared.join(' · ') : 'Declares no fiscal year or amount.');
    for (const source of writtenValues(envelope, 'sources')) {
        lines.push('', `Source: ${md(source.value)}`);
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
        ? `the ${formatAmount(budget, currency)} of the ${envelopes.length} FY${fiscalYear} envelopes`
        : `${formatAmount(budget, currency)}`;
    lines.push('', `${programmes.length === 1 ? 'The one programme' : `The ${programmes.length} programmes`} of FY${fiscalYear} in the workspace `
        + `${programmes.length === 1 ? 'commits' : 'commit'} **${formatAmount(committed, currency)}**${share} of ${of}: `
        + (committed <= budget
            ? `${formatAmount(budget - committed, currency)} remains.`
            : `**${formatAmount(committed - budget, currency)} over** the envelope (OSA601).`));
    const shown = programmes.slice(0, 12);
    for (const { programme, share } of shown) {
        lines.push(`- ${md(programme.name)}${programme.planned ? ' (planned)' : ''}: ${formatAmount(share.amount.value, currency)}${share.funding ? `, its FY${fiscalYear} share` : ''}`);
    }
    if (programmes.length > shown.length) {
        lines.push(`- … and ${programmes.length - shown.length} more`);
    }
    return lines.join('\n');
}

/** Markdown for a rule: name, severity, clause, summary, what an exception does, docs link. */
export function ruleMarkdown(rule: Rule): string {
    const exception = rule.exceptionSeverity
        ? `With a justified \`exception ${rule.id}\`, its findings are reported as ${rule.exceptionSeverity === 'info' ? 'information' : `a ${rule.exceptionSeverity}`}.`
        : 'It states a firm condition: an exception has no effect on it.';
    return [
        `**${rule.id}** \`${rule.name}\` — ${rule.severity}, ${rule.clause === 'data' || rule.clause === 'portfolio' ? rule.clause : `clause ${rule.clause}`}`,
        '',
        rule.summary,
        '',
        exception,
        '',
        `[Documentation](${ruleDocsUrl(rule.id)})`
    ].join('\n');
}

/** Markdown for the hover on the rule id of an `exception`. */
export function exceptionRuleHover(exception: Exception): string {
    const written = firstValue(exception, 'rule')?.value ?? '';
    const rule = ruleById(written);
    if (!rule) {
        const suggestions = ALL_RULES.map(r => ({ r, d: editDistance(written.toUpperCase(), r.id) }))
            .filter(x => x.d <= 1).map(x => x.r.id);
        return `**${md(written)}** is not a rule id. Exceptions name the rule they relax, e.g. \`exception OSA101 { … }\`.`
            + (suggestions.length > 0 ? ` Did you mean ${suggestions.join(' or ')}?` : '');
    }
    const lines = [ruleMarkdown(rule)];
    if (rule.exceptionSeverity && !(justificationOf(exception) ?? '').trim()) {
        lines.push('', 'This exception has no written justification, so it does not apply yet.');
    }
    return lines.join('\n');
}

/** Markdown for the hover on a fiscal-year number. */
export function fiscalYearHover(fiscalYear: number): string {
    const fy = fiscalYearPeriod(fiscalYear);
    return `**FY${fiscalYear}**: the Japanese fiscal year from 1 April ${fiscalYear} to 31 March ${fiscalYear + 1} (${fy.start} to ${fy.end}).`;
}
