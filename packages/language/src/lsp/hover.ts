/** Hovers: country facts, vocabulary meanings with their clause, a programme's compliance summary. */
import { AstUtils, CstUtils, GrammarAST, type AstNode, type CstNode, type LangiumDocument, type MaybePromise } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver';
import {
    isActivity, isAgreement, isAgreementTemplate, isBudgetEnvelope, isException, isProgramme
} from '../generated/ast.js';
import { ACTIVITIES } from '../vocabulary.js';
import { countryHover, referenceForDocument } from './hover-country.js';
import { envelopeHover, exceptionRuleHover, fiscalYearHover, programmeHover, templateHover } from './hover-declarations.js';
import { keywordTerm, termMarkdown, VOCABULARY_RULES, vocabularyTerm } from './hover-terms.js';
import type { OsaLspServices } from './osa-lsp-module.js';

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

    /** The hover text for one token, decided by where the grammar put it. */
    protected tokenContent(document: LangiumDocument, leaf: CstNode): string | undefined {
        const source = leaf.grammarSource;
        if (GrammarAST.isKeyword(source)) {
            const rule = AstUtils.getContainerOfType(source, GrammarAST.isParserRule)?.name;
            const term = rule && VOCABULARY_RULES.has(rule)
                ? vocabularyTerm(rule, source.value)
                : keywordTerm(rule === 'Amount' ? leaf.astNode.$container?.$type : rule, source.value);
            return term ? termMarkdown(term) + contextNote(leaf.astNode, rule) : undefined;
        }
        const feature = assignedFeature(leaf);
        if (!feature) {
            return undefined;
        }
        const node = leaf.astNode;
        if (isProgramme(node)) {
            switch (feature) {
                case 'recipient':
                    return node.recipient ? countryHover(referenceForDocument(this.osa, document), node.recipient, node) : undefined;
                case 'name':
                    return programmeHover(this.osa, node);
                case 'fiscalYear':
                    return node.fiscalYear !== undefined ? fiscalYearHover(node.fiscalYear) : undefined;
                case 'envelope':
                    return node.envelope?.ref ? envelopeHover(this.osa, node.envelope.ref) : this.unresolved('budget envelope', node.envelope?.$refText);
            }
        } else if (isAgreement(node) && feature === 'template') {
            return node.template?.ref ? templateHover(this.osa, node.template.ref) : this.unresolved('agreement template', node.template?.$refText);
        } else if (isException(node) && feature === 'rule') {
            return exceptionRuleHover(node);
        } else if ((isAgreementTemplate(node) || isBudgetEnvelope(node)) && feature === 'name') {
            return this.declarationContent(node);
        } else if (isBudgetEnvelope(node) && feature === 'fiscalYear' && node.fiscalYear !== undefined) {
            return fiscalYearHover(node.fiscalYear);
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
        return name ? `No ${what} named **${name}** is declared in the workspace.` : undefined;
    }

    protected hoverFor(content: string, leaf?: CstNode): Hover | undefined {
        return { contents: { kind: 'markdown', value: content }, range: leaf?.range };
    }
}

/** What the term means where it stands: an activity declared under a field it does not belong to. */
function contextNote(node: AstNode, rule: string | undefined): string {
    if (rule === 'ActivityName' && isActivity(node)) {
        const field = ACTIVITIES[node.name]?.field;
        const declaredUnder = node.$container.name;
        if (field && declaredUnder && field !== declaredUnder) {
            return `\n\nDeclared here under \`${declaredUnder}\`, not \`${field}\`: OSA204.`;
        }
    }
    return '';
}

/** The grammar assignment (`recipient=Identifier`, `name=…`, `envelope=[…]`) a token belongs to. */
function assignedFeature(leaf: CstNode): string | undefined {
    for (let node: CstNode | undefined = leaf; node && node.astNode === leaf.astNode; node = node.container) {
        const assignment = AstUtils.getContainerOfType(node.grammarSource, GrammarAST.isAssignment);
        if (assignment) {
            return assignment.feature;
        }
    }
    return undefined;
}
