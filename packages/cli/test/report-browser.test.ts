/**
 * The HTML report where people look at it: written by the real CLI, loaded from its file in the real
 * Debian Chromium (playwright-core; the browser is never downloaded). It renders with no console error
 * and no request beyond its own file, its charts are drawn, hostile text from a workspace stays text,
 * and axe-core finds no serious or critical accessibility violation (light and dark colour schemes).
 * A screenshot of each part is saved under artifacts/report/.
 *
 * Without Chromium the tests are skipped with the reason, except under CI, where that is a failure.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_AVAILABLE, launchChromium, skipWithoutChromium } from './chromium.js';
import { programme, STANDARD_TEMPLATE } from '../../language/test/helpers.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const OSA = path.join(REPO, 'packages/cli/bin/osa.js');
const ARTIFACTS = path.join(REPO, 'artifacts/report');

/** Each payload records that it ran in `window.__osaRan`; the report must never let one run. */
const RAN = (what: string) => `(window.__osaRan=window.__osaRan||[]).push('${what}')`;
const PAYLOADS = {
    script: `<script>${RAN('script')}</script>`,
    img: `"><img src=x onerror="${RAN('img')}">`,
    svg: `<svg onload="${RAN('svg')}"></svg>`,
    link: `<a href="javascript:${RAN('link')}">open</a>`,
    source: `javascript:${RAN('source')}`
};
const lit = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Writes the report for `target` (run in `cwd`) and returns its file URL; the exit code is the validator's. */
function report(cwd: string, target: string, file: string, status: number, extra: string[] = []): string {
    const result = spawnSync(process.execPath, [OSA, 'report', target, '--format', 'html', '--output', file, ...extra], { cwd, encoding: 'utf-8' });
    expect(result.status, result.stderr).toBe(status);
    return pathToFileURL(path.resolve(cwd, file)).href;
}

interface Watched { errors: string[]; requests: string[]; dialogs: string[] }

/** Opens `url` and records console errors, page errors, dialogs and every request (non-file ones are aborted). */
async function open(context: BrowserContext, url: string): Promise<{ page: Page; seen: Watched }> {
    const seen: Watched = { errors: [], requests: [], dialogs: [] };
    const page = await context.newPage();
    page.on('console', m => { if (m.type() === 'error') { seen.errors.push(m.text()); } });
    page.on('pageerror', e => seen.errors.push(String(e)));
    page.on('request', r => seen.requests.push(r.url()));
    page.on('dialog', d => { seen.dialogs.push(d.message()); void d.dismiss(); });
    await page.route('**/*', route => route.request().url() === url ? route.continue() : route.abort());
    await page.goto(url, { waitUntil: 'load' });
    return { page, seen };
}

skipWithoutChromium('opens the HTML report in Chromium', 'open the HTML report in a real browser');

describe.skipIf(!CHROMIUM_AVAILABLE)('the HTML report in Chromium', () => {
    let browser: Browser;
    let dir: string;
    let examplesUrl: string;
    let japaneseUrl: string;
    let injectionUrl: string;

    beforeAll(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-report-browser-'));
        examplesUrl = report(REPO, 'examples', path.join(dir, 'examples.html'), 1); // the violation examples fail
        japaneseUrl = report(REPO, 'examples', path.join(dir, 'examples-ja.html'), 1, ['--locale', 'ja']);
        // A workspace whose texts carry live payloads: titles, beneficiary and item names, sources,
        // a suppression reason and an exception justification.
        const ws = path.join(dir, 'ws');
        fs.mkdirSync(ws);
        fs.writeFileSync(path.join(ws, 'templates.osa'), STANDARD_TEMPLATE);
        const sheet = (id: string, title: string, beneficiary: string, item: string, extra: string, recipient = 'recipient PHL') => programme({
            id, title: `title ${lit(title)}`, beneficiary: `beneficiary ${lit(beneficiary)} kind armed-forces`, recipient,
            items: `provide ${lit(item)} quantity 5 category coastal-radar`, extra
        });
        fs.writeFileSync(path.join(ws, 'a.osa'), sheet('INJ-1', PAYLOADS.script, PAYLOADS.img, PAYLOADS.link, `source ${lit(PAYLOADS.source)}`));
        fs.writeFileSync(path.join(ws, 'b.osa'), sheet('INJ-2', PAYLOADS.svg, PAYLOADS.script, PAYLOADS.img, `source ${lit(PAYLOADS.svg)}`,
            `// osa-disable-next-line OSA101 -- ${PAYLOADS.script} ${PAYLOADS.img}\n    recipient KOR`));
        fs.writeFileSync(path.join(ws, 'c.osa'), sheet('INJ-3', 'Radars', 'Navy', 'Radar',
            `exception OSA101 {\n        justification ${lit(PAYLOADS.svg + PAYLOADS.script)}\n        approved-by ${lit(PAYLOADS.img)}\n        dated 2025-05-01\n    }`,
            'recipient SGP'));
        // Lawful once the suppression and the exception apply: the payloads do not disturb the checks.
        injectionUrl = report(ws, '.', 'report.html', 0);
        browser = await launchChromium();
    });
    afterAll(async () => {
        await browser?.close();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('renders the examples with no console error and no request beyond its own file, charts drawn, a screenshot per part', async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        try {
            const { page, seen } = await open(context, examplesUrl);
            expect(seen.errors).toEqual([]);
            expect(seen.requests).toEqual([examplesUrl]);
            expect(await page.locator('h2').allTextContents()).toEqual(['Compliance matrix', 'Disclosure sheets', 'Portfolio']);
            expect(await page.locator('section.programme[id$="-matrix"]').count()).toBeGreaterThan(10);
            expect(await page.locator('section.programme[id$="-sheet"]').count()).toBe(await page.locator('section.programme[id$="-matrix"]').count());

            // Both charts are drawn: the SVG has a size on the page and its bars have height.
            const charts = page.locator('figure svg');
            expect(await charts.count()).toBe(2);
            for (const chart of await charts.all()) {
                await chart.scrollIntoViewIfNeeded();
                expect(await chart.isVisible()).toBe(true);
                const box = (await chart.boundingBox())!;
                expect(box.width).toBeGreaterThan(200);
                expect(box.height).toBeGreaterThan(100);
                const bars = await chart.locator('[aria-roledescription="bar"]').evaluateAll(els => els.map(e => e.getBoundingClientRect().height));
                expect(bars.length).toBeGreaterThanOrEqual(4);
                expect(bars.filter(height => height > 0).length).toBeGreaterThanOrEqual(4);
            }

            fs.mkdirSync(ARTIFACTS, { recursive: true });
            for (const [n, id] of [[1, 'matrix'], [2, 'sheets'], [3, 'portfolio']] as const) {
                await page.locator(`h2#${id}`).evaluate(e => e.scrollIntoView({ block: 'start' }));
                const file = path.join(ARTIFACTS, `${n}-${id}.png`);
                await page.screenshot({ path: file });
                expect(fs.statSync(file).size).toBeGreaterThan(10_000);
            }
            // The page's own policy forbids scripts: an inline script added now is refused.
            expect(await page.evaluate(() => {
                const s = document.createElement('script');
                s.textContent = 'window.__policyLetMeRun = true';
                document.body.append(s);
                return (window as unknown as { __policyLetMeRun?: boolean }).__policyLetMeRun ?? false;
            })).toBe(false);
        } finally {
            await context.close();
        }
    });

    it('keeps script, event-handler and javascript: payloads inert, even with the page\'s CSP bypassed', async () => {
        // Bypassing the CSP leaves escaping as the only defence, which is what this test is about.
        const context = await browser.newContext({ bypassCSP: true });
        try {
            // Control: the same payloads, put into a page raw, do run.
            const control = await context.newPage();
            await control.setContent(`<body>${Object.values(PAYLOADS).slice(0, 3).join('')}</body>`);
            await control.waitForFunction(() => ((window as unknown as { __osaRan?: string[] }).__osaRan ?? []).length >= 3);
            expect((await control.evaluate(() => (window as unknown as { __osaRan: string[] }).__osaRan)).sort()).toEqual(['img', 'script', 'svg']);

            const { page, seen } = await open(context, injectionUrl);
            await page.waitForTimeout(200);
            expect(await page.evaluate(() => (window as unknown as { __osaRan?: string[] }).__osaRan ?? null)).toBeNull();
            expect(seen.dialogs).toEqual([]);
            expect(seen.errors).toEqual([]);
            expect(seen.requests).toEqual([injectionUrl]);
            const dom = await page.evaluate(() => {
                const all = [...document.querySelectorAll('*')];
                return {
                    scripts: document.querySelectorAll('script, iframe, object, embed, img').length,
                    handlers: all.flatMap(e => [...e.attributes].filter(a => a.name.toLowerCase().startsWith('on')).map(a => `${e.tagName}[${a.name}]`)),
                    links: [...document.querySelectorAll('[href], [src], [xlink\\:href]')].map(e => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('xlink:href'))
                        .filter(href => !href!.startsWith('#')),
                    text: document.body.innerText
                };
            });
            expect(dom.scripts).toBe(0);
            expect(dom.handlers).toEqual([]);
            expect(dom.links).toEqual([]);
            // The payloads are on the page for a reader, as text.
            for (const payload of Object.values(PAYLOADS)) {
                expect(dom.text, payload).toContain(payload);
            }
            // Clicking the text of the link payload goes nowhere.
            await page.getByText(PAYLOADS.link).first().click();
            expect(await page.evaluate(() => (window as unknown as { __osaRan?: string[] }).__osaRan ?? null)).toBeNull();
            expect(page.url()).toBe(injectionUrl);
        } finally {
            await context.close();
        }
    });

    it('renders the Japanese report (--locale ja): lang="ja", Japanese headings and chart titles, no axe-core violation', async () => {
        const axe = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf-8');
        const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
        try {
            const { page, seen } = await open(context, japaneseUrl);
            expect(seen.errors).toEqual([]);
            expect(await page.locator('html').getAttribute('lang')).toBe('ja');
            expect(await page.locator('h2').allTextContents()).toEqual(['適合マトリクス', '公表用シート', 'ポートフォリオ']);
            expect(await page.locator('figcaption').allTextContents()).toEqual(['年度別の予算枠と案件の金額', 'DAC 所得グループ別の案件の金額']);
            await page.locator('h2#matrix').evaluate(e => e.scrollIntoView({ block: 'start' }));
            fs.mkdirSync(ARTIFACTS, { recursive: true });
            await page.screenshot({ path: path.join(ARTIFACTS, 'ja-matrix.png') });
            await page.addScriptTag({ content: axe });
            const violations = await page.evaluate(async () => {
                const run = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
                return (await run.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
            });
            expect(violations).toEqual([]);
        } finally {
            await context.close();
        }
    });

    for (const colorScheme of ['light', 'dark'] as const) {
        it(`has no serious or critical axe-core violation (${colorScheme} colours)`, async () => {
            const axe = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf-8');
            // axe is injected as a script, which the page's own CSP would refuse.
            const context = await browser.newContext({ bypassCSP: true, colorScheme, viewport: { width: 1280, height: 800 } });
            try {
                const { page } = await open(context, examplesUrl);
                // The scheme took effect: the page follows it.
                expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(colorScheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
                await page.addScriptTag({ content: axe });
                const results = await page.evaluate(async () => {
                    const run = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[]; passes: unknown[] }> } }).axe;
                    const r = await run.run(document, { resultTypes: ['violations'] });
                    return { passes: r.passes.length, violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, first: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })) };
                });
                expect(results.passes).toBeGreaterThan(10);
                // axe leaves SVG text out of its contrast check: the chart labels are measured here.
                const low = await page.evaluate(() => {
                    const luminance = (rgb: string) => {
                        const [r, g, b] = rgb.match(/\d+/g)!.slice(0, 3).map(n => Number(n) / 255).map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
                        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                    };
                    const background = luminance(getComputedStyle(document.body).backgroundColor);
                    const labels = [...document.querySelectorAll('figure svg text')];
                    return { labels: labels.length, low: labels.map(t => {
                        const [a, b] = [luminance(getComputedStyle(t).fill), background].sort((x, y) => y - x);
                        return { text: t.textContent, ratio: (a + 0.05) / (b + 0.05) };
                    }).filter(l => l.ratio < 4.5) };
                });
                expect(low.labels).toBeGreaterThan(10);
                expect(low.low).toEqual([]);
                expect(results.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
                // Minor and moderate findings are reported, not failed on.
                console.log(`axe (${colorScheme}): ${results.passes} rules passed; minor/moderate: ${JSON.stringify(results.violations)}`);
            } finally {
                await context.close();
            }
        });
    }
});
