/** The language server entry bundled into the extension. It runs on the editor's own Node (20 or later). */
import { startOsaLanguageServer } from '@osa-policy/language/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

startOsaLanguageServer(createConnection(ProposedFeatures.all));
