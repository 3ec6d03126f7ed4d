/**
 * A parse error's diagnostic carries its catalogue id whatever else was parsed before it was validated. The fuzzer
 * found the CLI and the editor disagreeing on `messageId`: the ids came from a cache of every text ever rendered,
 * cleared when it grew past 1,000, so a document parsed before many others lost them (a batch of the CLI parses
 * its files before validating them).
 */
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createOsaServices } from '../../src/osa-module.js';

describe('message ids of parse errors', () => {
    it('survive a thousand other documents parsed between the parse and the validation', async () => {
        const { shared } = createOsaServices(EmptyFileSystem);
        const factory = shared.workspace.LangiumDocumentFactory;
        const first = factory.fromString('lineodality grant\n    amount 100_000_000 JPY\n', URI.file('/w/first.osa'));
        // Each sheet's error names a different word, so each renders a text of its own.
        const others = Array.from({ length: 1200 }, (_, i) => factory.fromString(`word${i} grant\n    amount ${i} JPY\n`, URI.file(`/w/other-${i}.osa`)));
        for (const document of [first, ...others]) {
            shared.workspace.LangiumDocuments.addDocument(document);
        }
        await shared.workspace.DocumentBuilder.build([first, ...others.slice(0, 3)], { validation: true });
        const syntax = first.diagnostics ?? [];
        expect(syntax.length).toBeGreaterThan(0);
        const ids = syntax.map(d => (d.data as { messageId?: string } | undefined)?.messageId);
        expect(ids.filter(id => id === undefined), syntax.map(d => d.message).join('\n')).toEqual([]);
        expect(ids.some(id => id!.startsWith('parse.')), ids.join(', ')).toBe(true);
    });
});
