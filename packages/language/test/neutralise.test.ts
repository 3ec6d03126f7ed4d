/**
 * The neutralisers for text from a repository under check. Terminal text: no character a terminal
 * or log viewer acts on survives, everything else is untouched. Markdown: rendered by marked (the
 * renderer VS Code uses for hovers), escaped text is one paragraph of literal text, no element.
 */
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { csvField, escapeHtml, neutralise, neutraliseLineStart, neutraliseMarkdown } from '../src/util/neutralise.js';

const C0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i));
const C1 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i));
const BIDI = ['\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const UNSAFE = [...C0, '\u007F', ...C1, ...BIDI, '\u2028', '\u2029'];
const UNSAFE_CLASS = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

describe('neutralise', () => {
    it('leaves no control, bidirectional control or line separator in the text', () => {
        for (const c of UNSAFE) {
            const shown = neutralise(`a${c}b`);
            expect(shown, JSON.stringify(c)).not.toMatch(UNSAFE_CLASS);
            expect(shown, JSON.stringify(c)).toMatch(/^a\\.+b$/);
        }
        expect(neutralise(UNSAFE.join(''))).not.toMatch(UNSAFE_CLASS);
    });

    it('shows each character by name or code', () => {
        expect(neutralise('line\nbreak\r\ttab')).toBe('line\\nbreak\\r\\ttab');
        expect(neutralise('\u001b[31mred\u001b[0m')).toBe('\\x1b[31mred\\x1b[0m');
        expect(neutralise('\u001b]8;;http://x\u0007link\u001b]8;;\u0007')).toBe('\\x1b]8;;http://x\\x07link\\x1b]8;;\\x07');
        expect(neutralise('\u0000\u007f\u009b2J\u0085')).toBe('\\x00\\x7f\\u009b2J\\u0085');
        expect(neutralise('admin\u202E\u2066 // \u2069\u2066')).toBe('admin\\u202e\\u2066 // \\u2069\\u2066');
        expect(neutralise('one\u2028two')).toBe('one\\u2028two');
    });

    it('disarms in-line CI log commands (GitHub ##[...], Azure Pipelines ##vso[...])', () => {
        expect(neutralise('x ##[error]forged ##[stop-commands]t ###[add-mask]s ##VSO[task.setvariable]')).toBe(
            'x #\\x23[error]forged #\\x23[stop-commands]t ##\\x23[add-mask]s #\\x23VSO[task.setvariable]');
        expect(neutralise('issue #12, ## heading')).toBe('issue #12, ## heading');
    });

    it('keeps a line from starting a workflow command', () => {
        expect(neutraliseLineStart('::error file=a::forged.osa')).toBe('\\x3a:error file=a::forged.osa');
        expect(neutraliseLineStart('\u3000 ::warning::x')).toBe('\u3000 \\x3a:warning::x');
        expect(neutraliseLineStart('programmes/a::b.osa')).toBe('programmes/a::b.osa');
    });

    it('keeps ordinary text, other scripts and emoji sequences as they are', () => {
        const text = 'Patrol boat "Kōzō" §3(1) — 巡視船, ß, \u{1F6A2}, family \u{1F468}\u200D\u{1F469}\u200D\u{1F467}, 100% C:\\path';
        expect(neutralise(text)).toBe(text);
    });
});

/** The text of rendered inline HTML, with marked's entities decoded. */
function decodeEntities(html: string): string {
    return html.replace(/&(#\d+|#x[0-9a-f]+|quot|amp|lt|gt|#39);/gi, (_, entity: string) => {
        const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };
        if (entity in named) {
            return named[entity];
        }
        return String.fromCodePoint(entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
    });
}

const MARKDOWN_PAYLOADS = [
    '**bold** _em_ ~~strike~~',
    '[click](command:workbench.action.terminal.new)',
    '![img](http://example.com/x.png)',
    '<img src=x onerror=alert(1)> <b>bold</b>',
    '`code` and ``more``',
    '# heading',
    '> quote',
    '- item',
    '1. item',
    '---',
    '&amp; &lt; &#x41;',
    '$(zap) icon',
    'http://example.com and www.example.com and <http://example.com>',
    'trailing backslash \\',
    'line\n# forged heading\n```\nfenced',
    'a | b\n--|--\nc | d',
    '[ref]: http://example.com',
    'Patrol boat "Kōzō" §3(1) 巡視船'
];

describe('neutraliseMarkdown', () => {
    it('renders every payload as one paragraph of its literal text', async () => {
        for (const payload of MARKDOWN_PAYLOADS) {
            const html = await marked.parse(neutraliseMarkdown(payload), { gfm: true });
            const match = /^<p>([^<]*)<\/p>\n$/.exec(html);
            expect(match, `${JSON.stringify(payload)} rendered as ${html}`).not.toBeNull();
            expect(decodeEntities(match![1])).toBe(neutralise(payload));
        }
    });

    it('makes control characters visible as well', () => {
        expect(neutraliseMarkdown('a\u001b[31m\nb')).toBe('a\\x1b\\[31m\\nb');
    });
});

describe('escapeHtml', () => {
    it.each([
        ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
        ['" onmouseover="x', '&quot; onmouseover=&quot;x'],
        ["' autofocus onfocus='x", '&#39; autofocus onfocus=&#39;x'],
        ['&amp; stays visible', '&amp;amp; stays visible'],
        ['line\nbreak\u202Eflip', 'line\\nbreak\\u202eflip']
    ])('%j becomes %j', (input, expected) => {
        expect(escapeHtml(input)).toBe(expected);
    });
});

describe('csvField', () => {
    it.each([
        ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
        ['+SUM(A1)', `"'+SUM(A1)"`],
        ['-2+3', `"'-2+3"`],
        ['@SUM(A1)', `"'@SUM(A1)"`],
        ['\t=1', `"'\\t=1"`],
        ['Patrol boat, 4', '"Patrol boat, 4"'],
        ['a\r\nb', '"a\\r\\nb"']
    ])('%j becomes %j', (input, expected) => {
        expect(csvField(input)).toBe(expected);
    });

    it('writes the numbers the tool computed as numbers, negative ones included', () => {
        expect(csvField(-25_000_000)).toBe('-25000000');
        expect(csvField(undefined)).toBe('');
    });
});
