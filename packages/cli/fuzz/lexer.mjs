// A small lexer for mutating .osa text, independent of the grammar: it knows the shapes of tokens
// (whitespace, comments, strings, dates, numbers, words, punctuation), not the language's keywords,
// so the fuzzer keeps working when the grammar's vocabulary changes. Joining the tokens' texts gives
// back the input exactly, whatever the input (an unterminated string or comment runs to the end).

/** @typedef {'ws' | 'comment' | 'string' | 'date' | 'number' | 'word' | 'punct'} TokenKind */
/** @typedef {{ kind: TokenKind, text: string, offset: number }} Token */

/** Tried in order at each position; the first match wins. */
const PATTERNS = /** @type {const} */ ([
    ['ws', /\s+/uy],
    ['comment', /\/\/[^\n\r]*/uy],
    ['comment', /\/\*[\s\S]*?(?:\*\/|$)/uy],
    ['string', /"(?:\\[\s\S]|[^"\\])*"?/uy],
    ['date', /\d{4}-\d{2}-\d{2}(?![\p{L}\p{N}_])/uy],
    ['number', /\d[\d_]*(?:\.\d+)?/uy],
    ['word', /[\p{L}\p{M}_][\p{L}\p{M}\p{N}_-]*/uy],
    // Anything else is one code point (never half of a surrogate pair).
    ['punct', /[\s\S]/uy]
]);

/** @param {string} text @returns {Token[]} */
export function tokenize(text) {
    /** @type {Token[]} */
    const tokens = [];
    let offset = 0;
    while (offset < text.length) {
        for (const [kind, pattern] of PATTERNS) {
            pattern.lastIndex = offset;
            const match = pattern.exec(text);
            if (match && match[0].length > 0) {
                tokens.push({ kind, text: match[0], offset });
                offset += match[0].length;
                break;
            }
        }
    }
    return tokens;
}

/** The tokens that carry meaning (everything but whitespace). */
export function significant(tokens) {
    return tokens.filter(t => t.kind !== 'ws');
}
