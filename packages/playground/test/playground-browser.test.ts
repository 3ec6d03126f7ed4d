/**
 * The playground where people use it: the site built by `vite build` (the same command as
 * `npm run build:playground`, into a temporary folder), served from a local static server on
 * 127.0.0.1 and opened in the real Debian Chromium (playwright-core; the browser is never downloaded).
 * The language server is the real one, in the page's Web Worker. The tests prove that the page loads
 * with no request beyond its own origin; that typing a violation brings its finding to the Problems
 * list, with the rule link; that a quick fix applies and the finding goes; that hover and completion
 * answer; that a changed osa.config.json reconfigures the rules; no console error; and that axe-core
 * finds no serious or critical violation. Screenshots and the measurements go to artifacts/playground/.
 *
 * Without Chromium the tests are skipped with the reason, except under CI, where that is a failure.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as zlib from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_AVAILABLE, launchChromium, skipWithoutChromium } from '../../cli/test/chromium.js';
import { validateWorkspace } from '@osa-policy/language';

const PLAYGROUND = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPO = path.resolve(PLAYGROUND, '../..');
const ARTIFACTS = path.join(REPO, 'artifacts/playground');
const LANGUAGE_OUT = path.join(REPO, 'packages/language/out/browser.js');

const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
    '.ttf': 'font/ttf', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png'
};

/** A static file server for `root`, on 127.0.0.1 only; it serves files inside root and nothing else. */
function serve(root: string): Promise<http.Server> {
    const server = http.createServer((request, response) => {
        const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
        const file = path.join(root, pathname === '/' ? 'index.html' : pathname);
        if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
            response.writeHead(404).end();
            return;
        }
        response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        fs.createReadStream(file).pipe(response);
    });
    return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function sizes(dir: string): { files: number; bytes: number; gzipBytes: number } {
    let files = 0, bytes = 0, gzipBytes = 0;
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) {
            const content = fs.readFileSync(path.join(entry.parentPath, entry.name));
            files++;
            bytes += content.length;
            gzipBytes += zlib.gzipSync(content, { level: 9 }).length;
        }
    }
    return { files, bytes, gzipBytes };
}

interface Watched { errors: string[]; external: string[]; requests: string[] }

/** Opens `url` (the site's origin, or a page of it) and records console errors and every request; other origins are refused. */
async function open(context: BrowserContext, url: string): Promise<{ page: Page; seen: Watched }> {
    const origin = new URL(url).origin;
    const seen: Watched = { errors: [], external: [], requests: [] };
    const page = await context.newPage();
    page.on('console', m => { if (m.type() === 'error') { seen.errors.push(m.text()); } });
    page.on('pageerror', e => seen.errors.push(String(e)));
    // Every request of the page and of its workers: those to another origin are recorded and refused.
    await context.route('**/*', route => {
        const url = route.request().url();
        seen.requests.push(url);
        if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) {
            return route.continue();
        }
        seen.external.push(url);
        return route.abort();
    });
    await page.goto(url, { waitUntil: 'load' }).catch((error: unknown) => {
        throw new Error(`${String(error).slice(0, 200)}; refused: ${seen.external.map(u => u.slice(0, 100)).join(', ')}`);
    });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    return { page, seen };
}

/** The Problems list as [code, message, where] rows. */
async function problems(page: Page): Promise<{ code: string; text: string }[]> {
    return page.locator('#problems li.problem').evaluateAll(items => items.map(li => ({ code: (li as HTMLElement).dataset.code ?? '', text: li.textContent ?? '' })));
}

/** Focuses the editor as a user does, by clicking into its text. */
async function focusEditor(page: Page): Promise<void> {
    await page.locator('#editor .view-lines').click({ position: { x: 5, y: 5 } });
}

/** Puts the cursor at the end of the first line holding `needle` (keyboard only: Ctrl+Home, Down × n, End). */
async function gotoLineEnd(page: Page, text: string, needle: string): Promise<void> {
    const line = text.split('\n').findIndex(l => l.includes(needle));
    expect(line, needle).toBeGreaterThanOrEqual(0);
    await focusEditor(page);
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < line; i++) {
        await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('End');
}

/** Waits until the editor's selection (or, without one, its cursor line) is drawn on the line whose text is `text`. */
async function waitForSelectedLine(page: Page, text: string | RegExp): Promise<void> {
    await page.waitForFunction(([source, isRegExp]) => {
        // Monaco draws a selection and the current line as overlays at the height of their line.
        const overlay = document.querySelector('#editor .view-overlays .selected-text, #editor .view-overlays .current-line')?.parentElement;
        const line = [...document.querySelectorAll<HTMLElement>('#editor .view-line')].find(l => l.style.top === overlay?.style.top);
        const shown = line?.textContent?.replace(/\u00a0/g, ' ').trim() ?? '';
        return isRegExp ? new RegExp(source).test(shown) : shown === source;
    }, [typeof text === 'string' ? text : text.source, typeof text !== 'string'] as const, { timeout: 30_000 });
}

/** Reads a zip archive (central directory, deflate or stored), checking each entry's CRC-32: name → text. */
function readZip(zip: Buffer): Map<string, string> {
    const end = zip.length - 22;
    expect(zip.readUInt32LE(end)).toBe(0x06054b50);
    const count = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    const files = new Map<string, string>();
    for (let i = 0; i < count; i++) {
        expect(zip.readUInt32LE(at)).toBe(0x02014b50);
        const method = zip.readUInt16LE(at + 10);
        const crc = zip.readUInt32LE(at + 16);
        const packedSize = zip.readUInt32LE(at + 20);
        const nameLength = zip.readUInt16LE(at + 28);
        const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
        const local = zip.readUInt32LE(at + 42);
        const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf-8');
        expect(zip.readUInt32LE(local)).toBe(0x04034b50);
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const packed = zip.subarray(start, start + packedSize);
        const data = method === 8 ? zlib.inflateRawSync(packed) : packed;
        expect(zlib.crc32(data), name).toBe(crc);
        files.set(name, data.toString('utf-8'));
        at += 46 + skip;
    }
    return files;
}

skipWithoutChromium('opens the playground in Chromium', 'test the playground in a real browser');

// Each test drives a real browser, one of them a dozen pages: room for a loaded 2-core machine.
describe.skipIf(!CHROMIUM_AVAILABLE)('the playground in Chromium', { timeout: 180_000 }, () => {
    let browser: Browser;
    let server: http.Server;
    let site: string;
    let origin: string;
    const measurements: Record<string, unknown> = {};
    const mng = fs.readFileSync(path.join(REPO, 'examples/programmes/OSA-FY2024-MNG.osa'), 'utf-8');
    const mys = fs.readFileSync(path.join(REPO, 'examples/programmes/OSA-FY2023-MYS.osa'), 'utf-8');

    beforeAll(async () => {
        expect(fs.existsSync(LANGUAGE_OUT), 'the language package is compiled (npm run build)').toBe(true);
        site = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-playground-'));
        const build = spawnSync(process.execPath, [path.join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', site, '--emptyOutDir'],
            { cwd: PLAYGROUND, encoding: 'utf-8' });
        expect(build.status, build.stderr + build.stdout).toBe(0);
        // Relative paths only: the site works from any folder of any static host.
        const html = fs.readFileSync(path.join(site, 'index.html'), 'utf-8');
        expect(html).not.toMatch(/(src|href)="\//);
        expect(html).not.toMatch(/(src|href)="https?:/);
        measurements.site = sizes(site);
        server = await serve(site);
        origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        browser = await launchChromium();
        fs.mkdirSync(ARTIFACTS, { recursive: true });
    }, 240_000);

    /** Runs `test` on a fresh page of the site in a new browser context, closed afterwards. */
    async function inPage(test: (opened: { page: Page; seen: Watched; context: BrowserContext }) => Promise<void>, options: { bypassCSP?: boolean } = {}): Promise<void> {
        const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
        try {
            await test({ context, ...await open(context, origin) });
        } finally {
            await context.close();
        }
    }

    afterAll(async () => {
        await browser?.close();
        await new Promise(resolve => server ? server.close(resolve) : resolve(undefined));
        if (site) {
            fs.rmSync(site, { recursive: true, force: true });
        }
        if (Object.keys(measurements).length > 0) {
            fs.mkdirSync(ARTIFACTS, { recursive: true });
            fs.writeFileSync(path.join(ARTIFACTS, 'measurements.json'), `${JSON.stringify(measurements, null, 2)}\n`);
        }
    });

    it('checks the workspace in the page: a typed violation is listed with its rule link and in the report, its quick fix removes it; hover and completion answer; nothing leaves the origin', () => inPage(async ({ page, seen }) => {
        const requestsAtReady = seen.requests.length;
        // The default example's own finding (its header says: OSA502, informational) comes from the worker.
        await page.waitForFunction(() => document.querySelector('#problems li.problem[data-code="OSA502"]') !== null, undefined, { timeout: 60_000 });
        measurements.firstDiagnosticsMs = Number(await page.evaluate(() => document.body.dataset.firstDiagnosticsMs));
        expect(await page.locator('[role="tab"]').allTextContents()).toEqual(['programmes/OSA-FY2024-MNG.osa', 'shared/templates.osa', 'shared/budgets.osa', 'osa.config.json']);
        expect((await problems(page)).map(p => p.code)).toEqual(['OSA502']);
        // The report panel: the programme's compliance matrix, from the server's report model.
        const clause = (id: string) => page.locator('#report table.matrix tr', { has: page.locator('th', { hasText: new RegExp(`^${id.replace(/[()]/g, '\\$&')}$`) }) });
        await clause('§2(1)').waitFor({ timeout: 30_000 });
        expect(await page.locator('#report h3').first().textContent()).toBe('OSA-FY2024-MNG');
        expect(await clause('§2(1)').locator('.status').textContent()).toBe('met');
        await page.screenshot({ path: path.join(ARTIFACTS, '1-loaded.png') });

        // Type a violation: a loan is not a grant (OSA103).
        await gotoLineEnd(page, mng, 'modality grant');
        await page.keyboard.press('Control+Shift+ArrowLeft');
        await page.keyboard.type('loan');
        await page.waitForSelector('#problems li.problem[data-code="OSA103"]', { timeout: 30_000 });
        const osa103 = page.locator('#problems li.problem[data-code="OSA103"]');
        expect(await osa103.locator('.where').textContent()).toBe(`programmes/OSA-FY2024-MNG.osa:${mng.split('\n').findIndex(l => l.includes('modality grant')) + 1}:14`);
        // The rule id opens the rule's documentation page, bundled in the site, in the side panel.
        await osa103.locator('button.rule').click();
        expect(await page.locator('#panel-heading').textContent()).toBe('Rule OSA103');
        expect(await page.locator('#rule-page h3').textContent()).toBe('OSA103: modality-not-grant');
        expect(await page.locator('#rule-page pre code').first().textContent()).toContain('modality loan');
        const github = page.locator('#rule-page a', { hasText: 'This page on GitHub' });
        expect(await github.getAttribute('href')).toBe('https://github.com/osa-policy/osa-policy/blob/main/docs/rules/OSA103.md');
        expect(await github.getAttribute('rel')).toBe('noopener noreferrer');
        await page.screenshot({ path: path.join(ARTIFACTS, '12-rule-page.png') });
        await page.click('#panel-back');
        expect(await page.locator('#panel-heading').textContent()).toBe('Report');
        // The editor shows it too: a marker under the word; and the report's matrix follows.
        await page.waitForSelector('#editor .squiggly-error');
        await page.waitForFunction(() => [...document.querySelectorAll('#report table.matrix tr.status-violated')].some(tr => tr.textContent?.includes('OSA103 violated')), undefined, { timeout: 30_000 });
        await page.screenshot({ path: path.join(ARTIFACTS, '2-violation.png') });
        await focusEditor(page);
        await gotoLineEnd(page, mng, 'modality grant');

        // The quick fix, from the keyboard (Ctrl+.), as a user would.
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('Control+.');
        const fixItem = page.locator('.action-widget .monaco-list-row.action', { hasText: 'Change the modality to grant' });
        await fixItem.waitFor({ timeout: 30_000 });
        await page.screenshot({ path: path.join(ARTIFACTS, '3-quick-fix.png') });
        await fixItem.click();
        await page.waitForFunction(() => document.querySelector('#problems li.problem[data-code="OSA103"]') === null, undefined, { timeout: 30_000 });
        expect((await problems(page)).map(p => p.code)).toEqual(['OSA502']);
        await page.waitForFunction(() => ![...document.querySelectorAll('#report table.matrix tr')].some(tr => tr.textContent?.includes('OSA103 violated')), undefined, { timeout: 30_000 });
        expect(await clause('§2(1)').locator('.status').textContent()).toBe('met');
        expect((await page.locator('#editor .view-lines').textContent())?.replace(/\u00a0/g, ' ')).toContain('modality grant');
        await page.screenshot({ path: path.join(ARTIFACTS, '4-fixed.png') });

        // Hover on the recipient (Ctrl+K Ctrl+I shows the hover at the cursor).
        await gotoLineEnd(page, mng, 'recipient MNG');
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Mongolia' });
        await hover.first().waitFor({ timeout: 30_000 });
        await page.screenshot({ path: path.join(ARTIFACTS, '5-hover.png') });
        await page.keyboard.press('Escape');

        // Completion after `modality ` offers the modalities.
        await gotoLineEnd(page, mng, 'modality grant');
        await page.keyboard.press('Control+Shift+ArrowLeft');
        await page.keyboard.press('Backspace');
        await page.keyboard.press('Control+Space');
        const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'grant' });
        await suggestion.first().waitFor({ timeout: 30_000 });
        await page.screenshot({ path: path.join(ARTIFACTS, '6-completion.png') });
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => [...document.querySelectorAll('#problems li.problem')].map(li => (li as HTMLElement).dataset.code).join() === 'OSA502', undefined, { timeout: 30_000 });

        expect(seen.external).toEqual([]);
        expect(seen.requests.every(url => url.startsWith(`${origin}/`))).toBe(true);
        // Once ready, the page fetched nothing more, even from its own origin: it works offline from here.
        expect(seen.requests.slice(requestsAtReady)).toEqual([]);
        expect(seen.errors).toEqual([]);
        // The page's own policy refuses inline scripts: one added now does not run (the browser reports the refusal).
        expect(await page.evaluate(() => {
            const script = document.createElement('script');
            script.textContent = 'window.__policyLetMeRun = true';
            document.body.append(script);
            return (window as unknown as { __policyLetMeRun?: boolean }).__policyLetMeRun ?? false;
        })).toBe(false);
        expect(seen.errors.join()).toMatch(/Content Security Policy/);
    }));

    it('formats, outlines and colours with the server: the formatter re-indents, Ctrl+Shift+O lists the programme, semantic tokens colour a reference', () => inPage(async ({ page, seen }) => {
        await page.waitForSelector('#problems li.problem[data-code="OSA502"]', { timeout: 60_000 });
        // Semantic colouring: the Monarch grammar leaves `OSA-BUDGET-FY2024` uncoloured; the server's tokens colour it.
        await page.waitForFunction(() => [...document.querySelectorAll('#editor .view-line span span')]
            .some(span => span.textContent === 'OSA-BUDGET-FY2024' && getComputedStyle(span).color !== 'rgb(0, 0, 0)'), undefined, { timeout: 30_000 });
        // Formatting: an over-indented line comes back to the programme's indentation.
        await gotoLineEnd(page, mng, 'modality grant');
        await page.keyboard.press('Home');
        await page.keyboard.type('        ');
        // Monaco renders the typed spaces on its next frame: wait for them rather than read the line at once.
        await page.waitForFunction(() => [...document.querySelectorAll('#editor .view-line')].some(l => l.textContent!.replace(/\u00a0/g, ' ') === '            modality grant'), undefined, { timeout: 30_000 });
        await page.click('#format');
        await page.waitForFunction(() => [...document.querySelectorAll('#editor .view-line')].some(l => l.textContent!.replace(/\u00a0/g, ' ') === '    modality grant'), undefined, { timeout: 30_000 });
        // The outline (document symbols), from the keyboard.
        await focusEditor(page);
        await page.keyboard.press('Control+Shift+O');
        const symbol = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'OSA-FY2024-MNG' });
        await symbol.first().waitFor({ timeout: 30_000 });
        await page.screenshot({ path: path.join(ARTIFACTS, '13-outline.png') });
        await page.keyboard.press('Escape');
        expect(seen.errors).toEqual([]);
    }));

    it('finds on every example exactly what the CLI\'s engine finds on the same workspace', () => inPage(async ({ page, seen }) => {
        await page.waitForSelector('#problems li.problem', { timeout: 60_000 });
        const examples = await page.locator('#examples option').evaluateAll(options => options.map(o => (o as HTMLOptionElement).value).filter(v => v !== ''));
        expect(examples.length).toBe(fs.readdirSync(path.join(REPO, 'examples/programmes')).length + fs.readdirSync(path.join(REPO, 'examples/violations')).length);
        const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-playground-cli-'));
        try {
            for (const example of examples) {
                // The CLI's expectation, on the files the playground's workspace holds: the example, the
                // shared templates and envelopes, and the osa.config.json files above the example.
                const dir = fs.mkdtempSync(path.join(scratch, 'ws-'));
                const parts = example.split('/');
                const copied = [example, 'shared/templates.osa', 'shared/budgets.osa', ...parts.map((_, i) => [...parts.slice(0, i), 'osa.config.json'].join('/'))];
                for (const file of copied.filter(f => fs.existsSync(path.join(REPO, 'examples', f)))) {
                    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
                    fs.copyFileSync(path.join(REPO, 'examples', file), path.join(dir, file));
                }
                const { reports } = await validateWorkspace(dir, [path.join(dir, example)]);
                const expected = reports.flatMap(r => r.diagnostics).filter(d => /^OSA\d{3}$/.test(d.rule))
                    .map(d => `${d.rule} ${example}:${d.range.start.line}:${d.range.start.column} ${d.message}`).sort();

                await page.selectOption('#examples', example);
                await page.waitForFunction(file => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent === file, example);
                const rule = example.match(/OSA\d{3}/)?.[0];
                // The first check of the new workspace is in: a violation example shows its rule.
                await page.waitForFunction(([file, id]) => [...document.querySelectorAll('#problems li.problem')].some(li =>
                    li.querySelector('.where')?.textContent?.startsWith(`${file}:`) && (id === undefined || (li as HTMLElement).dataset.code === id)), [example, rule] as const, { timeout: 30_000 });
                // Settled: the same list twice, a quarter second apart.
                let shown: string[] = [];
                for (let previous = ''; ;) {
                    shown = await page.locator('#problems li.problem').evaluateAll((items, file) => items
                        .filter(li => li.querySelector('.where')?.textContent?.startsWith(`${file}:`) && /^OSA\d{3}$/.test((li as HTMLElement).dataset.code ?? ''))
                        .map(li => `${(li as HTMLElement).dataset.code} ${li.querySelector('.where')!.textContent} ${li.querySelector('.message')!.textContent}`).sort(), example);
                    if (shown.join('\n') === previous) {
                        break;
                    }
                    previous = shown.join('\n');
                    await page.waitForTimeout(250);
                }
                expect(shown, example).toEqual(expected);
            }
        } finally {
            fs.rmSync(scratch, { recursive: true, force: true });
        }
        expect(seen.errors).toEqual([]);
    }));

    it('applies the workspace\'s osa.config.json: a rule turned off there disappears, and returns when the setting is removed', () => inPage(async ({ page, seen }) => {
        await page.waitForSelector('#problems li.problem[data-code="OSA502"]', { timeout: 60_000 });
        await page.locator('[role="tab"]', { hasText: 'osa.config.json' }).click();
        await focusEditor(page);
        await page.keyboard.press('Control+A');
        await page.keyboard.type('{ "rules": { "OSA502": "off" } }');
        await page.waitForFunction(() => document.querySelector('#problems li.problem[data-code="OSA502"]') === null, undefined, { timeout: 30_000 });
        expect(await problems(page)).toEqual([]);
        // An invalid configuration is reported, not ignored.
        await page.keyboard.press('Control+A');
        await page.keyboard.type('{ "rules": { "OSA502": "loud" } }');
        await page.waitForFunction(() => /must be one of/.test(document.querySelector('#problems')?.textContent ?? ''), undefined, { timeout: 30_000 });
        await page.screenshot({ path: path.join(ARTIFACTS, '7-config-error.png') });
        await page.keyboard.press('Control+A');
        await page.keyboard.type('{}');
        await page.waitForSelector('#problems li.problem[data-code="OSA502"]', { timeout: 30_000 });
        expect(seen.external).toEqual([]);
        expect(seen.errors).toEqual([]);
    }));

    it('switches the locale of the server\'s messages in one place (the Localizer) and rechecks', () => inPage(async ({ page, seen }) => {
        await page.waitForSelector('#problems li.problem', { timeout: 60_000 });
        // Two menu choices in one go: the second waits for the first, and wins.
        await page.evaluate(() => {
            const menu = document.querySelector<HTMLSelectElement>('#examples')!;
            for (const value of ['violations/OSA101-recipient-not-developing-country.osa', 'violations/OSA401-no-international-agreement.osa']) {
                menu.value = value;
                menu.dispatchEvent(new Event('change'));
            }
        });
        const osa401 = page.locator('#problems li.problem[data-code="OSA401"] .message');
        await osa401.waitFor({ timeout: 30_000 });
        expect(await page.locator('[role="tab"]').allTextContents()).toEqual(['violations/OSA401-no-international-agreement.osa', 'shared/templates.osa', 'shared/budgets.osa', 'osa.config.json']);
        expect((await problems(page)).map(p => p.code)).toEqual(['OSA401']);
        const english = await osa401.textContent();
        expect(english).toMatch(/agreement/i);
        await page.selectOption('#locale', 'ja');
        // The Japanese catalogue's text (packages/language/src/i18n/ja), from the worker's revalidation.
        await page.waitForFunction(() => /国際約束が宣言されていません/.test(document.querySelector('#problems li.problem[data-code="OSA401"] .message')?.textContent ?? ''), undefined, { timeout: 30_000 });
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
        // The report follows the example chosen in the menu.
        await page.waitForFunction(() => document.querySelector('#report h3')?.textContent === 'VIOLATION-OSA401', undefined, { timeout: 30_000 });
        await page.screenshot({ path: path.join(ARTIFACTS, '10-japanese.png') });
        await page.selectOption('#locale', 'en');
        await page.waitForFunction(text => document.querySelector('#problems li.problem[data-code="OSA401"] .message')?.textContent === text, english, { timeout: 30_000 });
        expect(seen.errors).toEqual([]);
    }));

    it('takes .osa files from the picker and by drag and drop into the workspace (cross-file rules see them), refuses other files with the reason, and downloads the workspace as a zip', () => inPage(async ({ page, seen }) => {
        await page.waitForSelector('#problems li.problem[data-code="OSA502"]', { timeout: 60_000 });
        // The same programme again, from the file picker: its id is now declared twice (OSA602, a workspace rule).
        await page.setInputFiles('#add-files', { name: 'copy of MNG.osa', mimeType: 'text/plain', buffer: Buffer.from(mng) });
        await page.waitForSelector('#problems li.problem[data-code="OSA602"]', { timeout: 30_000 });
        expect(await page.locator('[role="tab"][aria-selected="true"]').textContent()).toBe('copy-of-MNG.osa');
        expect(await page.locator('#notice.ok').textContent()).toBe('Added copy-of-MNG.osa.');

        // Dropped on the editor: one good file, and three that are refused.
        await page.evaluate(async files => {
            const transfer = new DataTransfer();
            for (const [name, bytes] of files) {
                transfer.items.add(new File([new Uint8Array(bytes)], name));
            }
            document.querySelector('#editor')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        }, [
            ['dropped.osa', [...Buffer.from('// dropped\n')]],
            ['tool.exe', [...Buffer.from('MZ')]],
            ['zero.osa', [0x70, 0x00, 0x71]],
            ['latin1.osa', [0x2f, 0x2f, 0xe9, 0x0a]]
        ] as [string, number[]][]);
        const notice = page.locator('#notice:not([hidden])', { hasText: 'Not added' });
        await notice.waitFor();
        expect(await notice.textContent()).toBe('Not added: "tool.exe": only .osa files and osa.config.json can be added; "zero.osa": a binary file, not text; "latin1.osa": not UTF-8 text.');
        await page.waitForFunction(() => [...document.querySelectorAll('[role="tab"]')].some(t => t.textContent === 'dropped.osa'));
        expect(await page.locator('[role="tab"]').allTextContents()).toEqual(['programmes/OSA-FY2024-MNG.osa', 'shared/templates.osa', 'shared/budgets.osa', 'osa.config.json', 'copy-of-MNG.osa', 'dropped.osa']);
        // The report covers the added programme too (the empty dropped file declares none).
        await page.waitForFunction(() => document.querySelector('#report .report-summary')?.textContent?.startsWith('2 programme(s)'), undefined, { timeout: 30_000 });
        await page.screenshot({ path: path.join(ARTIFACTS, '11-files-added.png') });

        // The workspace as a zip: every tab's text, edits included, under its path.
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
        expect(download.suggestedFilename()).toBe('osa-workspace.zip');
        const zipped = readZip(fs.readFileSync((await download.path())!));
        expect([...zipped.keys()]).toEqual(['programmes/OSA-FY2024-MNG.osa', 'shared/templates.osa', 'shared/budgets.osa', 'osa.config.json', 'copy-of-MNG.osa', 'dropped.osa']);
        expect(zipped.get('programmes/OSA-FY2024-MNG.osa')).toBe(mng);
        expect(zipped.get('copy-of-MNG.osa')).toBe(mng);
        expect(zipped.get('dropped.osa')).toBe('// dropped\n');
        expect(zipped.get('shared/templates.osa')).toBe(fs.readFileSync(path.join(REPO, 'examples/shared/templates.osa'), 'utf-8'));
        expect(seen.errors).toEqual([]);
    }));

    it('shares the workspace by link: the fragment restores it; corrupt, too long, over-expanding and hostile links are refused with a message', () => inPage(async ({ page, seen, context }) => {
        await page.waitForSelector('#problems li.problem[data-code="OSA502"]', { timeout: 60_000 });
        // An edit that only the link can carry: a violation typed into the programme.
        await gotoLineEnd(page, mng, 'modality grant');
        await page.keyboard.press('Control+Shift+ArrowLeft');
        await page.keyboard.type('loan');
        await page.waitForSelector('#problems li.problem[data-code="OSA103"]', { timeout: 30_000 });
        await page.click('#share');
        await page.waitForSelector('#notice.ok:not([hidden])');
        const link = page.url();
        expect(link).toMatch(new RegExp(`^${origin}/#ws=v1\\.[A-Za-z0-9_-]+$`));
        await page.screenshot({ path: path.join(ARTIFACTS, '8-shared.png') });

        const { page: restored, seen: restoredSeen } = await open(context, link);
        await restored.waitForSelector('#problems li.problem[data-code="OSA103"]', { timeout: 60_000 });
        expect(await restored.locator('[role="tab"]').allTextContents()).toEqual(['programmes/OSA-FY2024-MNG.osa', 'shared/templates.osa', 'shared/budgets.osa', 'osa.config.json']);
        expect((await problems(restored)).map(p => p.code).sort()).toEqual(['OSA103', 'OSA502']);
        expect(await restored.locator('#notice').isHidden()).toBe(true);
        await restored.close();

        const deflated = (text: string | Buffer) => zlib.deflateRawSync(text).toString('base64url');
        const workspace = (files: unknown) => `ws=v1.${deflated(JSON.stringify({ v: 1, files }))}`;
        const refusals: [string, RegExp][] = [
            ['ws=v1.not*base64', /corrupt \(it holds characters/],
            [`ws=v1.${Buffer.from('not deflate data at all, just bytes').toString('base64url')}`, /does not decompress/],
            [`ws=v1.${'A'.repeat(70_000)}`, /too long \(70,006 characters/],
            [`ws=v1.${deflated(Buffer.alloc(16 * 1024 * 1024, 0x20))}`, /expands to more than 2 MiB/],
            [`ws=v1.${deflated('{"v":1,"files":"no"}')}`, /not a workspace/],
            [workspace([['../../etc/passwd.osa', 'x']]), /does not hold: "..\/..\/etc\/passwd.osa"/],
            [workspace([['a.osa', 'x'], ['a.osa', 'y']]), /names a.osa twice/],
            [workspace(Array.from({ length: 41 }, (_, i) => [`f${i}.osa`, ''])), /1 to 40 files; this link has 41/],
            [`ws=v2.${deflated('{}')}`, /another version/]
        ];
        for (const [fragment, reason] of refusals) {
            const { page: refused, seen: refusedSeen } = await open(context, `${origin}/#${fragment}`);
            const text = await refused.locator('#notice[role="alert"]:not([hidden])').textContent();
            expect(text, fragment.slice(0, 40)).toMatch(reason);
            // The page still works, on the default example.
            await refused.waitForSelector('#problems li.problem[data-code="OSA502"]', { timeout: 60_000 });
            if (reason.source.includes('expands')) {
                await refused.screenshot({ path: path.join(ARTIFACTS, '9-refused-link.png') });
            }
            expect(refusedSeen.errors).toEqual([]);
            await refused.close();
        }

        // A shared text is hostile: markup in it stays text in the editor, the Problems list and the report.
        const payload = "<img src=x onerror='window.__osaRan=1'><script>window.__osaRan=2</script>";
        const hostile = mng.replace('title "Air traffic control radar for the Mongolian Air Force"', `title "${payload}"`);
        const { page: attacked, seen: attackedSeen } = await open(context, `${origin}/#${workspace([['programmes/x.osa', hostile], ['osa.config.json', '{}']])}`);
        await attacked.waitForSelector('#problems li.problem', { timeout: 60_000 });
        await attacked.locator('#report details summary').first().click();
        expect(await attacked.locator('#report dl.sheet').textContent()).toContain(payload);
        expect(await attacked.evaluate(() => ({ ran: (window as unknown as { __osaRan?: number }).__osaRan, images: document.querySelectorAll('img').length }))).toEqual({ ran: undefined, images: 0 });
        expect(attackedSeen.errors).toEqual([]);
        expect([...seen.external, ...restoredSeen.external, ...attackedSeen.external]).toEqual([]);
        expect(seen.errors).toEqual([]);
    }));

    it('speaks Japanese when 日本語 is chosen: the page\'s labels, <html lang>, a finding, a hover, the report and the rule page', () => inPage(async ({ page, seen }) => {
        await page.waitForSelector('#problems li.problem[data-code="OSA502"]', { timeout: 60_000 });
        await page.waitForSelector('#report table.matrix', { timeout: 30_000 });
        const englishMessage = await page.locator('#problems li.problem[data-code="OSA502"] .message').textContent();
        await page.selectOption('#locale', 'ja');
        // The page's own texts change at once; the finding follows once the worker has rechecked in Japanese.
        await page.waitForFunction(() => document.documentElement.lang === 'ja' && document.querySelector('#format')?.textContent === 'ファイルを整形', undefined, { timeout: 30_000 });
        expect(await page.title()).toBe('OSA プレイグラウンド');
        expect(await page.locator('h1').textContent()).toBe('OSA プレイグラウンド');
        expect(await page.locator('.bar label span').allTextContents()).toEqual(['例', '言語']);
        expect(await page.locator('.bar button:not([hidden])').allTextContents()).toEqual(['ファイルを整形', 'ファイルを追加', 'zip でダウンロード', '共有リンク', 'アウトライン', 'レポート']);
        expect(await page.locator('#tabs').getAttribute('aria-label')).toBe('ワークスペースのファイル');
        expect(await page.locator('#editor-panel').getAttribute('aria-label')).toBe('エディター');
        expect(await page.locator('#outline-heading').textContent()).toBe('アウトライン');
        expect(await page.locator('#problems-heading').textContent()).toBe('問題 (1)');
        expect(await page.locator('#panel-heading').textContent()).toBe('レポート');
        expect(await page.locator('#examples optgroup').evaluateAll(groups => groups.map(g => (g as HTMLOptGroupElement).label))).toEqual(['案件', '違反例']);
        expect(await page.locator('#status').textContent()).toMatch(/^準備完了/);
        expect(await page.locator('#problems li.problem[data-code="OSA502"] .severity').textContent()).toBe('情報');
        await page.waitForFunction(english => {
            const text = document.querySelector('#problems li.problem[data-code="OSA502"] .message')?.textContent ?? '';
            return text !== english && /[\u3040-\u30ff\u4e00-\u9fff]/.test(text);
        }, englishMessage, { timeout: 30_000 });
        // The report panel's labels, and the server's report in the same language.
        await page.waitForFunction(() => [...document.querySelectorAll('#report table.matrix th')].some(th => th.textContent === '条項'), undefined, { timeout: 30_000 });
        expect(await page.locator('#report details summary').first().textContent()).toBe('公表用シート');
        expect(await page.locator('#report .portfolio h3').textContent()).toBe('ポートフォリオ');
        // A hover, from the server's Japanese catalogue.
        await gotoLineEnd(page, mng, 'modality grant');
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        await page.locator('.monaco-hover:not(.hidden)', { hasText: '無償資金協力' }).first().waitFor({ timeout: 30_000 });
        await page.keyboard.press('Escape');
        // The rule page: docs/rules/ja/OSA502.md, and the links say Japanese.
        await page.locator('#problems li.problem[data-code="OSA502"] button.rule').click();
        await page.waitForFunction(() => document.querySelector('#panel-heading')?.textContent === 'ルール OSA502', undefined, { timeout: 30_000 });
        expect(await page.locator('#problems li.problem[data-code="OSA502"] button.rule').getAttribute('title')).toBe('OSA502 の説明を表示');
        expect(await page.locator('#rule-page h3').first().textContent()).toMatch(/^OSA502/);
        expect(await page.locator('#rule-page').textContent()).toMatch(/[\u3040-\u30ff]/);
        const github = page.locator('#rule-page a', { hasText: 'GitHub でこのページを見る' });
        expect(await github.getAttribute('href')).toBe('https://github.com/osa-policy/osa-policy/blob/main/docs/rules/ja/OSA502.md');
        expect(await page.locator('#panel-back').textContent()).toBe('レポートに戻る');
        await page.screenshot({ path: path.join(ARTIFACTS, '14-japanese-page.png') });
        // Back to English: the open rule page is shown again in English, the page's labels too.
        await page.selectOption('#locale', 'en');
        await page.waitForFunction(() => document.querySelector('#panel-heading')?.textContent === 'Rule OSA502' && document.documentElement.lang === 'en', undefined, { timeout: 30_000 });
        expect(await page.locator('#rule-page a', { hasText: 'This page on GitHub' }).getAttribute('href')).toBe('https://github.com/osa-policy/osa-policy/blob/main/docs/rules/OSA502.md');
        expect(await page.locator('#format').textContent()).toBe('Format file');
        expect(seen.errors).toEqual([]);
    }));

    it('says refusals in Japanese too: a bad link and a refused file', () => inPage(async ({ page, seen }) => {
        await page.waitForSelector('#problems li.problem[data-code="OSA502"]', { timeout: 60_000 });
        await page.selectOption('#locale', 'ja');
        await page.evaluate(async () => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([new Uint8Array([0x4d, 0x5a])], 'tool.exe'));
            document.querySelector('#editor')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        });
        const notice = page.locator('#notice:not([hidden])', { hasText: '追加しなかったもの' });
        await notice.waitFor({ timeout: 30_000 });
        expect(await notice.textContent()).toBe('追加しなかったもの: "tool.exe": 追加できるのは .osa ファイルと osa.config.json だけです。');
        // The notice is said again when the locale changes back.
        await page.selectOption('#locale', 'en');
        await page.waitForFunction(() => document.querySelector('#notice')?.textContent === 'Not added: "tool.exe": only .osa files and osa.config.json can be added.', undefined, { timeout: 30_000 });
        // A corrupt link opened in a page whose locale is Japanese.
        await page.selectOption('#locale', 'ja');
        await page.evaluate(() => { location.hash = 'ws=v1.not*base64'; });
        const refused = page.locator('#notice[role="alert"]:not([hidden])', { hasText: 'このリンク' });
        await refused.waitFor({ timeout: 30_000 });
        expect(await refused.textContent()).toBe('このリンクのワークスペースは開けません: リンクが壊れています（共有ワークスペースにない文字を含みます）。表示中のワークスペースはそのままです。');
        expect(seen.errors).toEqual([]);
    }));

    it('has an outline panel: the programme\'s symbols, updated as you type, a click reveals the place; it follows the tab', () => inPage(async ({ page, seen }) => {
        await page.waitForSelector('#problems li.problem[data-code="OSA502"]', { timeout: 60_000 });
        const programme = page.locator('#outline > li > button', { hasText: /^OSA-FY2024-MNG/ });
        await programme.waitFor({ timeout: 30_000 });
        expect(await page.locator('#outline button').count()).toBeGreaterThan(1);
        // A child symbol: an activity of the programme, deeper in the file.
        const activity = page.locator('#outline li li button', { hasText: 'airspace-surveillance' });
        await activity.first().waitFor({ timeout: 30_000 });
        await activity.first().click();
        // The selection is the symbol's name, on the line that declares it.
        await waitForSelectedLine(page, /^activity airspace-surveillance /);
        // Typing changes the symbols: the programme's new id is in the outline once the server has it.
        // The click left the focus in the editor (scrolled, so not clicked into again): the keyboard goes to the id.
        expect(await page.evaluate(() => document.activeElement?.closest('#editor') !== null)).toBe(true);
        await page.keyboard.press('Control+Home');
        for (let i = 0; i < mng.split('\n').findIndex(l => l.startsWith('programme OSA-FY2024-MNG {')); i++) {
            await page.keyboard.press('ArrowDown');
        }
        await page.keyboard.press('End');
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.type('X');
        await page.locator('#outline > li > button', { hasText: /^OSA-FY2024-MNGX/ }).waitFor({ timeout: 30_000 });
        await page.screenshot({ path: path.join(ARTIFACTS, '15-outline-panel.png') });
        // Another tab, another outline.
        await page.locator('[role="tab"]', { hasText: 'shared/templates.osa' }).click();
        await page.locator('#outline button', { hasText: 'StandardExchangeOfNotes' }).first().waitFor({ timeout: 30_000 });
        expect(await page.locator('#outline button', { hasText: 'OSA-FY2024-MNG' }).count()).toBe(0);
        await page.locator('[role="tab"]', { hasText: 'osa.config.json' }).click();
        await page.waitForFunction(() => document.querySelector('#outline')?.textContent === 'The outline lists the symbols of .osa files.', undefined, { timeout: 30_000 });
        // The panel can be closed (and opened again).
        await page.click('#outline-toggle');
        expect(await page.locator('#outline-panel').isHidden()).toBe(true);
        expect(await page.locator('#outline-toggle').getAttribute('aria-expanded')).toBe('false');
        await page.click('#outline-toggle');
        await page.locator('[role="tab"]', { hasText: 'programmes/OSA-FY2024-MNG.osa' }).click();
        await page.locator('#outline > li > button', { hasText: /^OSA-FY2024-MNGX/ }).waitFor({ timeout: 30_000 });
        expect(seen.errors).toEqual([]);
    }));

    it('makes a finding\'s related locations clickable: the click opens the other file\'s tab at the place', () => inPage(async ({ page, seen }) => {
        await page.waitForSelector('#problems li.problem[data-code="OSA502"]', { timeout: 60_000 });
        // The same programme twice: OSA602 (a workspace rule) points at the other declaration.
        await page.setInputFiles('#add-files', { name: 'copy of MNG.osa', mimeType: 'text/plain', buffer: Buffer.from(mng) });
        const related = page.locator('#problems li.problem[data-code="OSA602"] ul.related button', { hasText: 'programmes/OSA-FY2024-MNG.osa:' });
        await related.first().waitFor({ timeout: 30_000 });
        expect(await page.locator('[role="tab"][aria-selected="true"]').textContent()).toBe('copy-of-MNG.osa');
        const target = (await related.first().textContent())!.match(/programmes\/OSA-FY2024-MNG\.osa:(\d+):\d+$/);
        expect(target).not.toBeNull();
        await related.first().click();
        await page.waitForFunction(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent === 'programmes/OSA-FY2024-MNG.osa', undefined, { timeout: 30_000 });
        await waitForSelectedLine(page, mng.split('\n')[Number(target![1]) - 1].trim());
        await page.screenshot({ path: path.join(ARTIFACTS, '16-related-location.png') });
        expect(seen.errors).toEqual([]);
    }));

    it('measures keystroke-to-diagnostic latency on the largest example', () => inPage(async ({ page, seen }) => {
        await page.waitForSelector('#problems li.problem', { timeout: 60_000 });
        await page.selectOption('#examples', 'programmes/OSA-FY2023-MYS.osa');
        await page.waitForFunction(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent === 'programmes/OSA-FY2023-MYS.osa');
        await page.waitForTimeout(1500); // let the first check of the new workspace settle
        expect(await page.locator('#problems li.problem[data-code="OSA103"]').count()).toBe(0);
        await gotoLineEnd(page, mys, 'modality grant');
        await page.keyboard.press('Control+Shift+ArrowLeft');
        await page.keyboard.type('loa');
        // The check of `loa` (an unknown modality) is in before the measured keystroke.
        await page.waitForFunction(() => /Unknown modality `loa`/.test(document.getElementById('problems')?.textContent ?? ''), undefined, { timeout: 30_000 });
        // The last keystroke's time, taken in the page, to the moment its finding is in the Problems list.
        await page.evaluate(() => {
            const w = window as unknown as { __osaKey?: number; __osaSeen?: number };
            document.addEventListener('keydown', () => { w.__osaKey = performance.now(); }, { capture: true });
            new MutationObserver(() => {
                if (w.__osaSeen === undefined && /modality is loan\b/.test(document.getElementById('problems')?.textContent ?? '')) {
                    w.__osaSeen = performance.now();
                }
            }).observe(document.getElementById('problems')!, { childList: true, subtree: true, characterData: true });
        });
        await page.keyboard.type('n');
        await page.waitForFunction(() => (window as unknown as { __osaSeen?: number }).__osaSeen !== undefined, undefined, { timeout: 30_000 });
        const latency = await page.evaluate(() => { const w = window as unknown as { __osaKey: number; __osaSeen: number }; return w.__osaSeen - w.__osaKey; });
        measurements.keystrokeToDiagnosticMs = { example: 'programmes/OSA-FY2023-MYS.osa', bytes: Buffer.byteLength(mys), ms: Math.round(latency) };
        expect(latency).toBeGreaterThan(0);
        expect(seen.errors).toEqual([]);
    }));

    it('has no serious or critical axe-core violation, with the report and with a rule page in the side panel, in English and in Japanese', async () => {
        const axe = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf-8');
        // axe is injected as a script, which the page's own CSP would refuse.
        await inPage(async ({ page }) => {
            await page.waitForSelector('#report table.matrix', { timeout: 60_000 });
            await page.addScriptTag({ content: axe });
            const audit = () => page.evaluate(async () => {
                const run = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run;
                return (await run(document)).violations.map(v => ({ id: v.id, impact: v.impact, targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }));
            });
            expect((await audit()).filter(v => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
            await page.locator('#problems button.rule').first().click();
            await page.waitForSelector('#rule-page:not([hidden]) h3');
            expect((await audit()).filter(v => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
            // The same in Japanese: the page's labels, the report and the Japanese rule page.
            await page.click('#panel-back');
            await page.selectOption('#locale', 'ja');
            await page.waitForFunction(() => [...document.querySelectorAll('#report table.matrix th')].some(th => th.textContent === '条項'), undefined, { timeout: 30_000 });
            expect((await audit()).filter(v => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
            await page.locator('#problems button.rule').first().click();
            await page.waitForFunction(() => document.querySelector('#panel-heading')?.textContent?.startsWith('ルール') === true, undefined, { timeout: 30_000 });
            await page.waitForSelector('#rule-page:not([hidden]) h3');
            expect((await audit()).filter(v => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
        }, { bypassCSP: true });
    });
});
