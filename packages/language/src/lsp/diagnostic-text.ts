/**
 * Diagnostics carry repository text: item names, titles and reasons that rules quote, and the
 * characters a parse error quotes. Editors show them as plain text, some in a terminal (Neovim, Helix),
 * so before they leave the server every control character, bidirectional control and line separator
 * is shown escaped (`\x1b`, `\u202e`), as on the command line. Line breaks stay: they separate the
 * lines of a parse error's list of expected tokens, and an editor panel runs no commands.
 */
import type { Connection, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { neutralise } from '../util/neutralise.js';

function neutraliseLines(text: string): string {
    return text.split('\n').map(neutralise).join('\n');
}

export function neutraliseDiagnostic(diagnostic: Diagnostic): Diagnostic {
    const message = typeof diagnostic.message === 'string'
        ? neutraliseLines(diagnostic.message)
        : { ...diagnostic.message, value: neutraliseLines(diagnostic.message.value) };
    const related = diagnostic.relatedInformation?.map(r => ({ ...r, message: neutraliseLines(r.message) }));
    return { ...diagnostic, message, ...(related ? { relatedInformation: related } : {}) };
}

/** Neutralises the text of every diagnostic the connection publishes (Langium publishes through it). */
export function neutraliseOutgoingDiagnostics(connection: Connection): void {
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = (params: PublishDiagnosticsParams) => send({ ...params, diagnostics: params.diagnostics.map(neutraliseDiagnostic) });
}
