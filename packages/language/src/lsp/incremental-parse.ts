/**
 * The editor's re-parse after an edit: only the top-level declaration the edit falls in is parsed again.
 *
 * Langium parses the whole text at every keystroke; on a 5,000-line sheet that was most of an edit's time. The
 * entry rule is `(elements+=Element)*`, so a declaration that begins a line is parsed alone exactly as it is in
 * the whole text, provided the edit stays strictly inside it and the tokens around it cannot join across its edges
 * (it starts after a line break and its last token is followed by a line break). The new declaration replaces the
 * old one in the tree; the syntax nodes after it move by the edit's length and lines. Anything else falls back to
 * the full parse: an edit touching a declaration's edge, a tree with syntax errors before or after, a piece that
 * does not parse alone into one whole declaration, a NUL byte. Tests compare the result with a full parse after
 * thousands of random edits (test/lsp/incremental-parse.test.ts).
 */
import {
    DefaultLangiumDocumentFactory, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument, type LangiumSharedCoreServices,
    type ParseResult, type URI
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { isModel, type Model } from '../generated/ast.js';
import { lastDeclarationStartingBefore } from './declaration-at.js';

/** Langium's syntax node classes keep these fields (cst-node-builder.js); the splice moves and re-links them. */
interface MutableLeaf {
    _offset: number;
    _startLine: number;
    _endLine: number;
    container?: MutableComposite;
}
interface MutableComposite {
    content: CstNode[];
    _rangeCache: unknown;
    _text?: string;
    container?: MutableComposite;
}

/** The line breaks in text[from, to), counted as the lexer counts lines (Chevrotain's default: `\r\n`, `\n` or a lone `\r`). */
function lineBreaks(text: string, from: number, to: number): number {
    let count = 0;
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
            count++;
        }
    }
    return count;
}

/** Does the whole text parse to these pieces with nothing the partial parse cannot account for? */
function cleanParse(result: ParseResult): boolean {
    return result.lexerErrors.length === 0 && result.parserErrors.length === 0
        && ((result as { lexerReport?: { diagnostics?: unknown[] } }).lexerReport?.diagnostics?.length ?? 0) === 0;
}

export class IncrementalDocumentFactory extends DefaultLangiumDocumentFactory {
    /** Documents being updated, by URI: their tree before the edit is what parseAsync splices into. */
    private readonly updating = new Map<string, LangiumDocument>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        this.updating.set(key, document);
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.updating.delete(key);
        }
    }

    protected override parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        const document = this.updating.get(uri.toString());
        const spliced = document ? this.reparseDeclaration(uri, document.parseResult, text) : undefined;
        return spliced ? Promise.resolve(spliced as ParseResult<T>) : super.parseAsync<T>(uri, text, cancellationToken);
    }

    /** The old tree with the edited declaration parsed again, or undefined when only a full parse is safe. */
    private reparseDeclaration(uri: URI, old: ParseResult, text: string): ParseResult | undefined {
        const root = old.value;
        const rootCst = root.$cstNode as (CstNode & MutableComposite) | undefined;
        if (!isModel(root) || !rootCst || !cleanParse(old) || text.includes('\0')) {
            return undefined;
        }
        const oldText = rootCst._text;
        if (typeof oldText !== 'string' || oldText === text) {
            return undefined;
        }
        // The edit: what lies between the common prefix and the common suffix.
        const shorter = Math.min(oldText.length, text.length);
        let prefix = 0;
        while (prefix < shorter && oldText.charCodeAt(prefix) === text.charCodeAt(prefix)) {
            prefix++;
        }
        let suffix = 0;
        while (suffix < shorter - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) {
            suffix++;
        }
        const index = this.declarationHolding(root, prefix, oldText.length - suffix);
        if (index === undefined) {
            return undefined;
        }
        const oldDeclaration = root.elements[index];
        const oldCst = oldDeclaration.$cstNode!;
        const start = oldCst.offset;
        const delta = text.length - oldText.length;
        const end = oldCst.end + delta;
        // Edges no token can cross: a line break before the declaration and after its last token.
        const isBreak = (at: number) => text[at] === '\n' || text[at] === '\r';
        if ((start > 0 && !isBreak(start - 1)) || (end < text.length && !isBreak(end)) || !this.holdsOnly(oldCst, start, oldCst.end)) {
            return undefined;
        }
        const services = this.serviceRegistry.getServices(uri);
        const piece = services.parser.LangiumParser.parse<Model>(text.slice(start, end));
        const pieceRoot = piece.value;
        const pieceCst = pieceRoot.$cstNode as (CstNode & MutableComposite) | undefined;
        const declaration = pieceRoot.elements?.[0];
        if (!cleanParse(piece) || !pieceCst || pieceRoot.elements.length !== 1 || !declaration?.$cstNode
            || pieceCst.content.length !== 1 || pieceCst.content[0] !== declaration.$cstNode
            || declaration.$cstNode.offset !== 0 || declaration.$cstNode.end !== end - start || declaration.$type !== oldDeclaration.$type) {
            return undefined;
        }
        // Every check is done before the old tree changes: a full parse after a half-made splice would leave it moved.
        const at = rootCst.content.indexOf(oldCst);
        if (at < 0) {
            return undefined;
        }
        // Move the syntax nodes after the declaration, then the new ones into place.
        const lineDelta = lineBreaks(text, start, end) - lineBreaks(oldText, start, oldCst.end);
        const startLine = oldCst.range.start.line;
        this.shiftAfter(rootCst, oldCst.end, delta, lineDelta);
        this.shiftAll(declaration.$cstNode, start, startLine);
        const newCst = declaration.$cstNode as CstNode & MutableComposite;
        rootCst.content[at] = newCst;
        newCst.container = rootCst;
        rootCst._rangeCache = undefined;
        rootCst._text = text;
        // And the new declaration into the tree.
        const elements = root.elements as AstNode[];
        elements[index] = declaration;
        const mutable = declaration as { $container?: AstNode; $containerProperty?: string; $containerIndex?: number };
        mutable.$container = root;
        mutable.$containerProperty = 'elements';
        mutable.$containerIndex = index;
        return { ...old, value: root, lexerErrors: [], parserErrors: [] };
    }

    /**
     * The index of the declaration whose syntax holds [from, to) strictly inside: not at its first character, and not
     * reaching its last (its closing token stays). Only the last declaration starting before `from` can.
     */
    private declarationHolding(root: Model, from: number, to: number): number | undefined {
        const index = lastDeclarationStartingBefore(root, from);
        const cst = index === undefined ? undefined : root.elements[index].$cstNode;
        return cst && to < cst.end ? index : undefined;
    }

    /** Does the declaration's syntax hold only tokens within [start, end) (no comment hanging outside it)? */
    private holdsOnly(cst: CstNode, start: number, end: number): boolean {
        if (isLeafCstNode(cst)) {
            return cst.offset >= start && cst.end <= end;
        }
        return (cst as unknown as MutableComposite).content.every(child => this.holdsOnly(child, start, end));
    }

    /** Moves every syntax node at or after `from` by `delta` characters and `lineDelta` lines (all on later lines). */
    private shiftAfter(root: CstNode & MutableComposite, from: number, delta: number, lineDelta: number): void {
        root._rangeCache = undefined;
        for (const child of root.content) {
            // Declarations and comments before the edit keep their places (and their cached ranges).
            if (child.offset >= from || child.end > from) {
                this.shiftAll(child, delta, lineDelta, from);
            }
        }
    }

    /** Moves every leaf of `node` (at or after `from`) by `delta` characters and `lineDelta` lines, and forgets cached ranges. */
    private shiftAll(node: CstNode, delta: number, lineDelta: number, from = 0): void {
        if (isLeafCstNode(node)) {
            const leaf = node as unknown as MutableLeaf;
            if (leaf._offset >= from) {
                leaf._offset += delta;
                leaf._startLine += lineDelta;
                leaf._endLine += lineDelta;
            }
            return;
        }
        const composite = node as unknown as MutableComposite;
        composite._rangeCache = undefined;
        for (const child of composite.content) {
            this.shiftAll(child, delta, lineDelta, from);
        }
    }
}
