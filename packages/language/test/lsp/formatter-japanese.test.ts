/**
 * The formatter on Japanese text: strings with kanji, kana, fullwidth punctuation, ideographic spaces, surrogate
 * pairs and combining marks are kept exactly; ideographic spaces (U+3000) typed as indentation are white space
 * like any other and become the canonical four spaces; the lines of a block comment stay aligned under its
 * first line by display width (an ideographic space or a kanji takes two columns).
 */
import { EmptyFileSystem, TextDocument, URI, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { createOsaLspServices } from '../../src/lsp/osa-lsp-module.js';
import { displayWidth } from '../../src/util/display-width.js';

const { shared, Osa } = createOsaLspServices({ ...EmptyFileSystem, connection: undefined });
let counter = 0;

function parse(text: string): LangiumDocument {
    return shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/format/ja${counter++}.osa`));
}

async function format(text: string): Promise<string> {
    const document = parse(text);
    const edits = await Osa.lsp.Formatter!.formatDocument(document, {
        textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true }
    });
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** Every string literal of the text, in order. */
function strings(text: string): string[] {
    return [...text.matchAll(/"(?:\\.|[^"\\\r\n])*"/g)].map(m => m[0]);
}

const IDEOGRAPHIC_SPACE = '\u3000';

// A programme written by a Japanese desk: titles and names in Japanese, fullwidth punctuation, a fullwidth
// space inside a name, 𠮷 (a surrogate pair) and が written as か + U+3099 (a combining mark).
const JAPANESE = [
    'programme OSA-FY2024-JPN {',
    `${IDEOGRAPHIC_SPACE}${IDEOGRAPHIC_SPACE}title "フィリピン海軍・空軍に対する沿岸監視レーダー等の供与（２０２４年度）"`,
    `\u3000status${IDEOGRAPHIC_SPACE}signed`,
    '    beneficiary "フィリピン海軍\u3000第𠮷艦隊" kind armed-forces  // 受益者',
    '\t\tprovide "沿岸監視レーダーシステム" category coastal-radar',
    '    assessment {',
    '  security-needs "海洋状況把握（ＭＤＡ）の能力向上か\u3099必要"',
    '    }',
    '}',
    ''
].join('\n');

describe('formatter: Japanese text', () => {
    it('parses Japanese strings without errors', () => {
        const document = parse(JAPANESE);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
    });

    it('indents with spaces where ideographic spaces were typed, and keeps every string exactly', async () => {
        const formatted = await format(JAPANESE);
        expect(formatted).toBe([
            'programme OSA-FY2024-JPN {',
            '    title "フィリピン海軍・空軍に対する沿岸監視レーダー等の供与（２０２４年度）"',
            '    status signed',
            '    beneficiary "フィリピン海軍\u3000第𠮷艦隊" kind armed-forces  // 受益者',
            '    provide "沿岸監視レーダーシステム" category coastal-radar',
            '    assessment {',
            '        security-needs "海洋状況把握（ＭＤＡ）の能力向上か\u3099必要"',
            '    }',
            '}',
            ''
        ].join('\n'));
        expect(strings(formatted)).toEqual(strings(JAPANESE));
        expect(await format(formatted)).toBe(formatted);
    });

    it('keeps the lines of a block comment indented with ideographic spaces under its first line', async () => {
        // The comment starts two ideographic spaces in (four columns); its other lines one column further.
        const text = [
            'programme P {',
            '\u3000\u3000/* 確認済み：',
            '\u3000\u3000 *   二〇二四年十月',
            '\u3000\u3000 */',
            '  title "案件"',
            '}',
            ''
        ].join('\n');
        const formatted = await format(text);
        expect(formatted).toBe([
            'programme P {',
            '    /* 確認済み：',
            '     *   二〇二四年十月',
            '     */',
            '    title "案件"',
            '}',
            ''
        ].join('\n'));
        expect(await format(formatted)).toBe(formatted);
    });

    it('moves a comment indented by display width to the canonical level, lines and all', async () => {
        // Level 2 inside `assessment`: eight columns; the comment was at one ideographic space plus a tab (four).
        const text = [
            'programme P {',
            '    assessment {',
            '\u3000\t/* 根拠：',
            '\u3000\t   外務省の公表資料 */',
            '        security-needs "海洋監視"',
            '    }',
            '}',
            ''
        ].join('\n');
        const formatted = await format(text);
        const lines = formatted.split('\n');
        expect(lines[2]).toBe('        /* 根拠：');
        expect(lines[3]).toBe('           外務省の公表資料 */');
        // The text of the second line starts three columns after the comment's `/*`, as it did.
        expect(displayWidth(lines[3].slice(0, lines[3].indexOf('外'))) - displayWidth(lines[2].slice(0, lines[2].indexOf('/*')))).toBe(3);
    });
});
