/**
 * Line-preserving text edits for quick fixes. A fix inserts whole lines indented like their
 * neighbours, or replaces one token; it never reformats other text. When the surrounding code is
 * written on one line, the insertion stays on that line instead (separated by spaces), so that an
 * edit never splits a line that holds other declarations.
 */
import { AstUtils, CstUtils, GrammarUtils, type AstNode, type CstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';

export class SourceText {
    readonly uri: string;
    readonly text: string;
    readonly lines: string[];
    readonly eol: string;

    constructor(document: LangiumDocument) {
        this.uri = document.uri.toString();
        this.text = document.textDocument.getText();
        this.lines = this.text.split(/\r\n|\r|\n/);
        this.eol = this.text.includes('\r\n') ? '\r\n' : '\n';
    }

    static of(node: AstNode): SourceText {
        return new SourceText(AstUtils.getDocument(node));
    }

    line(n: number): string {
        return this.lines[n] ?? '';
    }

    indentOfLine(n: number): string {
        return /^[ \t]*/.exec(this.line(n))![0];
    }

    /** The file's indentation unit: a tab when lines are indented with tabs, else four spaces. */
    get indentUnit(): string {
        const indented = this.lines.find(l => /^[ \t]+\S/.test(l));
        return indented?.startsWith('\t') ? '\t' : '    ';
    }

    /** Only whitespace precedes the position on its line. */
    startsLine(position: Position): boolean {
        return this.line(position.line).slice(0, position.character).trim() === '';
    }

    /** Only whitespace or a line comment follows the position on its line. */
    endsLine(position: Position): boolean {
        const rest = this.line(position.line).slice(position.character).trim();
        return rest === '' || rest.startsWith('//');
    }

    /** A line holding nothing but a comment (a line comment, or a block comment closed on the line). */
    isCommentLine(n: number): boolean {
        const line = this.line(n).trim();
        return line.startsWith('//') || (line.startsWith('/*') && line.endsWith('*/'));
    }

    /**
     * Inserts `lines` after the text ending at `end`: as new lines indented with `indent` when nothing
     * but a line comment follows on that line, else on the same line. Entries of `lines` may carry
     * extra indentation of their own (nested blocks).
     */
    insertLinesAfter(end: Position, lines: readonly string[], indent: string): TextEdit {
        if (this.endsLine(end)) {
            // At the end of the line, so that the edit never touches the next line (which another
            // edit of the same fix may delete or replace).
            const at = { line: end.line, character: this.line(end.line).length };
            return { range: { start: at, end: at }, newText: lines.map(l => this.eol + indent + l).join('') };
        }
        return { range: { start: end, end }, newText: ' ' + inline(lines) };
    }

    /**
     * Inserts `lines` before the text starting at `start`: as new lines above it, indented with
     * `indent`, when it starts its line (and above the comment lines right above it, which belong to
     * it: a suppression comment must stay on the line above its declaration), else on the same line.
     */
    insertLinesBefore(start: Position, lines: readonly string[], indent: string, options: { aboveComments?: boolean } = {}): TextEdit {
        if (this.startsLine(start)) {
            let line = start.line;
            while (options.aboveComments && line > 0 && this.isCommentLine(line - 1)) {
                line--;
            }
            const at = { line, character: 0 };
            return { range: { start: at, end: at }, newText: lines.map(l => indent + l + this.eol).join('') };
        }
        return { range: { start, end: start }, newText: inline(lines) + ' ' };
    }

    replace(range: Range, newText: string): TextEdit {
        return { range, newText };
    }

    /**
     * Removes a node's text: its whole lines when it has them to itself, else the node and the
     * whitespace before it (so that `{ a b }` loses ` b`, not a space too many).
     */
    remove(cst: CstNode): TextEdit {
        return this.removeRange(cst.range);
    }

    /** Removes a range of text as `remove` does a node's: its whole lines when nothing else is on them. */
    removeRange(range: Range): TextEdit {
        const { start, end } = range;
        if (this.startsLine(start) && this.line(end.line).slice(end.character).trim() === '') {
            if (end.line + 1 < this.lines.length) {
                return { range: { start: { line: start.line, character: 0 }, end: { line: end.line + 1, character: 0 } }, newText: '' };
            }
            const from = start.line > 0 ? { line: start.line - 1, character: this.line(start.line - 1).length } : { line: 0, character: 0 };
            return { range: { start: from, end: { line: end.line, character: this.line(end.line).length } }, newText: '' };
        }
        const before = this.line(start.line).slice(0, start.character);
        const spaces = before.length - before.trimEnd().length;
        if (spaces > 0 && before.trim() !== '') {
            return { range: { start: { line: start.line, character: start.character - spaces }, end }, newText: '' };
        }
        const after = this.line(end.line).slice(end.character);
        const following = after.length - after.trimStart().length;
        return { range: { start, end: { line: end.line, character: end.character + following } }, newText: '' };
    }
}

function inline(lines: readonly string[]): string {
    return lines.map(l => l.trim()).join(' ');
}

/** The leaves of a node's CST that are not hidden (comments). */
function tokens(node: AstNode): LeafCstNode[] {
    return node.$cstNode ? CstUtils.flattenCst(node.$cstNode).filter(leaf => !leaf.hidden).toArray() : [];
}

/** The node's own closing brace, if it has one. */
export function closingBrace(node: AstNode): LeafCstNode | undefined {
    const last = tokens(node).at(-1);
    return last && last.text === '}' && last.astNode === node ? last : undefined;
}

/**
 * The indentation of a new line inside `node`: that of the first token after the node's first line
 * that starts a line (its first member), else the node's own indentation plus one unit.
 */
export function childIndent(node: AstNode, text: SourceText): string {
    const header = node.$cstNode!.range.start.line;
    const brace = closingBrace(node);
    for (const leaf of tokens(node)) {
        if (leaf !== brace && leaf.range.start.line > header && text.startsLine(leaf.range.start)) {
            return text.indentOfLine(leaf.range.start.line);
        }
    }
    return text.indentOfLine(header) + text.indentUnit;
}

/** One indentation step inside `node` (child indentation minus the node's own). */
export function indentStep(node: AstNode, text: SourceText): string {
    const own = text.indentOfLine(node.$cstNode!.range.start.line);
    const child = childIndent(node, text);
    return child.length > own.length && child.startsWith(own) ? child.slice(own.length) : text.indentUnit;
}

export function propertyNode(node: AstNode, property: string, index?: number): CstNode | undefined {
    return GrammarUtils.findNodeForProperty(node.$cstNode, property, index);
}

/** Whether the line holds a next-line suppression comment. */
export function isNextLineSuppression(text: SourceText, line: number): boolean {
    return /^\s*(?:\/\/|\/\*)\s*osa-disable-next-line\b/.test(text.line(line));
}
