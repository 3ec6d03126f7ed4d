/**
 * `osa`: validates OSA programme files against the Implementation Guidelines.
 * Exit codes: 0 no errors (warnings allowed), 1 at least one error, 2 usage or I/O error.
 */
import '@osa-policy/language';
import { runRules } from './commands/rules.js';
import { runValidate } from './commands/validate.js';
import { ExitCode, UsageError } from './exit-codes.js';
import { TOOL_VERSION, versionText } from './version.js';

export const HELP = `osa ${TOOL_VERSION}: validate OSA programme files against Japan's OSA Implementation Guidelines

Usage:
  osa validate [paths...] [--format stylish|json]   validate files and folders (default: .)
  osa rules [--format table|json]                   list every rule with its clause
  osa --version                                     tool and reference-data editions
  osa --help                                        this text

A file's workspace is the nearest folder above it holding osa.config.json (else the current
directory): every .osa file in it is loaded, so templates, budgets and ids resolve across files.

Exit codes:
  0  no errors (warnings and infos allowed)
  1  at least one error-level finding
  2  usage error, or a path that is missing or cannot be read (the other files are still reported)
`;

export async function main(argv: readonly string[], io: { out: (text: string) => void; err: (text: string) => void } = {
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
                io.out(versionText());
                return ExitCode.Ok;
            case 'validate':
                return await runValidate(rest, io);
            case 'rules':
                return runRules(rest, io);
            default:
                throw new UsageError(`unknown command "${command}"`);
        }
    } catch (error) {
        if (error instanceof UsageError) {
            io.err(`osa: ${error.message}\nRun \`osa --help\` for usage.\n`);
            return ExitCode.UsageOrIo;
        }
        io.err(`osa: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
        return ExitCode.UsageOrIo;
    }
}
