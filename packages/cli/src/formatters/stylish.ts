import type { Formatter } from './format.js';
import { displayPath, summarize } from './summary.js';

/** One line per finding: `path:line:col  severity  message  ID (§clause)`, then a summary. */
export const formatStylish: Formatter = (run, context) => {
    const lines: string[] = [];
    for (const report of run.reports) {
        for (const d of report.diagnostics) {
            const where = `${displayPath(report.path, context.cwd)}:${d.range.start.line}:${d.range.start.column}`;
            const id = d.clause ? `${d.rule} (${d.clause})` : d.rule;
            lines.push(`${where}  ${d.severity}  ${d.message}  ${id}`);
        }
    }
    const s = summarize(run.reports);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    lines.push(`${plural(s.files, 'file')} checked: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')}`
        + (run.problems.length > 0 ? `, ${plural(run.problems.length, 'unreadable path')}` : ''));
    return lines.join('\n') + '\n';
};
