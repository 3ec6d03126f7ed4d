import { localize, msg, neutralise, type Severity } from '@osa-policy/language';
import { counted } from '../locale.js';
import type { Formatter } from './format.js';
import { summarize, textPath } from './summary.js';

/** Plain ANSI SGR codes, each closed by its own reset so that styles nest. */
const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const bold = ansi(1, 22);
const dim = ansi(2, 22);
const red = ansi(31, 39);
const yellow = ansi(33, 39);
const cyan = ansi(36, 39);
const green = ansi(32, 39);
const plain = (text: string) => text;

const SEVERITY_COLOUR: Record<Severity, (text: string) => string> = { error: red, warning: yellow, info: cyan };

/**
 * One line per finding: `path:line:col  severity  message  ID (§clause)`, then a summary. With colour
 * the line keeps that shape: the path is bold, the severity red / yellow / cyan, the rule id dim, and
 * the summary red when there are errors or input problems, yellow when there are warnings, else green.
 * Messages and paths are repository text: their control characters are shown escaped, so a file
 * can neither start a line of its own (a forged CI annotation) nor send terminal escape sequences.
 */
export const formatStylish: Formatter = (run, context) => {
    const c = context.color;
    const locale = context.locale ?? 'en';
    const lines: string[] = [];
    for (const report of run.reports) {
        for (const d of report.diagnostics) {
            const where = `${(c ? bold : plain)(textPath(report.path, context.cwd))}:${d.range.start.line}:${d.range.start.column}`;
            const id = d.clause ? `${d.rule} (${d.clause})` : d.rule;
            lines.push(`${where}  ${(c ? SEVERITY_COLOUR[d.severity] : plain)(localize(msg(`cli.severity.${d.severity}`), locale))}  ${neutralise(d.message)}  ${(c ? dim : plain)(id)}`);
        }
    }
    const s = summarize(run.reports);
    const suppressed = run.reports.reduce((n, r) => n + r.suppressed.length, 0);
    const counts = [
        counted('cli.count.error', s.errors), counted('cli.count.warning', s.warnings), counted('cli.count.info', s.infos),
        ...(suppressed > 0 ? [msg('cli.count.suppressed', { count: suppressed })] : []),
        ...(run.problems.length > 0 ? [counted('cli.count.inputProblem', run.problems.length)] : [])
    ];
    const summary = localize(msg('cli.stylish.summary', { files: counted('cli.count.file', s.files), counts }), locale);
    const colour = s.errors > 0 || run.problems.length > 0 ? red : s.warnings > 0 ? yellow : green;
    lines.push(c ? bold(colour(summary)) : summary);
    return lines.join('\n') + '\n';
};
