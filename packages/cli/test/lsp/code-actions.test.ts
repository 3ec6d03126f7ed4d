/**
 * Quick fixes over the real protocol: the bundled `osa lsp --stdio` on a copy of the examples. The
 * client asks for the code actions of a published diagnostic, applies the returned WorkspaceEdit as an
 * editor would (didChange), and the server's next diagnostics no longer have the finding.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient, REPO, uriOf } from './lsp-client.js';

const EXAMPLES = path.join(REPO, 'examples');
let client: LspTestClient | undefined;
const temporary: string[] = [];

afterEach(async () => {
    if (client && client.process.exitCode === null) {
        client.process.kill();
    }
    client = undefined;
    for (const dir of temporary.splice(0)) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
});

function copyExamples(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-lsp-actions-'));
    temporary.push(dir);
    fs.cpSync(EXAMPLES, dir, { recursive: true });
    return dir;
}

/** Starts the server on a copy of the examples and opens one file; returns its path and its first finding of `rule`. */
async function openWith(dir: string, relative: string, rule: string): Promise<{ file: string; finding: Diagnostic }> {
    client = await LspTestClient.start(dir);
    const file = path.join(dir, relative);
    await client.open(file);
    const diagnostics = await client.diagnostics(file, d => d.some(x => x.code === rule));
    return { file, finding: diagnostics.find(d => d.code === rule)! };
}

function codeActions(file: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return client!.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: uriOf(file) },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] }
    });
}

function byTitle(actions: CodeAction[], title: string): CodeAction {
    const action = actions.find(a => a.title === title);
    expect(action, `"${title}" among ${JSON.stringify(actions.map(a => a.title))}`).toBeDefined();
    return action!;
}

const without = (rule: string) => (d: Diagnostic[]) => !d.some(x => x.code === rule);

describe('code actions over LSP', () => {
    it('OSA402: inserts the missing clause into the inline agreement, and the finding goes', async () => {
        const dir = copyExamples();
        const { file, finding } = await openWith(dir, 'violations/OSA402-missing-information-disclosure-clause.osa', 'OSA402');
        const actions = await codeActions(file, finding);
        const fix = byTitle(actions, 'Add `clause information-disclosure` to the agreement');
        expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true });
        const before = client!.text(file);
        await client!.applyEdit(fix.edit!);
        const after = await client!.diagnostics(file, without('OSA402'));
        expect(after.filter(d => d.severity === 1)).toEqual([]);
        expect(client!.text(file)).toBe(before.replace(
            '        clause un-charter-conformity\n',
            '        clause un-charter-conformity\n        clause information-disclosure\n'
        ));
        // The diagnostic the client still holds is stale now: no fix is offered for it.
        expect((await codeActions(file, finding)).filter(a => a.edit)).toEqual([]);
        expect(await client!.shutdown()).toBe(0);
    });

    it('OSA407 from a template in another file: the template fix edits that file', async () => {
        const dir = copyExamples();
        const templates = path.join(dir, 'shared/templates.osa');
        fs.writeFileSync(templates, fs.readFileSync(templates, 'utf-8').replace(/ *clause un-charter-conformity[^\n]*\n/, ''));
        const { file, finding } = await openWith(dir, 'programmes/OSA-FY2024-PHL.osa', 'OSA407');
        const actions = await codeActions(file, finding);
        expect(byTitle(actions, 'Add `clause un-charter-conformity` to the programme\'s agreement').isPreferred).toBe(true);
        const fix = byTitle(actions, 'Add `clause un-charter-conformity` to the template StandardExchangeOfNotes (templates.osa)');
        expect(Object.keys(fix.edit!.changes!)).toEqual([uriOf(templates)]);
        // An editor opens the other file to apply the edit.
        await client!.open(templates);
        const programmeText = client!.text(file);
        await client!.applyEdit(fix.edit!);
        await client!.diagnostics(file, without('OSA407'));
        expect(client!.text(file)).toBe(programmeText);
        expect(client!.text(templates)).toContain('    clause prior-consent "Any change of use or transfer needs Japan\'s prior consent"\n    clause un-charter-conformity\n}');
        await client!.shutdown();
    });

    it('OSA103: sets the modality to grant', async () => {
        const dir = copyExamples();
        const { file, finding } = await openWith(dir, 'violations/OSA103-modality-not-grant.osa', 'OSA103');
        const before = client!.text(file);
        await client!.applyEdit(byTitle(await codeActions(file, finding), 'Change the modality to grant').edit!);
        const after = await client!.diagnostics(file, without('OSA103'));
        expect(after.map(d => d.code)).toEqual([]);
        expect(client!.text(file)).toBe(before.replace('    modality loan\n', '    modality grant\n'));
        await client!.shutdown();
    });

    it('OSA105: offers each suggested code, the first preferred', async () => {
        const dir = copyExamples();
        const { file, finding } = await openWith(dir, 'violations/OSA105-unknown-country-code.osa', 'OSA105');
        const actions = (await codeActions(file, finding)).filter(a => a.title.startsWith('Change the recipient to '));
        expect(actions[0]).toMatchObject({ title: 'Change the recipient to PHL (Philippines)', isPreferred: true });
        expect(actions.slice(1).every(a => !a.isPreferred)).toBe(true);
        await client!.applyEdit(actions[0].edit!);
        const after = await client!.diagnostics(file, without('OSA105'));
        expect(after.map(d => d.code)).toEqual([]);
        expect(client!.text(file)).toContain('\n    recipient PHL\n');
        await client!.shutdown();
    });

    it('suppression: the comment waits for its reason, then silences the finding', async () => {
        const dir = copyExamples();
        const { file, finding } = await openWith(dir, 'violations/OSA501-core-coordination-missing.osa', 'OSA501');
        const actions = await codeActions(file, finding);
        const docs = byTitle(actions, 'Show documentation for OSA501');
        expect(docs.command).toEqual({ title: 'Show documentation for OSA501', command: 'vscode.open', arguments: ['https://github.com/osa-policy/osa-policy/blob/main/docs/rules/OSA501.md'] });
        const suppress = byTitle(actions, 'Suppress OSA501 on this line (write the reason)');
        await client!.applyEdit(suppress.edit!);
        expect(client!.text(file)).toContain('\n    // osa-disable-next-line OSA501 -- \n    coordination MOFA, MOD, JICA\n');
        // Without a reason the suppression does not apply, and says so.
        const pending = await client!.diagnostics(file, d => d.some(x => x.code === 'suppression'));
        expect(pending.map(d => d.code)).toContain('OSA501');
        expect(pending.find(d => d.code === 'suppression')!.message).toContain('gives no reason');
        await client!.change(file, client!.text(file).replace('OSA501 -- \n', 'OSA501 -- NSS coordination recorded in the MOFA file\n'));
        const done = await client!.diagnostics(file, d => !d.some(x => x.code === 'OSA501' || x.code === 'suppression'));
        expect(done.map(d => d.code)).toEqual([]);
        await client!.shutdown();
    });

    it('OSA401: adds an agreement with all five clauses', async () => {
        const dir = copyExamples();
        const { file, finding } = await openWith(dir, 'violations/OSA401-no-international-agreement.osa', 'OSA401');
        await client!.applyEdit(byTitle(await codeActions(file, finding), 'Add an agreement with all the clauses of §3(3)').edit!);
        const after = await client!.diagnostics(file, without('OSA401'));
        expect(after.map(d => d.code)).toEqual([]);
        await client!.shutdown();
    });

    it('a language finding: an unknown term is replaced with the suggested one, a repeat is removed, and the findings go', async () => {
        const dir = copyExamples();
        const file = path.join(dir, 'programmes/OSA-FY2024-PHL.osa');
        const original = fs.readFileSync(file, 'utf-8');
        fs.writeFileSync(file, original
            .replace('category coastal-radar', 'category costal-radar')
            .replace('    modality grant\n', '    modality grant\n    modality grant\n'));
        await openWith(dir, 'programmes/OSA-FY2024-PHL.osa', 'syntax');
        const diagnostics = await client!.diagnostics(file, d => d.filter(x => x.code === 'syntax').length === 2);
        const unknown = diagnostics.find(d => d.code === 'syntax' && String(d.message).startsWith('Unknown item category'))!;
        expect(unknown.data).toMatchObject({ kind: 'unknown-term', vocabulary: 'item-category' });
        const replace = byTitle(await codeActions(file, unknown), 'Replace with `coastal-radar`');
        expect(replace).toMatchObject({ kind: 'quickfix', isPreferred: true });
        await client!.applyEdit(replace.edit!);
        const left = await client!.diagnostics(file, d => d.filter(x => x.code === 'syntax').length === 1);
        const repeat = left.find(d => d.code === 'syntax')!;
        expect(repeat.message).toContain('more than once');
        await client!.applyEdit(byTitle(await codeActions(file, repeat), 'Remove the repeated `modality`').edit!);
        const after = await client!.diagnostics(file, without('syntax'));
        expect(after.filter(d => d.severity === 1)).toEqual([]);
        expect(client!.text(file)).toBe(original);
        await client!.shutdown();
    });
});
