/**
 * Navigation, rename, formatting, semantic tokens and code lenses over the real protocol, against
 * `osa lsp --stdio` on a temporary copy of examples/ (rename and formatting edit files).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type {
    CodeLens, DocumentSymbol, Location, LocationLink, Range, SemanticTokens, SymbolInformation, TextEdit, WorkspaceEdit, WorkspaceSymbol
} from 'vscode-languageserver-protocol';
import { ALL_RULES } from '@osa-policy/language';
import { afterEach, describe, expect, it } from 'vitest';
import { applyTextEdits, LspTestClient, REPO, uriOf } from './lsp-client.js';

const EXAMPLES = path.join(REPO, 'examples');
let client: LspTestClient | undefined;
const copies: string[] = [];

afterEach(async () => {
    if (client && client.process.exitCode === null) {
        client.process.kill();
    }
    client = undefined;
    for (const dir of copies.splice(0)) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
});

function copyExamples(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-lsp-nav-'));
    fs.cpSync(EXAMPLES, dir, { recursive: true });
    copies.push(dir);
    return dir;
}

function osaFiles(dir: string): string[] {
    return fs.readdirSync(dir, { recursive: true, encoding: 'utf-8' }).filter(f => f.endsWith('.osa')).map(f => path.join(dir, f)).sort();
}

/** The position of the first `text` in a file's text, `offset` characters into it. */
function positionIn(text: string, search: string, offset = 0): { line: number; character: number } {
    const index = text.indexOf(search);
    expect(index, search).toBeGreaterThanOrEqual(0);
    const before = text.slice(0, index + offset);
    const lines = before.split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

function textAt(text: string, range: Range): string {
    const lines = text.split('\n');
    if (range.start.line === range.end.line) {
        return lines[range.start.line].slice(range.start.character, range.end.character);
    }
    return [lines[range.start.line].slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line].slice(0, range.end.character)].join('\n');
}

/** A reference to the standard template (not a mention in a comment). */
const USES = /\buses\s+StandardExchangeOfNotes\b/;
const count = (text: string) => (text.match(new RegExp(USES.source, 'g')) ?? []).length;
const isLinkingError = (message: string | { value: string }) => /resolve reference/i.test(typeof message === 'string' ? message : message.value);

describe('osa lsp --stdio: navigation', () => {
    it('outlines a programme sheet and finds declarations across the workspace', async () => {
        const dir = copyExamples();
        client = await LspTestClient.start(dir);
        const phl = path.join(dir, 'programmes/OSA-FY2024-PHL.osa');
        const uri = await client.open(phl);
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        expect(symbols).toHaveLength(1);
        expect(symbols[0]).toMatchObject({ name: 'OSA-FY2024-PHL', kind: 2, detail: 'Maritime and air surveillance equipment for the Philippine Navy and Air Force' });
        expect(symbols[0].children!.map(c => c.name)).toEqual([
            'rule-of-law',
            'Rigid-hulled inflatable boat (Navy)', 'Coastal radar system equipment (Navy)',
            'Automatic identification system for Navy C-90 aircraft', 'Equipment for the Air Surveillance Radar System (Air Force)',
            'assessment', 'agreement'
        ]);

        const all = await client.request<Array<SymbolInformation | WorkspaceSymbol>>('workspace/symbol', { query: '' });
        const names = new Set(all.map(s => s.name));
        for (const name of ['OSA-FY2023-PHL', 'OSA-FY2024-PHL', 'OSA-FY2024-IDN', 'StandardExchangeOfNotes', 'OSA-BUDGET-FY2024', 'VIOLATION-OSA402']) {
            expect(names, name).toContain(name);
        }
        const budget = all.find(s => s.name === 'OSA-BUDGET-FY2024')!;
        expect((budget.location as Location).uri).toBe(uriOf(path.join(dir, 'shared/budgets.osa')));
        const budgets = await client.request<Array<SymbolInformation | WorkspaceSymbol>>('workspace/symbol', { query: 'budget' });
        expect(budgets.map(s => s.name).filter(n => n.startsWith('OSA-BUDGET-')).sort()).toEqual(['OSA-BUDGET-FY2023', 'OSA-BUDGET-FY2024', 'OSA-BUDGET-FY2025', 'OSA-BUDGET-FY2026']);

        const foldings = await client.request<Array<{ startLine: number; endLine: number; kind?: string }>>('textDocument/foldingRange', { textDocument: { uri } });
        expect(foldings).toContainEqual(expect.objectContaining({ startLine: 0, endLine: 9, kind: 'comment' }));
        expect(foldings.length).toBeGreaterThanOrEqual(4);
        await client.shutdown();
    });

    it('goes from `funded-by OSA-BUDGET-FY2024` to shared/budgets.osa', async () => {
        const dir = copyExamples();
        client = await LspTestClient.start(dir);
        const phl = path.join(dir, 'programmes/OSA-FY2024-PHL.osa');
        const uri = await client.open(phl);
        const text = client.text(phl);
        const budgetsFile = path.join(dir, 'shared/budgets.osa');
        const budgets = fs.readFileSync(budgetsFile, 'utf-8');
        for (const offset of [0, 4, 10]) {
            const result = await client.request<Array<Location | LocationLink>>('textDocument/definition', {
                textDocument: { uri }, position: positionIn(text, 'funded-by OSA-BUDGET-FY2024', 'funded-by '.length + offset)
            });
            expect(result).toHaveLength(1);
            const link = result[0] as LocationLink;
            expect(link.targetUri).toBe(uriOf(budgetsFile));
            expect(textAt(budgets, link.targetSelectionRange)).toBe('OSA-BUDGET-FY2024');
            expect(textAt(budgets, link.targetRange)).toMatch(/^budget-envelope OSA-BUDGET-FY2024 \{[\s\S]*\}$/);
        }
        const template = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: positionIn(text, 'StandardExchangeOfNotes', 3) });
        expect(template[0].targetUri).toBe(uriOf(path.join(dir, 'shared/templates.osa')));
        await client.shutdown();
    });

    it('finds the references of StandardExchangeOfNotes in every programme file', async () => {
        const dir = copyExamples();
        client = await LspTestClient.start(dir);
        const templates = path.join(dir, 'shared/templates.osa');
        const uri = await client.open(templates);
        const position = positionIn(client.text(templates), 'StandardExchangeOfNotes', 5);
        const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
        const files = new Set(references.map(r => r.uri));
        const programmeFiles = [...files].filter(f => f.includes('/programmes/'));
        expect(programmeFiles.length).toBeGreaterThanOrEqual(8);
        expect(files).toContain(uri);
        const uses = osaFiles(dir).map(f => count(fs.readFileSync(f, 'utf-8'))).reduce((a, b) => a + b, 0);
        expect(references.length).toBe(uses + 1);
        for (const reference of references) {
            expect(textAt(fs.readFileSync(new URL(reference.uri), 'utf-8'), reference.range)).toBe('StandardExchangeOfNotes');
        }
        await client.shutdown();
    });
});

describe('osa lsp --stdio: rename', () => {
    it('renames StandardExchangeOfNotes across files; the workspace still links', async () => {
        const dir = copyExamples();
        client = await LspTestClient.start(dir);
        // The client applies edits to open documents, as an editor does: open every file first.
        const files = osaFiles(dir);
        for (const file of files) {
            await client.open(file);
        }
        const templates = path.join(dir, 'shared/templates.osa');
        const phl = path.join(dir, 'programmes/OSA-FY2024-PHL.osa');
        await client.diagnostics(phl);
        const position = positionIn(client.text(phl), 'uses StandardExchangeOfNotes', 'uses Standard'.length);

        const prepared = await client.request<Range | { range: Range } | null>('textDocument/prepareRename', { textDocument: { uri: uriOf(phl) }, position });
        expect(prepared).not.toBeNull();
        const preparedRange = 'range' in prepared! ? prepared.range : prepared!;
        expect(textAt(client.text(phl), preparedRange)).toBe('StandardExchangeOfNotes');

        const refused = await client.request('textDocument/rename', { textDocument: { uri: uriOf(phl) }, position, newName: 'agreement-template' }).then(() => undefined, (e: Error) => e);
        expect(refused?.message).toMatch(/keyword/);
        const invalid = await client.request('textDocument/rename', { textDocument: { uri: uriOf(phl) }, position, newName: 'Bilateral Notes' }).then(() => undefined, (e: Error) => e);
        expect(invalid?.message).toMatch(/not a valid agreement template name/);

        const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uriOf(phl) }, position, newName: 'BilateralExchangeOfNotes' });
        const changed = Object.keys(edit.changes ?? {});
        expect(changed).toContain(uriOf(templates));
        expect(changed.filter(u => u.includes('/programmes/')).length).toBe(9);
        const expectedFiles = files.filter(f => f === templates || USES.test(fs.readFileSync(f, 'utf-8')));
        expect(changed.sort()).toEqual(expectedFiles.map(uriOf).sort());

        for (const file of expectedFiles) {
            client.forgetDiagnostics(file);
        }
        await client.applyEdit(edit);
        expect(client.text(templates)).toContain('agreement-template BilateralExchangeOfNotes {');
        for (const file of files) {
            expect(client.text(file)).not.toMatch(USES);
        }
        // Re-validation: no programme has a linking error, and `uses` leads to the renamed template.
        for (const file of expectedFiles.filter(f => f !== templates)) {
            const diagnostics = await client.diagnostics(file, d => !d.some(x => isLinkingError(x.message)));
            expect(diagnostics.filter(d => d.code === undefined || d.code === 'syntax'), file).toEqual([]);
        }
        const link = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: uriOf(phl) }, position: positionIn(client.text(phl), 'uses BilateralExchangeOfNotes', 6) });
        expect(link[0].targetUri).toBe(uriOf(templates));
        expect(textAt(client.text(templates), link[0].targetSelectionRange)).toBe('BilateralExchangeOfNotes');
        await client.shutdown();
    });
});

describe('osa lsp --stdio: formatting, semantic tokens, code lenses', () => {
    it('formats a messy file; formatting again gives no edits; the findings are unchanged', async () => {
        const dir = copyExamples();
        client = await LspTestClient.start(dir);
        const phl = path.join(dir, 'programmes/OSA-FY2024-PHL.osa');
        const original = fs.readFileSync(phl, 'utf-8');
        const programmeStart = original.indexOf('programme ');
        // Tabs, runs of spaces, and the whole programme on one line (comments dropped; `//` after `:` is a URL in a `source`).
        const messy = original.slice(0, programmeStart)
            + original.slice(programmeStart).replace(/(?<!:)\/\/[^\n]*/g, '').replace(/\s+/g, ' ').replace(/ \{/g, '\t{  ').replace(/ title/, '\n\t\ttitle');
        const uri = await client.open(phl, messy);
        await client.diagnostics(phl);
        const options = { tabSize: 4, insertSpaces: true };
        const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options });
        expect(edits.length).toBeGreaterThan(10);
        client.forgetDiagnostics(phl);
        await client.applyEdit({ changes: { [uri]: edits } });
        const formatted = client.text(phl);
        expect(formatted).toContain('programme OSA-FY2024-PHL {\n    title "Maritime');
        expect(formatted).toContain('    field rule-of-law {\n        activity maritime-domain-awareness\n');
        expect(formatted).toContain('    coordination NSS, MOFA, MOD, transfer-scheme\n    source "https://j-defense.ikaros.jp/docs/mod/002263.html"\n');
        expect(formatted).toMatch(/\n    source "[^"\n]+"\n\}\n$/);
        expect(formatted).not.toContain('\t');
        expect(await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options })).toEqual([]);
        const diagnostics = await client.diagnostics(phl);
        expect(diagnostics.map(d => d.code)).toEqual(['OSA502']);
        // The example itself is formatted already.
        const templates = path.join(dir, 'shared/templates.osa');
        expect(await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: await client.open(templates) }, options })).toEqual([]);
        expect(applyTextEdits(messy, edits)).toBe(formatted);
        await client.shutdown();
    });

    it('gives semantic tokens', async () => {
        client = await LspTestClient.start(EXAMPLES);
        const legend = (client.initializeResult.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend;
        for (const type of ['class', 'variable', 'enumMember', 'macro', 'number', 'type']) {
            expect(legend.tokenTypes).toContain(type);
        }
        const file = path.join(EXAMPLES, 'programmes/OSA-FY2024-IDN.osa');
        const uri = await client.open(file);
        const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
        expect(tokens.data.length).toBeGreaterThan(0);
        expect(tokens.data.length % 5).toBe(0);
        // Decode: the first token of the file is the programme id, a class declaration.
        const text = client.text(file);
        const [line, character, length, type] = tokens.data;
        expect(textAt(text, { start: { line, character }, end: { line, character: character + length } })).toBe('OSA-FY2024-IDN');
        expect(legend.tokenTypes[type]).toBe('class');
        await client.shutdown();
    });

    it('code lenses: a compliant programme vs a violation', async () => {
        client = await LspTestClient.start(EXAMPLES);
        const compliant = path.join(EXAMPLES, 'programmes/OSA-FY2024-PHL.osa');
        const violation = path.join(EXAMPLES, 'violations/OSA402-missing-information-disclosure-clause.osa');
        const warning = path.join(EXAMPLES, 'programmes/OSA-FY2024-IDN.osa');

        const compliantUri = await client.open(compliant);
        await client.diagnostics(compliant);
        const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: compliantUri } });
        expect(lenses).toHaveLength(1);
        expect(lenses[0].command).toEqual({
            title: `✓ complies with all ${ALL_RULES.length} rules · 1 info`,
            command: 'osa.showProgrammeFindings',
            arguments: [compliantUri, 'OSA-FY2024-PHL']
        });
        expect(lenses[0].range.start.line).toBe(positionIn(client.text(compliant), 'programme OSA-FY2024-PHL').line);

        // Asked right after opening, before the diagnostics are published: the lens waits for validation.
        const violationUri = await client.open(violation);
        const early = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: violationUri } });
        expect(early.map(l => l.command!.title)).toEqual(['1 error']);

        const warningUri = await client.open(warning);
        await client.diagnostics(warning);
        const idn = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: warningUri } });
        expect(idn.map(l => l.command!.title)).toEqual(['1 warning · 1 info']);

        // The lens follows the document: fix the violation by adding the missing clause.
        const fixed = client.text(violation).replace(/(\n\s*)(clause monitoring-and-evaluation)/, '$1clause information-disclosure$1$2');
        expect(fixed).not.toBe(client.text(violation));
        client.forgetDiagnostics(violation);
        await client.change(violation, fixed);
        await client.diagnostics(violation, d => !d.some(x => x.code === 'OSA402'));
        const after = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: violationUri } });
        expect(after.map(l => l.command!.title)).toEqual([expect.stringMatching(new RegExp(`^✓ complies with all ${ALL_RULES.length} rules`))]);
        await client.shutdown();
    });
});
