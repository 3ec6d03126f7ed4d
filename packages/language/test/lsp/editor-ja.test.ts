/**
 * The rest of the editor in Japanese, in process: rename refusals, the outline's details written in words and
 * the programme status line (code lens). Names, ids and keywords stay as written.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver';
import { lensTitle } from '../../src/lsp/code-lens.js';
import { createOsaLspServices, type OsaLspServices } from '../../src/lsp/osa-lsp-module.js';
import { programme, STANDARD_TEMPLATE } from '../helpers.js';

async function setUp(text: string): Promise<{ osa: OsaLspServices; document: LangiumDocument }> {
    const osa = createOsaLspServices({ ...EmptyFileSystem, connection: undefined }, { locale: 'ja' }).Osa;
    await parseHelper(osa)(STANDARD_TEMPLATE, { documentUri: URI.file('/workspace/templates.osa').toString(), validation: true });
    await parseHelper(osa)(programme({ id: 'OTHER' }), { documentUri: URI.file('/workspace/other.osa').toString(), validation: true });
    const document = await parseHelper(osa)(text, { documentUri: URI.file('/workspace/a.osa').toString(), validation: true });
    return { osa, document };
}

describe('the editor in Japanese', () => {
    it('rename says in Japanese why a new name cannot be used', async () => {
        const text = programme({ id: 'TEST-A' });
        const { osa, document } = await setUp(text);
        const position = document.textDocument.positionAt(text.indexOf('TEST-A') + 1);
        const rename = (newName: string) => osa.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position, newName });
        await expect(rename('1-BAD')).rejects.toThrow('"1-BAD" は案件の名前として使えません。');
        await expect(rename('programme')).rejects.toThrow('"programme" は OSA 言語のキーワードのため、案件の名前にできません。');
        await expect(rename('OTHER')).rejects.toThrow('OTHER という案件がすでにあります（other.osa）。参照があいまいになります。');
    });

    it('the outline: details in words are Japanese, values as written', async () => {
        const text = programme({
            items: 'provide "Patrol boat" quantity 2 category patrol-boat defense-equipment purpose surveillance',
            extra: '    status delivered\n    delivered 2025-01-15\n    monitoring {\n        visit 2025-06-01 "On-site check"\n    }\n'
        });
        const { osa, document } = await setUp(text);
        const symbols = await osa.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } }) as DocumentSymbol[];
        const children = symbols[0].children ?? [];
        expect(children.find(s => s.name === 'Patrol boat')?.detail).toBe('×2 · patrol-boat · 防衛装備（surveillance）');
        expect(children.find(s => s.name === 'assessment')?.detail).toBe('考慮事項 6 件中 6 件');
        expect(children.find(s => s.name === 'monitoring')?.detail).toBe('訪問 1 回 · 結果の記録なし');
    });

    it('the status line of a programme: counts and the compliance claim in Japanese', () => {
        expect(lensTitle([], { active: 36, off: 0 }, 'ja')).toBe('✓ 全 36 規則に適合');
        expect(lensTitle([{ severity: 3 }], { active: 30, off: 6 }, 'ja')).toBe('✓ 有効な全 30 規則に適合（6 規則は設定で無効） · 情報 1 件');
        expect(lensTitle([{ severity: 1 }, { severity: 1 }, { severity: 2 }], undefined, 'ja')).toBe('エラー 2 件 · 警告 1 件');
    });
});
