import { ALL_RULES, displayWidth, padDisplayEnd, ruleDocsPath, ruleSummary, type Locale } from '@osa-policy/language';
import { choice, parseArgs } from '../args.js';
import { ExitCode } from '../exit-codes.js';
import { text } from '../locale.js';

/** The catalogue entry of `osa rules --format json`: a contract other tools read. */
export interface RuleCatalogueEntry {
    id: string;
    name: string;
    severity: string;
    clause: string;
    summary: string;
    docs: string;
}

/** Every rule; `summary` and `docs` in `locale` (the Japanese page lives in docs/rules/ja/). */
export function ruleCatalogue(locale: Locale = 'en'): RuleCatalogueEntry[] {
    return ALL_RULES.map(r => ({
        id: r.id, name: r.name, severity: r.severity, clause: r.clause, summary: ruleSummary(r, locale), docs: ruleDocsPath(r.id, locale)
    }));
}

export function runRules(argv: readonly string[], io: { out: (text: string) => void }, locale: Locale = 'en'): number {
    const { options } = parseArgs(argv, ['format']);
    const format = choice(options.get('format'), ['table', 'json'] as const, 'table', 'format');
    const catalogue = ruleCatalogue(locale);
    if (format === 'json') {
        io.out(JSON.stringify(catalogue, null, 2) + '\n');
        return ExitCode.Ok;
    }
    const header = (['id', 'name', 'severity', 'clause', 'summary'] as const).map(column => text(locale, `cli.rules.header.${column}`));
    // Columns are as wide as their widest cell, counted in terminal columns (a Japanese header takes two per character).
    const widths = [
        Math.max(6, displayWidth(header[0])),
        Math.max(displayWidth(header[1]), ...catalogue.map(r => r.name.length)),
        Math.max(8, displayWidth(header[2])),
        Math.max(displayWidth(header[3]), ...catalogue.map(r => r.clause.length))
    ];
    const line = (cells: string[]) => cells.map((c, i) => i < 4 ? padDisplayEnd(c, widths[i]) : c).join('  ').trimEnd() + '\n';
    io.out(line(header));
    for (const r of catalogue) {
        io.out(line([r.id, r.name, r.severity, r.clause, r.summary]));
    }
    return ExitCode.Ok;
}
