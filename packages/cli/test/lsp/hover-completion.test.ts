/** Hover and completion over the real protocol (`osa lsp --stdio`) on the examples workspace. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '@osa-policy/language';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompletionItem, CompletionList, Hover, MarkupContent, Position, TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient, REPO, uriOf } from './lsp-client.js';

const EXAMPLES = path.join(REPO, 'examples');
const PHL = path.join(EXAMPLES, 'programmes/OSA-FY2024-PHL.osa');
const OSA303 = path.join(EXAMPLES, 'violations', fs.readdirSync(path.join(EXAMPLES, 'violations')).find(f => f.startsWith('OSA303-'))!);

let client: LspTestClient | undefined;

afterEach(async () => {
    if (client && client.process.exitCode === null) {
        client.process.kill();
    }
    client = undefined;
});

/** The position of the `occurrence`-th match of `needle` in `text`, plus `shift` characters. */
function positionOf(text: string, needle: string, shift = 0): Position {
    const offset = text.indexOf(needle) + shift;
    expect(offset - shift, `"${needle}" in the text`).toBeGreaterThanOrEqual(0);
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

async function hover(file: string, position: Position): Promise<string> {
    const result = await client!.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position });
    expect(result, 'a hover').not.toBeNull();
    return (result!.contents as MarkupContent).value;
}

async function complete(file: string, position: Position): Promise<CompletionItem[]> {
    const result = await client!.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri: uriOf(file) }, position });
    return Array.isArray(result) ? result : result?.items ?? [];
}

/** The text a snippet inserts when its placeholders keep their defaults. */
function expandDefaults(snippet: string): string {
    const defaults = new Map<string, string>();
    let text = snippet;
    let previous: string;
    do {
        previous = text;
        text = text.replace(/\$\{(\d+):([^${}]*)\}/g, (_m, n: string, value: string) => {
            defaults.set(n, value);
            return value;
        });
    } while (text !== previous);
    text = text.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_m, n: string, choices: string) => {
        defaults.set(n, choices.split(',')[0]);
        return choices.split(',')[0];
    });
    return text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_m, a?: string, b?: string) => defaults.get(a ?? b ?? '') ?? '');
}

describe('hover over the protocol', () => {
    it('on PHL: the Philippines, LMIC on the 2024-2025 edition; on the programme name: its status', async () => {
        client = await LspTestClient.start(EXAMPLES);
        const text = await client.open(PHL).then(() => client!.text(PHL));
        await client.diagnostics(PHL);
        const country = await hover(PHL, positionOf(text, 'recipient PHL', 'recipient '.length + 1));
        expect(country).toContain('Philippines');
        expect(country).toContain('LMIC');
        expect(country).toContain('2024-2025');
        expect(country).toContain('FY2024');
        const status = await hover(PHL, positionOf(text, 'programme OSA-FY2024-PHL', 'programme '.length + 3));
        expect(status).toContain(`complies with all ${ALL_RULES.length} rules`);
        expect(status).toContain('OSA502');
        const envelope = await hover(PHL, positionOf(text, 'funded-by OSA-BUDGET-FY2024', 'funded-by '.length + 2));
        expect(envelope).toContain('5,000,000,000 JPY');
        expect(envelope).toMatch(/The \d+ programmes of FY2024 in the workspace commit/);
        const template = await hover(PHL, positionOf(text, 'uses StandardExchangeOfNotes', 'uses '.length + 2));
        expect(template).toContain('`no-third-party-transfer`: §3(3)(c)');
        const keyword = await hover(PHL, positionOf(text, 'field rule-of-law', 'field '.length + 2));
        expect(keyword).toContain('§2(2)(a)');
        expect(await client.shutdown()).toBe(0);
    });

    it('on UKR in the OSA303 example: the date since which Ukraine is judged in combat', async () => {
        client = await LspTestClient.start(EXAMPLES);
        await client.open(OSA303);
        const text = client.text(OSA303);
        const country = await hover(OSA303, positionOf(text, 'recipient UKR', 'recipient '.length + 1));
        expect(country).toContain('Ukraine');
        expect(country).toContain('since 2022-02-24');
        expect(country).toContain('OSA303');
        await client.shutdown();
    });
});

describe('completion over the protocol', () => {
    it('after `recipient ` offers PHL, found by its name too, within a reasonable time', async () => {
        client = await LspTestClient.start(EXAMPLES);
        const original = fs.readFileSync(PHL, 'utf-8');
        const edited = original.replace('recipient PHL', 'recipient ');
        await client.open(PHL, edited);
        await client.diagnostics(PHL);
        const started = performance.now();
        const items = await complete(PHL, positionOf(edited, 'recipient ', 'recipient '.length));
        const elapsed = performance.now() - started;
        const phl = items.find(i => i.label === 'PHL');
        expect(phl?.detail).toBe('Philippines');
        expect(phl?.filterText).toContain('Philippines');
        expect(items.length).toBeGreaterThan(200);
        expect(elapsed, `completion took ${Math.round(elapsed)} ms`).toBeLessThan(2000);

        const byName = original.replace('recipient PHL', 'recipient Phil');
        await client.change(PHL, byName);
        const found = await complete(PHL, positionOf(byName, 'recipient Phil', 'recipient Phil'.length));
        expect(found.map(i => i.label)).toContain('PHL');
        expect(found.map(i => i.label)).not.toContain('IDN');
        expect((found.find(i => i.label === 'PHL')!.textEdit as TextEdit).newText).toBe('PHL');
        await client.shutdown();
    });

    it('offers the rule ids that take exceptions first after `exception`', async () => {
        client = await LspTestClient.start(EXAMPLES);
        const edited = fs.readFileSync(PHL, 'utf-8').replace('coordination NSS', 'exception \n    coordination NSS');
        await client.open(PHL, edited);
        const items = await complete(PHL, positionOf(edited, 'exception ', 'exception '.length));
        const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map(i => i.label);
        const takesException = ALL_RULES.filter(r => r.exceptionSeverity || r.partialExceptionSeverity).map(r => r.id);
        expect(takesException).toEqual(expect.arrayContaining(['OSA101', 'OSA104', 'OSA301', 'OSA303', 'OSA305']));
        expect(sorted.slice(0, takesException.length)).toEqual(takesException);
        expect(sorted).toHaveLength(ALL_RULES.length);
        await client.shutdown();
    });

    it('offers item categories after `category` and UN operations after `operation`; hovers on the operation', async () => {
        client = await LspTestClient.start(EXAMPLES);
        const edited = fs.readFileSync(PHL, 'utf-8')
            .replace('category coastal-radar', 'category ')
            .replace('    coordination NSS', '    field peace-cooperation { activity peacekeeping-training operation  }\n    coordination NSS');
        await client.open(PHL, edited);
        const categories = await complete(PHL, positionOf(edited, 'category \n', 'category '.length));
        expect(categories.find(i => i.label === 'coastal-radar')?.detail).toBe('item category · serves rule-of-law');
        expect(categories.filter(i => i.kind !== 20).map(i => i.label), 'only terms (EnumMember)').toEqual([]);
        const operations = await complete(PHL, positionOf(edited, 'operation  }', 'operation '.length));
        expect(operations.find(i => i.label === 'UNMISS')?.detail).toBe('United Nations Mission in the Republic of South Sudan');
        const withOperation = edited.replace('operation  }', 'operation UNMISS }');
        await client.change(PHL, withOperation);
        expect(await hover(PHL, positionOf(withOperation, 'UNMISS', 2))).toContain('Where: South Sudan.');
        await client.shutdown();
    });

    it('offers the workspace\'s templates after `agreement uses`', async () => {
        client = await LspTestClient.start(EXAMPLES);
        const edited = fs.readFileSync(PHL, 'utf-8').replace('agreement uses StandardExchangeOfNotes', 'agreement uses ');
        await client.open(PHL, edited);
        const items = await complete(PHL, positionOf(edited, 'agreement uses ', 'agreement uses '.length));
        expect(items.map(i => i.label)).toContain('StandardExchangeOfNotes');
        await client.shutdown();
    });

    it('the compliant skeleton, with its defaults, gives a file without errors', async () => {
        client = await LspTestClient.start(EXAMPLES);
        // A new, unsaved file in the examples workspace, where StandardExchangeOfNotes is declared.
        const file = path.join(EXAMPLES, 'programmes/new-programme-from-skeleton.osa');
        await client.open(file, '');
        await client.diagnostics(file);
        const items = await complete(file, { line: 0, character: 0 });
        const skeleton = items.find(i => i.label === 'OSA programme (compliant skeleton)');
        expect(skeleton, items.map(i => i.label).join(', ')).toBeDefined();
        expect(skeleton!.insertTextFormat).toBe(2);
        const text = expandDefaults((skeleton!.textEdit as TextEdit).newText);
        expect(text).toContain('agreement uses StandardExchangeOfNotes');
        client.forgetDiagnostics(file);
        await client.change(file, text);
        const diagnostics = await client.diagnostics(file);
        expect(diagnostics.filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
        // The programme's own status agrees: nothing above information.
        const id = /^programme (\S+) \{/.exec(text)![1];
        const status = await hover(file, positionOf(text, `programme ${id}`, 'programme '.length + 1));
        expect(status).toContain(`complies with all ${ALL_RULES.length} rules`);
        await client.shutdown();
    });
});
