/** Completion: Langium's keyword and reference completion, plus OSA's vocabularies and snippets. */
import { AstUtils, GrammarAST, URI, type AstNodeDescription, type LangiumDocument, type MaybePromise, type ReferenceInfo, type TextDocument } from 'langium';
import {
    DefaultCompletionProvider, findNextFeatures, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type InsertReplaceEdit, type TextEdit } from 'vscode-languageserver';
import {
    isAgreementTemplate, isBudgetEnvelope, isModel, isProgramme, type AgreementTemplate
} from '../generated/ast.js';
import { amountOf, fiscalYearOf } from '../model/facts.js';
import { lastDeclarationStartingBefore } from './declaration-at.js';
import { fiscalYearPeriod, GOVERNMENT_SCOPES, type ReferenceData } from '../reference/reference-data.js';
import { checkedSpan } from '../rules/programme-facts.js';
import { ALL_RULES } from '../rules/index.js';
import { formatAmount } from '../util/text.js';
import { LIFECYCLE_STATUSES, type LifecycleStatus, type VocabularyId } from '../vocabulary.js';
import {
    defaultFiscalYear, defaultRecipient, expandSnippet, PREFERRED_TEMPLATE, programmeSkeleton, SKELETON_LABEL,
    templateComplies, uniqueProgrammeId
} from './completion-snippet.js';
import { dacCategoryName, referenceForDocument } from './hover-country.js';
import { envelopeHover, ruleMarkdown, templateHover } from './hover-declarations.js';
import { keywordTerm, termMarkdown, vocabularyTerm } from './hover-terms.js';
import type { OsaLspServices } from './osa-lsp-module.js';
import { valueTypedAfter } from './value-position.js';
import { compareCodePoints } from '../util/order.js';
import type { Locale } from '../i18n/index.js';
import { sayer } from './editor-text.js';

export class OsaCompletionProvider extends DefaultCompletionProvider {
    constructor(protected readonly osa: OsaLspServices) {
        super(osa);
    }

    /**
     * What may follow at `offset`. Langium parses the whole text before it, which on a 5,000-line file was most of
     * a completion's time. A top-level declaration always starts where the entry rule's `(elements+=Element)*`
     * loop starts an element, so parsing from the start of the declaration holding `offset` ends in the same state
     * (and a syntax error in an earlier declaration no longer stops completion in a later one).
     */
    protected override findFeaturesAt(textDocument: TextDocument, offset: number): NextFeature[] {
        const start = this.declarationStart(textDocument, offset);
        if (start === undefined) {
            return super.findFeaturesAt(textDocument, offset);
        }
        const parsed = this.completionParser.parse(textDocument.getText().slice(start, offset));
        if (parsed.tokenIndex === 0) {
            return super.findFeaturesAt(textDocument, offset);
        }
        return findNextFeatures([parsed.elementStack.map(feature => ({ feature }))], parsed.tokens.slice(parsed.tokenIndex));
    }

    /** The offset of the top-level declaration that holds `offset` (not at its very start), when the parse is current. */
    private declarationStart(textDocument: TextDocument, offset: number): number | undefined {
        const document = this.osa.shared.workspace.LangiumDocuments.getDocument(URI.parse(textDocument.uri));
        const root = document?.textDocument === textDocument ? document.parseResult.value : undefined;
        if (!isModel(root)) {
            return undefined;
        }
        const found = lastDeclarationStartingBefore(root, offset);
        const cst = found === undefined ? undefined : root.elements[found].$cstNode;
        return cst && cst.offset > 0 && offset <= cst.end ? cst.offset : undefined;
    }

    /** The locale completion documentation is written in: the server's. */
    protected get locale(): Locale {
        return this.osa.osa.Localizer.locale;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        // A value position: Langium offers the `Value` rule's terminals (ID, NUMBER, ...) with the assignment's
        // property. Which declaration it belongs to is told from the token before it; answer once, on ID.
        if (GrammarAST.isRuleCall(next.feature) && next.feature.rule.ref?.name === 'ID' && next.property) {
            const value = valueTypedAfter(this.lastParsedElement(context), next.property)?.spec?.value;
            switch (value?.type) {
                case 'country':
                    return this.completeCountries(context, acceptor);
                case 'rule-id':
                    return this.completeRuleIds(context, acceptor);
                case 'term':
                    return this.completeTerms(context, value.vocabulary, acceptor);
                case 'peace-operation':
                    return this.completeOperations(context, acceptor);
            }
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    /** Keywords keep Langium's items, with what they mean and the clause that governs them. */
    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) {
            return;
        }
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        // The words an unknown statement's block may hold are not statements of their own.
        if (rule === 'Keyword' || rule === 'Block') {
            return;
        }
        // `decided`, `signed` and `delivered` after `status` are stages, offered with the other terms (completeTerms).
        if (rule === 'StatusValue') {
            return;
        }
        const inEnvelope = context.node !== undefined && AstUtils.getContainerOfType(context.node, isBudgetEnvelope) !== undefined;
        const term = keywordTerm(rule === 'Amount' ? (inEnvelope ? 'BudgetEnvelope' : 'Programme') : rule, keyword.value, this.locale);
        acceptor(context, {
            label: keyword.value,
            kind: this.getKeywordCompletionItemKind(keyword),
            detail: term?.detail ?? sayer(this.locale)('completion.keyword'),
            documentation: term ? { kind: 'markdown', value: termMarkdown(term) } : undefined,
            sortText: '1'
        });
        if (keyword.value === 'programme' && rule === 'Programme') {
            this.completeSkeleton(context, acceptor);
        }
    }

    private lastParsed?: { key: string; element: GrammarAST.AbstractElement | undefined };

    /**
     * The grammar element of the last token before the one being completed, from the completion parser (the
     * document's own syntax tree may have dropped it: `category` followed by `}` is a parse error there).
     */
    protected lastParsedElement(context: CompletionContext): GrammarAST.AbstractElement | undefined {
        const key = `${context.document.uri.toString()}@${context.textDocument.version}:${context.tokenOffset}`;
        if (this.lastParsed?.key !== key) {
            const text = context.textDocument.getText().substring(0, context.tokenOffset);
            this.lastParsed = { key, element: this.completionParser.parse(text).elementStack.at(-1) };
        }
        return this.lastParsed.element;
    }

    // ---- terms of a vocabulary -------------------------------------------------------------------

    /** The terms of the vocabulary the property takes, with their meaning; terms the guidelines exclude come last. */
    protected completeTerms(context: CompletionContext, vocabulary: VocabularyId, acceptor: CompletionAcceptor): void {
        const terms = this.osa.osa.Config.termsFor(context.document.uri.fsPath);
        const locale = this.locale;
        for (const [term] of terms.entries(vocabulary)) {
            const doc = vocabularyTerm(vocabulary, term, terms, locale);
            acceptor(context, {
                label: term,
                kind: CompletionItemKind.EnumMember,
                detail: doc?.detail ?? sayer(locale)(`vocabulary.label.${vocabulary}`),
                documentation: doc ? { kind: 'markdown', value: termMarkdown(doc) } : undefined,
                // Stages in lifecycle order, not alphabetical.
                sortText: (doc && !doc.allowed ? '2' : '1') + (vocabulary === 'lifecycle-status' ? `-${LIFECYCLE_STATUSES[term as LifecycleStatus].rank}` : ''),
                textEdit: this.replaceTyped(context, term)
            });
        }
    }

    // ---- operation: UN peace operations ------------------------------------------------------------

    /** The UN operations of the reference data; those running during the programme first. */
    protected completeOperations(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const reference = referenceForDocument(this.osa, context.document);
        const programme = context.node ? AstUtils.getContainerOfType(context.node, isProgramme) : undefined;
        const span = programme ? checkedSpan(programme) : undefined;
        const today = new Date().toISOString().slice(0, 10);
        const { start, end } = span ?? { start: today, end: today };
        const say = sayer(this.locale);
        for (const operation of reference.data.peaceOperations.operations) {
            const running = operation.established <= end && (operation.ended === null || operation.ended >= start);
            const countries = operation.countries.map(code => reference.country(code)?.name ?? code).join(', ');
            acceptor(context, {
                label: operation.id,
                kind: CompletionItemKind.Value,
                detail: operation.name,
                labelDetails: { description: `${countries} · ${operation.ended ? say('completion.operation.ended', { date: operation.ended }) : say('completion.operation.running')}` },
                documentation: {
                    kind: 'markdown',
                    value: [`**${operation.id}** · ${operation.name}`, '', say('completion.operation', {
                        countries, established: operation.established, ended: operation.ended ? say('operation.ended', { date: operation.ended }) : '', resolutions: operation.resolutions.join(', ')
                    }), ...(operation.verify ? ['', say('completion.operation.verify', { verify: operation.verify })] : [])].join('\n')
                },
                filterText: `${operation.id} ${operation.name} ${countries}`,
                sortText: `${running ? 0 : 1}${operation.kind === 'peacekeeping' ? 0 : 1}-${operation.id}`,
                textEdit: this.replaceTyped(context, operation.id)
            });
        }
    }

    // ---- recipient: countries ------------------------------------------------------------------

    protected completeCountries(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const reference = referenceForDocument(this.osa, context.document);
        const programme = context.node ? AstUtils.getContainerOfType(context.node, isProgramme) : undefined;
        const fiscalYear = (programme && fiscalYearOf(programme)) ?? defaultFiscalYear(reference);
        const { start, end } = fiscalYearPeriod(fiscalYear);
        const typed = this.typedText(context);
        // Read once per list, not per country: the locale comes through the services' proxy, and these texts are the same for every item.
        const locale = this.locale;
        const say = sayer(locale);
        const embargo = say('completion.country.embargo');
        const conflictParty = say('completion.country.conflictParty');
        const inCombat = say('completion.country.inCombat');
        for (const country of reference.allCountries()) {
            if (!matchesCountry(typed, country)) {
                continue;
            }
            const status = reference.dacStatus(country.alpha3, start);
            const flags: string[] = [];
            if (reference.embargoesDuring(country.alpha3, start, end).some(e => GOVERNMENT_SCOPES.has(e.scope))) {
                flags.push(embargo);
            }
            if (reference.conflictPartyDuring(country.alpha3, start, end).length > 0) {
                flags.push(conflictParty);
            }
            if (reference.inCombatDuring(country.alpha3, start, end).length > 0) {
                flags.push(inCombat);
            }
            const dac = status.listed
                ? `DAC ${status.recipient!.category}`
                : status.graduatedBy ? say('completion.country.graduated', { date: String(status.graduatedBy.effective) }) : say('completion.country.notListed');
            const documentation = [
                `**${country.name}** (\`${country.alpha3}\`)`,
                '',
                status.listed
                    ? say('completion.country.listed', { edition: status.edition.id, fy: fiscalYear, category: status.recipient!.category, name: dacCategoryName(status.recipient!.category, locale) })
                    : say('completion.country.notListed.doc', { edition: status.edition.id, fy: fiscalYear }),
                ...(flags.length > 0 ? ['', say('completion.country.flags', { fy: fiscalYear, flags: flags.join('; ') })] : [])
            ].join('\n');
            // Listed countries first; of those, the ones the §3(1) checks leave clear.
            const rank = status.listed ? (flags.length === 0 ? 0 : 1) : 2;
            acceptor(context, {
                label: country.alpha3,
                kind: CompletionItemKind.Value,
                detail: country.name,
                labelDetails: { description: flags.length > 0 ? `${dac} · ${flags.map(f => f.replace(/ \(.*\)$/, '')).join(', ')}` : dac },
                documentation: { kind: 'markdown', value: documentation },
                filterText: `${country.alpha3} ${country.name} ${country.alpha2}`,
                sortText: `0${rank}-${country.alpha3}`,
                textEdit: this.replaceTyped(context, country.alpha3)
            });
        }
    }

    // ---- exception: rule ids -------------------------------------------------------------------

    protected completeRuleIds(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const typed = this.typedText(context).toUpperCase();
        const say = sayer(this.locale);
        for (const rule of ALL_RULES) {
            if (typed && !rule.id.startsWith(typed) && !rule.name.toUpperCase().includes(typed)) {
                continue;
            }
            acceptor(context, {
                label: rule.id,
                kind: CompletionItemKind.Constant,
                detail: `${rule.name} · ${rule.clause}`,
                labelDetails: {
                    description: rule.exceptionSeverity
                        ? say('completion.rule.exception', { severity: say(`hover.severity.${rule.exceptionSeverity}`) })
                        : rule.partialExceptionSeverity
                            ? say('completion.rule.partialException', { severity: say(`hover.severity.${rule.partialExceptionSeverity}`) })
                            : say('completion.rule.noException')
                },
                documentation: { kind: 'markdown', value: ruleMarkdown(rule, this.locale) },
                filterText: `${rule.id} ${rule.name}`,
                // The rules that take an exception first.
                sortText: `0${rule.exceptionSeverity || rule.partialExceptionSeverity ? 0 : 1}-${rule.id}`,
                textEdit: this.replaceTyped(context, rule.id)
            });
        }
    }

    // ---- references: templates and envelopes ----------------------------------------------------

    protected override createReferenceCompletionItem(nodeDescription: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(nodeDescription, refInfo, context);
        const node = nodeDescription.node ?? this.loadNode(nodeDescription);
        const say = sayer(this.locale);
        if (isAgreementTemplate(node)) {
            return {
                ...item,
                detail: say('completion.template', { count: node.clauses.length, complies: templateComplies(node) ? say('completion.template.complies') : '' }),
                documentation: { kind: 'markdown', value: templateHover(this.osa, node) },
                sortText: `0${templateComplies(node) ? 0 : 1}-${node.name}`
            };
        }
        if (isBudgetEnvelope(node)) {
            const programme = AstUtils.getContainerOfType(refInfo.container, isProgramme);
            const fiscalYear = fiscalYearOf(node);
            const sameYear = programme !== undefined && fiscalYear !== undefined && fiscalYearOf(programme) === fiscalYear;
            const money = amountOf(node);
            const amount = money ? ` · ${formatAmount(money.value, money.currency)}` : '';
            return {
                ...item,
                detail: say('completion.envelope', { fy: fiscalYear !== undefined ? ` FY${fiscalYear}` : '', amount }),
                documentation: { kind: 'markdown', value: envelopeHover(this.osa, node) },
                // The envelope of the programme's own fiscal year first (another year's is an error).
                sortText: `0${sameYear ? 0 : 1}-${node.name}`
            };
        }
        return item;
    }

    private loadNode(description: AstNodeDescription) {
        const document = this.osa.shared.workspace.LangiumDocuments.getDocument(description.documentUri);
        return document ? this.osa.workspace.AstNodeLocator.getAstNode(document.parseResult.value, description.path) : undefined;
    }

    // ---- top level: the compliant skeleton ------------------------------------------------------

    protected completeSkeleton(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const typed = this.typedText(context).toLowerCase();
        if (typed && !'programme'.startsWith(typed) && !'osa'.startsWith(typed)) {
            return;
        }
        const snippet = this.skeletonFor(context.document);
        const say = sayer(this.locale);
        acceptor(context, {
            label: this.locale === 'en' ? SKELETON_LABEL : say('completion.skeleton.label'),
            kind: CompletionItemKind.Snippet,
            detail: say('completion.skeleton.detail'),
            documentation: { kind: 'markdown', value: [say('completion.skeleton.doc'), '', '```osa', expandSnippet(snippet), '```'].join('\n') },
            filterText: 'programme OSA skeleton',
            insertTextFormat: InsertTextFormat.Snippet,
            sortText: '0',
            textEdit: this.replaceTyped(context, snippet)
        });
    }

    /** The skeleton with defaults that fit the document's reference data and workspace. */
    skeletonFor(document: LangiumDocument): string {
        const reference: ReferenceData = referenceForDocument(this.osa, document);
        const fiscalYear = defaultFiscalYear(reference);
        const recipient = defaultRecipient(reference, fiscalYear);
        const view = this.osa.osa.WorkspaceView.viewFor(document);
        const model = document.parseResult.value;
        const localIds = new Set(isModel(model) ? model.elements.filter(isProgramme).map(p => p.name) : []);
        const id = uniqueProgrammeId(`OSA-FY${fiscalYear}-${recipient}`, name => view.programmesByName.has(name) || localIds.has(name));
        return programmeSkeleton({
            id, fiscalYear, recipient,
            recipientName: reference.country(recipient)?.name,
            template: this.skeletonTemplate(document),
            locale: this.locale
        });
    }

    /** StandardExchangeOfNotes when it is in scope, else a template with every §3(3) clause, else none. */
    private skeletonTemplate(document: LangiumDocument): string | undefined {
        const templates: AgreementTemplate[] = [];
        for (const description of this.osa.shared.workspace.IndexManager.allElements('AgreementTemplate')) {
            const node = description.node ?? this.loadNode(description);
            if (isAgreementTemplate(node)) {
                templates.push(node);
            }
        }
        // Templates of the document's own workspace (the same osa.config.json) are the ones its programmes use.
        const workspace = this.osa.osa.Config.configFileFor(document.uri.fsPath);
        const local = templates.filter(t => this.osa.osa.Config.configFileFor(AstUtils.getDocument(t).uri.fsPath) === workspace);
        const standard = local.find(t => t.name === PREFERRED_TEMPLATE);
        if (standard) {
            return standard.name;
        }
        return local.filter(templateComplies).sort((a, b) => compareCodePoints(a.name, b.name))[0]?.name;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** What the user has typed of the token being completed. */
    protected typedText(context: CompletionContext): string {
        return context.textDocument.getText().substring(context.tokenOffset, context.offset);
    }

    /** Replaces what has been typed of the token with `newText` (or the whole token, in the client's replace mode). */
    protected replaceTyped(context: CompletionContext, newText: string): TextEdit | InsertReplaceEdit {
        const start = context.textDocument.positionAt(context.tokenOffset);
        if (this.clientCapabilities?.completionItem?.insertReplaceSupport) {
            const tokenEnd = context.textDocument.positionAt(Math.max(context.tokenEndOffset, context.offset));
            return { newText, insert: { start, end: context.position }, replace: { start, end: tokenEnd } };
        }
        return { newText, range: { start, end: context.position } };
    }
}

/** "phl", "PH", "Phil", "philippines", "korea" (any word of the name) all find PHL or PRK. */
function matchesCountry(typed: string, country: { alpha3: string; alpha2: string; name: string }): boolean {
    if (!typed) {
        return true;
    }
    const query = typed.toLowerCase();
    return country.alpha3.toLowerCase().startsWith(query)
        || country.alpha2.toLowerCase() === query
        || country.name.toLowerCase().split(/[\s,()'.-]+/).some(word => word.startsWith(query))
        || country.name.toLowerCase().startsWith(query);
}
