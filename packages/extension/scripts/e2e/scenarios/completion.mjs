// Completion after `recipient ` offers country codes.
import { check, locate, poll, sleep } from '../harness.mjs';

export default async function completion({ page, u, mngPath }) {
    await check('completion after `recipient ` offers country codes', async () => {
        const { line, column } = locate(mngPath, 'recipient MNG');
        await u.goTo(line, column + 'recipient MNG'.length);
        await page.keyboard.press('Backspace');
        await page.keyboard.press('Backspace');
        await page.keyboard.press('Backspace');
        await sleep(300);
        await page.keyboard.press('Control+Space');
        const widget = page.locator('.suggest-widget.visible');
        const labels = await poll(async () => {
            if (!(await widget.isVisible().catch(() => false))) {
                return undefined;
            }
            const rows = await widget.locator('.monaco-list-row .label-name').allInnerTexts();
            const loading = await widget.locator('.message').innerText().catch(() => '');
            return rows.length > 0 ? rows : (/no suggestions/i.test(loading) ? [] : undefined);
        }, 8_000);
        await u.shot('completion-recipient');
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Z');
        await page.keyboard.press('Control+Z');
        await page.keyboard.press('Control+Z');
        if (!labels || labels.length === 0) {
            return { waiting: 'no completion items after `recipient ` (the server\'s completion offers none here yet)' };
        }
        const countries = labels.filter(l => /^[A-Z]{3}\b/.test(l.trim()));
        if (countries.length === 0) {
            return { waiting: `completion after \`recipient \` offers no country codes yet: ${labels.slice(0, 8).join(', ')}` };
        }
        return { detail: `${labels.length} items shown, country codes first: ${countries.slice(0, 6).join(', ')}` };
    }, 'the completion provider (packages/language/src/lsp/completion.ts)');
}
