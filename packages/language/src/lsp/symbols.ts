/**
 * Symbols: the outline of a file and the kinds of OSA's declarations.
 *
 * - `OsaNodeKindProvider` (shared service) gives each declaration a SymbolKind and CompletionItemKind:
 *   programmes are modules, agreement templates interfaces (programmes' agreements "implement" them),
 *   budget envelopes constants. Langium's workspace symbols (every programme, template and envelope of
 *   the workspace, from the index) and reference completion use it.
 * - `OsaFuzzyMatcher` (shared service) lets a query match at the start of every hyphen-separated part
 *   of a name, so that `PHL` or `budget` finds OSA-FY2024-PHL and OSA-BUDGET-FY2024 in the workspace
 *   symbol search (Langium's matcher only knows camelCase and snake_case word starts).
 * - `OsaDocumentSymbolProvider` builds the outline: programmes (id, with the title as detail) with their
 *   fields and activities, items, assessment topics, agreement clauses and exceptions; templates with
 *   their clauses; envelopes with fiscal year and amount. Langium's default outline lists every node
 *   with a `name` property, which here would include vocabulary terms but not the assessment or the
 *   agreement, and has no details.
 */
import { DEFAULT_LOCALE, type Locale } from '../i18n/index.js';
import { sayer, type Say } from './editor-text.js';
import { GrammarUtils, isAstNodeDescription, type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument, type MaybePromise } from 'langium';
import { DefaultFuzzyMatcher, DefaultNodeKindProvider, type DocumentSymbolProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import {
    isAgreementTemplate, isBudgetEnvelope, isProgramme,
    type Agreement, type AgreementTemplate, type Assessment, type BudgetEnvelope, type Clause, type Exception,
    type FieldDeclaration, type Item, type Model, type Monitoring, type Programme
} from '../generated/ast.js';
import {
    agreementKindOf, amountOf, assessmentOf, agreementOf, clauseResultsOf, clauseTextOf, descriptionOf, fiscalYearOf, isArmedAfterDelivery,
    isDefenseEquipment, itemCategoryOf, itemPurposeOf, itemQuantityOf, justificationOf, monitoringResultsOf, resultsDisclosureOf,
    resultsTextOf, signedOf, titleOf, topicOnFile, topicTextOf, visitTextOf
} from '../model/facts.js';
import { firstNodeForProperty } from '../model/ast-walk.js';
import { firstValue } from '../model/values.js';

/** A value as written (a misspelt term too: the outline shows what is there). */
function written(node: AstNode, feature: string): string | undefined {
    return firstValue(node, feature)?.value;
}

const SYMBOL_KINDS: Record<string, SymbolKind> = {
    Programme: SymbolKind.Module,
    AgreementTemplate: SymbolKind.Interface,
    BudgetEnvelope: SymbolKind.Constant,
    FieldDeclaration: SymbolKind.Enum,
    Activity: SymbolKind.EnumMember,
    Item: SymbolKind.Package,
    Assessment: SymbolKind.Object,
    AssessmentTopic: SymbolKind.Property,
    Agreement: SymbolKind.Object,
    Clause: SymbolKind.Property,
    Exception: SymbolKind.Event,
    Monitoring: SymbolKind.Object,
    MonitoringVisit: SymbolKind.Event,
    MonitoringResults: SymbolKind.Property
};

const COMPLETION_KINDS: Record<string, CompletionItemKind> = {
    Programme: CompletionItemKind.Module,
    AgreementTemplate: CompletionItemKind.Interface,
    BudgetEnvelope: CompletionItemKind.Constant
};

export class OsaNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? super.getCompletionItemKind(node);
    }
}

const HYPHEN = '-'.charCodeAt(0);

export class OsaFuzzyMatcher extends DefaultFuzzyMatcher {
    override isWordTransition(previous: number, current: number): boolean {
        return super.isWordTransition(previous, current) || (previous === HYPHEN && current !== HYPHEN);
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return isAstNodeDescription(node) ? node.type : node.$type;
}

export class OsaDocumentSymbolProvider implements DocumentSymbolProvider {
    /** `localizer`: the locale of the details written in words (English without one). */
    constructor(private readonly localizer?: { readonly locale: Locale }) { }

    protected get say(): Say {
        return sayer(this.localizer?.locale ?? DEFAULT_LOCALE);
    }

    getSymbols(document: LangiumDocument, _params: DocumentSymbolParams): MaybePromise<DocumentSymbol[]> {
        const model = document.parseResult.value as Model;
        const symbols: DocumentSymbol[] = [];
        for (const element of model.elements ?? []) {
            const symbol = isProgramme(element) ? this.programme(element)
                : isAgreementTemplate(element) ? this.template(element)
                    : isBudgetEnvelope(element) ? this.envelope(element)
                        : undefined;
            if (symbol) {
                symbols.push(symbol);
            }
        }
        return symbols;
    }

    protected programme(programme: Programme): DocumentSymbol | undefined {
        const assessment = assessmentOf(programme);
        const agreement = agreementOf(programme);
        const children = [
            ...programme.fields.map(f => this.field(f)),
            ...programme.items.map(i => this.item(i)),
            assessment && this.assessment(assessment),
            agreement && this.agreement(agreement),
            ...programme.exceptions.map(e => this.exception(e)),
            ...programme.monitorings.slice(0, 1).map(m => this.monitoring(m))
        ];
        return this.symbol(programme, programme.name, titleOf(programme) ?? '', this.nameNode(programme, 'name'), children);
    }

    protected field(field: FieldDeclaration): DocumentSymbol | undefined {
        const activities = field.activities.map(a => this.symbol(a, written(a, 'name'), descriptionOf(a) ?? '', this.nameNode(a, 'name')));
        const operations = field.operations.map(o => written(o, 'name')).filter(Boolean);
        const detail = operations.length > 0 ? `operation: ${operations.join(', ')}` : descriptionOf(field) ?? '';
        return this.symbol(field, written(field, 'name'), detail, this.nameNode(field, 'name'), activities);
    }

    protected item(item: Item): DocumentSymbol | undefined {
        const quantity = itemQuantityOf(item);
        const purpose = itemPurposeOf(item);
        const detail = [
            quantity !== undefined ? `×${quantity}` : undefined,
            itemCategoryOf(item) ?? written(item, 'categories'),
            isDefenseEquipment(item) ? this.say(purpose ? 'symbol.defenseEquipmentFor' : 'symbol.defenseEquipment', { purpose: purpose ?? '' }) : purpose,
            isArmedAfterDelivery(item) ? this.say('symbol.armedAfterDelivery') : undefined
        ].filter(Boolean).join(' · ');
        return this.symbol(item, written(item, 'name'), detail, this.nameNode(item, 'name'));
    }

    protected assessment(assessment: Assessment): DocumentSymbol | undefined {
        const topics = assessment.topics.map(t => this.symbol(t, written(t, 'name'), `${topicOnFile(t) ? this.say('symbol.onFile') : ''}${topicTextOf(t) ?? ''}`, this.nameNode(t, 'name')));
        return this.symbol(assessment, 'assessment', this.say('symbol.topics', { count: new Set(assessment.topics.map(t => written(t, 'name'))).size }), this.keywordNode(assessment, 'assessment'), topics);
    }

    /** `monitoring` with a child per visit (its date, what was checked) and the results line. */
    protected monitoring(monitoring: Monitoring): DocumentSymbol | undefined {
        const results = monitoringResultsOf(monitoring);
        const disclosure = results && (resultsDisclosureOf(results) ?? written(results, 'disclosures'));
        const children = [
            ...monitoring.visits.map(v => this.symbol(v, written(v, 'dates'), visitTextOf(v) ?? '', this.nameNode(v, 'dates'))),
            results && this.symbol(results, 'results', [disclosure, resultsTextOf(results)].filter(Boolean).join(' · '), this.keywordNode(results, 'results'))
        ];
        const visits = this.say(monitoring.visits.length === 1 ? 'symbol.visits.one' : 'symbol.visits.other', { count: monitoring.visits.length });
        const detail = [visits, disclosure ? `results ${disclosure}` : this.say('symbol.resultsNotRecorded')].join(' · ');
        return this.symbol(monitoring, 'monitoring', detail, this.keywordNode(monitoring, 'monitoring'), children);
    }

    protected agreement(agreement: Agreement): DocumentSymbol | undefined {
        const signed = signedOf(agreement);
        const detail = [
            agreement.templates[0] ? `uses ${agreement.templates[0].$refText}` : undefined,
            agreementKindOf(agreement),
            signed ? `signed ${signed}` : undefined
        ].filter(Boolean).join(' · ');
        return this.symbol(agreement, 'agreement', detail, this.keywordNode(agreement, 'agreement'), agreement.clauses.map(c => this.clause(c)));
    }

    protected clause(clause: Clause): DocumentSymbol | undefined {
        const results = clauseResultsOf(clause);
        const detail = [results ? `results ${results}` : undefined, clauseTextOf(clause)].filter(Boolean).join(' · ');
        return this.symbol(clause, written(clause, 'name'), detail, this.nameNode(clause, 'name'));
    }

    protected exception(exception: Exception): DocumentSymbol | undefined {
        return this.symbol(exception, `exception ${written(exception, 'rule') ?? ''}`, justificationOf(exception) ?? '', this.nameNode(exception, 'rule'));
    }

    protected template(template: AgreementTemplate): DocumentSymbol | undefined {
        return this.symbol(template, template.name, titleOf(template) ?? agreementKindOf(template) ?? '', this.nameNode(template, 'name'), template.clauses.map(c => this.clause(c)));
    }

    protected envelope(envelope: BudgetEnvelope): DocumentSymbol | undefined {
        const fiscalYear = fiscalYearOf(envelope);
        const amount = amountOf(envelope);
        const detail = [
            fiscalYear !== undefined ? `FY${fiscalYear}` : undefined,
            amount ? `${amount.value.toLocaleString('en-US')} ${amount.currency}` : undefined
        ].filter(Boolean).join(' · ');
        return this.symbol(envelope, envelope.name, detail, this.nameNode(envelope, 'name'));
    }

    protected nameNode(node: AstNode, property: string): CstNode | undefined {
        return firstNodeForProperty(node.$cstNode, property);
    }

    protected keywordNode(node: AstNode, keyword: string): CstNode | undefined {
        return GrammarUtils.findNodeForKeyword(node.$cstNode, keyword);
    }

    /** A symbol; undefined for nodes without text (error recovery), whose children are dropped too. */
    protected symbol(node: AstNode, name: string | undefined, detail: string, selection: CstNode | undefined, children?: Array<DocumentSymbol | undefined>): DocumentSymbol | undefined {
        const cst = node.$cstNode;
        if (!cst || !name) {
            return undefined;
        }
        const kept = (children ?? []).filter((c): c is DocumentSymbol => c !== undefined)
            .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        return {
            name,
            detail,
            kind: SYMBOL_KINDS[node.$type] ?? SymbolKind.Field,
            range: cst.range,
            selectionRange: (selection ?? cst).range,
            ...(kept.length > 0 ? { children: kept } : {})
        };
    }
}
