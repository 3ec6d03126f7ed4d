// Issue 11: "OSA: Open Compliance Report" shows the language server's report in a webview beside the editor;
// it follows an unsaved edit (debounced), and an evidence link reveals the finding's line in the editor.
// The webview is found among the page's frames by its heading; the cursor is read from the status bar.
import * as path from 'node:path';
import { check, locate, MNG_FILE, poll, sleep } from '../harness.mjs';

/** The webview frame showing the report, once it shows `heading`. */
export async function reportFrame(page, heading, timeoutMs) {
    return poll(async () => {
        for (const frame of page.frames()) {
            const text = await frame.locator('h1').first().textContent({ timeout: 200 }).catch(() => null);
            if (text?.includes(heading)) {
                return frame;
            }
        }
        return undefined;
    }, timeoutMs, 250);
}

/** The matrix row of a rule, as text ('' when absent). */
async function ruleRow(frame, rule) {
    return (await frame.locator('tr', { hasText: rule }).first().innerText({ timeout: 1_000 }).catch(() => '')).replace(/\s+/g, ' ');
}

async function cursor(page) {
    return (await page.locator('#status\\.editor\\.selection').first().innerText().catch(() => '')).trim();
}

export default async function complianceReport({ page, u, workspace }) {
    const mngPath = path.join(workspace, 'programmes', MNG_FILE);
    const heading = `OSA compliance report: ${MNG_FILE}`;
    let frame;
    await check('"OSA: Open Compliance Report" shows the matrix and the disclosure sheet beside the editor', async () => {
        await u.openFile(MNG_FILE);
        await u.runCommand('OSA: Open Compliance Report');
        frame = await reportFrame(page, heading, 30_000);
        if (!frame) {
            throw new Error(`no webview showing "${heading}"`);
        }
        await sleep(500);
        await u.shot('compliance-report');
        const row = await ruleRow(frame, 'OSA103');
        const sheet = await frame.locator('h3', { hasText: 'Disclosure sheet' }).count();
        if (!/OSA103 modality-not-grant: met/.test(row) || sheet !== 1) {
            throw new Error(`expected OSA103 met and one disclosure sheet; row: "${row}", sheets: ${sheet}`);
        }
        return { detail: `the report of ${MNG_FILE} is shown; OSA103 row: "${row.slice(0, 80)}"` };
    }, 'the osa/complianceReport request and the webview (report-panel.ts, report-view.ts)');

    const { line, column } = locate(mngPath, 'modality grant');
    await check('the report follows an unsaved edit (modality grant → loan: OSA103 violated)', async () => {
        if (!frame) {
            throw new Error('the report is not open');
        }
        await u.goTo(line, column + 'modality '.length);
        await page.keyboard.press('Control+D');
        await page.keyboard.type('loan');
        const started = Date.now();
        const violated = await poll(async () => {
            const current = await reportFrame(page, heading, 1_000);
            const row = current ? await ruleRow(current, 'OSA103') : '';
            if (/OSA103 modality-not-grant: violated/.test(row)) {
                frame = current;
                return row;
            }
            return undefined;
        }, 20_000, 250);
        await u.shot('compliance-report-updated');
        if (!violated) {
            throw new Error('after the edit the report does not show OSA103 violated');
        }
        return { detail: `OSA103 violated in the report ${Date.now() - started} ms after typing (debounce 500 ms)` };
    });

    await check('an evidence link in the report reveals the finding\'s line in the editor', async () => {
        if (!frame) {
            throw new Error('the report is not open');
        }
        await u.focusEditor();
        await page.keyboard.press('Control+Home');
        await sleep(300);
        const before = await cursor(page);
        // The frame is found again for the click: the page is replaced whenever the report changes.
        const clicked = await poll(async () => {
            const current = await reportFrame(page, heading, 1_000);
            const link = current?.locator('tr', { hasText: 'OSA103' }).first().locator('a[data-evidence]', { hasText: `:${line}:` }).first();
            return link ? link.click({ timeout: 2_000 }).then(() => true, () => undefined) : undefined;
        }, 15_000, 250);
        if (!clicked) {
            throw new Error(`no evidence link ":${line}:" in the OSA103 row could be clicked`);
        }
        const after = await poll(async () => {
            const text = await cursor(page);
            return text.startsWith(`Ln ${line},`) ? text : undefined;
        }, 10_000, 200);
        await u.shot('compliance-report-evidence');
        if (!after) {
            throw new Error(`the cursor did not move to line ${line}: status bar "${await cursor(page)}" (before the click: "${before}")`);
        }
        return { detail: `clicked ${MNG_FILE}:${line}: the cursor went from "${before}" to "${after}"` };
    });

    // Leave the file and the layout as found for the scenarios after this one: the edited file (in the first
    // group, where the link revealed it) reverted, then every editor closed, the report included.
    await u.focusEditor();
    await u.runCommand('File: Revert File');
    await sleep(500);
    await u.runCommand('View: Close All Editors');
    await sleep(500);
}
