// Responsiveness of the language server (issue: the language server). Not a test: prints measurements.
//   npm run bench:lsp [-- --edits 60 --completions 60]
// 1. A generated 5,000-line file opened over stdio: p50/p95 of single-character edit → publishDiagnostics,
//    and of completion requests.
// 2. A generated 1,000-file workspace: time from didOpen of one file to its first diagnostics.
// 3. The 5,000-line file of 1. inside a 1,000-file workspace (the issue-14 target: edits while a large
//    workspace is open): the same edit and completion figures.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateWorkspace, TEMPLATE } from './generate.mjs';
import { bigFile, OSA_BIN, OSA_FLAGS, isMain, option, summary } from './measure.mjs';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter
} from 'vscode-languageserver-protocol/node';

async function startServer(folder) {
    const child = spawn(process.execPath, [...OSA_FLAGS, OSA_BIN, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
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
 * Opens a 5,000-line file `big.osa` in `dir` (a workspace folder) and measures first diagnostics, `edits`
 * single-character edits → publishDiagnostics and `completions` completion requests. Programme ids start at
 * `firstId`, so that they do not collide with the other files of the workspace.
 */
export async function measureBigFile(dir, { firstId = 0, edits = 60, completions = 60 } = {}) {
    const text = bigFile(firstId);
    const file = path.join(dir, 'big.osa');
    fs.writeFileSync(file, text);
    const lines = text.split('\n').length;
    const { connection, nextDiagnostics, stop } = await startServer(dir);
    const uri = pathToFileURL(file).toString();
    let started = performance.now();
    const first = nextDiagnostics(uri);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'osa', version: 1, text } });
    const firstParams = await first;
    const firstMs = performance.now() - started;
    // Edits: type and delete one character inside a title string, near the middle of the file.
    const target = text.split('\n').findIndex((l, i) => i > lines / 2 && l.includes('title "Coastal radar number'));
    const column = text.split('\n')[target].indexOf('radar') + 5;
    const editTimes = [];
    for (let i = 0; i < edits; i++) {
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
    const completionLine = text.split('\n').findIndex((l, i) => i > lines / 2 && l.startsWith('    recipient '));
    const completionTimes = [];
    let completionItems = 0;
    for (let i = 0; i < completions; i++) {
        started = performance.now();
        const items = await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: completionLine, character: '    recipient '.length } });
        completionTimes.push(performance.now() - started);
        if (i === 0) {
            completionItems = (Array.isArray(items) ? items : items?.items ?? []).length;
        }
    }
    await stop();
    return { lines, characters: text.length, firstMs, findings: firstParams.diagnostics.length, editTimes, completionTimes, completionItems };
}

/** A 1,000-file workspace: server start, and didOpen of one file to its first diagnostics. */
export async function measureWorkspaceOpen() {
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
    await stop();
    fs.rmSync(dir, { recursive: true, force: true });
    return { initializeMs: initialized - started, didOpenMs: done - opened, totalMs: done - started };
}

/** The 5,000-line file alone in a workspace with the template (figure 1). */
export async function measureBigFileAlone(options) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-lsp-bench-'));
    fs.writeFileSync(path.join(dir, 'osa.config.json'), '{}');
    fs.writeFileSync(path.join(dir, 'templates.osa'), TEMPLATE);
    try {
        return await measureBigFile(dir, options);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** The 5,000-line file in a generated 1,000-file workspace (figure 3). */
export async function measureBigFileInWorkspace(options) {
    const dir = generateWorkspace(1000, 'osa-lsp-bench-big-ws');
    try {
        return await measureBigFile(dir, { ...options, firstId: 100_000 });
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

function printBigFile(label, r) {
    console.log(`${label} (${r.lines} lines, ${r.characters} characters): first diagnostics ${r.firstMs.toFixed(0)} ms (${r.findings} findings)`);
    console.log(`  edit → publishDiagnostics: ${summary(r.editTimes)}`);
    console.log(`  completion after "recipient ": ${r.completionItems} items`);
    console.log(`  completion: ${summary(r.completionTimes)}`);
}

if (isMain(import.meta.url)) {
    const options = { edits: Number(option('edits', '60')), completions: Number(option('completions', '60')) };
    printBigFile('5,000-line file', await measureBigFileAlone(options));
    const ws = await measureWorkspaceOpen();
    console.log(`1,000-file workspace: initialize ${ws.initializeMs.toFixed(0)} ms; didOpen → first diagnostics ${ws.didOpenMs.toFixed(0)} ms (server start to diagnostics ${ws.totalMs.toFixed(0)} ms)`);
    printBigFile('5,000-line file in the 1,000-file workspace', await measureBigFileInWorkspace(options));
}
