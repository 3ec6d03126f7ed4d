// Responsiveness of the language server (issue: the language server). Not a test: prints measurements.
//   npm run bench:lsp [-- --edits 60 --completions 60]
// 1. A generated 5,000-line file opened over stdio: p50/p95 of single-character edit → publishDiagnostics,
//    and of completion requests.
// 2. A generated 1,000-file workspace: time from didOpen of one file to its first diagnostics.
// 3. The 5,000-line file of 1. inside the 1,000-file workspace of 2.: edits and completions as in 1.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateWorkspace, REPO, TEMPLATE, shebangFlags } from './generate.mjs';
import { bigFile, numberArg, percentile } from './measure.mjs';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter
} from 'vscode-languageserver-protocol/node';

const bin = path.join(REPO, 'packages/cli/bin/osa.js');
const flags = shebangFlags(bin);
const EDITS = numberArg('edits', 60);
const COMPLETIONS = numberArg('completions', 60);

const summary = values => `p50 ${percentile(values, 0.5).toFixed(0)} ms, p95 ${percentile(values, 0.95).toFixed(0)} ms (n=${values.length})`;

async function startServer(folder) {
    const child = spawn(process.execPath, [...flags, bin, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const listeners = [];
    connection.onNotification('textDocument/publishDiagnostics', params => listeners.forEach(l => l(params)));
    connection.onRequest('workspace/configuration', params => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    const uri = pathToFileURL(folder).toString();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'bench' }], capabilities: { workspace: { configuration: true } } });
    await connection.sendNotification('initialized', {});
    const nextDiagnostics = fileUri => new Promise(resolve => {
        const listener = params => {
            if (params.uri === fileUri) {
                listeners.splice(listeners.indexOf(listener), 1);
                resolve(params);
            }
        };
        listeners.push(listener);
    });
    const stop = async () => {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
        connection.dispose();
    };
    return { connection, nextDiagnostics, stop };
}

/**
 * Opens `file` (holding `text`) in a server started on `dir`, then times single-character edits until
 * publishDiagnostics, and completion requests.
 */
async function editsAndCompletions(dir, file, text, label) {
    fs.writeFileSync(file, text);
    const lines = text.split('\n').length;
    const { connection, nextDiagnostics, stop } = await startServer(dir);
    const uri = pathToFileURL(file).toString();
    let started = performance.now();
    const first = nextDiagnostics(uri);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'osa', version: 1, text } });
    const firstParams = await first;
    console.log(`${label} (${lines} lines, ${text.length} characters): first diagnostics ${(performance.now() - started).toFixed(0)} ms (${firstParams.diagnostics.length} findings)`);
    // Edits: type and delete one character inside a title string, near the middle of the file.
    const target = text.split('\n').findIndex((l, i) => i > lines / 2 && l.includes('title "Coastal radar number'));
    const column = text.split('\n')[target].indexOf('radar') + 5;
    const editTimes = [];
    for (let i = 0; i < EDITS; i++) {
        const insert = i % 2 === 0;
        const range = insert
            ? { start: { line: target, character: column }, end: { line: target, character: column } }
            : { start: { line: target, character: column }, end: { line: target, character: column + 1 } };
        const published = nextDiagnostics(uri);
        started = performance.now();
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ range, text: insert ? 's' : '' }] });
        await published;
        editTimes.push(performance.now() - started);
    }
    console.log(`  edit → publishDiagnostics: ${summary(editTimes)}`);
    const completionLine = text.split('\n').findIndex((l, i) => i > lines / 2 && l.startsWith('    recipient '));
    const completionTimes = [];
    for (let i = 0; i < COMPLETIONS; i++) {
        started = performance.now();
        const items = await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: completionLine, character: '    recipient '.length } });
        completionTimes.push(performance.now() - started);
        if (i === 0) {
            console.log(`  completion after "recipient ": ${(Array.isArray(items) ? items : items?.items ?? []).length} items`);
        }
    }
    console.log(`  completion: ${summary(completionTimes)}`);
    await stop();
}

// 1. One 5,000-line file.
{
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-lsp-bench-'));
    fs.writeFileSync(path.join(dir, 'osa.config.json'), '{}');
    fs.writeFileSync(path.join(dir, 'templates.osa'), TEMPLATE);
    await editsAndCompletions(dir, path.join(dir, 'big.osa'), bigFile(), '5,000-line file');
    fs.rmSync(dir, { recursive: true, force: true });
}

// 2. A 1,000-file workspace: first diagnostics for an opened file.
{
    const dir = generateWorkspace(1000, 'osa-lsp-bench-ws');
    const started = performance.now();
    const { connection, nextDiagnostics, stop } = await startServer(dir);
    const initialized = performance.now();
    const file = path.join(dir, 'part-0/p500.osa');
    const uri = pathToFileURL(file).toString();
    const first = nextDiagnostics(uri);
    const opened = performance.now();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'osa', version: 1, text: fs.readFileSync(file, 'utf-8') } });
    await first;
    const done = performance.now();
    console.log(`1,000-file workspace: initialize ${(initialized - started).toFixed(0)} ms; didOpen → first diagnostics ${(done - opened).toFixed(0)} ms (server start to diagnostics ${(done - started).toFixed(0)} ms)`);
    await stop();
    fs.rmSync(dir, { recursive: true, force: true });
}

// 3. The same 5,000-line file, edited while a 1,000-file workspace is open (issue 14: the server keeps every
// file's summary for the budget and duplicate-id rules, so an edit must not cost per file of the workspace).
{
    const dir = generateWorkspace(1000, 'osa-lsp-bench-ws-edit');
    // Ids apart from the workspace's own programmes (no duplicate-id findings).
    await editsAndCompletions(dir, path.join(dir, 'big.osa'), bigFile(100_000), '5,000-line file in a 1,000-file workspace');
    fs.rmSync(dir, { recursive: true, force: true });
}
