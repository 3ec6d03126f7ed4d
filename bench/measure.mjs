// What the language-server benchmarks share: their numeric options, the large file they edit, how they summarise timings.
import { programme } from './generate.mjs';

/** `--name N` from the command line as a number, else `fallback`. */
export function numberArg(name, fallback) {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** The q-quantile of `values` (nearest rank, as every figure of these benchmarks is reported). */
export function percentile(values, q) {
    return [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
}

/** A file of at least 5,000 lines: generated programmes, compliant, ids from `first` on. */
export function bigFile(first = 0) {
    let text = '';
    for (let i = first; text.split('\n').length < 5000; i++) {
        text += programme(i);
    }
    return text;
}
