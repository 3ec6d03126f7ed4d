// osa.config.json is checked against the bundled JSON Schema (jsonValidation). Run it last: it leaves an invalid
// osa.config.json on disk for a moment and the server then re-checks every file twice.
import * as fs from 'node:fs';
import { check, poll, VIEWPORT } from '../harness.mjs';

export default async function configSchema({ page, u, config, configOriginal: original }) {
    await check('osa.config.json is validated against the bundled JSON Schema (jsonValidation)', async () => {
        fs.writeFileSync(config, JSON.stringify({ rules: { OSA502: 'sometimes' } }, null, 2) + '\n');
        await u.openFile('osa.config.json');
        // VS Code's JSON language features mark the value with a squiggle; its hover says why.
        const squiggles = await poll(async () => {
            const count = await u.squiggles();
            return count.warning + count.error > 0 ? count : undefined;
        }, 20_000, 200);
        let message = '';
        if (squiggles) {
            const value = page.locator(`${u.activeEditor} .view-line span > span`, { hasText: 'sometimes' }).first();
            const box = await value.boundingBox();
            await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
            const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents, .monaco-hover:not(.hidden) .monaco-hover-content').first();
            message = await poll(async () => (await hover.isVisible().catch(() => false)) ? (await hover.innerText()).trim() : undefined, 8_000) ?? '';
        }
        await u.shot('config-schema');
        await page.mouse.move(5, VIEWPORT.height - 5);
        fs.writeFileSync(config, original);
        await u.focusEditor();
        await page.keyboard.press('Control+W');
        if (!squiggles) {
            throw new Error('no squiggle on "OSA502": "sometimes" in osa.config.json within 20 s');
        }
        if (!/error|warning|info|off/.test(message)) {
            throw new Error(`the problem on "sometimes" does not come from the schema: "${message.slice(0, 160)}"`);
        }
        return { detail: `"OSA502": "sometimes" is marked (${JSON.stringify(squiggles)}): "${message.replace(/\s+/g, ' ').slice(0, 110)}"` };
    });
}
