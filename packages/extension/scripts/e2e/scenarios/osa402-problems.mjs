// Opening the OSA402 violation example shows its finding in the Problems panel and a squiggle in the editor.
import { check, metrics, OSA402_FILE, poll, sleep } from '../harness.mjs';

export default async function osa402Problems({ page, u }) {
    await check(`opening violations/${OSA402_FILE} shows OSA402 in the Problems panel`, async () => {
        await u.filterProblems('OSA402');
        const started = await u.openFile(OSA402_FILE);
        const found = await poll(async () => {
            const { markers } = await u.markersOf(OSA402_FILE);
            return markers.find(m => m.code === 'OSA402');
        }, 30_000, 50);
        if (found) {
            metrics.firstDiagnosticsMs = Date.now() - started;
        }
        await u.shot('osa402-problems');
        if (!found) {
            throw new Error(`no OSA402 marker under ${OSA402_FILE} in the Problems panel: ${JSON.stringify(await u.problemRows()).slice(0, 300)}`);
        }
        if (found.severity !== 'error') {
            throw new Error(`OSA402 is shown as ${found.severity}, expected error`);
        }
        // The squiggle: F8 goes to the problem in the editor.
        await u.focusEditor();
        await page.keyboard.press('Control+Home');
        await page.keyboard.press('F8');
        await sleep(400);
        await page.keyboard.press('Escape');
        const squiggles = await poll(async () => {
            const count = await u.squiggles();
            return count.error > 0 ? count : undefined;
        }, 5_000);
        if (!squiggles) {
            throw new Error('the editor shows no error squiggle at the OSA402 finding');
        }
        return { detail: `error "${found.label.slice(0, 90)}…" ${metrics.firstDiagnosticsMs} ms after Enter in Ctrl+P opened the file; error squiggle in the editor` };
    });
}
