import { MessageFramingGuard, startOsaLanguageServer } from '@osa-policy/language/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { msg, type Locale } from '@osa-policy/language';
import { UsageError } from '../exit-codes.js';
import { withoutLocale } from '../locale.js';
import { TOOL_VERSION } from '../tool-version.js';

/**
 * `osa lsp --stdio`: the language server over standard input and output, for any LSP editor. It runs
 * until the client sends `exit`.
 */
export function runLsp(argv: readonly string[], locale?: Locale): Promise<number> {
    const args = withoutLocale(argv);
    if (args.length !== 1 || args[0] !== '--stdio') {
        throw new UsageError(msg('cli.usage.lspStdio'));
    }
    // Malformed framing is reported on stderr and skipped, so the server never waits on it (message-framing.ts).
    const guard = new MessageFramingGuard(line => process.stderr.write(`osa lsp: ${line}\n`));
    process.stdin.on('error', error => guard.destroy(error));
    startOsaLanguageServer(createConnection(ProposedFeatures.all, process.stdin.pipe(guard), process.stdout), TOOL_VERSION, { locale });
    // The connection ends the process on `exit`; until then this promise stays pending.
    return new Promise<number>(() => undefined);
}
