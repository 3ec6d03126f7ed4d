/**
 * Quick fixes for the language's own findings (code `syntax`), from the `data` the language checks attach
 * (validation/language-diagnostics.ts):
 *   - a repeated property: remove the repeat (and its line when nothing else is on it);
 *   - an unknown term, property name or UN operation: replace it with each suggestion;
 *   - a value in the wrong form with a known correction: write the correction;
 *   - a missing required property: insert its example statement where the property belongs.
 * Like the rule fixes, every fix is computed from the document as it is now: the diagnostic it answers has been
 * matched to the document's current diagnostics, and a fix checks that what it repairs is still there.
 */
import { msg } from '../../i18n/index.js';
import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { propertiesOf, propertySpec } from '../../model/properties.js';
import { isStated } from '../../model/facts.js';
import type { LanguageDiagnosticData } from '../../validation/language-diagnostics.js';
import { fix, type Fix } from './rule-fixes.js';
import { childIndent, closingBrace, propertyNode, SourceText } from './source-text.js';

export interface LanguageFixContext {
    document: LangiumDocument;
    text: SourceText;
    /** The diagnostic as the document has it now. */
    diagnostic: Diagnostic;
}

const KINDS = new Set<LanguageDiagnosticData['kind']>([
    'repeated', 'unknown-term', 'unknown-property', 'unknown-operation', 'malformed-value', 'missing-property'
]);

/** The diagnostic's data, if it is a language finding's (the diagnostic is the server's own; a client may send anything). */
export function languageDataOf(diagnostic: Diagnostic): LanguageDiagnosticData | undefined {
    const data = diagnostic.data as { kind?: unknown } | undefined;
    return data && typeof data === 'object' && KINDS.has(data.kind as LanguageDiagnosticData['kind']) ? data as LanguageDiagnosticData : undefined;
}

export function languageFixes(context: LanguageFixContext): Fix[] {
    const data = languageDataOf(context.diagnostic);
    switch (data?.kind) {
        case 'repeated':
            return removeRepeat(context, data.property, data.remove);
        case 'unknown-term':
        case 'unknown-property':
        case 'unknown-operation':
            return strings(data.suggestions).map((suggestion, i) => replaceWith(context, suggestion, i === 0));
        case 'malformed-value':
            return typeof data.replacement === 'string' && data.replacement !== '' ? [replaceWith(context, data.replacement, true)] : [];
        case 'missing-property':
            return data.example ? insertMissing(context, data.property, data.example) : [];
        default:
            return [];
    }
}

function strings(value: unknown): string[] {
    return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string' && s !== '') : [];
}

function replaceWith({ text, diagnostic }: LanguageFixContext, replacement: string, isPreferred: boolean): Fix {
    return fix(msg('fix.replaceWith', { replacement }), text.uri, [text.replace(diagnostic.range, replacement)], isPreferred);
}

/** The declaration that has `property`, from a node at or inside one of its statements. */
function ownerOf(node: AstNode | undefined, property: string): AstNode | undefined {
    return node && AstUtils.getContainerOfType(node, (n): n is AstNode => propertySpec(n.$type, property) !== undefined);
}

function removeRepeat({ document, text }: LanguageFixContext, property: string, remove: Range | undefined): Fix[] {
    if (!isRange(remove)) {
        return [];
    }
    const owner = ownerOf(nodeAt(document, remove.start), property);
    const spec = owner && propertySpec(owner.$type, property);
    // A repeated fact goes as a whole; a second declaration of a field or a clause may say more than the first
    // (the finding asks to merge them), so removing it is offered, not preferred.
    return [fix(msg('fix.removeRepeated', { property: spec?.keyword ?? spec?.label ?? property }), text.uri, [text.removeRange(remove)], spec?.repeatable !== true)];
}

function isRange(value: unknown): value is Range {
    const range = value as Range | undefined;
    return typeof range?.start?.line === 'number' && typeof range.start.character === 'number'
        && typeof range.end?.line === 'number' && typeof range.end.character === 'number';
}

/** The innermost syntax node whose text covers the position. */
function nodeAt(document: LangiumDocument, position: Range['start']): AstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    return root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(position))?.astNode : undefined;
}

/**
 * Inserts a missing property's example statement into its declaration: after the statements of the properties
 * that come before it in the language's order (`recipient` after `fiscal-year`), else before those after it,
 * else before the closing brace; in a declaration without braces (an item, a topic), at its end.
 */
function insertMissing({ document, text, diagnostic }: LanguageFixContext, property: string, example: string): Fix[] {
    const node = ownerOf(nodeAt(document, diagnostic.range.start), property);
    if (!node?.$cstNode || typeof example !== 'string' || example === '' || isStated(node, property)) {
        return [];
    }
    // A placeholder is for a person to fill in: an empty text keeps the finding that asks for it.
    const statement = example.replace(/"…"/g, '""');
    const title = msg('fix.addStatement', { statement });
    const brace = closingBrace(node);
    if (!brace) {
        const end = node.$cstNode.range.end;
        return [fix(title, text.uri, [{ range: { start: end, end }, newText: ` ${statement}` }], true)];
    }
    const specs = propertiesOf(node.$type);
    const index = specs.findIndex(s => s.feature === property);
    const indent = childIndent(node, text);
    const lastOf = (feature: string) => {
        const count = valueCount(node, feature);
        return count > 0 ? statementNode(node, feature, count - 1) : undefined;
    };
    for (const before of specs.slice(0, index).reverse()) {
        const last = lastOf(before.feature);
        if (last) {
            return [fix(title, text.uri, [text.insertLinesAfter(last.end, [statement], indent)], true)];
        }
    }
    for (const after of specs.slice(index + 1)) {
        const first = valueCount(node, after.feature) > 0 ? statementNode(node, after.feature, 0) : undefined;
        if (first) {
            return [fix(title, text.uri, [text.insertLinesBefore(first.start, [statement], indent, { aboveComments: true })], true)];
        }
    }
    return [fix(title, text.uri, [text.insertLinesBefore(brace.range.start, [statement], indent)], true)];
}

function valueCount(node: AstNode, feature: string): number {
    const value = (node as unknown as Record<string, unknown>)[feature];
    return Array.isArray(value) ? value.length : value === undefined ? 0 : 1;
}

/** Where one statement of a property is: from its keyword (the token before its value, if a keyword) to its end. */
function statementNode(node: AstNode, feature: string, index: number): Range | undefined {
    const cst = propertyNode(node, feature, index);
    if (!cst) {
        return undefined;
    }
    const keyword = propertySpec(node.$type, feature)?.keyword;
    const previous = keyword ? CstUtils.getPreviousNode(cst, false) : undefined;
    return { start: previous && previous.text === keyword ? previous.range.start : cst.range.start, end: cst.range.end };
}
