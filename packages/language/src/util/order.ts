/**
 * One ordering for everything the tool sorts (file paths, findings, rule ids, terms): by Unicode code point.
 *
 * `localeCompare` and `Intl.Collator` order by the collation of the machine's locale and ICU version, so two
 * machines (a laptop in Tokyo, a CI runner in `C`) could list the same findings in different orders and a
 * report or a golden file would differ between them. Code-point order is the same everywhere.
 */

/**
 * Compares two strings by code point: negative, zero or positive like a `sort` comparator.
 *
 * JavaScript's `<` compares UTF-16 code units, which agrees with code-point order except between a
 * character above U+FFFF (a surrogate pair, U+D800–U+DFFF) and one in U+E000–U+FFFF (such as the fullwidth
 * forms): the first differing unit is lifted so that surrogates sort after U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
    if (a === b) {
        return 0;
    }
    const length = Math.min(a.length, b.length);
    for (let i = 0; i < length; i++) {
        const x = a.charCodeAt(i);
        const y = b.charCodeAt(i);
        if (x !== y) {
            return codePointRank(x) - codePointRank(y);
        }
    }
    return a.length - b.length;
}

/** A code unit's place in code-point order: U+E000–U+FFFF move below the surrogates, which move to the top. */
function codePointRank(unit: number): number {
    return unit >= 0xE000 ? unit - 0x800 : unit >= 0xD800 ? unit + 0x2000 : unit;
}

/** A comparator by a string key, in code-point order: `items.sort(byCodePoints(item => item.path))`. */
export function byCodePoints<T>(key: (item: T) => string): (a: T, b: T) => number {
    return (a, b) => compareCodePoints(key(a), key(b));
}
