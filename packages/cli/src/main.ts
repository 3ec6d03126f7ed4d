/**
 * `osa`: validates OSA programme files against the Implementation Guidelines.
 * Commands load lazily, so `osa --version` and `osa --help` start without the parser.
 */
import '@osa-policy/language/compat';
import { REPORT_BUGS_URL } from '@osa-policy/language/report-bugs';
// The catalogues only (no parser): `osa --help` and `osa --version` stay quick.
import { localeFromEnvironment, localize, msg, type Locale } from '@osa-policy/language/i18n-core';
import { ExitCode, LocalizedError, UsageError } from './exit-codes.js';
import { localeOf } from './locale.js';
import { TOOL_VERSION } from './tool-version.js';
import { neutralise } from '@osa-policy/language/neutralise';

/** The help text in a locale (English unless asked). */
export function helpText(locale: Locale = 'en'): string {
    return localize(msg('cli.help', { version: TOOL_VERSION }), locale);
}

export const HELP = helpText();

export interface Io {
    out: (text: string) => void;
    err: (text: string) => void;
}

export async function main(argv: readonly string[], io: Io = {
    out: text => process.stdout.write(text),
    err: text => process.stderr.write(text)
}, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
    let locale = localeFromEnvironment(env);
    try {
        locale = localeOf(argv, env);
        const [command, ...rest] = argv;
        // `osa validate --help` as well as `osa --help`: every command takes it (before a `--`, after which all are paths).
        const end = argv.indexOf('--');
        if (command !== undefined && !command.startsWith('-') && argv.slice(1, end < 0 ? argv.length : end).some(a => a === '--help' || a === '-h')) {
            io.out(helpText(locale));
            return ExitCode.Ok;
        }
        switch (command) {
            case undefined:
            case '--help':
            case '-h':
            case 'help':
                io.out(helpText(locale));
                return ExitCode.Ok;
            case '--version':
            case '-v':
                io.out(await (await import('./version.js')).versionText(locale));
                return ExitCode.Ok;
            case 'validate':
                return await (await import('./commands/validate.js')).runValidate(rest, io, locale);
            case 'report':
                return await (await import('./commands/report.js')).runReport(rest, io, locale);
            case 'rules':
                return (await import('./commands/rules.js')).runRules(rest, io, locale);
            case 'explain':
                return (await import('./commands/explain.js')).runExplain(rest, io, locale);
            case 'init':
                return (await import('./commands/init.js')).runInit(rest, io, new Date(), locale);
            case 'lsp':
                return await (await import('./commands/lsp.js')).runLsp(rest, locale);
            default:
                // `osa --locale ja --help`: the locale may come first.
                if (command === '--locale' || command.startsWith('--locale=')) {
                    const given = argv.slice(0, command === '--locale' ? 2 : 1);
                    const others = argv.slice(given.length);
                    return await main([...(others.length > 0 ? others : ['--help']), ...given], io, env);
                }
                throw new UsageError(msg('cli.usage.unknownCommand', { command }));
        }
    } catch (error) {
        // Messages can quote arguments and file names: show their control characters escaped.
        if (error instanceof UsageError) {
            io.err(`osa: ${neutralise(error.render(locale))}\n${localize(msg('cli.usage.runHelp'), error.locale ?? locale)}\n`);
            return ExitCode.UsageOrIo;
        }
        if (error instanceof LocalizedError) {
            io.err(`osa: ${neutralise(error.render(locale))}\n`);
            return ExitCode.UsageOrIo;
        }
        io.err(internalErrorText(error, undefined, locale));
        return ExitCode.UsageOrIo;
    }
}

/**
 * A genuine bug in osa (a user's mistake never gets here): what failed, how to report it, and the
 * stack trace only when asked for, since it helps the maintainers and not the user.
 */
export function internalErrorText(error: unknown, file?: string, locale: Locale = 'en'): string {
    const message = neutralise(error instanceof Error ? error.message : String(error));
    const stack = process.env.OSA_DEBUG && error instanceof Error && error.stack ? `\n${error.stack}` : '';
    const what = file ? msg('cli.internalErrorInFile', { file: neutralise(file), message }) : msg('cli.internalError', { message });
    const report = msg(file ? 'cli.internalErrorReportWithFile' : 'cli.internalErrorReport', { url: REPORT_BUGS_URL });
    return `${localize(what, locale)}\n${localize(report, locale)}${stack}\n`;
}
