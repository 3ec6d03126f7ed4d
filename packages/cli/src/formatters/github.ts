/**
 * GitHub Actions workflow commands: each line printed by a step becomes an annotation on the file and
 * line in the pull request and the run summary.
 *
 *   ::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=OSA101 (§2(1))::MESSAGE
 *
 * - error → `::error`, warning → `::warning`, info → `::notice`; the title is the rule id and its
 *   clause (`syntax` and `suppression` have no clause).
 * - PATH is relative to the current directory, so run `osa` from the repository root (the default
 *   working directory of a step) for the annotations to land on the files.
 * - `col` and `endColumn` are given only when the finding starts and ends on one line: GitHub accepts
 *   columns only for single-line annotations. `endColumn` is exclusive, as in the JSON format.
 * - Related locations have no place in an annotation, so they are appended to the message as
 *   `related: path:line:col message` lines.
 * - Suppressed findings are not printed: an annotation would undo the waiver.
 * - A path that could not be validated is `::error file=PATH::MESSAGE`.
 * - No summary line: a summary would itself be an annotation and take one of the few notices GitHub
 *   shows per step, and the step's exit code already says whether there were errors. A clean run
 *   prints nothing.
 *
 * Escaping follows the runner: in the message `%` → `%25`, CR → `%0D`, LF → `%0A`; in property
 * values additionally `:` → `%3A` and `,` → `%2C`. Before that, control characters in messages and
 * paths (repository text) are shown escaped (`\n`, `\x1b`): the only line breaks in an annotation are
 * the ones separating related locations, and no escape sequence reaches the log.
 */
import { neutralise, type ReportedDiagnostic, type Severity } from '@osa-policy/language';
import type { Formatter } from './format.js';
import { relatedLine, textPath } from './summary.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: Record<string, string | number>, message: string): string {
    const props = Object.entries(properties).map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
    return `::${name}${props ? ' ' + props : ''}::${escapeData(message)}`;
}

export const formatGithub: Formatter = (run, context) => {
    const shown = (file: string) => textPath(file, context.cwd);
    const lines: string[] = [];
    const annotation = (file: string, d: ReportedDiagnostic): string => {
        const { start, end } = d.range;
        const oneLine = start.line === end.line;
        const message = [
            neutralise(d.message),
            ...(d.related ?? []).map(r => relatedLine(r, context.cwd, context.locale))
        ].join('\n');
        return command(COMMAND[d.severity], {
            file: shown(file),
            line: start.line,
            ...(oneLine ? { col: start.column } : {}),
            endLine: Math.max(start.line, end.line),
            ...(oneLine ? { endColumn: Math.max(start.column, end.column) } : {}),
            title: d.clause ? `${d.rule} (${d.clause})` : d.rule
        }, message);
    };
    for (const report of run.reports) {
        for (const d of report.diagnostics) {
            lines.push(annotation(report.path, d));
        }
    }
    for (const problem of run.problems) {
        lines.push(command('error', { file: shown(problem.path) }, neutralise(problem.message)));
    }
    return lines.length > 0 ? lines.join('\n') + '\n' : '';
};
