/**
 * Completion parses only the top-level declaration that holds the cursor (OsaCompletionProvider.findFeaturesAt),
 * not the whole text before it. At every token boundary of every example, and of a workspace file with several
 * declarations and a broken one, what may follow must be exactly what Langium's parse from the start finds.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument, type TextDocument } from 'langium';
import { DefaultCompletionProvider, type NextFeature } from 'langium/lsp';
import { parseHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { createOsaLspServices } from '../../src/lsp/osa-lsp-module.js';
import { programme, STANDARD_TEMPLATE } from '../helpers.js';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

function osaFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
        entry.isDirectory() ? osaFiles(path.join(dir, entry.name)) : entry.name.endsWith('.osa') ? [path.join(dir, entry.name)] : []);
}

type FeaturesAt = (document: TextDocument, offset: number) => NextFeature[];

function describeFeatures(features: NextFeature[]): string[] {
    return features.map(f => `${f.feature.$type}:${(f.feature as { value?: string }).value ?? (f.feature as { rule?: { $refText?: string } }).rule?.$refText ?? ''}:${f.property ?? ''}:${f.type ?? ''}`);
}

/** Offsets compared, and how many of them took the short parse (not the whole text). */
async function compareEverywhere(text: string, name: string): Promise<{ offsets: number; short: number }> {
    const { Osa } = createOsaLspServices({ ...EmptyFileSystem, connection: undefined });
    const document: LangiumDocument = await parseHelper(Osa)(text, { documentUri: URI.file(`/workspace/${name}`).toString() });
    const provider = Osa.lsp.CompletionProvider as unknown as { findFeaturesAt: FeaturesAt; declarationStart(document: TextDocument, offset: number): number | undefined };
    const fromStart = (DefaultCompletionProvider.prototype as unknown as { findFeaturesAt: FeaturesAt }).findFeaturesAt;
    const offsets = new Set<number>();
    for (const token of Osa.parser.Lexer.tokenize(text).tokens) {
        offsets.add(token.startOffset);
        offsets.add(token.endOffset + 1);
    }
    let short = 0;
    for (const offset of offsets) {
        short += provider.declarationStart(document.textDocument, offset) === undefined ? 0 : 1;
        const fast = describeFeatures(provider.findFeaturesAt(document.textDocument, offset));
        const whole = describeFeatures(fromStart.call(provider, document.textDocument, offset));
        expect(fast, `${name} at offset ${offset}`).toEqual(whole);
    }
    return { offsets: offsets.size, short };
}

describe('completion parses from the declaration that holds the cursor', () => {
    it('finds what Langium finds parsing from the start, at every token of every example', async () => {
        let checked = 0;
        let short = 0;
        for (const file of osaFiles(EXAMPLES)) {
            const counts = await compareEverywhere(fs.readFileSync(file, 'utf-8'), path.basename(file));
            checked += counts.offsets;
            short += counts.short;
        }
        expect(checked).toBeGreaterThan(5000);
        expect(short).toBeGreaterThan(1000);
    });

    it('and in a file of several declarations, with comments between them and an unknown statement', async () => {
        const text = [STANDARD_TEMPLATE, '// between', programme({ id: 'TEST-2024-201' }), 'budgt 3', programme({ id: 'TEST-2024-202', modality: 'modality loan' })].join('\n');
        const counts = await compareEverywhere(text, 'several.osa');
        expect(counts.offsets).toBeGreaterThan(200);
        expect(counts.short).toBeGreaterThan(counts.offsets / 2);
    });
});
