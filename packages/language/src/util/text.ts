/**
 * Edit distance for did-you-mean suggestions on codes, terms and keywords: insertions, deletions,
 * substitutions and swaps of two neighbouring letters ("grnat" → "grant") each count one.
 */
export function editDistance(a: string, b: string): number {
    let twoBack: number[] = [];
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                best = Math.min(best, twoBack[j - 2] + 1);
            }
            current.push(best);
        }
        twoBack = previous;
        previous = current;
    }
    return previous[b.length];
}

/** Formats a yen (or other) amount with thousands separators for messages. */
export function formatAmount(value: number | bigint, currency: string): string {
    return `${value.toLocaleString('en-US')} ${currency}`;
}
