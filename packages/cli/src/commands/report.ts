/**
 * `osa report`: the compliance matrix, the disclosure sheets and the portfolio, on the same checks as
 * `osa validate` (workspace resolution, configuration, suppressions, exit codes).
 */
import * as path from 'node:path';
import { ALL_RULES, buildComplianceReport, msg, type ComplianceReport, type Locale } from '@osa-policy/language';
import { choice, parseArgs } from '../args.js';
import { UsageError } from '../exit-codes.js';
import { displayPath } from '../formatters/summary.js';
import type { Io } from '../main.js';
import { renderCsv } from '../report/csv.js';
import { renderHtml } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderJson } from '../report/shared.js';
import { renderXlsx } from '../report/xlsx.js';
import { TOOL_VERSION } from '../tool-version.js';
import { CHECK_FLAGS, CHECK_OPTIONS, checkPaths, checkRequestOf, exitCodeOf, writeReport } from './validate.js';

export const REPORT_FORMATS = ['json', 'md', 'html', 'csv', 'xlsx'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

/** JSON and CSV keep their field names and enum values in every locale (a contract); their texts follow the locale. */
const RENDERERS: Record<ReportFormat, (report: ComplianceReport, locale: Locale) => string | Promise<Uint8Array>> = {
    json: report => renderJson(report, TOOL_VERSION),
    md: renderMarkdown,
    html: async (report, locale) => new TextEncoder().encode(renderHtml(report, TOOL_VERSION, await (await import('../report/charts.js')).portfolioCharts(report, locale), locale)),
    csv: renderCsv,
    xlsx: (report, locale) => renderXlsx(report, TOOL_VERSION, locale)
};

export async function runReport(argv: readonly string[], io: Io, locale: Locale = 'en'): Promise<number> {
    const { positional, options, flags } = parseArgs(argv, ['format', 'output', ...CHECK_OPTIONS], [...CHECK_FLAGS]);
    const output = options.get('output');
    // Without --format, the output file's extension chooses (report.html); else Markdown.
    const fromExtension = output ? path.extname(output).slice(1).replace(/^markdown$/, 'md') : undefined;
    const format = choice(options.get('format') ?? (REPORT_FORMATS as readonly string[]).find(f => f === fromExtension), REPORT_FORMATS, 'md', 'format');
    if (format === 'xlsx' && !output) {
        throw new UsageError(msg('cli.usage.xlsxNeedsOutput'));
    }
    const request = checkRequestOf(options, flags, locale);
    const run = await checkPaths(positional, request, io, { records: true });
    const cwd = process.cwd();
    const report = buildComplianceReport(run, ALL_RULES, { displayPath: file => displayPath(file, cwd), locale });
    const rendered = await RENDERERS[format](report, locale);
    if (output) {
        writeReport(output, rendered);
    } else {
        io.out(typeof rendered === 'string' ? rendered : new TextDecoder().decode(rendered));
    }
    return exitCodeOf(run, request.failLevel, request.maxWarnings);
}
