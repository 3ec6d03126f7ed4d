// Workspace trust on and the folder untrusted (Restricted Mode): the extension still runs.
import { activationFromLog, check, OSA402_FILE, poll, ui } from '../harness.mjs';

/** Restricted Mode: the extension is enabled in an untrusted folder and works there. */
export default async function restricted(page, { port, workspace, userDataDir }) {
    const u = ui(page);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    await check('in an untrusted folder (Restricted Mode) the extension runs and checks files', async () => {
        const activation = await poll(() => activationFromLog(userDataDir), 60_000, 200);
        if (!activation) {
            throw new Error('the extension did not activate in Restricted Mode within 60 s');
        }
        if (!/workspace trusted: false/.test(activation.context)) {
            throw new Error(`the folder was expected to be untrusted: ${activation.context}`);
        }
        await u.openProblems();
        await u.filterProblems('OSA402');
        await u.openFile(OSA402_FILE);
        const found = await poll(async () => (await u.markersOf(OSA402_FILE)).markers.find(m => m.code === 'OSA402'), 30_000, 100);
        const banner = await page.locator('.monaco-workbench', { hasText: /Restricted Mode/i }).count();
        await u.shot('restricted-mode');
        if (!found) {
            throw new Error('no OSA402 finding in Restricted Mode');
        }
        return { detail: `activated (${activation.context}); OSA402 shown${banner ? '; the Restricted Mode indicator is on screen' : ''}` };
    });
}
