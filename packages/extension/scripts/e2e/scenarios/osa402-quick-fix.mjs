// Ctrl+. on the missing-clause finding applies the fix, and the finding goes away.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTIFACTS, check, chooseAction, metrics, OSA402_FILE, poll, sleep } from '../harness.mjs';

export default async function osa402QuickFix({ page, u, osa402Path }) {
    await check('Ctrl+. on the missing-clause finding applies the fix and the finding goes away', async () => {
        await u.focusEditor();
        await page.keyboard.press('Control+Home');
        await page.keyboard.press('F8'); // the next problem in the file: the cursor goes to the OSA402 range
        await sleep(500);
        await page.keyboard.press('Escape');
        const { menu, items } = await u.codeActions(6_000);
        await u.shot('quick-fix-menu');
        if (!items) {
            const message = await page.locator('.monaco-editor-overlaymessage, .message-widget').first().innerText().catch(() => '');
            return { waiting: `no code action menu for OSA402 (${message.trim() || 'nothing shown'}): the server offers no quick fix yet` };
        }
        const fix = items.find(label => /information-disclosure/.test(label));
        if (!fix) {
            return { waiting: `the code action menu has no information-disclosure fix: ${items.join(' | ')}` };
        }
        const started = Date.now();
        fs.writeFileSync(path.join(ARTIFACTS, 'quick-fix-menu.html'), await menu.first().innerHTML().catch(() => ''));
        await chooseAction(page, menu, /information-disclosure/);
        const gone = await poll(async () => !(await u.markersOf(OSA402_FILE)).markers.some(m => m.code === 'OSA402'), 20_000, 50);
        if (gone) {
            metrics.fixToClearMs = Date.now() - started;
        }
        const squiggles = await poll(async () => {
            const count = await u.squiggles();
            return count.error === 0 ? count : undefined;
        }, 10_000, 100) ?? await u.squiggles();
        await u.shot('quick-fix-applied');
        await page.keyboard.press('Control+S');
        const saved = await poll(() => /clause information-disclosure/.test(fs.readFileSync(osa402Path, 'utf-8')), 5_000);
        if (!gone || squiggles.error > 0) {
            throw new Error(`after "${fix.trim()}" the OSA402 finding is still shown (editor squiggles: ${JSON.stringify(squiggles)})`);
        }
        return { detail: `applied "${fix.trim()}": OSA402 gone from the Problems panel ${metrics.fixToClearMs} ms later, no error squiggle left; the saved file ${saved ? 'has' : 'LACKS'} \`clause information-disclosure\`` };
    }, 'code actions (packages/language/src/lsp/code-actions.ts, fixes/)');
}
