/**
 * Semantic tokens, on top of the TextMate grammar (which colours keywords, strings and comments and is
 * left alone for those):
 *
 * | what                                               | token type   | modifiers                 |
 * |----------------------------------------------------|--------------|---------------------------|
 * | programme id, agreement template (declaration)     | `class`      | `declaration`             |
 * | agreement template after `uses`                     | `class`      |                           |
 * | budget envelope (declaration)                      | `variable`   | `declaration`, `readonly` |
 * | budget envelope after `funded-by`                  | `variable`   | `readonly`                |
 * | recipient country code (ISO 3166-1 alpha-3)        | `enumMember` | `defaultLibrary`          |
 * | vocabulary terms (fields, activities, categories, purposes, kinds, modality, clauses, assessment topics, `results` values, coordination bodies) | `enumMember` | |
 * | UN peace operation after `operation` (`UNMISS`)    | `enumMember` | `defaultLibrary`          |
 * | currency (`JPY`)                                   | `type`       |                           |
 * | rule id of an `exception`                          | `macro`      |                           |
 * | fiscal years, amounts, quantities, dates           | `number`     |                           |
 *
 * Terms are plain names in the grammar: a value is coloured by the property it stands in (model/properties.ts)
 * and only when it is a term of that property's vocabulary, so that a misspelt term does not look like a known
 * one. Marking terms `enumMember` tells values (`patrol-boat`) apart from the structure (`provide`, `category`).
 */
import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isAgreementTemplate, isBudgetEnvelope, isProgramme } from '../generated/ast.js';
import { propertiesOf, type PropertySpec } from '../model/properties.js';
import { writtenValues, type WrittenValue } from '../model/values.js';
import { isKnownTerm, type Terms } from '../vocabulary.js';
import type { OsaLspServices } from './osa-lsp-module.js';

const VOCABULARY = SemanticTokenTypes.enumMember;

type Token = { type: string; modifier?: string | string[] };

/** The token a written value of a property gets, if any; `terms` answers for a word the built-in tables do not know. */
function tokenFor(spec: PropertySpec, written: WrittenValue, terms: () => Terms): Token | undefined {
    const value = spec.value;
    switch (value.type) {
        case 'term':
            if (written.kind !== 'name' || !(isKnownTerm(value.vocabulary, written.value) || terms().addedTerm(value.vocabulary, written.value))) {
                return undefined;
            }
            return value.vocabulary === 'currency' ? { type: SemanticTokenTypes.type } : { type: VOCABULARY };
        case 'country':
            return written.kind === 'name' ? { type: SemanticTokenTypes.enumMember, modifier: SemanticTokenModifiers.defaultLibrary } : undefined;
        case 'peace-operation':
            return written.kind === 'name' ? { type: SemanticTokenTypes.enumMember, modifier: SemanticTokenModifiers.defaultLibrary } : undefined;
        case 'rule-id':
            return written.kind === 'name' ? { type: SemanticTokenTypes.macro } : undefined;
        case 'fiscal-year':
        case 'date':
        case 'amount':
        case 'quantity':
        case 'rate':
            return written.kind === 'number' || written.kind === 'date' ? { type: SemanticTokenTypes.number } : undefined;
        default:
            return undefined;
    }
}

export class OsaSemanticTokenProvider extends AbstractSemanticTokenProvider {
    constructor(protected readonly osa: OsaLspServices) {
        super(osa);
    }

    /** The terms of the document being highlighted (a workspace may add some), looked up once it is needed. */
    private readonly documentTerms = () => this.osa.osa.Config.termsFor(this.currentDocument!.uri.fsPath);

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void | undefined | 'prune' {
        if (isProgramme(node) || isAgreementTemplate(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.class, modifier: SemanticTokenModifiers.declaration });
        } else if (isBudgetEnvelope(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.variable, modifier: [SemanticTokenModifiers.declaration, SemanticTokenModifiers.readonly] });
        }
        for (const spec of propertiesOf(node.$type)) {
            if (spec.value.type === 'reference') {
                const references = (node as unknown as Record<string, unknown[]>)[spec.feature] ?? [];
                references.forEach((_, index) => acceptor(spec.value.type === 'reference' && spec.value.to === 'BudgetEnvelope'
                    ? { node, property: spec.feature, index, type: SemanticTokenTypes.variable, modifier: SemanticTokenModifiers.readonly }
                    : { node, property: spec.feature, index, type: SemanticTokenTypes.class }));
                continue;
            }
            writtenValues(node, spec.feature).forEach((written, index) => {
                const token = tokenFor(spec, written, this.documentTerms);
                if (token) {
                    acceptor({ node, property: spec.feature, index, ...token });
                }
            });
        }
        return undefined;
    }
}
