// The second pass (issue 12): VS Code's display language is Japanese and the user setting `osa.locale` is "ja",
// in a fresh window on a fresh copy of examples/. The server's texts (findings, hovers, quick-fix titles) must
// be Japanese; so must the extension's own (package.nls.ja.json: the command palette; l10n/bundle.l10n.ja.json:
// notifications, the log, the report page). Screenshots are artifacts/e2e/ja-<n>-<what>.png.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTIFACTS, check, chooseAction, listOsaFiles, locate, MNG_FILE, OSA402_FILE, poll, sleep, VIEWPORT } from '../harness.mjs';
import { reportFrame } from './compliance-report.mjs';

/** Hiragana, katakana or CJK ideographs. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const SERVER = 'the server in Japanese (LSP initialize locale / osa.locale, packages/language/src/lsp: engineer E)';

export default async function japanese({ page, u, workspace, userDataDir }) {
    let shots = 0;
    const shot = async name => {
        shots += 1;
        const file = path.join(ARTIFACTS, `ja-${shots}-${name}.png`);
        await page.screenshot({ path: file });
        return file;
    };
    const osa402Path = path.join(workspace, 'violations', OSA402_FILE);

    await check('ja: the Problems panel shows the OSA402 finding in Japanese', async () => {
        await u.filterProblems('OSA402');
        await u.openFile(OSA402_FILE);
        const found = await poll(async () => (await u.markersOf(OSA402_FILE)).markers.find(m => m.code === 'OSA402'), 30_000, 100);
        // The server may publish English first and Japanese once it has read osa.locale: give it a moment.
        const japanese = found && await poll(async () => (await u.markersOf(OSA402_FILE)).markers.find(m => m.code === 'OSA402' && JAPANESE.test(m.label)), 5_000, 200);
        await shot('problems');
        if (!found) {
            throw new Error(`no OSA402 marker under ${OSA402_FILE}: ${JSON.stringify(await u.problemRows()).slice(0, 300)}`);
        }
        if (!japanese) {
            return { waiting: `the finding is still English: "${found.label.slice(0, 120)}…"` };
        }
        return { detail: `"${japanese.label.slice(0, 120)}…"` };
    }, SERVER);

    await check('ja: hovering the recipient code shows the country\'s facts in Japanese', async () => {
        const text = await u.hoverWord('VNM', locate(osa402Path, 'recipient VNM').line);
        await shot('hover');
        await page.mouse.move(5, VIEWPORT.height - 5);
        await page.keyboard.press('Escape');
        if (!text) {
            throw new Error('no hover appeared on `VNM` within 8 s');
        }
        if (!/VNM/.test(text)) {
            throw new Error(`the hover does not name the country's code: "${text.slice(0, 160)}"`);
        }
        if (!JAPANESE.test(text)) {
            return { waiting: `the hover is still English: "${text.replace(/\s+/g, ' ').slice(0, 120)}…"` };
        }
        return { detail: `"${text.replace(/\s+/g, ' ').slice(0, 140)}…"` };
    }, SERVER);

    await check('ja: Ctrl+. on the missing-clause finding offers the fix with a Japanese title, and applying it clears the finding', async () => {
        await u.focusEditor();
        await page.keyboard.press('Control+Home');
        await page.keyboard.press('F8');
        await sleep(500);
        await page.keyboard.press('Escape');
        const { menu, items } = await u.codeActions(6_000);
        await shot('quick-fix');
        if (!items) {
            throw new Error('no code action menu at the OSA402 finding');
        }
        // The fix inserts `clause information-disclosure`: its title names the clause keyword, in code, in both languages.
        const fix = items.find(label => /information-disclosure/.test(label));
        if (!fix) {
            throw new Error(`no information-disclosure fix in the menu: ${items.join(' | ')}`);
        }
        const japaneseTitle = JAPANESE.test(fix);
        await chooseAction(page, menu, /information-disclosure/);
        const gone = await poll(async () => !(await u.markersOf(OSA402_FILE)).markers.some(m => m.code === 'OSA402'), 20_000, 100);
        await shot('quick-fix-applied');
        if (!gone) {
            throw new Error(`after "${fix.trim()}" the OSA402 finding is still shown`);
        }
        if (!japaneseTitle) {
            return { waiting: `the fix works but its title is English: "${fix.trim()}"` };
        }
        return { detail: `applied "${fix.trim()}": OSA402 gone` };
    }, SERVER);

    await check('ja: the command palette shows the extension\'s commands from package.nls.ja.json', async () => {
        await u.focusEditor();
        await page.keyboard.press('F1');
        await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 10_000 });
        await page.keyboard.type('OSA: ', { delay: 10 });
        const rows = await poll(async () => {
            const texts = await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();
            return texts.filter(t => t.startsWith('OSA: ')).length >= 4 ? texts : undefined;
        }, 10_000) ?? await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();
        await shot('commands');
        await page.keyboard.press('Escape');
        const titles = rows.map(r => r.split('\n')[0]);
        const expected = ['OSA: ワークスペースを検証', 'OSA: ルールの説明を表示', 'OSA: 言語サーバーを再起動', 'OSA: 適合性レポートを開く'];
        const missing = expected.filter(title => !titles.includes(title));
        if (missing.length > 0) {
            throw new Error(`the palette lacks ${missing.join(', ')}: ${titles.join(' | ')}`);
        }
        return { detail: titles.filter(t => t.startsWith('OSA: ')).join(' | ') };
    }, 'package.nls.ja.json and VS Code\'s display language');

    await check('ja: "OSA: ワークスペースを検証" reports in Japanese, and the extension logs in Japanese (l10n bundle)', async () => {
        await u.runCommand('OSA: ワークスペースを検証');
        const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /OSA: \d+ 個のファイルを検証しました/ }).first();
        await toast.waitFor({ state: 'visible', timeout: 60_000 });
        const text = (await toast.innerText()).match(/OSA: \d+ 個のファイルを検証しました[^\n]*/)[0];
        await shot('validate-workspace');
        await page.keyboard.press('Escape');
        const count = Number(text.match(/(\d+) 個/)[1]);
        if (count < listOsaFiles(workspace).length) {
            throw new Error(`"${text}": the workspace has ${listOsaFiles(workspace).length} .osa files`);
        }
        const logLine = japaneseLogLine(userDataDir);
        if (!logLine) {
            throw new Error('no Japanese activation line ("… で有効化しました") in the OSA log');
        }
        return { detail: `"${text}"; log: "${logLine.slice(0, 100)}"` };
    }, 'l10n/bundle.l10n.ja.json and VS Code\'s display language');

    await check('ja: "OSA: ルールの説明を表示" lists the rules in Japanese and opens the Japanese page', async () => {
        await u.runCommand('OSA: ルールの説明を表示');
        await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 10_000 });
        const title = (await page.locator('.quick-input-widget .quick-input-title').first().innerText().catch(() => '')).trim();
        await page.keyboard.type('OSA402');
        const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'OSA402' }).first();
        await row.waitFor({ state: 'visible', timeout: 10_000 });
        const item = (await row.innerText()).replace(/\s+/g, ' ');
        await shot('rule-picker');
        await page.keyboard.press('Enter');
        const tab = page.locator('.tab', { hasText: /OSA402\.md/ }).first();
        await tab.waitFor({ state: 'visible', timeout: 20_000 });
        // The Markdown preview is a webview: its headings are read from the frame that shows the page's title.
        const headings = await poll(async () => {
            for (const frame of page.frames()) {
                const texts = await frame.locator('h1, h2').allInnerTexts().catch(() => []);
                if (texts.some(t => t.startsWith('OSA402'))) {
                    return texts;
                }
            }
            return undefined;
        }, 15_000, 250) ?? [];
        await shot('rule-page');
        await u.runCommand('View: Close All Editors');
        if (title !== 'OSA のルール' || !/エラー/.test(item)) {
            throw new Error(`the picker is not in Japanese: title "${title}", item "${item}"`);
        }
        const waits = [];
        // After the clause comes the summary (and " · カーソル位置" when the cursor is on an OSA402 finding).
        if (!JAPANESE.test(item.slice(item.indexOf('§')).replace(' · カーソル位置', ''))) {
            waits.push(`OSA402's summary is English ("${item.slice(0, 120)}"; the rule summaries in Japanese: engineer R)`);
        }
        if (!headings.includes('概要')) {
            waits.push(`the page opened is not the Japanese one (headings ${headings.slice(0, 3).join(', ')}; docs/rules/ja/OSA402.md: engineer D2)`);
        }
        return waits.length > 0 ? { waiting: `title "${title}", severity in Japanese; ${waits.join('; ')}` } : { detail: `"${item.slice(0, 120)}"; page headings ${headings.slice(0, 3).join(', ')}` };
    }, 'Japanese rule summaries (R) and pages (D2)');

    await check('ja: the compliance report panel and page are in Japanese', async () => {
        await u.openFile(MNG_FILE);
        await u.runCommand('OSA: 適合性レポートを開く');
        const heading = `OSA 適合性レポート: ${MNG_FILE}`;
        const frame = await reportFrame(page, heading, 30_000);
        await sleep(500);
        await shot('report');
        if (!frame) {
            throw new Error(`no webview showing "${heading}"`);
        }
        const labels = await frame.locator('h3').allInnerTexts();
        if (!labels.includes('適合性マトリクス') || !labels.includes('情報公開シート')) {
            throw new Error(`the report's headings are ${labels.join(', ')}`);
        }
        const tab = (await page.locator('.tab', { hasText: 'OSA レポート' }).first().innerText().catch(() => '')).trim();
        if (!tab) {
            throw new Error('no "OSA レポート: …" tab');
        }
        const lang = await frame.evaluate(() => document.documentElement.lang);
        return { detail: `tab "${tab}", headings ${labels.join(', ')}, <html lang="${lang}">` };
    }, 'l10n/bundle.l10n.ja.json (report-panel.ts, report-view.ts)');
}

/** The extension's activation line in Japanese, from the OSA log of this window. */
function japaneseLogLine(userDataDir) {
    const logs = path.join(userDataDir, 'logs');
    const found = [];
    for (const entry of fs.existsSync(logs) ? fs.readdirSync(logs, { recursive: true }) : []) {
        if (path.basename(String(entry)) === 'OSA.log') {
            found.push(...fs.readFileSync(path.join(logs, String(entry)), 'utf-8').split('\n'));
        }
    }
    return found.find(line => /OSA 拡張機能 .* ms で有効化しました/.test(line));
}
