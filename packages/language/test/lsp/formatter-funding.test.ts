/** The formatter on money by year and countries of operation: one share per line, `}` on its own line, `,` joined to its country. */
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createOsaLspServices } from '../../src/lsp/osa-lsp-module.js';

const { shared, Osa } = createOsaLspServices({ ...EmptyFileSystem, connection: undefined });
let counter = 0;

async function format(text: string): Promise<string> {
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/format/funding${counter++}.osa`));
    const edits = await Osa.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
    return TextDocument.applyEdits(document.textDocument, edits);
}

describe('formatter: funding blocks and countries of operation', () => {
    it('lays out a funding block with one share per line and its `}` on a line of its own', async () => {
        const formatted = await format('programme P {\nfunding {\n2025 1_200_000_000 JPY\n  2026   700_000_000 JPY }\n}\n');
        expect(formatted).toBe('programme P {\n    funding {\n        2025 1_200_000_000 JPY\n        2026 700_000_000 JPY\n    }\n}\n');
        expect(await format(formatted)).toBe(formatted);
    });

    it('keeps a funding block with one share on one line', async () => {
        const text = 'programme P {\n    funding { 2025 1_200_000_000 JPY }\n}\n';
        expect(await format(text)).toBe(text);
    });

    it('joins the commas of an `in` list to the country before them', async () => {
        const formatted = await format('programme P {\nfield peace-cooperation { operation "A" led-by ASEAN in THA ,KHM }\n}\n');
        expect(formatted).toBe('programme P {\n    field peace-cooperation { operation "A" led-by ASEAN in THA, KHM }\n}\n');
    });
});
