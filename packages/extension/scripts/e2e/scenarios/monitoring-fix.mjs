// Issue 10: a delivered programme with no monitoring visit a year on shows OSA408, and Ctrl+. there offers
// the monitoring skeleton. The skeleton's placeholders (`visit YYYY-MM-DD ""`) are not a visit yet, so the
// finding is expected to stay until the desk writes the visit: the check reports what the panel shows after.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, chooseAction, locate, poll } from '../harness.mjs';

export const OSA408_FILE = 'OSA408-monitoring-not-recorded.osa';

export default async function monitoringFix({ page, u, workspace }) {
    const file = path.join(workspace, 'violations', OSA408_FILE);
    const osa408 = async () => (await u.markersOf(OSA408_FILE)).markers.filter(m => m.code === 'OSA408');

    await check(`opening violations/${OSA408_FILE} shows OSA408 in the Problems panel`, async () => {
        await u.filterProblems(OSA408_FILE.replace('.osa', ''));
        const started = await u.openFile(OSA408_FILE);
        const found = await poll(async () => (await osa408())[0], 30_000, 50);
        const ms = Date.now() - started;
        await u.shot('osa408-problems');
        if (!found) {
            throw new Error(`no OSA408 marker under ${OSA408_FILE} in the Problems panel: ${JSON.stringify(await u.problemRows()).slice(0, 300)}`);
        }
        if (found.severity !== 'warning') {
            throw new Error(`OSA408 is shown as ${found.severity}, expected warning (the rule's severity)`);
        }
        return { detail: `${found.severity} "${found.label.slice(0, 110)}…" ${ms} ms after Enter in Ctrl+P opened the file` };
    });

    await check('Ctrl+. on OSA408 inserts the `monitoring { … }` skeleton', async () => {
        // The finding stands on the overdue `delivered` date.
        const { line, column } = locate(file, 'delivered 2025-07-15');
        await u.goTo(line, column + 'delivered '.length);
        const { menu, items } = await u.codeActions(8_000);
        await u.shot('osa408-quick-fix-menu');
        if (!items) {
            return { waiting: 'no code action menu at the OSA408 finding: the server offers no quick fix there' };
        }
        const skeleton = /monitoring skeleton/i;
        const fix = items.find(label => skeleton.test(label));
        if (!fix) {
            return { waiting: `the code action menu has no monitoring skeleton fix: ${items.join(' | ')}` };
        }
        const before = (await osa408()).length;
        const started = Date.now();
        await chooseAction(page, menu, skeleton);
        await page.keyboard.press('Control+S');
        const saved = await poll(() => {
            const text = fs.readFileSync(file, 'utf-8');
            return /^\s*monitoring \{\n\s*visit YYYY-MM-DD ""\n\s*results disclosed ""\n\s*\}/m.test(text) ? text : undefined;
        }, 5_000);
        // The re-check of the changed file is over when the placeholder date is reported (a `syntax` error).
        const after = await poll(async () => {
            const { markers } = await u.markersOf(OSA408_FILE);
            return markers.some(m => m.code === 'syntax' && /YYYY-MM-DD/.test(m.label) && /visit/.test(m.label)) ? markers : undefined;
        }, 20_000, 100);
        const checkedMs = Date.now() - started;
        // The skeleton is below the finding: bring it on screen for the picture, and read it from the editor.
        const at = saved ? saved.split('\n').findIndex(l => l.trim() === 'monitoring {') + 1 : 0;
        if (at > 0) {
            await u.goTo(at + 1, 1);
        }
        const shown = await poll(async () => (await u.textBox('visit YYYY-MM-DD ""')) !== undefined, 5_000);
        await u.shot('osa408-quick-fix-applied');
        if (!saved) {
            throw new Error('the saved file lacks the `monitoring { visit YYYY-MM-DD "" results disclosed "" }` block');
        }
        if (!shown) {
            throw new Error(`the saved file has the skeleton at line ${at}, but the editor shows no \`visit YYYY-MM-DD ""\` line there`);
        }
        if (!after) {
            throw new Error(`no finding on the placeholder date of the visit within 20 s, so the file was not re-checked: ${JSON.stringify(await u.markersOf(OSA408_FILE)).slice(0, 300)}`);
        }
        // What the desk still has to do is shown: the overdue visit (a placeholder is no visit) and where the results are published.
        const remaining = after.filter(m => m.code === 'OSA408');
        if (!remaining.some(m => /no monitoring visit is recorded/.test(m.label)) || !remaining.some(m => /disclosed. without saying where/.test(m.label))) {
            throw new Error(`expected OSA408 to still say that no visit is recorded and that the results' place is missing: ${remaining.map(m => m.label.slice(0, 80)).join(' | ')}`);
        }
        return {
            detail: `applied "${fix.trim().slice(0, 60)}…": the saved file and the editor have the skeleton at line ${at}; `
                + `${checkedMs} ms after choosing the fix the file's findings were: ${after.map(m => `${m.code} (${m.severity})`).join(', ')} `
                + `(OSA408 before: ${before}; the placeholders keep OSA408 — no visit recorded, results' place missing — and the date is a syntax error)`
        };
    }, 'code actions (packages/language/src/lsp/fixes/rule-fixes.ts, OSA408)');
}
