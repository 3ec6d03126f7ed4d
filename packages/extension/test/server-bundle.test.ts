/**
 * The shipped language-server bundle, run the way an editor runs it: on the machine's system Node 20
 * (VS Code 1.100 and code-server use Node 20), spoken to over stdio with real LSP messages.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
    createProtocolConnection, InitializeRequest, PublishDiagnosticsNotification, StreamMessageReader, StreamMessageWriter,
    DidOpenTextDocumentNotification, ShutdownRequest, ExitNotification, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BUNDLE = path.join(REPO, 'packages/extension/dist/language-server.cjs');
/** The editor's Node. Override with OSA_EDITOR_NODE; the default is Debian's Node 20 on this machine kind. */
const EDITOR_NODE = process.env.OSA_EDITOR_NODE ?? '/usr/bin/node';

let server: ChildProcess | undefined;
let connection: ProtocolConnection | undefined;

afterEach(() => {
    connection?.dispose();
    server?.kill();
});

function start(): ProtocolConnection {
    server = spawn(EDITOR_NODE, [BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.listen();
    return connection;
}

describe('language server bundle on the editor\'s Node', () => {
    it('runs on Node 20', () => {
        expect(fs.existsSync(BUNDLE), 'run npm run build first').toBe(true);
        const version = spawnSync(EDITOR_NODE, ['--version'], { encoding: 'utf-8' }).stdout.trim();
        expect(version).toMatch(/^v20\./);
    });

    it('publishes rule diagnostics for an opened file of a workspace', async () => {
        const client = start();
        const examples = path.join(REPO, 'examples');
        const file = path.join(examples, 'programmes/OSA-FY2024-IDN.osa');
        const uri = pathToFileURL(file).toString();
        const published = new Promise<PublishDiagnosticsParams>(resolve => {
            client.onNotification(PublishDiagnosticsNotification.type, params => {
                if (params.uri === uri) {
                    resolve(params);
                }
            });
        });
        const init = await client.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: pathToFileURL(examples).toString(),
            capabilities: {},
            workspaceFolders: [{ uri: pathToFileURL(examples).toString(), name: 'examples' }]
        });
        expect(init.capabilities.textDocumentSync).toBeDefined();
        await client.sendNotification('initialized', {});
        await client.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'osa', version: 1, text: fs.readFileSync(file, 'utf-8') }
        });
        const { diagnostics } = await published;
        // The template lives in another file: no linking error, and the honest OSA305 warning is there.
        expect(diagnostics.map(d => d.code).sort()).toEqual(['OSA305', 'OSA502']);
        const warning = diagnostics.find(d => d.code === 'OSA305')!;
        expect(warning.severity).toBe(2);
        expect(warning.codeDescription?.href).toContain('docs/rules/OSA305.md');
        await client.sendRequest(ShutdownRequest.type);
        // The server exits on this notification; its pipe may close before the write completes.
        await client.sendNotification(ExitNotification.type).catch(() => undefined);
    });
});
