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
import { envelopeHover, exceptionRuleHover, fiscalYearHover, programmeHover, templateHover } from './hover-declarations.js';
import { keywordTerm, termMarkdown, unknownTermMarkdown, vocabularyTerm } from './hover-terms.js';
import type { OsaLspServices } from './osa-lsp-module.js';
import { valuePositionOf, vocabularyOf } from './value-position.js';

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
        if (!leaf || leaf.hidden || offset < leaf.offset || offset > leaf.end) {
            return undefined;
        }
        const content = this.tokenContent(document, leaf);
        return content ? this.hoverFor(content, leaf) : undefined;
    }

    /** Declarations reached through Langium's default path (e.g. a reference resolved elsewhere). */
    protected getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        return this.declarationContent(node);
    }

    /** The hover text for one token, decided by where it stands: a keyword, or the value of which property. */
    protected tokenContent(document: LangiumDocument, leaf: CstNode): string | undefined {
        const source = leaf.grammarSource;
        if (GrammarAST.isKeyword(source)) {
            const rule = AstUtils.getContainerOfType(source, GrammarAST.isParserRule)?.name;
            if (rule === 'StatusValue') {
                // `status decided`: the word is a lifecycle stage here, not the keyword of the decision's date.
                const stage = vocabularyTerm('lifecycle-status', source.value);
                return stage ? termMarkdown(stage) : undefined;
            }
            const term = keywordTerm(rule === 'Amount' ? leaf.astNode.$container?.$type : rule, source.value);
            return term ? termMarkdown(term) : undefined;
        }
        const position = valuePositionOf(leaf);
        if (!position) {
            return undefined;
        }
        const { node, feature, written } = position;
        if (isUnknownStatement(node)) {
            return feature === 'keyword' ? unknownStatementHover(node.keyword, node.$container?.$type) : undefined;
        }
        const vocabulary = vocabularyOf(position.spec);
        if (vocabulary && written) {
            if (written.kind !== 'name') {
                return undefined;
            }
            const terms = this.osa.osa.Config.termsFor(document.uri.fsPath);
            const term = vocabularyTerm(vocabulary, written.value, terms);
            return term ? termMarkdown(term) + contextNote(node, terms) : unknownTermMarkdown(vocabulary, written.value, terms);
        }
        if (isOperation(node) && feature === 'name') {
            return operationHover(referenceForDocument(this.osa, document), node);
        }
        if (isFundingShare(node) && feature === 'year') {
            return fiscalYearContent(written);
        }
        if (isOperation(node) && feature === 'areas') {
            // A country of operation: the recipient's hover, over the same span, for the checks OSA301–OSA303 make there.
            const code = written?.kind === 'name' ? written.value : undefined;
            return code ? countryHover(referenceForDocument(this.osa, document), code, AstUtils.getContainerOfType(node, isProgramme), 'area') : undefined;
        }
        if (isProgramme(node)) {
            switch (feature) {
                case 'recipients': {
                    const code = written?.kind === 'name' ? written.value : undefined;
                    return code ? countryHover(referenceForDocument(this.osa, document), code, node) : undefined;
                }
                case 'name':
                    return programmeHover(this.osa, node);
                case 'fiscalYears':
                    return fiscalYearContent(written);
                case 'predecessors': {
                    const reference = node.predecessors[position.index];
                    return reference?.ref ? programmeHover(this.osa, reference.ref) : this.unresolved('programme', reference?.$refText);
                }
                case 'envelopes': {
                    const reference = node.envelopes[position.index];
                    return reference?.ref ? envelopeHover(this.osa, reference.ref) : this.unresolved('budget envelope', reference?.$refText);
                }
            }
        } else if (isAgreement(node) && feature === 'templates') {
            const reference = node.templates[position.index];
            return reference?.ref ? templateHover(this.osa, reference.ref) : this.unresolved('agreement template', reference?.$refText);
        } else if (isException(node) && feature === 'rule') {
            return exceptionRuleHover(node);
        } else if ((isAgreementTemplate(node) || isBudgetEnvelope(node)) && feature === 'name') {
            return this.declarationContent(node);
        } else if (isBudgetEnvelope(node) && feature === 'fiscalYears') {
            return fiscalYearContent(written);
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

    protected unresolved(what: string, name: string | undefined): string | undefined {
        return name ? `No ${what} named **${md(name)}** is declared in the workspace.` : undefined;
    }

    protected hoverFor(content: string, leaf?: CstNode): Hover | undefined {
        return { contents: { kind: 'markdown', value: content }, range: leaf?.range };
    }
}

/** What the term means where it stands: an activity declared under a field it does not belong to. */
function contextNote(node: AstNode, terms: Terms): string {
    if (isActivity(node)) {
        const field = activityInfoOf(node, terms)?.info.field;
        const declaredUnder = fieldNameOf(node.$container);
        if (field && declaredUnder && field !== declaredUnder) {
            return `\n\nDeclared here under \`${declaredUnder}\`, not \`${field}\`: OSA204.`;
        }
    }
    return '';
}

function fiscalYearContent(written: WrittenValue | undefined): string | undefined {
    const decoded = written ? decodeFiscalYear(written) : undefined;
    return decoded?.ok ? fiscalYearHover(decoded.value) : undefined;
}

/** A word where a property belongs that the language does not know: which properties it may stand for. */
function unknownStatementHover(word: string, containerType: string | undefined): string {
    const keywords = containerType && containerType !== 'Model' ? statementKeywords(containerType) : [...DECLARATION_KEYWORDS];
    const suggestions = suggestKeywords(word, keywords);
    return [
        `**${word}** is not a property the language knows here, so what follows it is not checked.`,
        '',
        suggestions.length > 0
            ? `Did you mean ${suggestions.map(s => `\`${s}\``).join(' or ')}?`
            : `Properties here: ${keywords.map(k => `\`${k}\``).join(', ')}.`
    ].join('\n');
}
