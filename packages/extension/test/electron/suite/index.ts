/**
 * The extension's integration suite, run inside a real VS Code's extension host through the VS Code
 * API: `@vscode/test-electron` loads this module (bundled to out-test/electron/suite.cjs) and calls
 * run(). It opens the example workspace, waits for diagnostics, applies a quick fix, hovers and
 * completes, and runs the extension's commands.
 *
 * A tiny harness instead of mocha: tests run in order, each result is printed and written to
 * results.json beside the bundle (or to $OSA_TEST_RESULTS), and run() rejects when one fails.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

interface Test {
    name: string;
    fn: () => Promise<void>;
}

const tests: Test[] = [];
const test = (name: string, fn: () => Promise<void>) => tests.push({ name, fn });

const EXTENSION_ID = 'osa-policy.osa-vscode';
const OSA402 = 'violations/OSA402-missing-information-disclosure-clause.osa';
const MNG = 'programmes/OSA-FY2024-MNG.osa';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function waitFor<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await fn();
        if (value) {
            return value;
        }
        if (Date.now() > deadline) {
            throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
        }
        await sleep(100);
    }
}

function workspaceFile(relative: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the suite needs the examples folder open as the workspace');
    return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

function codeOf(diagnostic: vscode.Diagnostic): string {
    return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

async function open(relative: string): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(workspaceFile(relative));
    return vscode.window.showTextDocument(document);
}

function positionOf(document: vscode.TextDocument, text: string, offsetInText = 0): vscode.Position {
    const index = document.getText().indexOf(text);
    assert.ok(index >= 0, `${text} not found in ${document.uri.path}`);
    return document.positionAt(index + offsetInText);
}

function hoverText(hovers: vscode.Hover[]): string {
    return hovers.flatMap(h => h.contents).map(c => typeof c === 'string' ? c : c.value).join('\n');
}

test('the extension activates and its language server starts', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const api = await extension.activate() as { client?: { isRunning(): boolean } };
    assert.ok(api.client, 'activate() returns the language client');
    await waitFor('the language client to run', () => api.client!.isRunning());
});

test('opening the OSA402 example publishes OSA402, with its clause and documentation link', async () => {
    const editor = await open(OSA402);
    assert.equal(editor.document.languageId, 'osa');
    const diagnostic = await waitFor('OSA402', () => vscode.languages.getDiagnostics(editor.document.uri).find(d => codeOf(d) === 'OSA402'));
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /information-disclosure/);
    assert.equal(diagnostic.source, 'osa');
    assert.ok(typeof diagnostic.code === 'object' && String(diagnostic.code.target).endsWith('docs/rules/OSA402.md'));
});

test('a real programme shows no errors', async () => {
    const editor = await open(MNG);
    const diagnostics = await waitFor('the programme\'s findings', () => {
        const found = vscode.languages.getDiagnostics(editor.document.uri);
        return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(diagnostics.map(codeOf), ['OSA502']);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Information);
});

test('hovering the recipient code shows the country\'s facts', async () => {
    const editor = await open(OSA402);
    const hovers = await waitFor('a hover', async () => {
        const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'VNM', 1));
        return result.length > 0 ? result : undefined;
    }, 10_000);
    const text = hoverText(hovers);
    assert.match(text, /Viet ?Nam/);
    assert.match(text, /DAC/);
});

test('completion after `recipient ` offers country codes', async () => {
    const editor = await open(MNG);
    const position = positionOf(editor.document, 'recipient MNG', 'recipient '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
    const labels = list.items.map(item => typeof item.label === 'string' ? item.label : item.label.label);
    for (const code of ['MNG', 'PHL', 'IDN']) {
        assert.ok(labels.includes(code), `${code} is not offered: ${labels.slice(0, 10).join(', ')}`);
    }
});

test('the quick fix adds the missing clause and OSA402 goes away', async () => {
    const editor = await open(OSA402);
    const diagnostic = await waitFor('OSA402', () => vscode.languages.getDiagnostics(editor.document.uri).find(d => codeOf(d) === 'OSA402'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find(a => /information-disclosure/.test(a.title));
    assert.ok(fix, `no information-disclosure fix among: ${actions.map(a => a.title).join(' | ')}`);
    if (fix.edit) {
        assert.ok(await vscode.workspace.applyEdit(fix.edit));
    }
    if (fix.command) {
        await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    }
    assert.match(editor.document.getText(), /clause information-disclosure/);
    await waitFor('OSA402 to go', () => !vscode.languages.getDiagnostics(editor.document.uri).some(d => codeOf(d) === 'OSA402'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
});

test('"OSA: Validate Workspace" validates every file of the workspace', async () => {
    const count = await vscode.commands.executeCommand<number>('osa-vscode.validateWorkspace');
    const files = await vscode.workspace.findFiles('**/*.osa');
    assert.ok(count >= files.length, `validated ${count}, the workspace has ${files.length}`);
    await waitFor('findings of closed files', () => vscode.languages.getDiagnostics().filter(([, d]) => d.some(x => codeOf(x) === 'OSA101')).length > 0);
});

test('"OSA: Restart Language Server" restarts it and diagnostics come back', async () => {
    await vscode.commands.executeCommand('osa-vscode.restartServer');
    const editor = await open(OSA402);
    await waitFor('OSA402 after the restart', () => vscode.languages.getDiagnostics(editor.document.uri).some(d => codeOf(d) === 'OSA402'));
});

export async function run(): Promise<void> {
    const results: { name: string; ok: boolean; ms: number; error?: string }[] = [];
    for (const { name, fn } of tests) {
        const started = Date.now();
        try {
            await fn();
            results.push({ name, ok: true, ms: Date.now() - started });
            console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            results.push({ name, ok: false, ms: Date.now() - started, error: message });
            console.log(`  ✗ ${name}\n      ${message}`);
        }
    }
    const failed = results.filter(r => !r.ok).length;
    const target = process.env.OSA_TEST_RESULTS ?? path.join(__dirname, 'results.json');
    fs.writeFileSync(target, JSON.stringify({ vscode: vscode.version, node: process.version, results }, null, 2));
    console.log(`${results.length - failed} passed, ${failed} failed`);
    if (failed > 0) {
        throw new Error(`${failed} of ${results.length} tests failed`);
    }
}
