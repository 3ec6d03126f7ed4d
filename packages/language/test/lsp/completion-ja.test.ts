/**
 * Completion in Japanese, in process: what each item says (detail, documentation, label details) is Japanese,
 * what it inserts is code; the compliant skeleton's placeholder texts are Japanese and it still validates
 * without errors. The English items are pinned by completion.test.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CompletionItem, CompletionList, MarkupContent, TextEdit } from 'vscode-languageserver';
import { expandSnippet } from '../../src/lsp/completion-snippet.js';
import type { OsaLspServices } from '../../src/lsp/osa-lsp-module.js';
import { japaneseServer, type JapaneseServer } from './ja-server.js';
import { programme, STANDARD_TEMPLATE } from '../helpers.js';
import { JAPANESE_SCRIPT as JAPANESE } from '../../src/i18n/script.js';

let services: OsaLspServices;
let add: JapaneseServer['add'];
let count = 0;

beforeEach(() => {
    ({ services, add } = japaneseServer());
});

async function completeAt(text: string): Promise<CompletionList> {
    const offset = text.indexOf('<|>');
    const document = await add(`c-${++count}.osa`, text.replace('<|>', ''));
    return services.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
    }) as Promise<CompletionList>;
}

function item(list: CompletionList, label: string): CompletionItem {
    const found = list.items.find(i => i.label === label);
    expect(found, label).toBeDefined();
    return found!;
}

const doc = (i: CompletionItem) => (i.documentation as MarkupContent).value;

describe('completion in Japanese', () => {
    it('terms of every vocabulary a programme takes: Japanese detail and documentation, the term inserted as written', async () => {
        for (const [parts, label] of [
            [{ modality: 'modality <|>' }, 'loan'],
            [{ beneficiary: 'beneficiary "Navy" kind <|>' }, 'armed-forces'],
            [{ items: 'provide "Radar" quantity 1 category <|>' }, 'coastal-radar'],
            [{ amount: 'amount 1_000 <|>' }, 'USD']
        ] as const) {
            const term = item(await completeAt(programme(parts)), label);
            expect(term.detail, label).toMatch(JAPANESE);
            expect(doc(term), label).toMatch(JAPANESE);
            expect((term.textEdit as TextEdit).newText).toBe(label);
        }
        const usd = item(await completeAt(programme({ amount: 'amount 1_000 <|>' })), 'USD');
        expect(doc(usd)).toContain('米ドル（ISO 4217）。');
    });

    it('keywords, countries and rule ids', async () => {
        const keywords = await completeAt(programme({ extra: '<|>' }));
        expect(item(keywords, 'monitoring').detail).toBe('キーワード · §3(3)(b)');
        const countries = await completeAt(programme({ recipient: 'recipient <|>' }));
        const phl = item(countries, 'PHL');
        expect(phl.detail).toBe('Philippines');
        expect(doc(phl)).toContain('2024年4月1日時点で DAC リスト');
        const ukr = item(countries, 'UKR');
        expect(ukr.labelDetails?.description).toContain('戦闘中');
        expect(doc(ukr)).toContain('FY2024 の状況：戦闘中 (OSA303)');
        const rules = await completeAt(programme({ extra: '    exception <|>' }));
        expect(item(rules, 'OSA101').labelDetails?.description).toBe('例外：警告として報告');
        expect(item(rules, 'OSA401').labelDetails?.description).toBe('例外なし');
        expect(doc(item(rules, 'OSA101'))).toContain('docs/rules/ja/OSA101.md');
    });

    it('the compliant skeleton: Japanese label and placeholder texts, and still no errors', async () => {
        await add('templates.osa', STANDARD_TEMPLATE);
        const list = await completeAt('<|>');
        const skeleton = item(list, 'OSA 案件（適合するひな形）');
        expect(skeleton.detail).toMatch(JAPANESE);
        const expanded = expandSnippet((skeleton.textEdit as TextEdit).newText);
        expect(expanded).toContain('title "沿岸監視機材"');
        expect(expanded).toContain('beneficiary "Philippines の軍" kind armed-forces');
        expect(expanded).toContain('category coastal-radar');
        const document = await add(`expanded-${++count}.osa`, expanded);
        expect((document.diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
    });
});
