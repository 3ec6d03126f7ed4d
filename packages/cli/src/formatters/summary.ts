import * as path from 'node:path';
import { localize, msg, neutralise, neutraliseLineStart, type FileReport, type Locale, type ReportedDiagnostic } from '@osa-policy/language';

export interface Summary {
    files: number;
    errors: number;
    warnings: number;
    infos: number;
}

export function summarize(reports: readonly FileReport[]): Summary {
    const all = reports.flatMap(r => r.diagnostics);
    return {
        files: reports.length,
        errors: all.filter(d => d.severity === 'error').length,
        warnings: all.filter(d => d.severity === 'warning').length,
        infos: all.filter(d => d.severity === 'info').length
    };
}

/** A path relative to `cwd` when inside it, with forward slashes on every platform. */
export function displayPath(file: string, cwd: string): string {
    const relative = path.relative(cwd, file);
    const shown = relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
    return shown.split(path.sep).join('/');
}

/** A related location as a line of the text formats (github, junit): `related: path:line:col message`. */
export function relatedLine(related: NonNullable<ReportedDiagnostic['related']>[number], cwd: string, locale: Locale = 'en'): string {
    const location = `${textPath(related.path, cwd)}:${related.range.start.line}:${related.range.start.column}`;
    return localize(msg('cli.related', { location, message: neutralise(related.message) }), locale);
}

/** `displayPath` for text formats: a file name is repository text, neutralised like a message (and never starts a workflow command). */
export function textPath(file: string, cwd: string): string {
    return neutraliseLineStart(displayPath(file, cwd));
}
