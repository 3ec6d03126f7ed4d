import { ALL_RULES, ruleDocsPath } from '@osa-policy/language';
import { choice, parseArgs } from '../args.js';
import { ExitCode } from '../exit-codes.js';

/** The catalogue entry of `osa rules --format json`: a contract other tools read. */
export interface RuleCatalogueEntry {
    id: string;
    name: string;
    severity: string;
    clause: string;
    summary: string;
    docs: string;
}

export function ruleCatalogue(): RuleCatalogueEntry[] {
    return ALL_RULES.map(r => ({ id: r.id, name: r.name, severity: r.severity, clause: r.clause, summary: r.summary, docs: ruleDocsPath(r.id) }));
}

export function runRules(argv: readonly string[], io: { out: (text: string) => void }): number {
    const { options } = parseArgs(argv, ['format']);
    const format = choice(options.get('format'), ['table', 'json'] as const, 'table', 'format');
    const catalogue = ruleCatalogue();
    if (format === 'json') {
        io.out(JSON.stringify(catalogue, null, 2) + '\n');
        return ExitCode.Ok;
    }
    const widths = {
        id: 6,
        name: Math.max(...catalogue.map(r => r.name.length)),
        severity: 8,
        clause: Math.max(...catalogue.map(r => r.clause.length))
    };
    const line = (cells: string[]) => cells.map((c, i) => i < 4 ? c.padEnd(Object.values(widths)[i]) : c).join('  ').trimEnd() + '\n';
    io.out(line(['ID', 'NAME', 'SEVERITY', 'CLAUSE', 'SUMMARY']));
    for (const r of catalogue) {
        io.out(line([r.id, r.name, r.severity, r.clause, r.summary]));
    }
    return ExitCode.Ok;
}
