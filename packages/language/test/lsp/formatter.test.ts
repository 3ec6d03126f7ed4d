/**
 * The formatter: the canonical layout, comments, idempotence (formatting twice changes nothing) and
 * safety (formatting never changes the parse result or the diagnostics), on every example and on
 * messy versions of them (extra spaces, tabs, random line breaks, everything on one line).
 */
import { EmptyFileSystem, TextDocument, URI, isLeafCstNode, CstUtils, type LangiumDocument } from 'langium';
import { expectFormatting } from 'langium/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FormattingOptions, Range } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { createOsaLspServices } from '../../src/lsp/osa-lsp-module.js';
import { createOsaServices } from '../../src/osa-module.js';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');
const EXAMPLE_FILES = fs.readdirSync(EXAMPLES, { recursive: true, encoding: 'utf-8' })
    .filter(f => f.endsWith('.osa'))
    .map(f => f.split(path.sep).join('/'))
    .sort();

const { shared, Osa } = createOsaLspServices({ ...EmptyFileSystem, connection: undefined });
const formatting = expectFormatting(Osa);
const OPTIONS: FormattingOptions = { tabSize: 4, insertSpaces: true };
let counter = 0;

function parse(text: string): LangiumDocument {
    return shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/format/doc${counter++}.osa`));
}

async function format(text: string, options: FormattingOptions = OPTIONS, range?: Range): Promise<string> {
    const document = parse(text);
    const identifier = { uri: document.uri.toString() };
    const edits = await (range
        ? Osa.lsp.Formatter!.formatDocumentRange(document, { textDocument: identifier, options, range })
        : Osa.lsp.Formatter!.formatDocument(document, { textDocument: identifier, options }));
    return TextDocument.applyEdits(document.textDocument, edits);
}

async function editCount(text: string): Promise<number> {
    const document = parse(text);
    return (await Osa.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: OPTIONS })).length;
}

/** The AST without CST links and containers: what the parser made of the text. */
function astShape(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(astShape);
    }
    if (value && typeof value === 'object') {
        if ('$refText' in value) {
            return { $ref: (value as { $refText: string }).$refText };
        }
        return Object.fromEntries(Object.entries(value)
            .filter(([key]) => !key.startsWith('$') || key === '$type')
            .map(([key, v]) => [key, astShape(v)]));
    }
    return value;
}

function shapeOf(text: string): unknown {
    const document = parse(text);
    expect(document.parseResult.lexerErrors).toEqual([]);
    expect(document.parseResult.parserErrors).toEqual([]);
    return astShape(document.parseResult.value);
}

/** A deterministic pseudo-random sequence (a linear congruential generator). */
function random(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648;
    };
}

/**
 * The same tokens and comments joined by other whitespace: `pick` chooses the whitespace between two
 * tokens; a `//` comment is always followed by a line break.
 */
function rewhitespace(text: string, pick: () => string): string {
    const document = parse(text);
    const leaves = [...CstUtils.flattenCst(document.parseResult.value.$cstNode!)].filter(isLeafCstNode).sort((a, b) => a.offset - b.offset);
    let result = '';
    leaves.forEach((leaf, i) => {
        if (i > 0) {
            const separator = pick();
            result += leaves[i - 1].text.startsWith('//') ? `\n${separator}` : separator;
        }
        result += leaf.text;
    });
    return result;
}

const MESSY_SEPARATORS = [' ', ' ', ' ', '   ', '\t', ' \t ', '\n', '\n\n', '\n\t\t', '\n\n\n      ', ' \n '];

function messy(text: string, seed: number): string {
    const next = random(seed);
    return `\n\t ${rewhitespace(text, () => MESSY_SEPARATORS[Math.floor(next() * MESSY_SEPARATORS.length)])}  \n\n\n`;
}

/** A messy version with comments added between tokens: block comments (some over two lines) and line comments. */
function withComments(text: string, seed: number): string {
    const next = random(seed);
    const comments = ['/* c */', '/* two\n  lines */', '// note\n', ' /*x*/ '];
    return rewhitespace(text, () => {
        const separator = MESSY_SEPARATORS[Math.floor(next() * MESSY_SEPARATORS.length)];
        return next() < 0.2 ? `${separator}${comments[Math.floor(next() * comments.length)]}${separator}` : separator;
    });
}

function oneLine(text: string): string {
    return rewhitespace(text, () => ' ');
}

function readExample(file: string): string {
    return fs.readFileSync(path.join(EXAMPLES, file), 'utf-8');
}

/** Diagnostics (rule, severity, message) per file of an in-memory copy of examples/, with the given texts. */
async function diagnosticsOf(texts: Record<string, string>): Promise<Record<string, string[]>> {
    const services = createOsaServices(EmptyFileSystem);
    const documents = Object.entries(texts).map(([file, text]) => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/workspace/examples/${file}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return [file, document] as const;
    });
    await services.shared.workspace.DocumentBuilder.build(documents.map(([, d]) => d), { validation: true });
    return Object.fromEntries(documents.map(([file, document]) =>
        [file, (document.diagnostics ?? []).map(d => `${d.code ?? 'syntax'} ${d.severity} ${d.message}`).sort()]));
}

describe('formatter: layout', () => {
    it('expands a programme written on one line: one declaration per line, four spaces, braces', async () => {
        await formatting({
            before: 'programme   OSA-TEST-1{title "Radars" fiscal-year 2024 recipient PHL beneficiary "Navy" kind armed-forces modality grant amount 1_000 JPY funded-by OSA-BUDGET-FY2024 field rule-of-law { activity maritime-surveillance } provide "Radar" quantity 2 category coastal-radar assessment { democracy on-file "x" rule-of-law "y" } agreement uses StandardExchangeOfNotes signed 2024-12-05 coordination NSS ,MOFA,MOD exception OSA305 { justification "why" } }',
            after: `programme OSA-TEST-1 {
    title "Radars"
    fiscal-year 2024
    recipient PHL
    beneficiary "Navy" kind armed-forces
    modality grant
    amount 1_000 JPY
    funded-by OSA-BUDGET-FY2024
    field rule-of-law { activity maritime-surveillance }
    provide "Radar" quantity 2 category coastal-radar
    assessment {
        democracy on-file "x"
        rule-of-law "y"
    }
    agreement uses StandardExchangeOfNotes signed 2024-12-05
    coordination NSS, MOFA, MOD
    exception OSA305 { justification "why" }
}
`
        });
    });

    it('normalises tabs, extra spaces, trailing spaces and blank lines; separates top-level declarations by one blank line', async () => {
        await formatting({
            before: '\n\n\tagreement-template   T {\t\n\t\ttitle    "Notes"   \n\n\n\n  kind exchange-of-notes\n\n\tclause information-disclosure   "a"\n\n}\nbudget-envelope B-1 {\nfiscal-year 2024\n amount 5 JPY }\n\n\n\n',
            after: 'agreement-template T {\n    title "Notes"\n\n    kind exchange-of-notes\n\n    clause information-disclosure "a"\n}\n\nbudget-envelope B-1 {\n    fiscal-year 2024\n    amount 5 JPY\n}\n'
        });
    });

    it('keeps an inline block with one declaration on one line and expands one with two or more', async () => {
        await formatting({
            before: 'programme P {\n  field rule-of-law {activity maritime-surveillance}\n  field humanitarian { activity search-and-rescue activity lifesaving }\n  field peace-cooperation {\n activity un-peacekeeping }\n  field intelligence {}\n}\n',
            after: 'programme P {\n    field rule-of-law { activity maritime-surveillance }\n    field humanitarian {\n        activity search-and-rescue\n        activity lifesaving\n    }\n    field peace-cooperation {\n        activity un-peacekeeping\n    }\n    field intelligence { }\n}\n'
        });
    });

    it('keeps continuation lines of a declaration, indented one level deeper; joins `{` and `,` to their line', async () => {
        await formatting({
            before: 'programme P\n{\n    provide "Radar system" category related-equipment\ndefense-equipment    purpose warning\n    agreement uses T\n  clause prior-consent\n            clause entry-into-force\n    coordination NSS\n   , MOFA,\n MOD\n}\n',
            after: 'programme P {\n    provide "Radar system" category related-equipment\n        defense-equipment purpose warning\n    agreement uses T\n        clause prior-consent\n        clause entry-into-force\n    coordination NSS, MOFA,\n        MOD\n}\n'
        });
    });

    it('always indents with four spaces, whatever the editor options', async () => {
        const text = 'programme P {\ntitle "x"\nfield rule-of-law {\nactivity maritime-surveillance\nactivity counter-piracy\n}\n}\n';
        const expected = 'programme P {\n    title "x"\n    field rule-of-law {\n        activity maritime-surveillance\n        activity counter-piracy\n    }\n}\n';
        expect(await format(text, { tabSize: 2, insertSpaces: true })).toBe(expected);
        expect(await format(text, { tabSize: 8, insertSpaces: false })).toBe(expected);
    });

    it('keeps Windows line endings', async () => {
        expect(await format('programme P {\r\ntitle "x"\r\n\r\n\r\nmodality grant }')).toBe('programme P {\r\n    title "x"\r\n\r\n    modality grant\r\n}\r\n');
    });

    it('does not format a document with syntax errors', async () => {
        const broken = 'programme P {\n      title "x"\n  modality\n';
        expect(await editCount(broken)).toBe(0);
        expect(await format(broken)).toBe(broken);
    });

    it('leaves a file with an unknown word or an unterminated text as written: its layout carries meaning', async () => {
        // Which words continue an unquoted text, and what an unterminated text runs to, depend on line breaks.
        for (const text of [
            'programme P {\n  title "x"\n        recipeint   PHL ,  IDN {  a\n   b }\n  modality   grant\n}\n',
            'programme P {\n  title of Malacca"\n}\n',
            'programme P{field rule-of-law{activity x "\r"\n    }assessment{}}\n'
        ]) {
            expect(await editCount(text)).toBe(0);
            expect(await format(text)).toBe(text);
        }
    });

    it('lays out peace operations and their lead like any other statement', async () => {
        const text = 'programme P {\nfield peace-cooperation {\nactivity peacekeeping-training\n  operation   "ASEAN Monitoring Team"   led-by  ASEAN\noperation UNMISS }\n}\n';
        const formatted = await format(text);
        expect(formatted).toBe('programme P {\n    field peace-cooperation {\n        activity peacekeeping-training\n        operation "ASEAN Monitoring Team" led-by ASEAN\n        operation UNMISS\n    }\n}\n');
        expect(shapeOf(formatted)).toEqual(shapeOf(text));
    });

    it('formats a range: only the lines inside it change', async () => {
        const text = 'programme P {\ntitle    "x"\n      modality   grant\nrecipient PHL\n}\n';
        const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 20 } };
        expect(await format(text, OPTIONS, range)).toBe('programme P {\ntitle    "x"\n    modality grant\nrecipient PHL\n}\n');
    });
});

describe('formatter: comments', () => {
    it('indents comments on their own line like the declaration after them and keeps trailing comments', async () => {
        await formatting({
            before: [
                '   // Header',
                '// second line',
                'programme P { // after the brace',
                '// before title',
                '          title "x"   // trailing, spacing kept',
                '\t/* block */ modality grant',
                '  field rule-of-law {',
                '// inside the field',
                'activity maritime-surveillance',
                '            // before the closing brace',
                '      }',
                '// last in the programme',
                '}',
                '// after the programme',
                'budget-envelope B { fiscal-year 2024 }',
                '   // end of file'
            ].join('\n'),
            after: [
                '// Header',
                '// second line',
                'programme P { // after the brace',
                '    // before title',
                '    title "x"   // trailing, spacing kept',
                '    /* block */',
                '    modality grant',
                '    field rule-of-law {',
                '        // inside the field',
                '        activity maritime-surveillance',
                '        // before the closing brace',
                '    }',
                '    // last in the programme',
                '}',
                '',
                '// after the programme',
                'budget-envelope B {',
                '    fiscal-year 2024',
                '}',
                '',
                '// end of file',
                ''
            ].join('\n')
        });
    });

    it('moves the lines of a block comment with its first line', async () => {
        await formatting({
            before: 'programme P {\n/* Reviewed:\n *   2024-10\n\n */\n  title "x"\n}\n',
            after: 'programme P {\n    /* Reviewed:\n     *   2024-10\n\n     */\n    title "x"\n}\n'
        });
        await formatting({
            before: '  /* File\n     header */\nprogramme P {\n}\n',
            after: '/* File\n   header */\nprogramme P {\n}\n'
        });
        await formatting({
            before: 'programme P {\n\t\t/* a\n\t\t   b */\n  title "x"\n}\n',
            after: 'programme P {\n    /* a\n       b */\n    title "x"\n}\n'
        });
    });

    it('keeps a line break after a // comment inside a declaration', async () => {
        const text = 'programme P {\n    provide "Radar" // the item\n  category coastal-radar\n}\n';
        const formatted = await format(text);
        expect(formatted).toBe('programme P {\n    provide "Radar" // the item\n        category coastal-radar\n}\n');
        expect(shapeOf(formatted)).toEqual(shapeOf(text));
    });
});

describe('formatter: idempotence and safety on every example', () => {
    it.each(EXAMPLE_FILES)('%s is already formatted', async file => {
        expect(await editCount(readExample(file))).toBe(0);
    });

    it.each(EXAMPLE_FILES)('%s: messy versions format to a fixed point with the same syntax tree', async file => {
        const original = readExample(file);
        const shape = shapeOf(original);
        for (const variant of [oneLine(original), messy(original, 1), messy(original, 7), messy(original, 42), withComments(original, 5), withComments(original, 11)]) {
            expect(shapeOf(variant), 'the messy input itself parses the same').toEqual(shape);
            const once = await format(variant);
            expect(shapeOf(once)).toEqual(shape);
            expect(await editCount(once), `formatting twice changes nothing:\n${once}`).toBe(0);
            expect(once).not.toMatch(/[ \t]+\n/);
            expect(once).not.toContain('\t');
        }
    });

    it('formatting messy versions of all examples changes no diagnostic', async () => {
        const originals = Object.fromEntries(EXAMPLE_FILES.map(file => [file, readExample(file)]));
        const formattedOneLine: Record<string, string> = {};
        const formattedMessy: Record<string, string> = {};
        for (const [file, text] of Object.entries(originals)) {
            formattedOneLine[file] = await format(oneLine(text));
            formattedMessy[file] = await format(messy(text, 3));
        }
        const before = await diagnosticsOf(originals);
        expect(Object.values(before).flat().length).toBeGreaterThan(30);
        expect(await diagnosticsOf(formattedOneLine)).toEqual(before);
        expect(await diagnosticsOf(formattedMessy)).toEqual(before);
    });
});

describe('the lifecycle blocks', () => {
    const messy = [
        'programme P-1 {',
        'status   delivered',
        '  decided 2024-06-20',
        '      continues P-0',
        'funding {   2024 1_200_000_000 JPY',
        '2025   700_000_000 JPY }',
        '  monitoring {',
        '        visit 2025-09-01 "On-site check"',
        '  visit 2026-03-01   "Second check"',
        'results disclosed "https://example.org/r"',
        '    }',
        'source "https://example.org/a"',
        '}',
        ''
    ].join('\n');

    it('indent monitoring and funding one level per block, one line per visit, result and share', async () => {
        expect(await format(messy)).toBe([
            'programme P-1 {',
            '    status delivered',
            '    decided 2024-06-20',
            '    continues P-0',
            '    funding {',
            '        2024 1_200_000_000 JPY',
            '        2025 700_000_000 JPY',
            '    }',
            '    monitoring {',
            '        visit 2025-09-01 "On-site check"',
            '        visit 2026-03-01 "Second check"',
            '        results disclosed "https://example.org/r"',
            '    }',
            '    source "https://example.org/a"',
            '}',
            ''
        ].join('\n'));
    });

    it('keep a one-line block with one declaration on one line, and are idempotent', async () => {
        const inline = 'programme P-1 {\n    monitoring {   visit 2025-09-01 "Check" }\n    funding { 2024 1_000 JPY }\n}\n';
        expect(await format(inline)).toBe('programme P-1 {\n    monitoring { visit 2025-09-01 "Check" }\n    funding { 2024 1_000 JPY }\n}\n');
        const once = await format(messy);
        expect(await format(once)).toBe(once);
        expect(astShape(parse(once).parseResult.value)).toEqual(astShape(parse(messy).parseResult.value));
    });
});
