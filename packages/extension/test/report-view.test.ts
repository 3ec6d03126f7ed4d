/**
 * The compliance report webview's page (src/report-view.ts), rendered from what the real language server
 * answers `osa/complianceReport` with: a strict Content-Security-Policy (nothing remote, style and script
 * only by nonce), theme colours, every text from the files escaped (script and event-handler payloads in a
 * title and a beneficiary stay text), and evidence links that carry only an index into locations that
 * point at the findings' lines.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ComplianceReport } from '@osa-policy/language';
import { afterAll, describe, expect, it } from 'vitest';
import { LspTestClient } from '../../cli/test/lsp/lsp-client.js';
import { renderReportPage, type Translate } from '../src/report-view.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SCRIPT = '<script>alert(1)</script>';
const HANDLER = '<img src=x onerror="alert(2)">';

const temporary: string[] = [];
afterAll(() => temporary.forEach(dir => fs.rmSync(dir, { recursive: true, force: true })));

async function serverReport(): Promise<{ report: ComplianceReport; file: string; text: string }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-report-view-'));
    temporary.push(dir);
    fs.mkdirSync(path.join(dir, '.git'));
    fs.copyFileSync(path.join(REPO, 'examples/shared/templates.osa'), path.join(dir, 'templates.osa'));
    fs.copyFileSync(path.join(REPO, 'examples/shared/budgets.osa'), path.join(dir, 'budgets.osa'));
    const file = path.join(dir, 'programme.osa');
    const text = fs.readFileSync(path.join(REPO, 'examples/programmes/OSA-FY2023-PHL.osa'), 'utf-8')
        .replace(/title "[^"]*"/, `title "${SCRIPT}"`)
        .replace(/beneficiary "[^"]*"/, `beneficiary "${HANDLER.replace(/"/g, '\'')}"`)
        .replace('modality grant', 'modality loan');
    fs.writeFileSync(file, text);
    const client = await LspTestClient.start(dir);
    try {
        const report = await client.request<ComplianceReport>('osa/complianceReport', { uri: new URL(`file://${file}`).toString() });
        return { report, file, text };
    } finally {
        client.process.kill();
    }
}

describe('the compliance report webview page', async () => {
    const { report, file, text } = await serverReport();
    const page = renderReportPage(report, { cspSource: 'https://webview.test', nonce: 'n0nce', scope: 'programme.osa', displayPath: p => path.basename(p) });

    it('has a strict Content-Security-Policy: nothing by default, style and script only by nonce', () => {
        const csp = page.html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)![1];
        expect(csp).toBe('default-src \'none\'; style-src https://webview.test \'nonce-n0nce\'; script-src \'nonce-n0nce\';');
        expect(csp).not.toContain('unsafe');
        // Every style and script element carries the nonce; nothing is loaded from anywhere.
        expect(page.html.match(/<(script|style)\b[^>]*>/g)).toEqual(['<style nonce="n0nce">', '<script nonce="n0nce">']);
        expect(page.html).not.toMatch(/<[a-z][^>]*\ssrc=|<link\b|url\(/i);
        // The only links lead nowhere: the page posts their index (report-panel.ts reveals the location).
        expect([...page.html.matchAll(/<a\b[^>]*href="([^"]*)"/g)].map(m => m[1]).every(href => href === '#')).toBe(true);
    });

    it('colours with the editor theme variables', () => {
        expect(page.html).toContain('var(--vscode-foreground)');
        expect(page.html).toContain('var(--vscode-errorForeground)');
        expect(page.html).not.toMatch(/#[0-9a-f]{6}\b/i);
    });

    it('shows the programme, its violated clause and the disclosure sheet, with the payloads as text', () => {
        expect(report.programmes).toHaveLength(1);
        expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(page.html).toContain('&lt;img src=x onerror=&#39;alert(2)&#39;&gt;');
        expect(page.html).not.toContain(SCRIPT);
        expect(page.html).not.toMatch(/<img/i);
        expect(page.html).toMatch(/<span class="status violated">violated<\/span>/);
        expect(page.html).toContain('Disclosure sheet');
    });

    it('evidence links carry an index; the location behind it is the finding\'s line in the file', () => {
        const indices = [...page.html.matchAll(/<a href="#" data-evidence="(\d+)"/g)].map(m => Number(m[1]));
        expect(indices).toEqual(page.locations.map((_, i) => i));
        const modality = text.split('\n').findIndex(l => l.includes('modality loan')) + 1;
        const osa103 = report.programmes[0].matrix.flatMap(l => l.evidence).find(e => e.rule === 'OSA103')!;
        expect(osa103.line).toBe(modality);
        expect(page.locations).toContainEqual({ path: file, line: modality, column: osa103.column });
        expect(page.html).toContain(`programme.osa:${modality}:${osa103.column}`);
    });

    it('in Japanese (the bundle, looked up the way vscode.l10n.t does), every label is Japanese and the texts from files stay escaped', () => {
        const bundle = JSON.parse(fs.readFileSync(path.join(REPO, 'packages/extension/l10n/bundle.l10n.ja.json'), 'utf-8')) as Record<string, string>;
        const looked: string[] = [];
        const t: Translate = (message, ...args) => {
            looked.push(message);
            return (bundle[message] ?? message).replace(/\{(\d+)\}/g, (whole, i: string) => Number(i) < args.length ? String(args[Number(i)]) : whole);
        };
        const ja = renderReportPage(report, { cspSource: 'https://webview.test', nonce: 'n0nce', scope: 'programme.osa', displayPath: p => path.basename(p), t, lang: 'ja' });
        expect(ja.html).toContain('<html lang="ja">');
        expect(ja.html).toContain('<h1>OSA 適合性レポート: programme.osa</h1>');
        expect(ja.html).toMatch(/<span class="status violated">違反<\/span>/);
        expect(ja.html).toContain('<h3>適合性マトリクス</h3>');
        expect(ja.html).toContain('<th scope="row">被援助国</th>');
        // The line range is a sentence around a link: the link is still a link, with its index.
        expect(ja.html).toMatch(/<a href="#" data-evidence="\d+" title="エディターで表示"><code>programme\.osa:\d+:1<\/code><\/a>、\d+–\d+ 行目/);
        // Every label the page looked up has a Japanese text, and none of the English labels is left in the page.
        expect(looked.filter(message => !(message in bundle))).toEqual([]);
        for (const label of ['Compliance matrix', 'Disclosure sheet', 'Fiscal year', 'Reveal in the editor', 'not applicable']) {
            expect(ja.html).not.toContain(label);
        }
        expect(ja.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(ja.html).not.toContain(SCRIPT);
        expect(ja.locations).toEqual(page.locations);
    });

    it('a translation is text too: markup in it is escaped, and placeholders inside a file\'s text are not filled', () => {
        const hostile: Translate = (message, ...args) => `<b>${message}</b> ${args.join(' ')}`;
        const html = renderReportPage(report, { cspSource: 'x', nonce: 'n', scope: '{0}', displayPath: () => '{1}', t: hostile }).html;
        expect(html).not.toContain('<b>');
        expect(html).toContain('&lt;b&gt;OSA compliance report: {0}&lt;/b&gt; {0}');
        // The link goes into the sentence once; the `{1}` of its (file) text is not read as a placeholder.
        expect(html).toMatch(/<code>\{1\}:\d+:1<\/code><\/a>, lines \d+–\d+&lt;\/b&gt;/);
    });
});
