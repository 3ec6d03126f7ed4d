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
 * | currency (`JPY`)                                   | `type`       |                           |
 * | rule id of an `exception`                          | `macro`      |                           |
 * | fiscal years, amounts, quantities, dates           | `number`     |                           |
 *
 * Vocabulary terms are keywords of the grammar (so editors can complete them); marking them
 * `enumMember` tells values (`patrol-boat`) apart from the structure (`provide`, `category`).
 */
import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isActivity, isAgreement, isAgreementTemplate, isAmount, isAssessmentTopic, isBeneficiary, isBudgetEnvelope, isClause,
    isCoordination, isException, isFieldDeclaration, isItem, isPeriod, isProgramme
} from '../generated/ast.js';

const VOCABULARY = SemanticTokenTypes.enumMember;

export class OsaSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void | undefined | 'prune' {
        if (isProgramme(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.class, modifier: SemanticTokenModifiers.declaration });
            acceptor({ node, property: 'fiscalYear', type: SemanticTokenTypes.number });
            acceptor({ node, property: 'recipient', type: SemanticTokenTypes.enumMember, modifier: SemanticTokenModifiers.defaultLibrary });
            acceptor({ node, property: 'modality', type: VOCABULARY });
            acceptor({ node, property: 'envelope', type: SemanticTokenTypes.variable, modifier: SemanticTokenModifiers.readonly });
        } else if (isAgreementTemplate(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.class, modifier: SemanticTokenModifiers.declaration });
            acceptor({ node, property: 'kind', type: VOCABULARY });
        } else if (isBudgetEnvelope(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.variable, modifier: [SemanticTokenModifiers.declaration, SemanticTokenModifiers.readonly] });
            acceptor({ node, property: 'fiscalYear', type: SemanticTokenTypes.number });
        } else if (isAgreement(node)) {
            acceptor({ node, property: 'template', type: SemanticTokenTypes.class });
            acceptor({ node, property: 'kind', type: VOCABULARY });
            acceptor({ node, property: 'signed', type: SemanticTokenTypes.number });
        } else if (isAmount(node)) {
            acceptor({ node, property: 'value', type: SemanticTokenTypes.number });
            acceptor({ node, property: 'currency', type: SemanticTokenTypes.type });
        } else if (isPeriod(node)) {
            acceptor({ node, property: 'start', type: SemanticTokenTypes.number });
            acceptor({ node, property: 'end', type: SemanticTokenTypes.number });
        } else if (isBeneficiary(node)) {
            acceptor({ node, property: 'kind', type: VOCABULARY });
        } else if (isFieldDeclaration(node)) {
            acceptor({ node, property: 'name', type: VOCABULARY });
        } else if (isActivity(node)) {
            acceptor({ node, property: 'name', type: VOCABULARY });
        } else if (isItem(node)) {
            acceptor({ node, property: 'quantity', type: SemanticTokenTypes.number });
            acceptor({ node, property: 'category', type: VOCABULARY });
            acceptor({ node, property: 'purpose', type: VOCABULARY });
        } else if (isAssessmentTopic(node)) {
            acceptor({ node, property: 'name', type: VOCABULARY });
            acceptor({ node, property: 'date', type: SemanticTokenTypes.number });
        } else if (isClause(node)) {
            acceptor({ node, property: 'name', type: VOCABULARY });
            acceptor({ node, property: 'results', type: VOCABULARY });
        } else if (isCoordination(node)) {
            node.bodies.forEach((_, index) => acceptor({ node, property: 'bodies', index, type: VOCABULARY }));
        } else if (isException(node)) {
            acceptor({ node, property: 'rule', type: SemanticTokenTypes.macro });
            acceptor({ node, property: 'date', type: SemanticTokenTypes.number });
        }
        return undefined;
    }
}
