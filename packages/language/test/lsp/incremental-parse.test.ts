/**
 * The editor re-parses only the declaration an edit falls in (lsp/incremental-parse.ts). After every one of
 * thousands of seeded random edits (characters, quotes, braces, comment openers, line breaks, whole statements,
 * deletions), the document must equal a fresh parse of the same text: the same syntax nodes with the same
 * offsets, ranges and token types, the same tree, and the same findings after validation.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, TextDocument, URI, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { createOsaLspServices } from '../../src/lsp/osa-lsp-module.js';
import { summarizeDocument } from '../../src/workspace/summary.js';
import { programme, seededRandom, STANDARD_TEMPLATE } from '../helpers.js';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

const INSERTS = ['a', 'x', '1', '9', ' ', '\n', '"', '{', '}', '/', '*', '-', '_', '.', '#', '//', '/*', '*/', '\n    recipient PHL', '\n    modality loan',
    '\n    amount 5_000_000 JPY', ' // note', '\n}\n', '\nprogramme TEST-2024-999 {\n', 'offensive ', '\u3000', '2024-02-31', 'FY2025'];

/** An edit a writer makes while the sheet stays valid: a letter in a text, a digit in a number, a statement on a new line. */
function benignEdit(text: string, next: () => number): string {
    const choice = next();
    if (choice < 0.5) {
        const strings = [...text.matchAll(/"[^"\n]*"/g)];
        const string = strings[Math.floor(next() * strings.length)];
        if (string?.index !== undefined) {
            const at = string.index + 1 + Math.floor(next() * (string[0].length - 1));
            return next() < 0.6 || string[0].length < 3 ? text.slice(0, at) + 'ab c'.charAt(Math.floor(next() * 4)) + text.slice(at)
                : text.slice(0, at) + text.slice(at + 1);
        }
    }
    if (choice < 0.7) {
        const numbers = [...text.matchAll(/\b[0-9]+\b/g)];
        const number = numbers[Math.floor(next() * numbers.length)];
        if (number?.index !== undefined) {
            const at = number.index + Math.floor(next() * number[0].length);
            return text.slice(0, at) + String(Math.floor(next() * 10)) + text.slice(at + 1);
        }
    }
    const lines = text.split('\n');
    const at = Math.floor(next() * lines.length);
    const statement = ['    // a remark', '    coordination JICA', '', '    description "More detail"'][Math.floor(next() * 4)];
    return [...lines.slice(0, at), statement, ...lines.slice(at)].join('\n');
}

function edit(text: string, next: () => number): string {
    if (next() < 0.6) {
        return benignEdit(text, next);
    }
    const at = Math.floor(next() * (text.length + 1));
    const choice = next();
    if (choice < 0.45) {
        const insert = INSERTS[Math.floor(next() * INSERTS.length)];
        return text.slice(0, at) + insert + text.slice(at);
    }
    const length = 1 + Math.floor(next() * (choice < 0.8 ? 3 : 40));
    const replacement = choice < 0.9 ? '' : INSERTS[Math.floor(next() * INSERTS.length)];
    return text.slice(0, at) + replacement + text.slice(Math.min(text.length, at + length));
}

/** Every syntax node in order: leaves with offset, length, range and token type; composites with their extent and tree node. */
function cstShape(node: CstNode, depth = 0, out: string[] = []): string[] {
    const r = node.range;
    const where = `${node.offset}+${node.length} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
    if ('content' in node) {
        out.push(`${depth} composite ${where} ${(node as { astNode: AstNode }).astNode.$type}`);
        for (const child of (node as { content: CstNode[] }).content) {
            cstShape(child, depth + 1, out);
        }
    } else {
        out.push(`${depth} leaf ${where} ${(node as { tokenType: { name: string } }).tokenType.name}${node.hidden ? ' hidden' : ''} ${JSON.stringify(node.text)}`);
    }
    return out;
}

/** The tree as plain data: types, properties, reference texts, containment. */
function astShape(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(astShape);
    }
    if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if ('$refText' in record) {
            return { ref: record.$refText };
        }
        const out: Record<string, unknown> = {};
        for (const [key, v] of Object.entries(record)) {
            if (!key.startsWith('$') || key === '$type' || key === '$containerProperty' || key === '$containerIndex') {
                out[key] = astShape(v);
            }
        }
        return out;
    }
    return value;
}

function findings(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).map(d => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)} ${d.message}`).sort();
}

async function fresh(text: string, name: string): Promise<LangiumDocument> {
    const { shared } = createOsaLspServices({ ...EmptyFileSystem, connection: undefined });
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/workspace/${name}`));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document;
}

/** The editor's document must be what a fresh parse of its text gives: syntax, tree, errors and (with `validated`) findings and summary. */
async function expectSameAsFresh(document: LangiumDocument, text: string, name: string, context: string, validated: boolean): Promise<LangiumDocument> {
    const expected = await fresh(text, name);
    // A text with a NUL byte is parsed as an empty sheet (osa-parser.ts), in the editor as everywhere.
    expect(document.parseResult.value.$cstNode!.root.fullText, context).toBe(text.includes('\0') ? '' : text);
    expect(cstShape(document.parseResult.value.$cstNode!), context).toEqual(cstShape(expected.parseResult.value.$cstNode!));
    expect(astShape(document.parseResult.value), context).toEqual(astShape(expected.parseResult.value));
    expect(document.parseResult.parserErrors.length + document.parseResult.lexerErrors.length, context)
        .toBe(expected.parseResult.parserErrors.length + expected.parseResult.lexerErrors.length);
    if (validated) {
        expect(findings(document), context).toEqual(findings(expected));
        // What the workspace rules read (ids, amounts, envelopes, their places) follows the edit too.
        expect(summarizeDocument(document), context).toEqual(summarizeDocument(expected));
    }
    return expected;
}

/** An editor (the language server's services) with one open document. */
async function editorWith(text: string, name: string) {
    const { shared } = createOsaLspServices({ ...EmptyFileSystem, connection: undefined });
    const uri = URI.file(`/workspace/${name}`);
    let version = 1;
    shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'osa', version, text));
    await shared.workspace.DocumentBuilder.update([uri], []);
    return {
        document: () => shared.workspace.LangiumDocuments.getDocument(uri)!,
        /** Types `text` as the new content, as the server applies a change; true when only one declaration was parsed again. */
        async type(next: string): Promise<boolean> {
            const before = shared.workspace.LangiumDocuments.getDocument(uri)!.parseResult.value;
            shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'osa', ++version, next));
            await shared.workspace.DocumentBuilder.update([uri], []);
            return shared.workspace.LangiumDocuments.getDocument(uri)!.parseResult.value === before;
        }
    };
}

/** Applies `edits` random edits to `text` as the server does, comparing with a fresh parse after each; returns how many were spliced. */
async function editAndCompare(text: string, name: string, seed: number, edits: number, validateEvery: number): Promise<number> {
    const editor = await editorWith(text, name);
    const next = seededRandom(seed);
    let spliced = 0;
    let lastClean = text;
    for (let i = 0; i < edits; i++) {
        // After an edit that broke the sheet, the writer undoes it: the next edit starts from the last valid text.
        const broken = editor.document().parseResult.value.$cstNode!.root.fullText !== lastClean;
        text = broken ? lastClean : edit(text, next);
        if (await editor.type(text)) {
            spliced++;
        }
        const expected = await expectSameAsFresh(editor.document(), text, name, `${name}, seed ${seed}, edit ${i + 1}`, i % validateEvery === 0);
        if (expected.parseResult.parserErrors.length + expected.parseResult.lexerErrors.length === 0) {
            lastClean = text;
        }
    }
    return spliced;
}

const SHEET = [
    STANDARD_TEMPLATE, '// a comment between declarations', programme({ id: 'TEST-2024-301' }), '',
    programme({ id: 'TEST-2024-302', modality: 'modality loan' }), '/* a block\n   comment */', programme({ id: 'TEST-2024-303' })
].join('\n');

/** `text` with its first match of `from` replaced (there must be one). */
function changed(text: string, from: string | RegExp, to: string): string {
    const result = text.replace(from, to);
    expect(result, String(from)).not.toBe(text);
    return result;
}

/** `SHEET` with `from` replaced by `to` in the declaration of programme `id` only. */
function inProgramme(id: string, from: string, to: string): string {
    const start = SHEET.indexOf(`programme ${id} {`);
    const at = SHEET.indexOf(from, start);
    expect(at, `${from} in ${id}`).toBeGreaterThan(start);
    return SHEET.slice(0, at) + to + SHEET.slice(at + from.length);
}

describe('re-parsing only the edited declaration', () => {
    it('gives exactly a fresh parse after each of 600 random edits to a sheet of several declarations', async () => {
        let spliced = 0;
        for (const seed of [1, 2, 3]) {
            spliced += await editAndCompare(SHEET, `sheet-${seed}.osa`, seed, 200, 5);
        }
        // Most edits fall inside a declaration; those that break it fall back to the full parse.
        expect(spliced).toBeGreaterThan(300);
    });

    it('and after random edits to every example', async () => {
        const files = fs.readdirSync(path.join(EXAMPLES, 'programmes')).filter(f => f.endsWith('.osa'));
        let spliced = 0;
        for (const [i, file] of files.entries()) {
            spliced += await editAndCompare(fs.readFileSync(path.join(EXAMPLES, 'programmes', file), 'utf-8'), file, 100 + i, 40, 10);
        }
        expect(spliced).toBeGreaterThan(files.length * 5);
    });

    // Each edit starts from the valid sheet; `short` says whether it may take the short path, and `finding` is a
    // finding the edit must produce (what a finding that vanished would look like).
    const HOSTILE: { name: string; text: string; short: boolean; finding?: RegExp }[] = [
        { name: 'a property stated twice', text: inProgramme('TEST-2024-302', 'modality loan', 'modality loan\n    modality grant'), short: true, finding: /syntax .*more than once/ },
        { name: 'a misspelt term', text: inProgramme('TEST-2024-301', 'kind armed-forces', 'kind armd-forces'), short: true, finding: /syntax .*armd-forces.*armed-forces/ },
        { name: 'free text where a reference belongs', text: inProgramme('TEST-2024-303', 'uses StandardExchangeOfNotes', 'uses "StandardExchangeOfNotes"'), short: false, finding: /StandardExchangeOfNotes/ },
        { name: 'a comment opened in one declaration and closed in the next', text: inProgramme('TEST-2024-302', 'modality loan', 'modality loan /*'), short: false },
        { name: 'a quote opened at the end of a line', text: inProgramme('TEST-2024-301', 'modality grant', 'modality grant "'), short: false, finding: /`"` does not belong/ },
        { name: 'a closing brace and a new declaration typed inside one', text: inProgramme('TEST-2024-301', '    modality grant', '}\nprogramme TEST-2024-399 {\n    modality grant'), short: false },
        { name: 'the line break after a declaration removed', text: changed(SHEET, /\}\n+(?=programme TEST-2024-302)/, '}'), short: false },
        { name: 'a declaration\'s first word edited', text: changed(SHEET, 'programme TEST-2024-302', 'programm TEST-2024-302'), short: false },
        // A NUL byte makes the whole sheet count as empty (osa-parser.ts): never a one-declaration splice.
        { name: 'a NUL byte typed inside a declaration', text: inProgramme('TEST-2024-301', 'modality grant', 'modality gr\0ant'), short: false, finding: /NUL/ },
        // A carriage return alone is a line break (the lexer counts it as one): the lines after it move.
        { name: 'a carriage return typed inside a declaration', text: inProgramme('TEST-2024-301', 'modality grant', 'modality\rgrant'), short: true }
    ];

    // Sheets saved on Windows: CRLF line ends, and line feeds typed into them.
    const CRLF_SHEET = SHEET.replace(/\n/g, '\r\n');

    it('re-parses only the edited declaration of a CRLF sheet, with a misspelt term still found', async () => {
        const editor = await editorWith(CRLF_SHEET, 'crlf.osa');
        const text = changed(CRLF_SHEET, 'kind armed-forces', 'kind armd-forces');
        expect(await editor.type(text)).toBe(true);
        await expectSameAsFresh(editor.document(), text, 'crlf.osa', 'CRLF, misspelt term', true);
        expect(findings(editor.document()).some(f => /armd-forces/.test(f))).toBe(true);
    });

    it('gives exactly a fresh parse after each of 200 random edits to a CRLF sheet', async () => {
        expect(await editAndCompare(CRLF_SHEET, 'crlf-random.osa', 4, 200, 5)).toBeGreaterThan(100);
    });

    it.each(HOSTILE)('keeps every finding after $name', async ({ name, text, short, finding }) => {
        const editor = await editorWith(SHEET, 'hostile.osa');
        expect(await editor.type(text), name).toBe(short);
        await expectSameAsFresh(editor.document(), text, 'hostile.osa', name, true);
        if (finding) {
            expect(findings(editor.document()).some(f => finding.test(f)), `${name}: ${findings(editor.document()).join('\n')}`).toBe(true);
        }
        // And back to the valid sheet: the findings the edit caused go with it.
        await editor.type(SHEET);
        await expectSameAsFresh(editor.document(), SHEET, 'hostile.osa', `${name}, undone`, true);
    });
});
