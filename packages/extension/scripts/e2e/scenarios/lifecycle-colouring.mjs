// Issue 10: the lifecycle stage after `status` (`status delivered`) is coloured as a term, although decided,
// signed and delivered are also the keywords of the stage dates (`delivered 2025-07-15`). Measured like the
// colouring check: computed colours of the editor's token spans. The server's semantic tokens (enumMember)
// colour the word too, with the same theme colour, so the grammar's own part is proven by its scope, read back
// from "Developer: Inspect Editor Tokens and Scopes".
import * as path from 'node:path';
import { check, locate, poll, sleep } from '../harness.mjs';
import { OSA408_FILE } from './monitoring-fix.mjs';

export default async function lifecycleColouring({ page, u, workspace }) {
    await check('the lifecycle stage after `status` is coloured (TextMate grammar)', async () => {
        await u.openFile(OSA408_FILE);
        await u.focusEditor();
        await page.keyboard.press('Control+Home');
        await sleep(500);
        const status = await u.lineTokens('status delivered');
        const date = await u.lineTokens('delivered 2025-');
        const modality = await u.lineTokens('modality grant');
        if (!status.tokens || !date.tokens || !modality.tokens) {
            throw new Error('the lines `status delivered`, `delivered 2025-…` and `modality grant` are not all on screen');
        }
        const colourOf = (line, text) => line.tokens.find(t => t.text.trim() === text)?.color;
        const seen = {
            '`status`': colourOf(status, 'status'),
            'stage after `status`': colourOf(status, 'delivered'),
            'stage-date keyword `delivered`': colourOf(date, 'delivered'),
            'term `grant`': colourOf(modality, 'grant'),
            'plain text': status.plain
        };
        const missing = Object.entries(seen).filter(([, c]) => !c).map(([k]) => k);
        if (missing.length > 0) {
            throw new Error(`no separate token span for ${missing.join(', ')}: ${JSON.stringify(status.tokens)}`);
        }
        // The grammar's own answer at the word, from VS Code's token inspector.
        const { line, column } = locate(path.join(workspace, 'violations', OSA408_FILE), 'status delivered');
        await u.goTo(line, column + 'status '.length + 2);
        await u.runCommand('Developer: Inspect Editor Tokens and Scopes');
        const widget = page.locator('.token-inspect-widget');
        const read = async () => (await widget.isVisible().catch(() => false)) ? (await widget.innerText()).trim() : undefined;
        // The inspector says "Loading..." until it has the token's scopes.
        const inspected = await poll(async () => {
            const text = await read();
            return text && /textmate scopes/i.test(text) ? text : undefined;
        }, 10_000) ?? await read();
        await u.shot('lifecycle-status-colouring');
        await page.keyboard.press('Escape');
        const scopes = inspected?.match(/textmate scopes\s+([\s\S]*?)(?:\n\s*foreground|$)/i)?.[1].split(/\s+/).filter(Boolean) ?? [];
        // The language server's semantic tokens colour the word too (after the grammar): say so beside the scope.
        const semantic = inspected?.match(/semantic token type\s+(\S+)/i)?.[1];
        const stage = seen['stage after `status`'];
        const problems = [];
        if (stage === seen['plain text']) {
            problems.push(`the stage has the plain text colour ${stage}`);
        }
        if (stage === seen['stage-date keyword `delivered`']) {
            problems.push(`the stage is coloured like the keyword \`delivered\` of the stage date (${stage})`);
        }
        if (!/lifecycle-status/.test(inspected ?? '')) {
            problems.push(`the token inspector shows no lifecycle-status scope: "${(inspected ?? 'no inspector shown').replace(/\s+/g, ' ').slice(0, 200)}"`);
        }
        if (problems.length > 0) {
            throw new Error(problems.join('; '));
        }
        return {
            detail: `${Object.entries(seen).map(([k, c]) => `${k} ${c}`).join(', ')}; the stage ${stage === seen['term `grant`'] ? 'shares' : 'does not share'} `
                + `the colour of the term \`grant\`; TextMate scopes at \`delivered\`: ${scopes.join(' ') || (inspected ?? '').replace(/\s+/g, ' ').slice(0, 160)}; semantic token type ${semantic ?? 'none'}`
        };
    });
}
