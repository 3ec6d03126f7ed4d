/**
 * A document's summary: what rules that look across files need to know about it (its programmes and
 * budget envelopes, with where they are) and its suppression comments. Summaries are small, so the
 * CLI can validate files in batches and still check the whole workspace's budgets and ids.
 */
import { CstUtils, isLeafCstNode, type AstNode, type LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { isAgreementTemplate, isBudgetEnvelope, isModel, isProgramme, type Programme } from '../generated/ast.js';
import { firstNodeForProperty } from '../model/ast-walk.js';
import { amountNodeOf, amountOf, fiscalYearOf, ratesOf, statesMoney, statusOf, yearSharesOf, type Money } from '../model/facts.js';
import { parseSuppressionComment, type SuppressionDirective } from '../validation/suppressions.js';

export type { Money };

/** What the workspace rules need of a programme or a budget envelope: both have a fiscal year and an amount. */
export interface DeclarationSummary {
    name: string;
    fiscalYear?: number;
    amount?: Money;
    uri: string;
    nameRange: Range;
    amountRange?: Range;
    /** Programmes: the predecessor named by `continues`, and where (OSA410 follows the chain across files). */
    continues?: { name: string; range: Range };
    /** Envelopes: yen per unit of other currencies, exact, in millionths of a yen (decimal strings). */
    rates?: Record<string, string>;
    /** Programmes: the money by fiscal year (the `funding` shares, or `amount` as the fiscal year's one share). */
    shares?: ShareSummary[];
    /** Programmes: true when `status planned` (counted apart from decided programmes); no status counts as decided. */
    planned?: boolean;
    /** Programmes: true when `amount` or `funding` is stated at all, even with a value that does not decode. */
    moneyStated?: boolean;
    /** Programmes: the lifecycle status, when stated with a known term. */
    status?: string;
}

/** One fiscal year's share of a programme's money, with where it is written. */
export interface ShareSummary {
    fiscalYear: number;
    amount: Money;
    range: Range;
    /** True when it is a `funding` share, false when it is the programme's `amount`. */
    funding: boolean;
}

export type ProgrammeSummary = DeclarationSummary;
export type EnvelopeSummary = DeclarationSummary;

/** A declaration other files refer to by name (agreement templates; envelopes are summarised above). */
export interface NamedSummary {
    name: string;
    uri: string;
    nameRange: Range;
}

export interface DocumentSummary {
    uri: string;
    /** SHA-256 of the bytes summarised, when the run keeps a result cache (engine/result-cache.ts). */
    contentHash?: string;
    programmes: ProgrammeSummary[];
    envelopes: EnvelopeSummary[];
    templates: NamedSummary[];
    suppressions: SuppressionDirective[];
}

const EMPTY_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function rangeOf(node: AstNode, property: string): Range {
    return (firstNodeForProperty(node.$cstNode, property) ?? node.$cstNode)?.range ?? EMPTY_RANGE;
}

function programmeMoney(programme: Programme): Pick<DeclarationSummary, 'shares' | 'planned' | 'moneyStated' | 'status'> {
    const shares = yearSharesOf(programme).map(share => ({
        fiscalYear: share.fiscalYear,
        // Exact: decoded amounts are bounded far below 2^53 (MAX_PLAUSIBLE_AMOUNT).
        amount: { value: Number(share.amount), currency: share.currency },
        range: share.node.$cstNode?.range ?? EMPTY_RANGE,
        funding: share.node.$type === 'FundingShare'
    }));
    const status = statusOf(programme);
    return { shares, planned: status === 'planned', moneyStated: statesMoney(programme), ...(status ? { status } : {}) };
}

function predecessorLink(programme: Programme): { name: string; range: Range } {
    const reference = programme.predecessors[0];
    return { name: reference.$refText, range: reference.$refNode?.range ?? rangeOf(programme, 'predecessors') };
}

export function summarizeDocument(document: LangiumDocument): DocumentSummary {
    const uri = document.uri.toString();
    const summary: DocumentSummary = { uri, programmes: [], envelopes: [], templates: [], suppressions: [] };
    const model = document.parseResult.value;
    if (isModel(model)) {
        for (const element of model.elements) {
            if (isProgramme(element) || isBudgetEnvelope(element)) {
                const amountNode = amountNodeOf(element);
                const entry: DeclarationSummary = {
                    name: element.name,
                    fiscalYear: fiscalYearOf(element),
                    amount: amountOf(element),
                    uri,
                    nameRange: rangeOf(element, 'name'),
                    amountRange: amountNode?.$cstNode?.range,
                    ...(isBudgetEnvelope(element) && element.rates.length > 0 ? { rates: ratesOf(element) } : {}),
                    ...(isProgramme(element) ? programmeMoney(element) : {}),
                    ...(isProgramme(element) && element.predecessors.length > 0 ? { continues: predecessorLink(element) } : {})
                };
                (isProgramme(element) ? summary.programmes : summary.envelopes).push(entry);
            } else if (isAgreementTemplate(element)) {
                summary.templates.push({ name: element.name, uri, nameRange: rangeOf(element, 'name') });
            }
        }
    }
    summary.suppressions = suppressionsOf(document);
    return summary;
}

/** The document's suppression comments, in text order (the validator needs them alone, not the whole summary). */
export function suppressionsOf(document: LangiumDocument): SuppressionDirective[] {
    const suppressions: SuppressionDirective[] = [];
    const root = document.parseResult.value.$cstNode;
    // Walking every token is only worth it when the text has a suppression comment at all.
    if (root && document.textDocument.getText().includes('osa-disable')) {
        for (const node of CstUtils.streamCst(root)) {
            if (isLeafCstNode(node) && node.hidden && node.text.includes('osa-disable')) {
                const directive = parseSuppressionComment(node.text, node.range);
                if (directive) {
                    suppressions.push(directive);
                }
            }
        }
    }
    return suppressions;
}
