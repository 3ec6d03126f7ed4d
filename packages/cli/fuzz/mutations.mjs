// Grammar-aware mutations of example files, as fast-check arbitraries. A case is an example (by
// index) and a short list of mutations; each mutation is plain data, so fast-check can shrink it
// (fewer mutations, smaller indices, simpler payloads) and a counterexample can be printed.
// Token positions are taken modulo the number of tokens, so any natural number is a valid position.
import fc from 'fast-check';
import { significant, tokenize } from './lexer.mjs';

/** Look-alikes and traps from outside ASCII: full-width forms, combining marks, emoji, bidi controls, zero-width characters. */
export const UNICODE = [
    'ｐｒｏｇｒａｍｍｅ', '２０２４', '｛', '｝', '＂', '，', 'Ａ', 'e\u0301', '\u0301', '\u0336\u0336\u0336', 'a\u20dd',
    '😀', '👨\u200d👩\u200d👧', '🇯🇵', '🏳️\u200d🌈', '\u202e', '\u202d', '\u2066', '\u200f', 'مرحبا', 'שלום',
    '\u200b', '\u200d', '\ufeff', '\u00a0', '\u3000', '日本語', 'İ', 'ß', 'ﬁ', 'Ω', '\u{10ffff}', '\u{e0001}', '\ufffd'
];
/** C0 and C1 controls, terminal escape sequences, and the line terminators that only some tools count as line breaks. */
export const CONTROL = [
    '\0', '\x01', '\x07', '\b', '\x0b', '\x0c', '\r', '\x1b', '\x1b[31m', '\x1b[2J', '\x1b]8;;https://example.com\x07link\x1b]8;;\x07',
    '\x7f', '\x85', '\x9b', '\u2028', '\u2029', '\r\n', '\t', '\n\r'
];
/** Numbers no sane sheet has. */
export const HUGE_NUMBERS = [
    '9'.repeat(400), '1' + '0'.repeat(399), '1_'.repeat(200) + '1', '0'.repeat(400), '9007199254740993', '18446744073709551616',
    '1e400', '-1', '0', '00', '1__0', '1_', '_1', '1.5', '0x10', '٣'
];
/** Dates that look like dates but are not real days, or are at the edges. */
export const ODD_DATES = [
    '2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-12-00', '0000-00-00', '9999-99-99', '1900-01-01', '2100-12-31',
    '2024-1-1', '20244-01-01', '2024-12-05-01', '2024-12-05T00:00', '2024/12/05', '２０２４-１２-０５'
];
/** Pieces that unbalance the structure. */
export const UNBALANCED = ['{', '}', '"', '/*', '*/', '//', '{{{{', '}}}}', '"unterminated', '\\', ',', ',,', '{}', '""', '"\\'];

const natural = fc.nat({ max: 1_000_000 });

/**
 * The mutations. `tokens` is a pool of real tokens from all examples (keywords, names, strings,
 * numbers, dates, punctuation as they occur), so replacements and insertions speak the language
 * without the fuzzer knowing its vocabulary.
 */
export function mutationArbitrary(tokens) {
    const ofKind = kind => tokens.filter(t => tokenize(t)[0]?.kind === kind && tokenize(t).length === 1);
    // Same-kind replacements mostly keep the text parseable, so they reach the rules and the formatter's deeper checks.
    const sameKind = {
        word: fc.constantFrom(...ofKind('word')),
        number: fc.constantFrom(...ofKind('number'), ...HUGE_NUMBERS.filter(n => /^\d/.test(n))),
        date: fc.constantFrom(...ofKind('date'), ...ODD_DATES.filter(d => /^\d{4}-\d{2}-\d{2}$/.test(d))),
        string: fc.oneof(fc.constantFrom(...ofKind('string')), fc.constantFrom(...UNICODE, ...CONTROL).map(u => `"${u.replace(/["\\]/g, '')}"`))
    };
    const payload = fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...tokens) },
        { weight: 2, arbitrary: fc.constantFrom(...UNICODE) },
        { weight: 2, arbitrary: fc.constantFrom(...CONTROL) },
        { weight: 2, arbitrary: fc.constantFrom(...HUGE_NUMBERS) },
        { weight: 2, arbitrary: fc.constantFrom(...ODD_DATES) },
        { weight: 2, arbitrary: fc.constantFrom(...UNBALANCED) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) }
    );
    return fc.oneof(
        fc.record({ op: fc.constant('delete'), at: natural }),
        fc.record({ op: fc.constant('duplicate'), at: natural }),
        fc.record({ op: fc.constant('swap'), at: natural, with: natural }),
        fc.record({ op: fc.constant('replace'), at: natural, by: payload }),
        // Replace a token of one kind (the n-th number, date, string or word) with a payload.
        fc.record({ op: fc.constant('replaceKind'), kind: fc.constantFrom('number', 'date', 'string', 'word'), at: natural, by: payload }),
        fc.constantFrom('word', 'number', 'date', 'string').chain(kind => fc.record({ op: fc.constant('replaceKind'), kind: fc.constant(kind), at: natural, by: sameKind[kind] })),
        fc.record({ op: fc.constant('insert'), at: natural, text: payload }),
        // Insert anywhere, also inside a token (a string, a name, a number).
        fc.record({ op: fc.constant('insertAt'), offset: natural, text: payload }),
        fc.record({ op: fc.constant('cut'), offset: natural }),
        fc.record({ op: fc.constant('cutSpan'), offset: natural, length: fc.nat({ max: 400 }) })
    );
}

/** A case: an example, one to four mutations applied in order, and whether the mutant is an edit of the open original or a new file. */
export function caseArbitrary(corpus) {
    const tokens = [...new Set(corpus.flatMap(entry => significant(tokenize(entry.text)).map(t => t.text)))]
        .filter(t => t.length <= 200)
        .sort();
    return fc.record({
        example: fc.nat({ max: corpus.length - 1 }),
        mutations: fc.array(mutationArbitrary(tokens), { minLength: 1, maxLength: 4 }),
        edit: fc.boolean()
    });
}

/** A position in `text` that does not split a surrogate pair. */
function charOffset(text, n) {
    let offset = n % (text.length + 1);
    const code = text.charCodeAt(offset - 1);
    if (offset > 0 && code >= 0xd800 && code <= 0xdbff) {
        offset--;
    }
    return offset;
}

/** Applies one mutation to a text. */
export function applyMutation(text, mutation) {
    const all = tokenize(text);
    const tokens = significant(all);
    const pick = (n, list = tokens) => list.length > 0 ? list[n % list.length] : undefined;
    const splice = (start, end, replacement) => text.slice(0, start) + replacement + text.slice(end);
    switch (mutation.op) {
        case 'delete': {
            const t = pick(mutation.at);
            return t ? splice(t.offset, t.offset + t.text.length, '') : text;
        }
        case 'duplicate': {
            const t = pick(mutation.at);
            return t ? splice(t.offset + t.text.length, t.offset + t.text.length, ` ${t.text}`) : text;
        }
        case 'swap': {
            let a = pick(mutation.at);
            let b = pick(mutation.with);
            if (!a || !b || a === b) {
                return text;
            }
            if (a.offset > b.offset) {
                [a, b] = [b, a];
            }
            return text.slice(0, a.offset) + b.text + text.slice(a.offset + a.text.length, b.offset) + a.text + text.slice(b.offset + b.text.length);
        }
        case 'replace':
        case 'replaceKind': {
            const t = pick(mutation.at, mutation.op === 'replace' ? tokens : tokens.filter(x => x.kind === mutation.kind));
            return t ? splice(t.offset, t.offset + t.text.length, mutation.by) : text;
        }
        case 'insert': {
            // Between two tokens, with the spacing a writer would use.
            const t = pick(mutation.at);
            const at = t ? t.offset : text.length;
            return splice(at, at, `${mutation.text} `);
        }
        case 'insertAt': {
            const at = charOffset(text, mutation.offset);
            return splice(at, at, mutation.text);
        }
        case 'cut':
            return text.slice(0, charOffset(text, mutation.offset));
        case 'cutSpan': {
            const start = charOffset(text, mutation.offset);
            const end = charOffset(text, Math.min(text.length, start + mutation.length));
            return splice(start, Math.max(start, end), '');
        }
        default:
            throw new Error(`unknown mutation ${JSON.stringify(mutation)}`);
    }
}

/** The mutated text of a case. */
export function mutate(corpus, fuzzCase) {
    return fuzzCase.mutations.reduce(applyMutation, corpus[fuzzCase.example].text);
}

/** A short description of a mutation for reports (payloads with invisible characters JSON-escaped). */
export function describeMutation(mutation) {
    return JSON.stringify(mutation, (key, value) => typeof value === 'string' && value.length > 40 ? `${value.slice(0, 20)}…(${value.length} chars)` : value);
}
