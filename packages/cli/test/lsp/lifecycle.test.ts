/**
 * The lifecycle constructs in the editor, over the real protocol against `osa lsp --stdio`: `continues` across files
 * (hover with the predecessor's facts, definition, rename, relinking when the predecessor's file changes, OSA410),
 * the `osa.asOf` setting, the outline of a monitoring block and the semantic tokens of a status.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, DocumentSymbol, Hover, Location, LocationLink, SemanticTokens, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { programme, STANDARD_TEMPLATE } from '../../../language/test/helpers.js';
import { LspTestClient, uriOf } from './lsp-client.js';

/** The baseline programme of the language tests, with its id, title, fiscal year and lifecycle lines. */
function sheet(id: string, title: string, fiscalYear: number, extra: string): string {
    return programme({
        id, title: `title "${title}"`, fiscalYear: `fiscal-year ${fiscalYear}`,
        agreement: `agreement uses StandardExchangeOfNotes signed ${fiscalYear}-12-05`, extra: extra.trim()
    });
}

const EARLIER = sheet('PHL-2024-MDA', 'Coastal radars, first phase', 2024, '    status delivered\n    decided 2024-06-20\n    delivered 2025-01-15\n'
    + '    monitoring {\n        visit 2025-09-01 "On-site check"\n        results disclosed "https://www.mofa.go.jp/"\n    }\n');
const LATER = sheet('PHL-2025-MDA', 'Coastal radars, second phase', 2025, '    status signed\n    decided 2025-06-20\n    continues PHL-2024-MDA\n');

let client: LspTestClient | undefined;
const dirs: string[] = [];

afterEach(async () => {
    if (client && client.process.exitCode === null) {
        client.process.kill();
    }
    client = undefined;
    dirs.splice(0).forEach(dir => fs.rmSync(dir, { recursive: true, force: true }));
});

function workspace(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-lsp-lifecycle-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'osa.config.json'), '{}');
    for (const [name, text] of Object.entries({ 'templates.osa': STANDARD_TEMPLATE, ...files })) {
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

function positionOf(text: string, search: string, offset = 0): { line: number; character: number } {
    const index = text.indexOf(search);
    expect(index, search).toBeGreaterThanOrEqual(0);
    const lines = text.slice(0, index + offset).split('\n');
    return { line: lines.length - 1, character: lines.at(-1)!.length };
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map(d => String(d.code));
const markdown = (hover: Hover | null) => (hover?.contents as { value: string } | undefined)?.value ?? '';

async function definitionOf(uri: string, text: string, search: string): Promise<string | undefined> {
    const result = await client!.request<Location[] | LocationLink[] | null>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, search, search.length - 2) });
    const first = result?.[0];
    return first && ('targetUri' in first ? first.targetUri : first.uri);
}

describe('continues in the editor', () => {
    it('hover shows the predecessor\'s facts, definition leads to its file, and the link is clean', async () => {
        const dir = workspace({ 'earlier.osa': EARLIER, 'later.osa': LATER });
        client = await LspTestClient.start(dir);
        const later = path.join(dir, 'later.osa');
        const uri = await client.open(later);
        const diagnostics = await client.diagnostics(later);
        expect(codes(diagnostics)).not.toContain('OSA410');
        expect(diagnostics.map(d => String(d.message))).not.toContainEqual(expect.stringMatching(/resolve reference/));
        const hover = markdown(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(LATER, 'continues PHL-2024-MDA', 12) }));
        expect(hover).toContain('**Programme PHL-2024-MDA** — *Coastal radars, first phase*');
        expect(hover).toContain('FY2024');
        expect(hover).toContain('PHL (Philippines)');
        expect(hover).toContain('Status: delivered · decided 2024-06-20 · delivered 2025-01-15');
        expect(await definitionOf(uri, LATER, 'continues PHL-2024-MDA')).toBe(uriOf(path.join(dir, 'earlier.osa')));
        const status = markdown(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(LATER, 'status signed', 8) }));
        expect(status).toContain('**signed** *(lifecycle status)*');
        expect(status).toContain('OSA409');
        await client.shutdown();
    });

    it('renaming the predecessor renames the `continues` in the other file', async () => {
        const dir = workspace({ 'earlier.osa': EARLIER, 'later.osa': LATER });
        client = await LspTestClient.start(dir);
        const earlier = path.join(dir, 'earlier.osa');
        const later = path.join(dir, 'later.osa');
        const earlierUri = await client.open(earlier);
        await client.open(later);
        await client.diagnostics(later);
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
            textDocument: { uri: earlierUri }, position: positionOf(EARLIER, 'PHL-2024-MDA', 2), newName: 'PHL-2024-MDA-1'
        });
        await client.applyEdit(edit);
        expect(client.text(later)).toContain('continues PHL-2024-MDA-1\n');
        expect(client.text(earlier)).toContain('programme PHL-2024-MDA-1 {');
        const after = await client.diagnostics(later, d => !codes(d).includes('OSA410'));
        expect(codes(after)).not.toContain('OSA410');
        await client.shutdown();
    });

    it('follows the predecessor\'s file: OSA410 when its id changes, gone when it is back, relinked to an earlier file that declares it', async () => {
        const dir = workspace({ 'earlier.osa': EARLIER, 'later.osa': LATER, 'a-copy.osa': '// nothing yet\n' });
        client = await LspTestClient.start(dir);
        const earlier = path.join(dir, 'earlier.osa');
        const later = path.join(dir, 'later.osa');
        const copy = path.join(dir, 'a-copy.osa');
        await client.open(earlier);
        const laterUri = await client.open(later);
        await client.open(copy);
        await client.diagnostics(later);

        await client.change(earlier, EARLIER.replace('programme PHL-2024-MDA', 'programme PHL-2024-MDB'));
        const broken = await client.diagnostics(later, d => codes(d).includes('OSA410'));
        expect(broken.find(d => d.code === 'OSA410')!.message).toContain('no programme PHL-2024-MDA is declared in the workspace');

        await client.change(earlier, EARLIER);
        await client.diagnostics(later, d => !codes(d).includes('OSA410'));
        expect(await definitionOf(laterUri, LATER, 'continues PHL-2024-MDA')).toBe(uriOf(earlier));

        // A file that sorts first now declares the same id (OSA602): the link moves to it, as in the CLI.
        await client.change(copy, EARLIER.replace('first phase', 'copy'));
        await client.diagnostics(copy, d => codes(d).includes('OSA602'));
        await expect.poll(() => definitionOf(laterUri, LATER, 'continues PHL-2024-MDA'), { timeout: 10_000 }).toBe(uriOf(copy));
        await client.shutdown();
    });

    it('a circle across two files is reported in both', async () => {
        const dir = workspace({ 'earlier.osa': EARLIER.replace('    status delivered\n', '    continues PHL-2025-MDA\n    status delivered\n'), 'later.osa': LATER });
        client = await LspTestClient.start(dir);
        const earlier = path.join(dir, 'earlier.osa');
        const later = path.join(dir, 'later.osa');
        await client.open(earlier);
        await client.open(later);
        for (const file of [earlier, later]) {
            const found = await client.diagnostics(file, d => codes(d).includes('OSA410'));
            expect(found.find(d => d.code === 'OSA410')!.message).toContain('leads back to it');
        }
        await client.shutdown();
    });
});

describe('the osa.asOf setting', () => {
    /** Delivered 2025-01-15, monitoring not recorded: overdue from 2026-01-16 on. */
    const UNMONITORED = sheet('PHL-2024-MDA', 'Coastal radars', 2024, '    status delivered\n    decided 2024-06-20\n    delivered 2025-01-15\n');

    it('sets the check date: before the year is up, OSA408 is silent', async () => {
        const dir = workspace({ 'programme.osa': UNMONITORED });
        client = await LspTestClient.start(dir, { settings: { asOf: '2025-06-01' } });
        const file = path.join(dir, 'programme.osa');
        await client.open(file);
        // The setting is read once the workspace is ready: wait for the revalidation it causes.
        await expect.poll(async () => codes(await client!.diagnostics(file)), { timeout: 15_000 }).not.toContain('OSA408');
        await client.shutdown();
    });

    it('empty or invalid: the check date is today, and the server keeps running', async () => {
        for (const asOf of ['', '2025-02-30']) {
            const dir = workspace({ 'programme.osa': UNMONITORED });
            client = await LspTestClient.start(dir, { settings: { asOf } });
            const file = path.join(dir, 'programme.osa');
            await client.open(file);
            const diagnostics = await client.diagnostics(file, d => codes(d).includes('OSA408'));
            expect(diagnostics.find(d => d.code === 'OSA408')!.message).toMatch(/check date \d{4}-\d{2}-\d{2}/);
            expect(await client.shutdown()).toBe(0);
        }
    });
});

describe('monitoring and status in the outline and the tokens', () => {
    it('the outline has the monitoring block with its visits and results; a status stage is an enum member', async () => {
        const dir = workspace({ 'earlier.osa': EARLIER });
        client = await LspTestClient.start(dir);
        const file = path.join(dir, 'earlier.osa');
        const uri = await client.open(file);
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        const monitoring = symbols[0].children!.find(s => s.name === 'monitoring');
        expect(monitoring?.detail).toBe('1 visit · results disclosed');
        expect(monitoring?.children?.map(c => [c.name, c.detail])).toEqual([['2025-09-01', 'On-site check'], ['results', 'disclosed · https://www.mofa.go.jp/']]);

        const legend = (client.initializeResult.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend;
        const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
        const lines = EARLIER.split('\n');
        let line = 0;
        let character = 0;
        const decoded: [string, string][] = [];
        for (let i = 0; i < tokens.data.length; i += 5) {
            line += tokens.data[i];
            character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
            decoded.push([lines[line].slice(character, character + tokens.data[i + 2]), legend.tokenTypes[tokens.data[i + 3]]]);
        }
        expect(decoded).toContainEqual(['delivered', 'enumMember']);
        expect(decoded).toContainEqual(['2025-01-15', 'number']);
        expect(decoded).toContainEqual(['2025-09-01', 'number']);
        await client.shutdown();
    });
});
