// The TextMate grammar colours the editor: token spans of the OSA402 example in different colours.
import { check, sleep } from '../harness.mjs';

export default async function colouring({ page, u }) {
    await check('syntax colouring is applied (TextMate grammar)', async () => {
        await page.keyboard.press('Control+Home');
        await sleep(500);
        const tokens = await u.tokens();
        const colourOf = text => tokens.find(t => t.text.trim() === text)?.color;
        const wanted = {
            comment: tokens.find(t => t.text.includes('missing-information-disclosure-clause'))?.color,
            'rule id in a comment': colourOf('OSA402'),
            declaration: colourOf('programme'),
            keyword: colourOf('title'),
            string: tokens.find(t => t.text.includes('AIS equipment'))?.color,
            number: colourOf('2025'),
            'country code': colourOf('VNM'),
            vocabulary: colourOf('related-organisation')
        };
        const missingTokens = Object.entries(wanted).filter(([, c]) => !c).map(([k]) => k);
        if (missingTokens.length > 0) {
            throw new Error(`tokens not found in the editor: ${missingTokens.join(', ')}`);
        }
        const distinct = new Set(tokens.map(t => t.color));
        const clause = tokens.find(t => t.text.includes('§3(3)(a)'));
        const pairs = [['comment', 'rule id in a comment'], ['keyword', 'string'], ['keyword', 'number'], ['string', 'number'], ['comment', 'keyword'], ['keyword', 'country code']];
        const same = pairs.filter(([a, b]) => wanted[a] === wanted[b]);
        await u.shot('syntax-colouring');
        if (distinct.size < 5 || same.length > 0) {
            throw new Error(`too few colours: ${distinct.size} distinct; same colour for ${same.map(p => p.join(' / ')).join(', ')}`);
        }
        return { detail: `${distinct.size} colours on screen; ${Object.entries(wanted).map(([k, c]) => `${k} ${c}`).join(', ')}; clause reference ${clause?.textDecoration || 'not underlined'}` };
    });
}
