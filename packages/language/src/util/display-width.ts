/**
 * The width of text in a monospaced terminal or editor, in columns: East Asian Wide and Fullwidth characters
 * (kanji, kana, fullwidth forms, the ideographic space U+3000, most emoji) take two columns, combining marks
 * and other zero-width characters none, everything else one. Used where output is aligned by columns, so that
 * a line with Japanese text lines up with one without.
 *
 * The ranges are the W and F ranges of Unicode's EastAsianWidth.txt (Unicode 15), merged where neighbouring;
 * characters of ambiguous width (A: Greek, Cyrillic, box drawing, ①) count one, as in a terminal set up for
 * Western text and in VS Code. Halfwidth katakana (U+FF61–U+FF9F, H) count one.
 */

/** Start and end (inclusive) of each run of Wide or Fullwidth code points, in increasing order. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
    [0x1100, 0x115F], [0x231A, 0x231B], [0x2329, 0x232A], [0x23E9, 0x23EC], [0x23F0, 0x23F0], [0x23F3, 0x23F3],
    [0x25FD, 0x25FE], [0x2614, 0x2615], [0x2648, 0x2653], [0x267F, 0x267F], [0x2693, 0x2693], [0x26A1, 0x26A1],
    [0x26AA, 0x26AB], [0x26BD, 0x26BE], [0x26C4, 0x26C5], [0x26CE, 0x26CE], [0x26D4, 0x26D4], [0x26EA, 0x26EA],
    [0x26F2, 0x26F3], [0x26F5, 0x26F5], [0x26FA, 0x26FA], [0x26FD, 0x26FD], [0x2705, 0x2705], [0x270A, 0x270B],
    [0x2728, 0x2728], [0x274C, 0x274C], [0x274E, 0x274E], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
    [0x27B0, 0x27B0], [0x27BF, 0x27BF], [0x2B1B, 0x2B1C], [0x2B50, 0x2B50], [0x2B55, 0x2B55],
    // CJK radicals, Kangxi radicals, ideographic description, CJK symbols and punctuation (U+3000 is F).
    [0x2E80, 0x2E99], [0x2E9B, 0x2EF3], [0x2F00, 0x2FD5], [0x2FF0, 0x303E],
    // Hiragana, katakana, bopomofo, Hangul compatibility jamo, kanbun, CJK strokes, enclosed CJK, CJK compatibility.
    [0x3041, 0x3096], [0x3099, 0x30FF], [0x3105, 0x312F], [0x3131, 0x318E], [0x3190, 0x31E3], [0x31EF, 0x321E],
    [0x3220, 0x3247], [0x3250, 0x4DBF],
    // CJK unified ideographs, Yi, Hangul jamo extended-A, Hangul syllables, CJK compatibility ideographs.
    [0x4E00, 0xA48C], [0xA490, 0xA4C6], [0xA960, 0xA97C], [0xAC00, 0xD7A3], [0xF900, 0xFAFF],
    // Vertical forms, CJK compatibility forms, small form variants, fullwidth forms, fullwidth signs.
    [0xFE10, 0xFE19], [0xFE30, 0xFE52], [0xFE54, 0xFE66], [0xFE68, 0xFE6B], [0xFF01, 0xFF60], [0xFFE0, 0xFFE6],
    // Ideographic symbols, Tangut, Khitan, kana supplement and extensions, Nushu.
    [0x16FE0, 0x16FE4], [0x16FF0, 0x16FF1], [0x17000, 0x187F7], [0x18800, 0x18CD5], [0x18D00, 0x18D08],
    [0x1AFF0, 0x1AFF3], [0x1AFF5, 0x1AFFB], [0x1AFFD, 0x1AFFE], [0x1B000, 0x1B122], [0x1B132, 0x1B132],
    [0x1B150, 0x1B152], [0x1B155, 0x1B155], [0x1B164, 0x1B167], [0x1B170, 0x1B2FB],
    // Emoji with emoji presentation, enclosed ideographic supplement.
    [0x1F004, 0x1F004], [0x1F0CF, 0x1F0CF], [0x1F18E, 0x1F18E], [0x1F191, 0x1F19A], [0x1F200, 0x1F202],
    [0x1F210, 0x1F23B], [0x1F240, 0x1F248], [0x1F250, 0x1F251], [0x1F260, 0x1F265], [0x1F300, 0x1F320],
    [0x1F32D, 0x1F335], [0x1F337, 0x1F37C], [0x1F37E, 0x1F393], [0x1F3A0, 0x1F3CA], [0x1F3CF, 0x1F3D3],
    [0x1F3E0, 0x1F3F0], [0x1F3F4, 0x1F3F4], [0x1F3F8, 0x1F43E], [0x1F440, 0x1F440], [0x1F442, 0x1F4FC],
    [0x1F4FF, 0x1F53D], [0x1F54B, 0x1F54E], [0x1F550, 0x1F567], [0x1F57A, 0x1F57A], [0x1F595, 0x1F596],
    [0x1F5A4, 0x1F5A4], [0x1F5FB, 0x1F64F], [0x1F680, 0x1F6C5], [0x1F6CC, 0x1F6CC], [0x1F6D0, 0x1F6D2],
    [0x1F6D5, 0x1F6D7], [0x1F6DC, 0x1F6DF], [0x1F6EB, 0x1F6EC], [0x1F6F4, 0x1F6FC], [0x1F7E0, 0x1F7EB],
    [0x1F7F0, 0x1F7F0], [0x1F90C, 0x1F93A], [0x1F93C, 0x1F945], [0x1F947, 0x1F9FF], [0x1FA70, 0x1FA7C],
    [0x1FA80, 0x1FA88], [0x1FA90, 0x1FABD], [0x1FABF, 0x1FAC5], [0x1FACE, 0x1FADB], [0x1FAE0, 0x1FAE8],
    [0x1FAF0, 0x1FAF8],
    // CJK unified ideographs extensions B and later (planes 2 and 3).
    [0x20000, 0x2FFFD], [0x30000, 0x3FFFD]
];

/** Combining marks (nonspacing, enclosing), format characters (ZWJ, ZWSP, BOM) and controls take no column. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;

function isWide(codePoint: number): boolean {
    if (codePoint < WIDE[0][0]) {
        return false;
    }
    let low = 0;
    let high = WIDE.length - 1;
    while (low <= high) {
        const middle = (low + high) >> 1;
        const [start, end] = WIDE[middle];
        if (codePoint < start) {
            high = middle - 1;
        } else if (codePoint > end) {
            low = middle + 1;
        } else {
            return true;
        }
    }
    return false;
}

/** Columns one character (one code point) takes: 0, 1 or 2. */
export function charWidth(char: string): number {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint >= 0x20 && codePoint < 0x7F) {
        return 1;
    }
    if (ZERO_WIDTH.test(char)) {
        return 0;
    }
    // Hangul medial vowels and final consonants join the syllable begun by an initial consonant.
    if (codePoint >= 0x1160 && codePoint <= 0x11FF) {
        return 0;
    }
    return isWide(codePoint) ? 2 : 1;
}

/** Columns the text takes on one line (code point by code point, so a surrogate pair counts once). */
export function displayWidth(text: string): number {
    let width = 0;
    for (const char of text) {
        width += charWidth(char);
    }
    return width;
}

/** The text padded with spaces to `width` columns (by display width; text already wider is returned as is). */
export function padDisplayEnd(text: string, width: number): string {
    return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * The longest prefix of `text` of at most `units` UTF-16 code units that ends between two whole characters: never
 * half of a surrogate pair (𠮷, emoji), which would print as U+FFFD, and never a base letter without the combining
 * marks that follow it (か + U+3099 is が; cutting between them would change the word).
 */
export function prefixWithin(text: string, units: number): string {
    if (text.length <= units) {
        return text;
    }
    let end = Math.max(0, units);
    if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end))) {
        end--;
    }
    while (end > 0 && COMBINING.test(String.fromCodePoint(text.codePointAt(end)!))) {
        // Back off to before the base character the mark belongs to.
        end--;
        if (end > 0 && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) {
            end--;
        }
    }
    return text.slice(0, end);
}

const COMBINING = /^[\p{Mn}\p{Me}]$/u;
const isHighSurrogate = (unit: number) => unit >= 0xD800 && unit <= 0xDBFF;
const isLowSurrogate = (unit: number) => unit >= 0xDC00 && unit <= 0xDFFF;
