// Issue 10: hovering the programme named after `continues` shows the predecessor's facts. The workspace's
// one `continues` to a declared programme is in the OSA410 example (CIRCLE-A continues CIRCLE-B); its first
// programme names one that does not exist, whose hover must say so.
import * as path from 'node:path';
import { check, locate, poll, sleep } from '../harness.mjs';

const OSA410_FILE = 'OSA410-continues-chain-broken.osa';

export default async function continuesHover({ page, u, workspace }) {
    const file = path.join(workspace, 'violations', OSA410_FILE);
    const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents, .monaco-hover:not(.hidden) .monaco-hover-content').first();
    /** Moves the mouse over `text` on screen (after `continues`) and returns the hover's text, if one appears. */
    const hoverOver = async text => {
        await u.parkMouse();
        await page.keyboard.press('Escape');
        const { line, column } = locate(file, text);
        await u.goTo(line, column);
        const box = await poll(() => u.textBox(text), 5_000);
        if (!box) {
            throw new Error(`\`${text}\` is not on screen`);
        }
        // The middle of the name, not the keyword.
        const share = (text.length - 'continues '.length) / text.length;
        await page.mouse.move(box.x + box.width * (1 - share / 2), box.y + box.height / 2);
        return poll(async () => (await hover.isVisible().catch(() => false)) ? (await hover.innerText()).trim() : undefined, 8_000);
    };

    await check('hovering the programme after `continues` shows the predecessor\'s facts', async () => {
        await u.openFile(OSA410_FILE);
        await u.focusEditor();
        await page.keyboard.press('Control+Home');
        await sleep(500);
        // The validation status in the hover needs the file checked: wait for its findings first.
        await u.filterProblems(OSA410_FILE.replace('.osa', ''));
        await poll(async () => (await u.markersOf(OSA410_FILE)).markers.some(m => m.code === 'OSA410'), 30_000, 100);
        const broken = await hoverOver('continues VIOLATION-OSA410-FY2042');
        const text = await hoverOver('continues VIOLATION-OSA410-CIRCLE-B');
        await sleep(300);
        await u.shot('hover-continues');
        await u.parkMouse();
        await page.keyboard.press('Escape');
        if (!text) {
            return { waiting: 'no hover appeared on the programme after `continues` within 8 s' };
        }
        const flat = text.replace(/\s+/g, ' ');
        const expected = ['Programme VIOLATION-OSA410-CIRCLE-B', 'Patrol boat spare parts for the Philippine Navy', 'FY2025', 'PHL', 'continues VIOLATION-OSA410-CIRCLE-A'];
        const absent = expected.filter(e => !flat.includes(e));
        if (absent.length > 0) {
            throw new Error(`the hover lacks ${absent.map(a => `"${a}"`).join(', ')}: "${flat.slice(0, 240)}"`);
        }
        if (!broken || !/No programme named VIOLATION-OSA410-FY2042/.test(broken.replace(/\s+/g, ' '))) {
            throw new Error(`the hover on the missing predecessor VIOLATION-OSA410-FY2042 does not say it is missing: "${(broken ?? 'no hover').slice(0, 160)}"`);
        }
        const facts = flat.slice(flat.indexOf('Programme VIOLATION-OSA410-CIRCLE-B'));
        return { detail: `"${facts.slice(0, 220)}…"; on the missing VIOLATION-OSA410-FY2042: "${broken.replace(/\s+/g, ' ').slice(0, 90)}"` };
    }, 'the hover provider (packages/language/src/lsp/hover.ts, predecessors)');
}
