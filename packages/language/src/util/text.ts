/** Levenshtein distance, for did-you-mean suggestions on short codes and names. */
export function editDistance(a: string, b: string): number {
    const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = previous[0];
        previous[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = previous[j];
            previous[j] = Math.min(
                previous[j] + 1,
                previous[j - 1] + 1,
                diagonal + (a[i - 1] === b[j - 1] ? 0 : 1)
            );
            diagonal = above;
        }
    }
    return previous[b.length];
}

/** Formats a yen (or other) amount with thousands separators for messages. */
export function formatAmount(value: number, currency: string): string {
    return `${value.toLocaleString('en-US')} ${currency}`;
}
