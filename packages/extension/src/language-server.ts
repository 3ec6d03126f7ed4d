/** The language server entry bundled into the extension. It runs on the editor's own Node (20 or later). */
import { startOsaLanguageServer } from '@osa-policy/language/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

// Bundled at build time: the version the compliance report names is the extension's.
const { version } = require('../package.json') as { version: string };
startOsaLanguageServer(createConnection(ProposedFeatures.all), version);
