import type { ValidationRun } from '../commands/validate.js';
import { displayPath, summarize } from './summary.js';

/** The JSON contract: 1-based lines and columns; syntax and language errors use rule "syntax". */
export function formatJson(run: ValidationRun, version: string): string {
    const output = {
        version,
        files: run.reports.map(r => ({
            path: displayPath(r.path),
            diagnostics: r.diagnostics.map(d => ({
                rule: d.rule, severity: d.severity, message: d.message, clause: d.clause, range: d.range,
                ...(d.related ? { related: d.related.map(x => ({ ...x, path: displayPath(x.path) })) } : {})
            }))
        })),
        errors: run.problems.map(p => ({ path: displayPath(p.path), message: p.message })),
        summary: summarize(run.reports)
    };
    return JSON.stringify(output, null, 2) + '\n';
}
