/**
 * Workspace findings in the editor follow changes in other files, as the CLI would report them after
 * the same change: the budget envelope's finding when a programme it counts is deleted, and its
 * pointers into a programme whose lines moved. Both were found by the fuzzer (packages/cli/fuzz).
 */
import { Cancellation, DocumentState, EmptyFileSystem, TextDocument, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createOsaLspServices } from '../../src/lsp/osa-lsp-module.js';
import { programme, STANDARD_TEMPLATE } from '../helpers.js';

const { CancellationTokenSource } = Cancellation;

const ENVELOPE = `budget-envelope B-FY2024 {
    fiscal-year 2024
    amount 100_000_000 JPY
    source "test"
}
`;
const A = programme({ id: 'P-A', amount: 'amount 80_000_000 JPY' });
const B = programme({ id: 'P-B', amount: 'amount 80_000_000 JPY' });

/** An editor with the files open, changed and closed the way the language server applies it. */
async function editor(files: Record<string, string>) {
    const { shared, Osa } = createOsaLspServices({ ...EmptyFileSystem, connection: undefined });
    const uri = (name: string) => URI.file(`/workspace/${name}`);
    const versions = new Map<string, number>();
    const open = async (name: string, text: string) => {
        versions.set(name, (versions.get(name) ?? 0) + 1);
        shared.workspace.TextDocuments.set(TextDocument.create(uri(name).toString(), 'osa', versions.get(name)!, text));
        await shared.workspace.DocumentBuilder.update([uri(name)], []);
    };
    for (const [name, text] of Object.entries(files)) {
        await open(name, text);
    }
    return {
        change: open,
        async delete(name: string) {
            shared.workspace.TextDocuments.delete(uri(name).toString());
            await shared.workspace.DocumentBuilder.update([], [uri(name)]);
        },
        budgetFindings(name: string) {
            return (shared.workspace.LangiumDocuments.getDocument(uri(name))?.diagnostics ?? []).filter(d => d.code === 'OSA601');
        },
        /** The workspace view the rules see for a file. */
        view(name: string) {
            return Osa.osa.WorkspaceView.viewFor(shared.workspace.LangiumDocuments.getDocument(uri(name))!);
        }
    };
}

describe('workspace findings in the editor', () => {
    it('disappear from the envelope when a programme it counted is deleted', async () => {
        const e = await editor({ 'templates.osa': STANDARD_TEMPLATE, 'envelope.osa': ENVELOPE, 'a.osa': A, 'b.osa': B });
        expect(e.budgetFindings('envelope.osa')).toHaveLength(1);
        await e.delete('b.osa');
        // 80,000,000 JPY alone fits the envelope; the finding must not stay, pointing at a deleted file.
        expect(e.budgetFindings('envelope.osa')).toEqual([]);
    });

    it('point at where the programme\'s amount is after lines moved above it', async () => {
        const e = await editor({ 'templates.osa': STANDARD_TEMPLATE, 'envelope.osa': ENVELOPE, 'a.osa': A, 'b.osa': B });
        const amountLine = (text: string) => text.split('\n').findIndex(line => line.includes('amount 80_000_000 JPY'));
        const pointerInto = (name: string) => e.budgetFindings('envelope.osa')[0].relatedInformation!.find(r => r.location.uri.endsWith(`/${name}`))!.location.range.start.line;
        expect(pointerInto('a.osa')).toBe(amountLine(A));
        const moved = `// three comment lines\n//\n//\n${A}`;
        await e.change('a.osa', moved);
        expect(pointerInto('a.osa')).toBe(amountLine(moved));
    });
});

describe('closed files with scope "openFiles"', () => {
    it('are not validated by the first edit after the workspace manager built them without validation', async () => {
        const { shared } = createOsaLspServices({ ...EmptyFileSystem, connection: undefined });
        const documents = shared.workspace.LangiumDocuments;
        const closed = shared.workspace.LangiumDocumentFactory.fromString(B.replace('title "', 'title "x"\n    title "'), URI.file('/workspace/closed.osa'));
        documents.addDocument(closed);
        // What Langium's workspace manager does at start-up with every file it finds (its initialBuildOptions: no validation).
        await shared.workspace.DocumentBuilder.build([closed], {});
        const open = URI.file('/workspace/open.osa');
        shared.workspace.TextDocuments.set(TextDocument.create(open.toString(), 'osa', 1, A));
        await shared.workspace.DocumentBuilder.update([open], []);
        expect(documents.getDocument(open)!.state).toBe(DocumentState.Validated);
        // Its own finding (a repeated title) is not a workspace finding: it stays unchecked, out of the Problems panel.
        expect(closed.state).toBeLessThan(DocumentState.Validated);
        expect(closed.diagnostics).toBeUndefined();
    });

    it('are left out of the builds of later edits when they have nothing left to do, and relinked when they do', async () => {
        const { shared } = createOsaLspServices({ ...EmptyFileSystem, connection: undefined });
        const builder = shared.workspace.DocumentBuilder;
        const closed = shared.workspace.LangiumDocumentFactory.fromString(B, URI.file('/workspace/closed.osa'));
        const templates = shared.workspace.LangiumDocumentFactory.fromString(STANDARD_TEMPLATE, URI.file('/workspace/templates.osa'));
        shared.workspace.LangiumDocuments.addDocument(closed);
        shared.workspace.LangiumDocuments.addDocument(templates);
        await builder.build([closed, templates], {});
        const open = URI.file('/workspace/open.osa');
        const built: string[][] = [];
        builder.onBuildPhase(DocumentState.IndexedReferences, documents => {
            built.push(documents.map(d => d.uri.path));
        });
        const edit = async (text: string, version: number) => {
            shared.workspace.TextDocuments.set(TextDocument.create(open.toString(), 'osa', version, text));
            await builder.update([open], []);
        };
        await edit(A, 1);
        await edit(A.replace('title "', 'title "x'), 2);
        // The closed files are linked and indexed, and not to be validated: not built again at each edit.
        expect(built).toEqual([['/workspace/open.osa'], ['/workspace/open.osa']]);
        expect(closed.state).toBe(DocumentState.IndexedReferences);
        expect(closed.references[0].ref?.$cstNode?.root.astNode).toBe(templates.parseResult.value);
        // Now the open file declares the template the closed one uses too: the closed file is relinked, to the
        // declaration in the file whose URI sorts first.
        const before = built.length;
        await edit(`${A}\n${STANDARD_TEMPLATE}`, 3);
        // (The edit's own build; the template file, now declaring the template twice over, is checked in a later one.)
        expect(built[before]).toEqual(['/workspace/open.osa', '/workspace/closed.osa']);
        expect(closed.references[0].ref?.$cstNode?.root.astNode).toBe(shared.workspace.LangiumDocuments.getDocument(open)!.parseResult.value);
    });
});

describe('the workspace view across edits', () => {
    it('stays the same object while no summary changes, and follows a change that moves or alters a declaration', async () => {
        const e = await editor({ 'templates.osa': STANDARD_TEMPLATE, 'envelope.osa': ENVELOPE, 'a.osa': A, 'b.osa': B });
        const before = e.view('a.osa');
        expect(before.summaries.size).toBe(4);
        // Typing in a title changes the tree but nothing the workspace rules read.
        await e.change('a.osa', A.replace('title "', 'title "x'));
        expect(e.view('a.osa')).toBe(before);
        expect(e.budgetFindings('envelope.osa')).toHaveLength(1);
        // A new amount is a new view, and the envelope's finding follows it although the envelope file was not edited.
        await e.change('a.osa', A.replace('amount 80_000_000 JPY', 'amount 10_000_000 JPY'));
        const after = e.view('a.osa');
        expect(after).not.toBe(before);
        expect(after.programmesByName.get('P-A')![0].amount).toEqual({ value: 10_000_000, currency: 'JPY' });
        expect(e.budgetFindings('envelope.osa')).toEqual([]);
        // A line added above the declaration moves its ranges: a new view too, and the finding comes back with the amount.
        await e.change('a.osa', `// moved\n${A}`);
        expect(e.view('a.osa')).not.toBe(after);
        expect(e.budgetFindings('envelope.osa')).toHaveLength(1);
    });
});

describe('publishing a validated document', () => {
    it('still happens when a newer edit cancels the build just after the document was validated', async () => {
        // The order of one build: validate a document, then tell each listener of the Validated phase. Here the
        // first listener stands for the newer edit that cancels the build at that moment; the second is the
        // one that publishes diagnostics. Skipping it would leave the Problems panel on the text before the edit.
        const { shared } = createOsaLspServices({ ...EmptyFileSystem, connection: undefined });
        const builder = shared.workspace.DocumentBuilder;
        const source = new CancellationTokenSource();
        const published: string[] = [];
        builder.onDocumentPhase(DocumentState.Validated, async () => source.cancel());
        builder.onDocumentPhase(DocumentState.Validated, async document => {
            published.push(document.uri.path);
        });
        const uri = URI.file('/workspace/a.osa');
        shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'osa', 1, A));
        await builder.update([uri], [], source.token).catch(() => undefined);
        expect(shared.workspace.LangiumDocuments.getDocument(uri)?.state).toBe(DocumentState.Validated);
        expect(published).toEqual(['/workspace/a.osa']);
    });
});
