/**
 * Quick fixes in Japanese, in process: over every finding of the examples (rules and language checks), every
 * action a server in `ja` offers has a Japanese title, and the documentation command opens the Japanese page.
 * The edits are the same in both locales: code is code. The English titles are pinned by code-actions.test.ts.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import type { Locale } from '../../src/i18n/index.js';
import { createOsaLspServices } from '../../src/lsp/osa-lsp-module.js';
import { JAPANESE_SCRIPT as JAPANESE } from '../../src/i18n/script.js';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');
function exampleFiles(): Record<string, string> {
    const files: Record<string, string> = {};
    for (const dir of ['shared', 'programmes', 'violations']) {
        for (const name of fs.readdirSync(path.join(EXAMPLES, dir)).filter(n => n.endsWith('.osa'))) {
            files[`${dir}/${name}`] = fs.readFileSync(path.join(EXAMPLES, dir, name), 'utf-8');
        }
    }
    // A language finding too: an unknown term, whose fix replaces it with the suggestion.
    files['violations/typo.osa'] = files['violations/OSA401-no-international-agreement.osa'].replace('VIOLATION-OSA401', 'TYPO').replace('modality grant', 'modality grnt');
    return files;
}

/** Every action offered for every finding of the examples, in a locale: [file, code, action]. */
async function allActions(locale: Locale): Promise<Array<[string, string, CodeAction]>> {
    const { shared, Osa } = createOsaLspServices({ ...EmptyFileSystem, connection: undefined }, { locale });
    const documents: Record<string, LangiumDocument> = {};
    for (const [name, text] of Object.entries(exampleFiles())) {
        documents[name] = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///workspace/${name}`));
        shared.workspace.LangiumDocuments.addDocument(documents[name]);
    }
    await shared.workspace.DocumentBuilder.build(Object.values(documents), { validation: true });
    const actions: Array<[string, string, CodeAction]> = [];
    for (const [name, document] of Object.entries(documents)) {
        for (const diagnostic of document.diagnostics ?? []) {
            const result = await Osa.lsp.CodeActionProvider!.getCodeActions(document, {
                textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic as Diagnostic] }
            }) as CodeAction[] | undefined;
            for (const action of result ?? []) {
                actions.push([name, String(diagnostic.code), action]);
            }
        }
    }
    return actions;
}

describe('quick fixes in Japanese', () => {
    it('every action over the examples has a Japanese title; the edits are those of English', { timeout: 60_000 }, async () => {
        const ja = await allActions('ja');
        const en = await allActions('en');
        expect(ja.length).toBeGreaterThan(60);
        expect(ja.length).toBe(en.length);
        const codes = new Set<string>();
        for (const [i, [file, code, action]] of ja.entries()) {
            codes.add(code);
            expect(action.title, `${file} ${code}: ${en[i][2].title}`).toMatch(JAPANESE);
            expect(action.edit, `${file} ${code}: ${en[i][2].title}`).toEqual(en[i][2].edit);
            if (action.command?.command === 'vscode.open') {
                expect(action.command.title).toBe(action.title);
                expect(action.command.arguments?.[0]).toBe(`https://github.com/osa-policy/osa-policy/blob/main/docs/rules/ja/${code}.md`);
            }
        }
        // Rule findings of many rules, and the language's own.
        expect(codes.size).toBeGreaterThan(25);
        expect(codes).toContain('syntax');
    });
});
