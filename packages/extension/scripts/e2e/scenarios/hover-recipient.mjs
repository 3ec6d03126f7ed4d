// Hovering the recipient code shows the country's facts (the hover provider); its picture is the README's.
import { check, locate, VIEWPORT } from '../harness.mjs';

export default async function hoverRecipient(ctx) {
    const { page, u, osa402Path } = ctx;
    await check('hovering the recipient code shows the country\'s facts', async () => {
        const text = await u.hoverWord('VNM', locate(osa402Path, 'recipient VNM').line);
        ctx.readmeShot = await u.shot('hover-recipient');
        if (!text) {
            return { waiting: 'no hover appeared on `VNM` within 8 s (the server\'s hover provider returns nothing yet)' };
        }
        if (!/Viet ?Nam/i.test(text)) {
            throw new Error(`the hover does not name the country: "${text.slice(0, 160)}"`);
        }
        const facts = ['DAC', 'embargo', 'combat'].filter(word => text.toLowerCase().includes(word.toLowerCase()));
        return { detail: `"${text.replace(/\s+/g, ' ').slice(0, 140)}…" (mentions ${facts.join(', ') || 'no DAC/embargo facts'})` };
    }, 'the hover provider (packages/language/src/lsp/hover*.ts)');
    await page.mouse.move(5, VIEWPORT.height - 5);
    await page.keyboard.press('Escape');
}
