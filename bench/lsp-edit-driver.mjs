// In-process driver for one edit in the language server (issue 14, target 4). Not a test: prints timings.
//   node bench/lsp-edit-driver.mjs [--edits 80] [--workspace 1000] [--crlf]
// Builds the editor's services from the built language package, loads a generated workspace (closed files,
// indexed as the server's workspace manager does), opens a 5,000-line file and applies single-character
// edits the way the server does (TextDocuments + DocumentBuilder.update), timing each update to its
// Validated phase. Run with --cpu-prof to see where an edit's time goes; --crlf writes the file with CRLF line ends
// (as saved on Windows).
import { DocumentState, EmptyFileSystem, TextDocument, URI } from 'langium';
import { createOsaLspServices } from '../packages/language/out/lsp/index.js';
import { programme, TEMPLATE } from './generate.mjs';
import { bigFile, numberArg, percentile } from './measure.mjs';

const EDITS = numberArg('edits', 80);
const WORKSPACE = numberArg('workspace', 1000);
const EOL = process.argv.includes('--crlf') ? '\r\n' : '\n';

const { shared } = createOsaLspServices({ ...EmptyFileSystem, connection: undefined });
const documents = shared.workspace.LangiumDocuments;
const factory = shared.workspace.LangiumDocumentFactory;
const builder = shared.workspace.DocumentBuilder;
const root = '/bench';
documents.addDocument(factory.fromString(TEMPLATE, URI.file(`${root}/templates.osa`)));
for (let i = 0; i < WORKSPACE; i++) {
    // Ids apart from the big file's (no duplicate-id findings).
    documents.addDocument(factory.fromString(programme(100_000 + i), URI.file(`${root}/part-0/p${i}.osa`)));
}
// The workspace manager builds closed files without validation.
let started = performance.now();
await builder.build([...documents.all], { validation: false });
console.log(`workspace of ${WORKSPACE} files built in ${(performance.now() - started).toFixed(0)} ms`);

const text = bigFile().replaceAll('\n', EOL);
const lines = text.split(EOL);
const uri = URI.file(`${root}/big.osa`);
let version = 1;
shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'osa', version, text));
started = performance.now();
await builder.update([uri], []);
const big = documents.getDocument(uri);
console.log(`5,000-line file opened: ${(performance.now() - started).toFixed(0)} ms, ${big.diagnostics.length} findings`);

// Main-thread CPU time too: on a shared machine it moves less than wall time with the other processes' load.
const threadCpu = () => { const u = process.threadCpuUsage?.() ?? process.cpuUsage(); return (u.user + u.system) / 1000; };
// Where an edit's time goes: main-thread CPU from the start of the update until the big file reaches each state.
const phases = new Map();
let phaseStart = 0;
for (const [state, name] of [[DocumentState.IndexedContent, 'parsed+indexed'], [DocumentState.Linked, 'linked'], [DocumentState.Validated, 'validated']]) {
    builder.onDocumentPhase(state, document => {
        if (document.uri.toString() === uri.toString()) {
            phases.set(name, [...phases.get(name) ?? [], threadCpu() - phaseStart]);
        }
    });
}
const target = lines.findIndex((l, i) => i > lines.length / 2 && l.includes('title "Coastal radar number'));
const column = lines[target].indexOf('radar') + 5;
const times = [];
const cpu = [];
for (let i = 0; i < EDITS; i++) {
    const insert = i % 2 === 0;
    const line = lines[target];
    lines[target] = insert ? `${line.slice(0, column)}s${line.slice(column)}` : `${line.slice(0, column)}${line.slice(column + 1)}`;
    shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'osa', ++version, lines.join(EOL)));
    started = performance.now();
    const cpuStarted = phaseStart = threadCpu();
    await builder.update([uri], []);
    times.push(performance.now() - started);
    cpu.push(threadCpu() - cpuStarted);
}
const after = documents.getDocument(uri);
console.log(`edit → validated: p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms (n=${times.length}); ${after.diagnostics.length} findings`);
console.log(`  main-thread CPU: p50 ${percentile(cpu, 0.5).toFixed(1)} ms, p95 ${percentile(cpu, 0.95).toFixed(1)} ms`);
console.log(`  CPU until reached (p50): ${[...phases].map(([name, t]) => `${name} ${percentile(t, 0.5).toFixed(1)} ms`).join(', ')}`);
