/**
 * `osa`: validates OSA programme files against the Implementation Guidelines.
 * Commands load lazily, so `osa --version` and `osa --help` start without the parser.
 */
import '@osa-policy/language/compat';
import { REPORT_BUGS_URL } from '@osa-policy/language/report-bugs';
import { ExitCode, OutputError, UsageError } from './exit-codes.js';
import { TOOL_VERSION } from './version.js';
import { neutralise } from '@osa-policy/language/neutralise';

export const HELP = `osa ${TOOL_VERSION}: check OSA programme files against Japan's OSA Implementation Guidelines

Usage:
  osa validate [paths|globs...] [options]   validate files, folders and globs (default: .)
      --format stylish|json|sarif|junit|github   output format (default: stylish)
      --output <file>          write the report to a file instead of standard output
      --config <file>          use this osa.config.json for every file instead of discovering one
      --allow-outside-data     trust the configurations: let them name data files outside their folder
      --fail-level error|warning|info   exit 1 on a finding at or above this level (default: error)
      --max-warnings <n>       also exit 1 when there are more than n warnings
      --jobs <n>               worker threads (default: the number of CPU cores)
      --shard <i>/<n>          validate only part i of n (1-based): a deterministic split for CI matrices
      --as-of <YYYY-MM-DD>     the check date the rules judge "now" by (default: the config's asOf, else today)
      --print-config <file>    print the configuration that applies to a file, and exit
      --color, --no-color      colour the stylish output (default: on for a terminal unless NO_COLOR is set)
  osa report [paths|globs...] [options]     the compliance matrix, disclosure sheets and portfolio (docs/report.md)
      --format md|json|html|csv|xlsx   output format (default: md, or the --output file's extension; xlsx needs --output)
      --output <file>          write the report to a file instead of standard output
      --config, --allow-outside-data, --fail-level, --max-warnings, --jobs   as for validate (same exit codes)
  osa rules [--format table|json]         list every rule with its clause
  osa explain <ID>                        print a rule's documentation page
  osa init [dir]                          write a starter programme and osa.config.json into an empty folder
  osa lsp --stdio                         run the language server (LSP over standard input/output)
  osa --version                           tool version and reference-data editions
  osa --help                              this text

A file's workspace is the folder of the nearest osa.config.json above it (up to the repository root),
else the current directory: every .osa file in it is loaded, so templates, budgets and ids resolve
across files, and validating one file reports exactly what validating the workspace reports for it.

Exit codes:
  0  no finding at or above --fail-level, and no more warnings than --max-warnings
  1  findings at or above --fail-level, or more warnings than --max-warnings
  2  usage error, invalid configuration, a path that is missing or cannot be read (not a regular file,
     too large, binary), a report that cannot be written, or an internal error
     (the other files are still validated and reported)
  A named path that is not an .osa file (README.md from a shell glob) is skipped with a notice and
  does not change the exit code.
`;

export interface Io {
    out: (text: string) => void;
    err: (text: string) => void;
}

export async function main(argv: readonly string[], io: Io = {
    out: text => process.stdout.write(text),
    err: text => process.stderr.write(text)
}): Promise<number> {
    try {
        const [command, ...rest] = argv;
        switch (command) {
            case undefined:
            case '--help':
            case '-h':
            case 'help':
                io.out(HELP);
                return ExitCode.Ok;
            case '--version':
            case '-v':
                io.out((await import('./version.js')).versionText());
                return ExitCode.Ok;
            case 'validate':
                return await (await import('./commands/validate.js')).runValidate(rest, io);
            case 'report':
                return await (await import('./commands/report.js')).runReport(rest, io);
            case 'rules':
                return (await import('./commands/rules.js')).runRules(rest, io);
            case 'explain':
                return (await import('./commands/explain.js')).runExplain(rest, io);
            case 'init':
                return (await import('./commands/init.js')).runInit(rest, io);
            case 'lsp':
                return await (await import('./commands/lsp.js')).runLsp(rest);
            default:
                throw new UsageError(`unknown command "${command}"`);
        }
    } catch (error) {
        // Messages can quote arguments and file names: show their control characters escaped.
        if (error instanceof UsageError) {
            io.err(`osa: ${neutralise(error.message)}\nRun \`osa --help\` for usage.\n`);
            return ExitCode.UsageOrIo;
        }
        if (error instanceof OutputError) {
            io.err(`osa: ${neutralise(error.message)}\n`);
            return ExitCode.UsageOrIo;
        }
        io.err(internalErrorText(error));
        return ExitCode.UsageOrIo;
    }
}

/**
 * A genuine bug in osa (a user's mistake never gets here): what failed, how to report it, and the
 * stack trace only when asked for, since it helps the maintainers and not the user.
 */
export function internalErrorText(error: unknown, file?: string): string {
    const message = error instanceof Error ? error.message : String(error);
    const stack = process.env.OSA_DEBUG && error instanceof Error && error.stack ? `\n${error.stack}` : '';
    return `osa: internal error${file ? ` while checking ${neutralise(file)}` : ''}: ${neutralise(message)}\n`
        + `This is a bug in osa, not in your files. Please report it at ${REPORT_BUGS_URL} with the command you ran`
        + `${file ? ' and the file' : ''} (set OSA_DEBUG=1 to include the stack trace).${stack}\n`;
}
