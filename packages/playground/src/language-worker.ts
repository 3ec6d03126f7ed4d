/** The OSA language server, in a Web Worker: the same engine as `osa lsp`, over the in-memory workspace. */
import { startOsaBrowserServer } from '@osa-policy/language/browser';
import { version } from '../package.json';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';

const worker = self as unknown as DedicatedWorkerGlobalScope;
startOsaBrowserServer(createConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker)), `${version} (playground)`);
