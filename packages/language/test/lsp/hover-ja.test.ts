/**
 * Hovers in Japanese, in process: a server whose locale is `ja` explains every token of real programmes in
 * Japanese (keywords, terms, countries, declarations, fiscal years, rule ids), keeps code as code, and writes
 * dates the Japanese way. The English hovers are pinned by hover.test.ts.
 */
import type { LangiumDocument } from 'langium';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OsaLspServices } from '../../src/lsp/osa-lsp-module.js';
import { japaneseServer, type JapaneseServer } from './ja-server.js';
import { programme, STANDARD_TEMPLATE } from '../helpers.js';
import { JAPANESE_SCRIPT as JAPANESE } from '../../src/i18n/script.js';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');
let services: OsaLspServices;
let add: JapaneseServer['add'];
let count = 0;

beforeEach(() => {
    ({ services, add } = japaneseServer());
});

async function hoverIn(document: LangiumDocument, offset: number): Promise<string | undefined> {
    const hover = await services.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
    });
    const contents = hover?.contents;
    return contents && typeof contents === 'object' && 'value' in contents ? contents.value : undefined;
}

async function hoverAt(text: string): Promise<string | undefined> {
    const offset = text.indexOf('<|>');
    return hoverIn(await add(`p-${++count}.osa`, text.replace('<|>', '')), offset);
}

describe('hovers in Japanese', () => {
    it('every hover over the example programmes is written in Japanese', async () => {
        await add('templates.osa', fs.readFileSync(path.join(EXAMPLES, 'shared/templates.osa'), 'utf-8'));
        await add('budgets.osa', fs.readFileSync(path.join(EXAMPLES, 'shared/budgets.osa'), 'utf-8'));
        let hovers = 0;
        for (const name of ['OSA-FY2024-PHL.osa', 'OSA-FY2024-DJI.osa']) {
            const text = fs.readFileSync(path.join(EXAMPLES, 'programmes', name), 'utf-8');
            const document = await add(name, text);
            // One hover per word: the first character of each run of word characters.
            for (const match of text.matchAll(/(?<![\w§-])[\w§-]/g)) {
                const content = await hoverIn(document, match.index);
                if (content !== undefined) {
                    hovers++;
                    const line = text.slice(0, match.index).split('\n').length;
                    expect(content, `${name}:${line} "${text.slice(match.index, match.index + 20)}"`).toMatch(JAPANESE);
                }
            }
        }
        expect(hovers).toBeGreaterThan(100);
    });

    it('a country: the DAC list on the Japanese date, the checks of §3(1), the name as the data give it', async () => {
        const text = await hoverAt(programme({ recipient: 'recipient PH<|>L' }));
        expect(text).toContain('**Philippines** · `PHL`（ISO 3166-1、2 文字コード PH）');
        expect(text).toContain('**DAC リスト（ODA 受取国リスト）**（§2(1)）、FY2024、2024年4月1日時点：**LMIC**（低中所得国・地域）として掲載。');
        expect(text).toContain('FY2024（2024-04-01 から 2025-03-31 まで） の**国連武器禁輸**：なし。');
    });

    it('a fiscal year, a template, an envelope and an unresolved reference', async () => {
        await add('templates.osa', STANDARD_TEMPLATE);
        expect(await hoverAt(programme({ fiscalYear: 'fiscal-year 20<|>24' }))).toBe('**FY2024**：2024年4月1日から2025年3月31日までの日本の会計年度です（2024-04-01 ～ 2025-03-31）。');
        const template = await hoverAt(programme().replace('uses StandardExchangeOfNotes', 'uses Standard<|>ExchangeOfNotes'));
        expect(template).toContain('**国際約束のテンプレート StandardExchangeOfNotes**');
        expect(template).toContain('- 条項 `no-third-party-transfer`：§3(3)(c)');
        expect(template).toContain('§3(3)(a)–(d) が求める条項をすべて備えています。');
        await add('budget.osa', 'budget-envelope B-FY2024 {\n    fiscal-year 2024\n    amount 100_000_000 JPY\n    source "test"\n}\n');
        const envelope = await hoverAt('budget-envelope B-<|>FY2025 {\n    fiscal-year 2025\n    amount 100_000_000 JPY\n}\n');
        expect(envelope).toContain('**予算枠 B-FY2025**');
        expect(envelope).toContain('FY2025（2025-04-01 から 2026-03-31 まで） · 100,000,000 JPY');
        const unresolved = await hoverAt(programme().replace('uses StandardExchangeOfNotes', 'uses Missing<|>Template'));
        expect(unresolved).toBe('**MissingTemplate** という国際約束のテンプレートはワークスペースで宣言されていません。');
    });

    it('a rule id: in an exception, and one that is not a rule', async () => {
        const rule = await hoverAt(programme({ extra: '    exception OSA1<|>01 { justification "Cabinet decision" }\n' }));
        expect(rule).toContain('**OSA101**');
        expect(rule).toContain('理由を書いた `exception OSA101` があれば、その指摘は');
        expect(rule).toContain('[説明](');
        expect(rule).toContain('docs/rules/ja/OSA101.md');
        const unknown = await hoverAt(programme({ extra: '    exception OSA1<|>0 { justification "x" }\n' }));
        expect(unknown).toMatch(/^\*\*OSA10\*\* は規則 ID ではありません。/);
        expect(unknown).toContain('OSA100 または OSA101 または OSA102');
    });

    it('a word the language does not know here: the Japanese explanation with the suggestion', async () => {
        const text = await hoverAt(programme().replace('    recipient PHL', '    recipe<|>int PHL'));
        expect(text).toContain('**recipeint** はここで使える項目ではないため、続く内容は検査されません。');
        expect(text).toContain('`recipient` のことですか？');
    });
});
