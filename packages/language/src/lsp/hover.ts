/** Hovers: country facts, vocabulary meanings with their clause, a programme's compliance summary. */
import { neutraliseMarkdownInline as md } from '../util/neutralise.js';
import { AstUtils, CstUtils, GrammarAST, type AstNode, type CstNode, type LangiumDocument, type MaybePromise } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver';
import {
    isActivity, isAgreement, isAgreementTemplate, isBudgetEnvelope, isException, isFundingShare, isOperation, isProgramme, isUnknownStatement
} from '../generated/ast.js';
import { activityInfoOf, fieldNameOf, suggestKeywords } from '../model/facts.js';
import { decodeFiscalYear, type WrittenValue } from '../model/values.js';
import { DECLARATION_KEYWORDS, statementKeywords } from '../model/properties.js';
import type { Terms } from '../vocabulary.js';
import { countryHover, operationHover, referenceForDocument } from './hover-country.js';
import { envelopeHover, exceptionRuleHover, fiscalYearHover, programmeHover, ruleMarkdown, templateHover } from './hover-declarations.js';
import { ruleById } from '../rules/index.js';
import { parseSuppressionComment } from '../validation/suppressions.js';
import { keywordTerm, termMarkdown, unknownTermMarkdown, vocabularyTerm } from './hover-terms.js';
import type { OsaLspServices } from './osa-lsp-module.js';
import { valuePositionOf, vocabularyOf } from './value-position.js';
import type { Locale } from '../i18n/index.js';
import { orList, sayer } from './editor-text.js';

export class OsaHoverProvider extends AstNodeHoverProvider {
    constructor(protected readonly osa: OsaLspServices) {
        super(osa);
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams, _cancelToken?: CancellationToken): Promise<Hover | undefined> {
        const root = document.parseResult?.value?.$cstNode;
        if (!root) {
            return undefined;
        }
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
        if (!leaf || offset < leaf.offset || offset > leaf.end) {
            return undefined;
        }
        if (leaf.hidden) {
            const content = this.suppressionContent(leaf, offset);
            return content ? this.hoverFor(content) : undefined;
        }
        const content = this.tokenContent(document, leaf);
        return content ? this.hoverFor(content, leaf) : undefined;
    }

    /** A rule id in a suppression comment (`// osa-disable-next-line OSA501 -- …`): what the rule checks. */
    protected suppressionContent(leaf: CstNode, offset: number): string | undefined {
        const directive = parseSuppressionComment(leaf.text, leaf.range);
        if (!directive) {
            return undefined;
        }
        // Only the word under the cursor, within the rule list (before `--`): the reason is the writer's prose.
        const listEnd = leaf.text.indexOf('--') >= 0 ? leaf.text.indexOf('--') : leaf.text.length;
        for (const match of leaf.text.slice(0, listEnd).matchAll(/OSA\d{3}/g)) {
            const start = leaf.offset + match.index;
            if (offset >= start && offset <= start + match[0].length) {
                const rule = ruleById(match[0]);
                return rule ? ruleMarkdown(rule, this.locale) : undefined;
            }
        }
        return undefined;
    }

    /** Declarations reached through Langium's default path (e.g. a reference resolved elsewhere). */
    protected getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        return this.declarationContent(node);
    }

    /** The locale hovers are written in: the server's. */
    protected get locale(): Locale {
        return this.osa.osa.Localizer.locale;
    }

    /** The hover text for one token, decided by where it stands: a keyword, or the value of which property. */
    protected tokenContent(document: LangiumDocument, leaf: CstNode): string | undefined {
        const locale = this.locale;
        const source = leaf.grammarSource;
        if (GrammarAST.isKeyword(source)) {
            const rule = AstUtils.getContainerOfType(source, GrammarAST.isParserRule)?.name;
            if (rule === 'StatusValue') {
                // `status decided`: the word is a lifecycle stage here, not the keyword of the decision's date.
                const stage = vocabularyTerm('lifecycle-status', source.value, undefined, locale);
                return stage ? termMarkdown(stage) : undefined;
            }
            const term = keywordTerm(rule === 'Amount' ? leaf.astNode.$container?.$type : rule, source.value, locale);
            return term ? termMarkdown(term) : undefined;
        }
        const position = valuePositionOf(leaf);
        if (!position) {
            return undefined;
        }
        const { node, feature, written } = position;
        if (isUnknownStatement(node)) {
            return feature === 'keyword' ? unknownStatementHover(node.keyword, node.$container?.$type, locale) : undefined;
        }
        const vocabulary = vocabularyOf(position.spec);
        if (vocabulary && written) {
            if (written.kind !== 'name') {
                return undefined;
            }
            const terms = this.osa.osa.Config.termsFor(document.uri.fsPath);
            const term = vocabularyTerm(vocabulary, written.value, terms, locale);
            return term ? termMarkdown(term) + contextNote(node, terms, locale) : unknownTermMarkdown(vocabulary, written.value, terms, locale);
        }
        if (isOperation(node) && feature === 'name') {
            return operationHover(referenceForDocument(this.osa, document), node, locale);
        }
        if (isFundingShare(node) && feature === 'year') {
            return fiscalYearContent(written, locale);
        }
        if (isOperation(node) && feature === 'areas') {
            // A country of operation: the recipient's hover, over the same span, for the checks OSA301–OSA303 make there.
            const code = written?.kind === 'name' ? written.value : undefined;
            return code ? countryHover(referenceForDocument(this.osa, document), code, AstUtils.getContainerOfType(node, isProgramme), 'area', locale) : undefined;
        }
        if (isProgramme(node)) {
            switch (feature) {
                case 'recipients': {
                    const code = written?.kind === 'name' ? written.value : undefined;
                    return code ? countryHover(referenceForDocument(this.osa, document), code, node, 'recipient', locale) : undefined;
                }
                case 'name':
                    return programmeHover(this.osa, node);
                case 'fiscalYears':
                    return fiscalYearContent(written, locale);
                case 'predecessors': {
                    const reference = node.predecessors[position.index];
                    return reference?.ref ? programmeHover(this.osa, reference.ref) : this.unresolved('hover.unresolved.programme', reference?.$refText);
                }
                case 'envelopes': {
                    const reference = node.envelopes[position.index];
                    return reference?.ref ? envelopeHover(this.osa, reference.ref) : this.unresolved('hover.unresolved.envelope', reference?.$refText);
                }
            }
        } else if (isAgreement(node) && feature === 'templates') {
            const reference = node.templates[position.index];
            return reference?.ref ? templateHover(this.osa, reference.ref) : this.unresolved('hover.unresolved.template', reference?.$refText);
        } else if (isException(node) && feature === 'rule') {
            return exceptionRuleHover(node, locale);
        } else if ((isAgreementTemplate(node) || isBudgetEnvelope(node)) && feature === 'name') {
            return this.declarationContent(node);
        } else if (isBudgetEnvelope(node) && feature === 'fiscalYears') {
            return fiscalYearContent(written, locale);
        }
        return undefined;
    }

    protected declarationContent(node: AstNode): string | undefined {
        if (isProgramme(node)) {
            return programmeHover(this.osa, node);
        }
        if (isAgreementTemplate(node)) {
            return templateHover(this.osa, node);
        }
        if (isBudgetEnvelope(node)) {
            return envelopeHover(this.osa, node);
        }
        return undefined;
    }

    protected unresolved(what: 'hover.unresolved.programme' | 'hover.unresolved.envelope' | 'hover.unresolved.template', name: string | undefined): string | undefined {
        return name ? sayer(this.locale)(what, { name: md(name) }) : undefined;
    }

    protected hoverFor(content: string, leaf?: CstNode): Hover | undefined {
        return { contents: { kind: 'markdown', value: content }, range: leaf?.range };
    }
}

/** What the term means where it stands: an activity declared under a field it does not belong to. */
function contextNote(node: AstNode, terms: Terms, locale: Locale): string {
    if (isActivity(node)) {
        const field = activityInfoOf(node, terms)?.info.field;
        const declaredUnder = fieldNameOf(node.$container);
        if (field && declaredUnder && field !== declaredUnder) {
            return `\n\n${sayer(locale)('hover.activityUnder', { declaredUnder, field })}`;
        }
    }
    return '';
}

function fiscalYearContent(written: WrittenValue | undefined, locale: Locale): string | undefined {
    const decoded = written ? decodeFiscalYear(written) : undefined;
    return decoded?.ok ? fiscalYearHover(decoded.value, locale) : undefined;
}

/** A word where a property belongs that the language does not know: which properties it may stand for. */
function unknownStatementHover(word: string, containerType: string | undefined, locale: Locale): string {
    const say = sayer(locale);
    const keywords = containerType && containerType !== 'Model' ? statementKeywords(containerType) : [...DECLARATION_KEYWORDS];
    const suggestions = suggestKeywords(word, keywords);
    return [
        say('hover.unknownStatement', { word }),
        '',
        suggestions.length > 0
            ? say('editor.didYouMean', { suggestions: orList(suggestions.map(s => `\`${s}\``), locale) })
            : say('hover.unknownStatement.properties', { keywords: keywords.map(k => `\`${k}\``).join(', ') })
    ].join('\n');
}
