import type { FileReport } from '@osa-policy/language';

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

/** Paths in reports are shown relative to the current directory, with forward slashes. */
export function displayPath(file: string): string {
    const relative = file.startsWith(process.cwd()) ? file.slice(process.cwd().length + 1) : file;
    return relative.split('\\').join('/');
}
