/**
 * The formatter: one canonical layout for programme sheets, like gofmt, so that `Format Document`
 * gives every desk the same text and formatting twice changes nothing.
 *
 * The layout:
 * - one declaration per line inside blocks (`programme`, `agreement-template`, `budget-envelope`,
 *   `field … { }`, `assessment { }`, `exception … { }`, `monitoring { }`, `funding { }`), indented by four spaces per nesting level
 *   (always spaces, whatever the editor's tab settings: the layout is the same for everybody);
 * - a single space between the tokens of a line, none before `,`;
 * - `{` on the line of its declaration, `}` on a line of its own at the declaration's indentation;
 * - top-level declarations separated by one blank line; elsewhere a blank line the author left between
 *   declarations is kept (at most one), none right after `{` or right before `}`; no trailing spaces,
 *   one newline at the end of the file.
 *
 * Two choices are the author's and are kept as written:
 * - Inline blocks. `field rule-of-law { activity maritime-surveillance }`, `assessment { … }` and
 *   `exception OSA101 { … }` written on one line with at most one declaration inside stay on one line
 *   (`{ x }`, single spaces); with two declarations or more, or written over several lines, they are
 *   expanded. Programmes, templates and envelopes are always expanded.
 * - Continuation lines. A line break the author put inside one declaration (a long `provide` item
 *   with its modifiers on the next line, an agreement with one clause per line, a long assessment
 *   text) is kept, and the continuation line is indented one level deeper than the declaration.
 *   Breaks before `{` and `,` are removed (`{` and `,` end the line instead).
 *
 * Comments are kept where they are. A comment on a line of its own is indented like the declaration
 * that follows it (the lines of a `/* … *\/` block move with it); a comment after code on the same line
 * stays there, with the spaces before it as written (at least one). A `//` comment always ends its line.
 *
 * An unknown statement (a word the language does not know where a property belongs, reported by the language
 * checks) is placed like any declaration, but the text after its first word is kept exactly as written.
 *
 * Only whitespace between tokens (and the indentation inside block comments) is ever changed, so the
 * parse result is the same before and after; a document with syntax errors is not formatted at all.
 * Langium's AbstractFormatter supplies the LSP entry points (document, range); the layout is computed
 * token by token in `doDocumentFormat` because it depends on how the author wrote the text (inline
 * blocks, continuation lines, comments), which Langium's per-node formatting actions cannot express.
 */
import { AstUtils, CstUtils, GrammarAST, isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import { AbstractFormatter } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-protocol';
import { charWidth } from '../util/display-width.js';

const INDENT = '    ';
const TAB_WIDTH = 4;

/** AST types whose rule has a `{ … }` block of declarations. */
const BLOCK_TYPES = new Set(['Programme', 'AgreementTemplate', 'BudgetEnvelope', 'FieldDeclaration', 'Assessment', 'Exception', 'Monitoring', 'Funding']);
/** Block types that may stay on one line when they hold at most one declaration. */
const INLINE_TYPES = new Set(['FieldDeclaration', 'Assessment', 'Exception', 'Monitoring', 'Funding']);

interface Block {
    node: AstNode;
    /** Indentation level of the line that declares the block (and of its `}`). */
    level: number;
    inline: boolean;
    open: LeafCstNode;
    close: LeafCstNode;
}

type Role =
    | { kind: 'open' | 'close' | 'member'; block: Block }
    | { kind: 'top' };

/** Where each token goes: the structure of the document as far as layout is concerned. */
interface Layout {
    leaves: LeafCstNode[];
    roles: Map<LeafCstNode, Role>;
    /** Offsets [start, end) whose tokens keep the whitespace before them: the inside of unknown statements. */
    verbatim: Array<[number, number]>;
}

/** No unknown statement and no unterminated text: the layout can change without changing the meaning. */
function isReadableWhole(root: AstNode): boolean {
    if (AstUtils.streamAst(root).some(node => node.$type === 'UnknownStatement')) {
        return false;
    }
    return !CstUtils.flattenCst(root.$cstNode!).some(leaf => leaf.tokenType.name === 'BAD_STRING');
}

export class OsaFormatter extends AbstractFormatter {
    /** The layout is computed in `doDocumentFormat`; no per-node formatting actions are collected. */
    protected format(_node: AstNode): void {
        // Intentionally empty: see the header comment.
    }

    protected override doDocumentFormat(document: LangiumDocument, _options: FormattingOptions, range?: Range): TextEdit[] {
        const { parseResult } = document;
        if (parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0 || !parseResult.value.$cstNode) {
            return [];
        }
        // A file the language cannot read whole is left as written: moving a line break would change what an
        // unterminated text runs to, or which words continue an unquoted one (found by the fuzzer).
        if (!isReadableWhole(parseResult.value as AstNode)) {
            return [];
        }
        const text = document.textDocument.getText();
        const edits = this.layoutEdits(document, text);
        if (!edits) {
            return [];
        }
        const result: TextEdit[] = [];
        for (const edit of edits) {
            const textEdit: TextEdit = {
                range: { start: document.textDocument.positionAt(edit.start), end: document.textDocument.positionAt(edit.end) },
                newText: edit.text
            };
            // A gap's replacement decides the layout of the token after it, so a range keeps the edits
            // that end on one of its lines.
            if (!range || (textEdit.range.end.line >= range.start.line && textEdit.range.end.line <= range.end.line)) {
                result.push(textEdit);
            }
        }
        return result;
    }

    /** The whole document's edits as offsets, or undefined when something unexpected is found. */
    protected layoutEdits(document: LangiumDocument, text: string): Array<{ start: number; end: number; text: string }> | undefined {
        const layout = this.computeLayout(document);
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const newLines = (count: number, level: number) => eol.repeat(count) + INDENT.repeat(Math.max(0, level));
        const edits: Array<{ start: number; end: number; text: string }> = [];
        const { leaves, roles, verbatim } = layout;
        if (leaves.length === 0) {
            return [];
        }
        const isLineComment = (leaf: LeafCstNode | undefined) => leaf !== undefined && leaf.hidden && leaf.text.startsWith('//');
        const isTopClose = (leaf: LeafCstNode | undefined) => {
            const role = leaf && roles.get(leaf);
            return role?.kind === 'close' && role.block.level === 0;
        };
        const nextToken = (index: number): LeafCstNode | undefined => {
            for (let i = index + 1; i < leaves.length; i++) {
                if (!leaves[i].hidden) {
                    return leaves[i];
                }
            }
            return undefined;
        };
        // Indentation level of continuation lines of the current declaration.
        let continuation = 1;
        for (let i = 0; i < leaves.length; i++) {
            const leaf = leaves[i];
            const previous = i > 0 ? leaves[i - 1] : undefined;
            const gapStart = previous ? previous.end : 0;
            const gap = text.slice(gapStart, leaf.offset);
            if (/\S/.test(gap)) {
                return undefined;
            }
            if (previous && verbatim.some(([start, end]) => leaf.offset >= start && leaf.offset < end)) {
                // An unknown statement is reported, not laid out: what the language cannot read stays as written.
                continue;
            }
            const existing = (gap.match(/\n/g) ?? []).length;
            const clamp = (min: number, max: number) => Math.min(max, Math.max(min, existing));
            let separator: string;
            if (!previous) {
                separator = '';
                const reindented = leaf.hidden ? this.reindentBlockComment(leaf, text, 0) : undefined;
                if (reindented !== undefined && reindented !== leaf.text) {
                    edits.push({ start: leaf.offset, end: leaf.end, text: reindented });
                }
            } else if (leaf.hidden) {
                if (existing === 0) {
                    // A comment after code on the same line keeps its spacing (at least one space).
                    separator = /^ +$/.test(gap) ? gap : ' ';
                } else {
                    // A comment on its own line is placed like the token that follows it.
                    const next = nextToken(i);
                    // At the end of the file (no token follows), the comment is placed like a top-level declaration.
                    const nextRole: Role | undefined = next ? roles.get(next) : { kind: 'top' };
                    const { lines, level } = this.lineStart(nextRole, previous, clamp, isTopClose, continuation);
                    separator = newLines(lines, level);
                    const reindented = this.reindentBlockComment(leaf, text, level);
                    if (reindented !== undefined && reindented !== leaf.text) {
                        edits.push({ start: leaf.offset, end: leaf.end, text: reindented });
                    }
                }
            } else {
                const role = roles.get(leaf);
                if (role?.kind === 'close') {
                    separator = role.block.inline ? ' ' : newLines(1, role.block.level);
                } else if (role?.kind === 'member' || role?.kind === 'top') {
                    if (role.kind === 'member' && role.block.inline) {
                        separator = ' ';
                    } else {
                        const { lines, level } = this.lineStart(role, previous, clamp, isTopClose, continuation);
                        separator = newLines(lines, level);
                        continuation = level + 1;
                    }
                } else if (isLineComment(previous)) {
                    separator = newLines(1, continuation);
                } else if (role?.kind === 'open' || leaf.text === ',') {
                    separator = role?.kind === 'open' ? ' ' : '';
                } else {
                    separator = existing > 0 ? newLines(1, continuation) : ' ';
                }
            }
            if (separator !== gap) {
                edits.push({ start: gapStart, end: leaf.offset, text: separator });
            }
            if (isLineComment(leaf) && /\s$/.test(leaf.text)) {
                // A `//` comment runs to the end of the line, trailing spaces included.
                edits.push({ start: leaf.offset, end: leaf.end, text: leaf.text.trimEnd() });
            }
        }
        const last = leaves[leaves.length - 1];
        const tail = text.slice(last.end);
        if (/\S/.test(tail)) {
            return undefined;
        }
        if (tail !== eol) {
            edits.push({ start: last.end, end: text.length, text: eol });
        }
        return edits.sort((a, b) => a.start - b.start);
    }

    /** Line breaks and indentation before a token (or comment) that starts a line in the given role. */
    protected lineStart(
        role: Role | undefined, previous: LeafCstNode, clamp: (min: number, max: number) => number,
        isTopClose: (leaf: LeafCstNode) => boolean, continuation: number
    ): { lines: number; level: number } {
        if (role?.kind === 'member' || (role?.kind === 'close' && !role.block.inline)) {
            return { lines: previous === role.block.open ? 1 : clamp(1, 2), level: role.block.level + 1 };
        }
        if (role?.kind === 'top') {
            return { lines: isTopClose(previous) ? 2 : clamp(1, 2), level: 0 };
        }
        return { lines: 1, level: continuation };
    }

    /**
     * Moves the lines of a block comment that starts a line along with its first line, so that
     * `/*` and the lines below keep their alignment; whitespace-only lines are emptied.
     */
    protected reindentBlockComment(comment: LeafCstNode, text: string, level: number): string | undefined {
        if (!comment.text.startsWith('/*') || !comment.text.includes('\n')) {
            return undefined;
        }
        const lineStart = text.lastIndexOf('\n', comment.offset - 1) + 1;
        const delta = level * TAB_WIDTH - visualWidth(text.slice(lineStart, comment.offset));
        const lines = comment.text.split('\n');
        return [lines[0], ...lines.slice(1).map(line => {
            // Any white space but a line break indents: an ideographic space (U+3000) typed with a Japanese IME too.
            const indentation = /^[^\S\r\n\u2028\u2029]*/.exec(line)![0];
            const rest = line.slice(indentation.length);
            if (rest === '' || rest === '\r') {
                return rest;
            }
            return ' '.repeat(Math.max(0, visualWidth(indentation) + delta)) + rest;
        })].join('\n');
    }

    /** Finds the blocks, their declarations and the top-level declarations. */
    protected computeLayout(document: LangiumDocument): Layout {
        const root = document.parseResult.value;
        const leaves = [...CstUtils.flattenCst(root.$cstNode!)].sort((a, b) => a.offset - b.offset);
        const roles = new Map<LeafCstNode, Role>();
        const verbatim: Array<[number, number]> = [];
        const visit = (node: AstNode, level: number) => {
            if (node.$type === 'UnknownStatement' && node.$cstNode) {
                const first = firstToken(node.$cstNode);
                if (first) {
                    verbatim.push([first.end, node.$cstNode.end]);
                }
                return;
            }
            if (BLOCK_TYPES.has(node.$type) && node.$cstNode && isCompositeCstNode(node.$cstNode)) {
                const block = this.blockOf(node, level);
                if (block) {
                    roles.set(block.block.open, { kind: 'open', block: block.block });
                    roles.set(block.block.close, { kind: 'close', block: block.block });
                    for (const member of block.members) {
                        roles.set(member, { kind: 'member', block: block.block });
                    }
                }
            }
            for (const child of AstUtils.streamContents(node)) {
                visit(child, BLOCK_TYPES.has(node.$type) ? level + 1 : level);
            }
        };
        for (const element of AstUtils.streamContents(root)) {
            const first = element.$cstNode && firstToken(element.$cstNode);
            if (first) {
                roles.set(first, { kind: 'top' });
            }
            visit(element, 0);
        }
        return { leaves, roles, verbatim };
    }

    /** A block's braces and the first token of each declaration directly inside it. */
    protected blockOf(node: AstNode, level: number): { block: Block; members: LeafCstNode[] } | undefined {
        // A rule called without assignment (`Element: Programme | …`) wraps the node's own CST node.
        let cst = node.$cstNode;
        while (cst && isCompositeCstNode(cst)) {
            const tokens = cst.content.filter(c => !c.hidden);
            if (tokens.length === 1 && isCompositeCstNode(tokens[0]) && tokens[0].astNode === node) {
                cst = tokens[0];
            } else {
                break;
            }
        }
        const content = cst && isCompositeCstNode(cst) ? cst.content : [];
        const openIndex = content.findIndex(c => !c.hidden && isKeywordLeaf(c, '{'));
        let closeIndex = content.length - 1;
        while (closeIndex >= 0 && (content[closeIndex].hidden || !isKeywordLeaf(content[closeIndex], '}'))) {
            closeIndex--;
        }
        if (openIndex < 0 || closeIndex < openIndex) {
            return undefined;
        }
        const members: LeafCstNode[] = [];
        for (const child of content.slice(openIndex + 1, closeIndex)) {
            if (child.hidden) {
                continue;
            }
            // A declaration starts with a keyword (`title "…"`) or is a node of its own (`provide …`);
            // values (strings, numbers, names, vocabulary terms) continue the declaration.
            const startsDeclaration = isCompositeCstNode(child) ? child.astNode !== node : GrammarAST.isKeyword(child.grammarSource);
            const first = startsDeclaration ? firstToken(child) : undefined;
            if (first) {
                members.push(first);
            }
        }
        const open = content[openIndex] as LeafCstNode;
        const close = content[closeIndex] as LeafCstNode;
        const inline = INLINE_TYPES.has(node.$type) && members.length <= 1 && open.range.start.line === close.range.start.line;
        return { block: { node, level, inline, open, close }, members };
    }
}

function isKeywordLeaf(node: CstNode, keyword: string): node is LeafCstNode {
    return !isCompositeCstNode(node) && GrammarAST.isKeyword(node.grammarSource) && node.text === keyword;
}

function firstToken(node: CstNode): LeafCstNode | undefined {
    for (const leaf of CstUtils.flattenCst(node)) {
        if (!leaf.hidden) {
            return leaf;
        }
    }
    return undefined;
}

/**
 * Columns the text before a comment takes: tabs stop every four columns, other characters count by display
 * width (an ideographic space U+3000 or a kanji takes two columns, a combining mark none), so the lines of a
 * block comment stay under its first line as the author saw them.
 */
function visualWidth(text: string): number {
    let width = 0;
    for (const char of text) {
        width = char === '\t' ? (Math.floor(width / TAB_WIDTH) + 1) * TAB_WIDTH : width + charWidth(char);
    }
    return width;
}
