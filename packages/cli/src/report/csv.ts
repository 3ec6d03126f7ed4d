/**
 * The report as one CSV table in long form (docs/report.md): the first column names the part
 * (`matrix`, `portfolio`), so a spreadsheet filter or `grep` splits it, and every row has the same
 * columns. Every text from a file goes through `csvField` (quoted, formula characters neutralised);
 * counts and yen amounts are plain numbers.
 */
import { csvField, type ComplianceReport } from '@osa-policy/language';

export const CSV_COLUMNS = ['part', 'programme', 'path', 'fiscal_year', 'clause', 'status', 'rules', 'evidence', 'dimension', 'key', 'programmes', 'amount_jpy'] as const;
type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number>>;

export function renderCsv(report: ComplianceReport): string {
    const rows: Row[] = [];
    for (const p of report.programmes) {
        const base = { part: 'matrix', programme: p.id, path: p.path, fiscal_year: p.disclosure.fiscalYear };
        if (!p.assessable) {
            rows.push({ ...base, status: 'not-assessable', evidence: p.notAssessable!.map(e => `${e.path}:${e.line}:${e.column} ${e.message}`).join('; ') });
            continue;
        }
        for (const line of p.matrix) {
            rows.push({
                ...base, clause: line.clause, status: line.status,
                rules: line.rules.map(r => `${r.id}:${r.status}${r.waivers ? ` (${r.waivers.map(w => `${w.by}: ${w.reason}`).join('; ')})` : ''}`).join(' '),
                evidence: line.evidence.map(e => `${e.path}:${e.line}:${e.column} ${e.rule}`).join('; ')
            });
        }
    }
    for (const y of report.portfolio.fiscalYears) {
        const base = { part: 'portfolio', fiscal_year: y.fiscalYear };
        if (y.envelope !== undefined) {
            rows.push({ ...base, dimension: 'envelope', key: y.envelopes.map(e => e.name).join(' '), amount_jpy: y.envelope });
            rows.push({ ...base, dimension: 'remaining', amount_jpy: y.remaining });
        }
        rows.push({ ...base, dimension: 'total', programmes: y.programmes, amount_jpy: y.amount });
        for (const [dimension, list] of [['recipient', y.byRecipient], ['field', y.byField], ['dac-group', y.byDacGroup], ['stage', y.byStage]] as const) {
            rows.push(...list.map(b => ({ ...base, dimension, key: b.key, programmes: b.programmes, amount_jpy: b.amount })));
        }
        rows.push(...y.notSummed.map(n => ({ ...base, dimension: 'not-summed', programme: n.id, key: n.reason })));
    }
    return [CSV_COLUMNS.join(','), ...rows.map(row => CSV_COLUMNS.map(c => csvField(row[c])).join(','))].join('\r\n') + '\r\n';
}
