/**
 * Workspace terms and OSA207 over the real protocol (`osa lsp --stdio`): a term added in osa.config.json is
 * accepted (no unknown-term diagnostic), explained on hover and offered by completion with its classification; the
 * OSA207 quick fix adds `serves` with a declared field, and the finding goes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, MarkupContent, Position, SemanticTokens } from 'vscode-languageserver-protocol';
import { LspTestClient, REPO, uriOf } from './lsp-client.js';
import { DIVING_SUPPORT_VESSEL, fijiSheet } from '../vocabulary-fixtures.js';

let client: LspTestClient | undefined;
const temporary: string[] = [];

afterEach(() => {
    if (client && client.process.exitCode === null) {
        client.process.kill();
    }
    client = undefined;
    for (const dir of temporary.splice(0)) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
});

const VOCABULARY = {
    'item-category': {
        'diving-support-vessel': DIVING_SUPPORT_VESSEL
    }
};


function workspace(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-lsp-vocab-'));
    temporary.push(dir);
    fs.mkdirSync(path.join(dir, '.git'));
    fs.copyFileSync(path.join(REPO, 'examples/shared/templates.osa'), path.join(dir, 'templates.osa'));
    for (const [name, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

function positionOf(text: string, needle: string, shift = 0): Position {
    const offset = text.indexOf(needle);
    expect(offset, `"${needle}" in the text`).toBeGreaterThanOrEqual(0);
    const before = text.slice(0, offset + shift).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map(d => d.code);

/** Semantic tokens with absolute positions (the protocol sends them relative to the previous one). */
function decode(data: number[]): { line: number; character: number; length: number; type: number }[] {
    const tokens = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
        line += data[i];
        character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
        tokens.push({ line, character, length: data[i + 2], type: data[i + 3] });
    }
    return tokens;
}

describe('workspace terms over LSP', () => {
    it('a configured item category is accepted, and shown in hover and completion with its classification', async () => {
        const text = fijiSheet('field humanitarian { activity search-and-rescue }', 'provide "Diving support vessel" category diving-support-vessel');
        const dir = workspace({ 'osa.config.json': JSON.stringify({ vocabulary: VOCABULARY }), 'fji.osa': text });
        const file = path.join(dir, 'fji.osa');
        client = await LspTestClient.start(dir);
        await client.open(file);
        const diagnostics = await client.diagnostics(file);
        expect(diagnostics.filter(d => d.code === 'syntax')).toEqual([]);
        expect(codes(diagnostics)).not.toContain('OSA207');

        const hover = await client.request<Hover | null>('textDocument/hover', {
            textDocument: { uri: uriOf(file) }, position: positionOf(text, 'diving-support-vessel', 3)
        });
        const markdown = (hover!.contents as MarkupContent).value;
        expect(markdown).toContain('A vessel that carries divers for rescue and recovery.');
        expect(markdown).toContain('serves `humanitarian` (§2(2)(b))');
        expect(markdown).toContain('Added by this workspace (osa.config.json)');

        // Coloured as a term, like the built-in ones (a misspelt word is not).
        const legend = (client.initializeResult.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend;
        const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uriOf(file) } });
        const at = positionOf(text, 'diving-support-vessel');
        expect(decode(tokens.data).find(t => t.line === at.line && t.character === at.character)).toMatchObject({
            length: 'diving-support-vessel'.length, type: legend.tokenTypes.indexOf('enumMember')
        });

        // Complete the category of a new item: the workspace's term is offered with the built-in ones.
        const edited = text.replace('category diving-support-vessel', 'category diving-support-vessel\n    provide "Second vessel" category ');
        await client.change(file, edited);
        const result = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
            textDocument: { uri: uriOf(file) }, position: positionOf(edited, '"Second vessel" category ', '"Second vessel" category '.length)
        });
        const items = Array.isArray(result) ? result : result?.items ?? [];
        const added = items.find(i => i.label === 'diving-support-vessel');
        expect(added, JSON.stringify(items.map(i => i.label))).toBeDefined();
        expect(added!.detail).toBe('item category · serves humanitarian');
        expect(items.some(i => i.label === 'patrol-boat')).toBe(true);
        expect(await client.shutdown()).toBe(0);
    });

    it('without the configuration the word is unknown; adding osa.config.json makes the server accept it', async () => {
        const text = fijiSheet('field humanitarian { activity search-and-rescue }', 'provide "Diving support vessel" category diving-support-vessel');
        const dir = workspace({ 'fji.osa': text });
        const file = path.join(dir, 'fji.osa');
        client = await LspTestClient.start(dir);
        await client.open(file);
        const before = await client.diagnostics(file, d => d.some(x => x.code === 'syntax'));
        expect(before.find(d => d.code === 'syntax')!.message).toBe('Unknown item category `diving-support-vessel`; did you mean `support-vessel`?');
        fs.writeFileSync(path.join(dir, 'osa.config.json'), JSON.stringify({ vocabulary: VOCABULARY }));
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(dir, 'osa.config.json')), type: 1 }] });
        const after = await client.diagnostics(file, d => !d.some(x => x.code === 'syntax'));
        expect(after.filter(d => d.severity === 1)).toEqual([]);
        expect(await client.shutdown()).toBe(0);
    });

    it('OSA204 for a workspace activity: the finding and its quick fix use the activity\'s configured field', async () => {
        const activity = { 'underwater-recovery': { description: 'Recovering people from under water.', conflictRelated: false, field: 'humanitarian' } };
        const text = fijiSheet('field rule-of-law { activity underwater-recovery }', 'provide "Diving support vessel" category diving-support-vessel');
        const dir = workspace({ 'osa.config.json': JSON.stringify({ vocabulary: { ...VOCABULARY, activity } }), 'fji.osa': text });
        const file = path.join(dir, 'fji.osa');
        client = await LspTestClient.start(dir);
        await client.open(file);
        const diagnostics = await client.diagnostics(file, d => d.some(x => x.code === 'OSA204'));
        const finding = diagnostics.find(d => d.code === 'OSA204')!;
        expect(finding.message).toContain('The activity underwater-recovery belongs to the humanitarian field');
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri: uriOf(file) }, range: finding.range, context: { diagnostics: [finding] }
        });
        const fix = actions.find(a => a.title === 'Change field rule-of-law to humanitarian');
        expect(fix, JSON.stringify(actions.map(a => a.title))).toBeDefined();
        await client.applyEdit(fix!.edit!);
        const after = await client.diagnostics(file, d => !d.some(x => x.code === 'OSA204'));
        expect(after.filter(d => d.severity !== 3)).toEqual([]); // the vessel serves humanitarian too: no OSA207 left
        expect(await client.shutdown()).toBe(0);
    });

    it('OSA207: the quick fix adds `serves` with the declared field, and the finding goes', async () => {
        const text = fijiSheet('field humanitarian { activity search-and-rescue }', 'provide "Winter clothing" category clothing-and-personal-equipment');
        const dir = workspace({ 'fji.osa': text });
        const file = path.join(dir, 'fji.osa');
        client = await LspTestClient.start(dir);
        await client.open(file);
        const diagnostics = await client.diagnostics(file, d => d.some(x => x.code === 'OSA207'));
        const finding = diagnostics.find(d => d.code === 'OSA207')!;
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri: uriOf(file) }, range: finding.range, context: { diagnostics: [finding] }
        });
        const fix = actions.find(a => a.title === 'Add `serves humanitarian`');
        expect(fix, JSON.stringify(actions.map(a => a.title))).toMatchObject({ kind: 'quickfix', isPreferred: true });
        await client.applyEdit(fix!.edit!);
        const after = await client.diagnostics(file, d => !d.some(x => x.code === 'OSA207'));
        expect(after.filter(d => d.severity === 1)).toEqual([]);
        expect(client.text(file)).toBe(text.replace('category clothing-and-personal-equipment', 'category clothing-and-personal-equipment serves humanitarian'));
        expect(await client.shutdown()).toBe(0);
    });
});
