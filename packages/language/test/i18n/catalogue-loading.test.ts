/**
 * The CLI's start (help, version, usage errors) renders with the small core of the catalogue; the rest loads with
 * any module that renders rule, language, editor or report texts. Checked in this file's own module graph (vitest
 * isolates test files), importing in the order the CLI does.
 */
import { describe, expect, it } from 'vitest';

describe('loading the catalogue', () => {
    it('the core speaks the CLI\'s texts without the rest; localize.ts brings every area, and a text asked for early is not stuck', async () => {
        const core = await import('../../src/i18n/core.js');
        expect(core.localize(core.msg('cli.usage.runHelp'), 'en')).toBe('Run `osa --help` for usage.');
        expect(core.localize(core.msg('cli.usage.runHelp'), 'ja')).not.toBe(core.localize(core.msg('cli.usage.runHelp'), 'en'));
        expect(core.isMessageId('OSA101.summary')).toBe(false);
        // Asked for before its area is loaded: shown as its id, and not remembered that way.
        expect(core.localize(core.msg('OSA101.summary'), 'en')).toBe('OSA101.summary');

        const full = await import('../../src/i18n/localize.js');
        const { rules } = await import('../../src/i18n/en/rules.js');
        const { rules: ja } = await import('../../src/i18n/ja/rules.js');
        expect(core.isMessageId('OSA101.summary')).toBe(true);
        expect(full.localize(core.msg('OSA101.summary'), 'en')).toBe(rules['OSA101.summary']);
        expect(core.localize(core.msg('OSA101.summary'), 'ja')).toBe(ja['OSA101.summary']);
        expect(full.localize).toBe(core.localize);
    });
});
