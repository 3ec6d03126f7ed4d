// The extension's commands, from the command palette: Validate Workspace and Show Rule Documentation.
import { check, listOsaFiles, sleep } from '../harness.mjs';

export default async function commands({ page, u, workspace }) {
    await check('"OSA: Validate Workspace" validates every file (workspace/executeCommand osa.validateWorkspace)', async () => {
        await u.runCommand('OSA: Validate Workspace');
        const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /OSA: validated \d+ files?/ }).first();
        await toast.waitFor({ state: 'visible', timeout: 60_000 });
        const text = (await toast.innerText()).match(/OSA: validated \d+ files?[^\n]*/)[0];
        await u.shot('validate-workspace');
        const count = Number(text.match(/validated (\d+)/)[1]);
        const expected = listOsaFiles(workspace).length;
        if (count < expected) {
            throw new Error(`validated ${count} files, the workspace has ${expected}`);
        }
        await page.keyboard.press('Escape');
        return { detail: `"${text}" (the workspace has ${expected} .osa files)` };
    });

    await check('"OSA: Show Rule Documentation" opens a rule\'s page', async () => {
        await u.runCommand('OSA: Show Rule Documentation');
        const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'OSA402' }).first();
        await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 10_000 });
        await page.keyboard.type('OSA402');
        await row.waitFor({ state: 'visible', timeout: 10_000 });
        const items = await page.locator('.quick-input-widget .monaco-list-row').count();
        await page.keyboard.press('Enter');
        const tab = page.locator('.tab', { hasText: /OSA402\.md/ }).first();
        await tab.waitFor({ state: 'visible', timeout: 20_000 });
        await sleep(1500);
        await u.shot('rule-documentation');
        return { detail: `picked OSA402 (${items} item(s) matched); tab "${(await tab.innerText()).trim()}" opened` };
    });
}
