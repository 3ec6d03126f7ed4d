/**
 * Neutralisers for text from a repository under check (item names, titles, reasons, file names, the
 * raw characters a parse error quotes) before it is echoed into a medium that would act on it. Such
 * text is attacker-controlled in CI and in untrusted workspaces: a newline can forge a line of output
 * (a GitHub workflow command such as `::error file=...::`), ESC starts terminal control sequences
 * (colours, cursor moves, OSC-8 hyperlinks, window titles), CR overwrites what a reader sees, and
 * bidirectional controls reorder what is displayed (trojan source). CI runners also act on commands
 * inside a line: GitHub's runner on a legacy `##[command]` anywhere in it (`##[add-mask]`,
 * `##[stop-commands]`, which would switch off every later annotation), Azure Pipelines on `##vso[`.
 *
 * Each function makes such characters visible instead of dropping them, so that a reader sees that
 * something odd is in the file. Backslashes are not doubled: text that already reads `\n` stays as it
 * is, which keeps Windows-style paths and ordinary messages legible; the escaping exists to disarm
 * characters, not to be reversible. Machine formats that carry the exact text (JSON, SARIF) need none
 * of this: their own escaping is exact.
 */

/**
 * What a terminal, a log viewer or an editor panel may act on or draw misleadingly: C0 controls (with
 * tab, CR, LF, BEL and ESC), DEL, C1 controls (U+0080–U+009F, among them the one-byte CSI U+009B and
 * OSC U+009D); the Arabic letter mark, the left-to-right and right-to-left marks, the bidirectional
 * embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069); and the Unicode line and
 * paragraph separators, at which some viewers break lines.
 */
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The legacy in-line log commands: GitHub's `##[name]` and Azure Pipelines' `##vso[area.action]`. */
const LOG_COMMAND = /##(?=\[|vso\[)/gi;

/** `\x1b` for a character below U+0100 that is ASCII, `\u009b` and `\u202e` for the rest. */
export function codePointEscape(character: string): string {
    const code = character.codePointAt(0)!;
    if (code < 0x80) {
        return `\\x${code.toString(16).padStart(2, '0')}`;
    }
    return code > 0xFFFF ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text safe to print on a terminal or into a CI log: every control character, bidirectional control
 * and line separator is shown as an escape (`\n`, `\r`, `\t`, `\x1b`, `\x7f`, `\u009b`, `\u202e`), so
 * the text stays on one line and starts no escape sequence, and the second `#` of an in-line log
 * command is shown as `\x23` (`#\x23[error]`).
 */
export function neutralise(text: string): string {
    return text.replace(UNSAFE, c => NAMED[c] ?? codePointEscape(c)).replace(LOG_COMMAND, '#\\x23');
}

/**
 * `neutralise` for text that starts a line of output (a file name at the start of a stylish line): a
 * runner takes a line that starts with `::`, after any white space, for a workflow command, so that
 * first colon is shown as `\x3a` too.
 */
export function neutraliseLineStart(text: string): string {
    return neutralise(text).replace(/^(\s*):(?=:)/, '$1\\x3a');
}

// Every ASCII punctuation character: CommonMark lets a backslash escape each of them, and between them
// they start every inline construct (emphasis, code, links, images, autolinks, raw HTML, entities) and,
// at the start of a line, every block construct; `$` also starts VS Code's `$(icon)` syntax.
const MARKDOWN_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * Text for a markdown hover or message, shown literally: markdown-active characters are
 * backslash-escaped and control characters made visible as in `neutralise`. Not for inside a
 * code span, where backslashes are literal.
 */
export function neutraliseMarkdown(text: string): string {
    return neutralise(text.replace(MARKDOWN_PUNCTUATION, '\\$&'));
}

// The punctuation that starts an inline construct in the middle of a line: emphasis, code, links,
// images, autolinks, raw HTML, entities, hard breaks and VS Code's `$(icon)`. Hyphens, dots, commas,
// colons, slashes and the like are inert there, so names and dates stay as they are written.
const INLINE_MARKDOWN_PUNCTUATION = /[!"#$&'()*<>[\\\]_`{|}~]/g;

/**
 * Like `neutraliseMarkdown`, for text placed in the middle of a line of a hover (after a word, inside
 * emphasis): only the characters that can start an inline construct there are escaped.
 */
export function neutraliseMarkdownInline(text: string): string {
    return neutralise(text.replace(INLINE_MARKDOWN_PUNCTUATION, '\\$&'));
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };

/**
 * Text for HTML element content or a quoted attribute value: the five characters that can open a tag,
 * an entity or end an attribute become entities, and control and bidirectional characters are made
 * visible as in `neutralise` (a page must not reorder what a reviewer reads).
 */
export function escapeHtml(text: string): string {
    return neutralise(text).replace(/[&<>"']/g, c => HTML_ENTITIES[c]);
}

/**
 * One CSV field (RFC 4180), safe to open in a spreadsheet: a text starting with `=`, `+`, `-`, `@`, a
 * tab or a carriage return would be taken for a formula (CSV injection), so it gets a leading `'`,
 * which spreadsheets show as text; the field is always quoted, with quotes doubled. Numbers the tool
 * computed are passed as numbers and written as they are.
 */
export function csvField(value: string | number | undefined): string {
    if (value === undefined) {
        return '';
    }
    if (typeof value === 'number') {
        return String(value);
    }
    const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return `"${neutralise(text).replace(/"/g, '""')}"`;
}
