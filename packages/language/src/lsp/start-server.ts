import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import type { Connection } from 'vscode-languageserver';
import { ALL_RULES } from '../rules/index.js';
import { programmeRule } from '../rules/rule.js';
import { neutraliseOutgoingDiagnostics } from './diagnostic-text.js';
import { createOsaLspServices } from './osa-lsp-module.js';

/**
 * Fault injection for tests only: with OSA_FAULT_INJECTION=throwing-rule the server also runs a rule
 * that throws on every programme, to prove that a broken rule costs one diagnostic, not the server.
 */
const THROWING_RULE = programmeRule({
    id: 'OSA999', name: 'fault-injection', family: 'recipient', severity: 'error', clause: 'test',
    summary: 'Throws on purpose (OSA_FAULT_INJECTION=throwing-rule).',
    check() {
        throw new Error('injected fault');
    }
});

/** Starts the OSA language server on an existing connection (stdio, IPC, ...). */
export function startOsaLanguageServer(connection: Connection): void {
    neutraliseOutgoingDiagnostics(connection);
    const rules = process.env.OSA_FAULT_INJECTION === 'throwing-rule' ? [THROWING_RULE, ...ALL_RULES] : ALL_RULES;
    const { shared } = createOsaLspServices({ connection, ...NodeFileSystem }, { rules });
    startLanguageServer(shared);
}
