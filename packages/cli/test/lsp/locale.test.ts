/**
 * The language server speaks the editor's language: the `initialize` request's `locale` (VS Code sends its
 * display language), overridden by the `osa.locale` setting. Over the real protocol (`osa lsp --stdio`):
 * diagnostics, hovers, completion documentation, quick-fix titles and code lenses in Japanese; the same
 * server in English when the setting says `en`; a change of the setting re-publishes the diagnostics in the
 * other language; an invalid value is reported and changes nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, CodeLens, CompletionItem, CompletionList, Diagnostic, Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { LspTestClient, REPO, uriOf } from './lsp-client.js';
import { JAPANESE_SCRIPT as JAPANESE } from '@osa-policy/language';

const OSA401 = fs.readFileSync(path.join(REPO, 'examples/violations/OSA401-no-international-agreement.osa'), 'utf-8')
    // A suppression comment to hover on (it silences nothing here, which is itself a finding: no matter).
    .replace('    coordination NSS', '    // osa-disable-next-line OSA502 -- JICA is named\n    coordination NSS');

let client: LspTestClient | undefined;
const dirs: string[] = [];

afterEach(() => {
    if (client && client.process.exitCode === null) {
        client.process.kill();
    }
    client = undefined;
    for (const dir of dirs.splice(0)) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
});

function workspace(): { dir: string; file: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-locale-'));
    dirs.push(dir);
    const file = path.join(dir, 'programme.osa');
    fs.writeFileSync(file, OSA401);
    return { dir, file };
}

function positionOf(text: string, needle: string, shift = 0): Position {
    const offset = text.indexOf(needle) + shift;
    expect(offset - shift, `"${needle}" in the text`).toBeGreaterThanOrEqual(0);
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

async function hover(file: string, needle: string, shift: number): Promise<string> {
    const result = await client!.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: positionOf(OSA401, needle, shift) });
    expect(result, `a hover on ${needle}`).not.toBeNull();
    return (result!.contents as MarkupContent).value;
}

const osa401 = (diagnostics: Diagnostic[]) => diagnostics.find(d => d.code === 'OSA401');
const japanese = (diagnostics: Diagnostic[]) => JAPANESE.test(osa401(diagnostics)?.message ?? '');
const english = (diagnostics: Diagnostic[]) => osa401(diagnostics)?.message.startsWith('Programme VIOLATION-OSA401 declares no international agreement.') === true;

describe('the server in Japanese (initialize.locale = ja)', () => {
    it('publishes a converted rule\'s finding, hovers, completion, quick fixes and code lenses in Japanese', async () => {
        const { dir, file } = workspace();
        client = await LspTestClient.start(dir, { locale: 'ja' });
        const uri = await client.open(file);
        const diagnostics = await client.diagnostics(file, japanese);
        expect(osa401(diagnostics)!.message).toContain('案件 VIOLATION-OSA401 に国際約束が宣言されていません');
        // The diagnostic keeps its stable id beside the text: machine-readable output does not change.
        expect((osa401(diagnostics)!.data as { messageId?: string }).messageId).toBe('OSA401.noAgreement');

        // A term: `armed-forces`, its meaning from the catalogue (term.beneficiary-kind.armed-forces) and the clause.
        const term = await hover(file, 'kind armed-forces', 'kind '.length + 2);
        expect(term).toContain('**armed-forces** *(受益組織の種類)*');
        expect(term).toContain('被援助国の軍。');
        expect(term).toContain('§2(1)');
        // A country: the DAC list and the §3(1) checks, in Japanese; the country's name stays the data's.
        const country = await hover(file, 'recipient TLS', 'recipient '.length + 1);
        expect(country).toContain('DAC リスト');
        expect(country).toContain('**国連武器禁輸**');
        expect(country).toContain('Timor-Leste');
        // A rule id in a suppression comment: the rule, its Japanese summary source and the Japanese page.
        const rule = await hover(file, 'osa-disable-next-line OSA502', 'osa-disable-next-line '.length + 3);
        expect(rule).toMatch(/^\*\*OSA502\*\* `[a-z-]+` — [^\n]*(警告|情報|エラー)/);
        expect(rule).toContain('docs/rules/ja/OSA502.md');
        expect(rule).toMatch(JAPANESE);
        // A declaration: the programme's status, counted in Japanese.
        const programme = await hover(file, 'programme VIOLATION-OSA401', 'programme '.length + 3);
        expect(programme).toContain('**案件 VIOLATION-OSA401**');
        expect(programme).toMatch(/エラー \d+ 件/);
        // Each finding by its first sentence, which in Japanese ends at 。
        expect(programme).toContain('OSA401** `no-international-agreement` (§3(3))、9 行目：案件 VIOLATION-OSA401 に国際約束が宣言されていません。');
        expect(programme).not.toContain('OSA の各案件は');

        // Completion documentation: the modality terms.
        const edited = OSA401.replace('modality grant', 'modality ');
        await client.change(file, edited);
        const completion = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
            textDocument: { uri }, position: positionOf(edited, 'modality ', 'modality '.length)
        });
        const items = Array.isArray(completion) ? completion : completion?.items ?? [];
        const grant = items.find(i => i.label === 'grant');
        expect(grant?.detail).toBe('供与形態 · §2(1)');
        expect((grant?.documentation as MarkupContent).value).toContain('無償資金協力：OSA が用いる唯一の供与形態です。');
        await client.change(file, OSA401);
        const current = await client.diagnostics(file, d => japanese(d) && client!.text(file) === OSA401);

        // Quick fixes for OSA401: the rule's fix, and the documentation command opening the Japanese page.
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri }, range: osa401(current)!.range, context: { diagnostics: [osa401(current)!] }
        });
        const titles = actions.map(a => a.title);
        expect(titles).toContain('§3(3) のすべての条項を含む国際約束を追加する');
        const docs = actions.find(a => a.title === 'OSA401 の説明を開く');
        expect(docs?.command?.arguments?.[0]).toMatch(/docs\/rules\/ja\/OSA401\.md$/);

        // The code lens above the programme.
        const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
        expect(lenses).toHaveLength(1);
        expect(lenses[0].command!.title).toMatch(/^エラー \d+ 件/);
        expect(await client.shutdown()).toBe(0);
    });
});

describe('the server\'s own default (osa lsp: --locale, else the environment)', () => {
    it('holds when the client names no language, or one the tool does not speak', async () => {
        for (const locale of [undefined, 'fr']) {
            const { dir, file } = workspace();
            client = await LspTestClient.start(dir, { env: { LANG: 'ja_JP.UTF-8' }, ...(locale ? { locale } : {}) });
            await client.open(file);
            expect(osa401(await client.diagnostics(file, japanese))!.message, `initialize.locale = ${locale}`).toContain('に国際約束が宣言されていません');
            client.process.kill();
        }
    });

    it('gives way to the editor\'s display language', async () => {
        const { dir, file } = workspace();
        client = await LspTestClient.start(dir, { env: { LANG: 'ja_JP.UTF-8' }, locale: 'en-US' });
        await client.open(file);
        expect(english(await client.diagnostics(file, english))).toBe(true);
    });
});

describe('the osa.locale setting', () => {
    it('"en" overrides the editor\'s Japanese: the same server speaks English', async () => {
        const { dir, file } = workspace();
        client = await LspTestClient.start(dir, { locale: 'ja', settings: { locale: 'en' } });
        await client.open(file);
        // The setting is read once the workspace is ready: the English publication may follow a Japanese one.
        await client.diagnostics(file, english);
        const term = await hover(file, 'kind armed-forces', 'kind '.length + 2);
        expect(term).toContain('**armed-forces** *(beneficiary kind)*');
        expect(term).toContain('The recipient country\'s armed forces.');
        expect(term).not.toMatch(JAPANESE);
        await client.shutdown();
    });

    it('re-publishes the diagnostics in the other language when it changes, and back when it is emptied', async () => {
        const { dir, file } = workspace();
        client = await LspTestClient.start(dir, { locale: 'ja' });
        await client.open(file);
        await client.diagnostics(file, japanese);
        client.forgetDiagnostics(file);
        await client.changeSettings({ locale: 'en' });
        await client.diagnostics(file, english);
        // Emptied: the editor's display language again.
        client.forgetDiagnostics(file);
        await client.changeSettings({ locale: '' });
        await client.diagnostics(file, japanese);
        expect(client.messages).toEqual([]);
        await client.shutdown();
    });

    it('an invalid value: a notification in the locale in force, which stays', async () => {
        const { dir, file } = workspace();
        client = await LspTestClient.start(dir, { locale: 'ja' });
        await client.open(file);
        await client.diagnostics(file, japanese);
        await client.changeSettings({ locale: 'fr' });
        await expect.poll(() => client!.messages.length, { timeout: 10_000 }).toBe(1);
        expect(client.messages[0].type).toBe(1); // MessageType.Error
        expect(client.messages[0].message).toContain('osa.locale');
        expect(client.messages[0].message).toContain('"fr"');
        expect(client.messages[0].message).toContain('日本語のままです');
        // Still Japanese: hovers and (re-checked on an edit) diagnostics.
        expect(await hover(file, 'kind armed-forces', 'kind '.length + 2)).toContain('被援助国の軍。');
        await client.change(file, `${OSA401}\n`);
        expect(japanese(await client.diagnostics(file, d => osa401(d) !== undefined))).toBe(true);
        await client.shutdown();
    });

    it('an invalid value when English is in force: the notification is in English', async () => {
        const { dir, file } = workspace();
        client = await LspTestClient.start(dir, { settings: { locale: 'jp' } });
        await client.open(file);
        await expect.poll(() => client!.messages.length, { timeout: 10_000 }).toBe(1);
        expect(client.messages[0].message).toBe('OSA: the setting osa.locale must be "en", "ja" or empty to follow the editor\'s display language, not "jp". Messages stay in English.');
        await client.diagnostics(file, english);
        await client.shutdown();
    });

    it('a hostile value (settings a workspace carries): reported once, escaped and cut short', async () => {
        const { dir, file } = workspace();
        const hostile = `\u001b]8;;https://example.com\u0007${'x'.repeat(5000)}`;
        client = await LspTestClient.start(dir, { settings: { locale: hostile } });
        await client.open(file);
        await expect.poll(() => client!.messages.length, { timeout: 10_000 }).toBe(1);
        const message = client.messages[0].message;
        expect(message).not.toMatch(/[\u0000-\u001f]/u);
        expect(message).toContain('\\u001b]8;;');
        expect(message.length).toBeLessThan(300);
        // The same value again (another settings update) is not reported again.
        await client.changeSettings({ locale: hostile });
        await client.diagnostics(file, english);
        await new Promise(resolve => setTimeout(resolve, 300));
        expect(client.messages).toHaveLength(1);
        await client.shutdown();
    });
});
