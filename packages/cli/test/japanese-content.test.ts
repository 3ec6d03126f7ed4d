/**
 * Japanese content everywhere, with real `osa` processes on real files: a programme whose title, names,
 * descriptions, sources and monitoring texts are Japanese (kanji and kana, fullwidth punctuation, an ideographic
 * space, 𠮷 — a character outside the BMP, written as a surrogate pair — and a combining mark), in a folder and a file
 * with Japanese names, goes through `osa validate` in every format and `osa report` in every format with every text
 * intact; columns are UTF-16 code units everywhere (as SARIF's `columnKind` and the LSP say); the order of
 * files does not depend on the machine's locale; and the language server (`osa lsp --stdio`) shows the texts in
 * diagnostics, the outline, hovers and completion, and formats the sheet without touching them.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { CompletionItem, CompletionList, DocumentSymbol, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { findAll, parseXml } from './formatters/xml.js';
import { applyTextEdits, LspTestClient, uriOf } from './lsp/lsp-client.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const OSA = path.join(REPO, 'packages/cli/bin/osa.js');

const temporary: string[] = [];
afterAll(() => temporary.forEach(dir => fs.rmSync(dir, { recursive: true, force: true })));

function workspace(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-ja-'));
    temporary.push(dir);
    fs.mkdirSync(path.join(dir, '.git')); // the repository root: configuration discovery stops here
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

function osa(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
    const result = spawnSync(process.execPath, [OSA, ...args], { cwd, encoding: 'utf-8', env: { ...process.env, NO_COLOR: '1', ...env } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const TITLE = '高速警備艇の供与\u3000（インドネシア海軍・𠮷型）';
// が written as か + U+3099 (combining voiced sound mark), as some input methods and macOS file names produce it.
const ITEM = '高速警備艇（𠮷型）か\u3099';
const BENEFICIARY = 'インドネシア海軍\u3000第一艦隊';
const SOURCE = 'https://www.mofa.go.jp/mofaj/press/release/例.html';
const VISIT = '供与した警備艇の使用状況を現地で確認（ジャカルタ）';
const RESULTS = '外務省ウェブサイトで公表';
const FILE = '案件/警備艇 𠮷.osa';

const PROGRAMME = `// インドネシア海軍に対する高速警備艇の供与（試験用の架空の案件）
programme JA-IDN-2025 {
    title "${TITLE}"
    description "領海の警戒監視能力を高める。"
    status delivered
    delivered 2025-12-01
    fiscal-year 2025
    recipient IDN
    beneficiary "${BENEFICIARY}" kind armed-forces
    modality grant
    amount 1_000_000_000 JPY
    funded-by OSA-BUDGET-FY2025
    field rule-of-law { activity maritime-surveillance "領海の警戒監視" }
    provide "${ITEM}" quantity 2 category patrol-boat armed-after-delivery
    assessment {
        democracy on-file "被援助国審査\u30002025年2月"
        rule-of-law on-file "被援助国審査\u30002025年2月"
        human-rights on-file "被援助国審査\u30002025年2月"
        socio-economic "DAC リスト上の低中所得国"
        security-needs "海洋安全保障"
        bilateral-relations "包括的・戦略的パートナー"
    }
    agreement uses StandardExchangeOfNotes signed 2025-07-10
    coordination NSS, MOFA, MOD, JICA
    monitoring {
        visit 2026-06-01 "${VISIT}"
        results disclosed "${RESULTS}"
    }
    source "${SOURCE}"
}
`;

const SHARED = {
    'shared/templates.osa': fs.readFileSync(path.join(REPO, 'examples/shared/templates.osa'), 'utf-8'),
    'shared/budgets.osa': fs.readFileSync(path.join(REPO, 'examples/shared/budgets.osa'), 'utf-8')
};
const dir = workspace({ ...SHARED, [FILE]: PROGRAMME });

/** Where OSA305 points: `armed-after-delivery` on the item's line, 1-based, in UTF-16 code units. */
const LINES = PROGRAMME.split('\n');
const ITEM_LINE = LINES.findIndex(l => l.includes(ITEM)) + 1;
const ITEM_COLUMN = LINES[ITEM_LINE - 1].indexOf('armed-after-delivery') + 1;

interface JsonRun { files: { path: string; diagnostics: { rule: string; message: string; range: { start: { line: number; column: number } } }[] }[] }

describe('osa validate: Japanese texts and paths in every format', () => {
    it('the Japanese programme parses and is checked: one OSA305 finding, no syntax finding', () => {
        const run = JSON.parse(osa(['validate', '.', '--format', 'json', '--as-of', '2026-01-01'], dir).stdout) as JsonRun;
        const file = run.files.find(f => f.path === FILE)!;
        expect(file, run.files.map(f => f.path).join(', ')).toBeDefined();
        expect(file.diagnostics.map(d => d.rule)).toEqual(['OSA305']);
        const [finding] = file.diagnostics;
        expect(finding.message).toContain(`"${ITEM}"`);
        expect(finding.range.start).toEqual({ line: ITEM_LINE, column: ITEM_COLUMN });
        // The surrogate pair before it counts two units: the column is not a count of code points.
        expect(ITEM_COLUMN).toBe([...LINES[ITEM_LINE - 1].slice(0, ITEM_COLUMN - 1)].length + 2);
    });

    it('stylish: the path and the item name as written, at the UTF-16 column', () => {
        const { stdout } = osa(['validate', '.', '--as-of', '2026-01-01'], dir);
        expect(stdout).not.toContain('\u001b[');
        expect(stdout.split('\n')).toContainEqual(expect.stringMatching(
            new RegExp(`^${escape(FILE)}:${ITEM_LINE}:${ITEM_COLUMN}  warning  "${escape(ITEM)}" is to be armed after delivery\\.`)));
    });

    it('github: the annotation names the Japanese file and keeps the message', () => {
        const { stdout } = osa(['validate', '.', '--format', 'github', '--as-of', '2026-01-01'], dir);
        const line = stdout.split('\n').find(l => l.startsWith('::warning '))!;
        expect(line).toContain(`file=${FILE},line=${ITEM_LINE},col=${ITEM_COLUMN}`);
        expect(line).toContain(`::"${ITEM}" is to be armed after delivery.`);
    });

    it('sarif: the URI is the UTF-8 percent-encoding of the path, columns are declared as UTF-16 units', () => {
        const sarif = JSON.parse(osa(['validate', '.', '--format', 'sarif', '--as-of', '2026-01-01'], dir).stdout) as {
            runs: { columnKind: string; results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[]
        };
        const [run] = sarif.runs;
        expect(run.columnKind).toBe('utf16CodeUnits');
        const result = run.results.find(r => r.message.text.includes(ITEM))!;
        const location = result.locations[0].physicalLocation;
        expect(location.artifactLocation.uri).toBe('%E6%A1%88%E4%BB%B6/%E8%AD%A6%E5%82%99%E8%89%87%20%F0%A0%AE%B7.osa');
        expect(decodeURIComponent(location.artifactLocation.uri)).toBe(FILE);
        expect(location.region).toMatchObject({ startLine: ITEM_LINE, startColumn: ITEM_COLUMN });
    });

    it('junit: well-formed UTF-8 XML whose suite and failure carry the Japanese texts', () => {
        const { stdout } = osa(['validate', '.', '--format', 'junit', '--as-of', '2026-01-01'], dir);
        expect(stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
        const root = parseXml(stdout);
        const suite = findAll(root, 'testsuite').find(s => s.attributes.name === FILE)!;
        expect(suite).toBeDefined();
        const failure = findAll(suite, 'failure')[0];
        expect(failure.attributes.message).toContain(`"${ITEM}"`);
    });

    it('junit: a test case name shortened inside Japanese text keeps whole characters', () => {
        // A name without spaces, 𠮷 straddling the cut at 79 UTF-16 units of the message ("<name>" is to be …).
        const long = `${'あ'.repeat(77)}𠮷${'い'.repeat(10)}`;
        const longDir = workspace({ ...SHARED, [FILE]: PROGRAMME.replace(ITEM, long) });
        const { stdout } = osa(['validate', '.', '--format', 'junit', '--as-of', '2026-01-01'], longDir);
        expect(stdout).not.toContain('\uFFFD');
        const testcase = findAll(parseXml(stdout), 'testcase').find(t => String(t.attributes.name).includes(' OSA305 '))!;
        expect(testcase.attributes.name).toBe(`${ITEM_LINE}:${ITEM_COLUMN - ITEM.length + long.length} OSA305 "${'あ'.repeat(77)}…`);
    });
});

describe('osa report: Japanese texts in every format', () => {
    it('json and markdown: title, beneficiary, item, source and monitoring text intact', () => {
        const json = osa(['report', '.', '--format', 'json', '--as-of', '2026-01-01'], dir).stdout;
        for (const text of [TITLE, BENEFICIARY, ITEM, SOURCE, RESULTS]) {
            expect(json, text).toContain(JSON.stringify(text).slice(1, -1));
        }
        const report = JSON.parse(json) as { programmes: { id: string; path: string }[] };
        expect(report.programmes.map(p => [p.id, p.path])).toEqual([['JA-IDN-2025', FILE]]);
        const markdown = osa(['report', '.', '--format', 'md', '--as-of', '2026-01-01'], dir).stdout;
        for (const text of [TITLE, BENEFICIARY, ITEM, FILE, RESULTS]) {
            expect(markdown, text).toContain(text);
        }
    });

    it('html: a UTF-8 page with the texts, escaped only where HTML needs it', () => {
        const html = osa(['report', '.', '--format', 'html', '--as-of', '2026-01-01'], dir).stdout;
        expect(html).toContain('<meta charset="utf-8">');
        for (const text of [TITLE, BENEFICIARY, ITEM, RESULTS]) {
            expect(html, text).toContain(text);
        }
    });

    it('csv: the texts in their fields, read back by an RFC 4180 reader', () => {
        const rows = parseCsv(osa(['report', '.', '--format', 'csv', '--as-of', '2026-01-01'], dir).stdout);
        const header = rows[0];
        const violated = rows.find(r => r[header.indexOf('status')] === 'violated')!;
        expect(violated[header.indexOf('path')]).toBe(FILE);
        expect(violated[header.indexOf('evidence')]).toBe(`${FILE}:${ITEM_LINE}:${ITEM_COLUMN} OSA305`);
    });

    it('xlsx: the disclosure sheet reads back the Japanese cells exactly', async () => {
        const out = path.join(dir, '報告書.xlsx');
        expect(osa(['report', '.', '--output', out, '--as-of', '2026-01-01'], dir).code).toBe(0);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(out);
        const sheet = workbook.getWorksheet('Disclosure')!;
        const header = sheet.getRow(1).values as string[];
        const row = sheet.getRow(2);
        expect(row.getCell(header.indexOf('Title')).value).toBe(TITLE);
        expect(String(row.getCell(header.indexOf('Beneficiaries')).value)).toContain(BENEFICIARY);
        expect(String(row.getCell(header.indexOf('Items')).value)).toContain(ITEM);
        expect(String(row.getCell(header.indexOf('Sources')).value)).toContain(SOURCE);
        const matrix = workbook.getWorksheet('Matrix')!;
        expect(matrix.getRow(2).getCell(2).value).toBe(FILE);
    });
});

describe('the order of files is the same on every machine', () => {
    // A collation would interleave cases and put ä beside a, differently per locale and ICU version.
    const NAMES = ['b.osa', 'B.osa', 'ä.osa', '案件.osa', 'Ａ.osa', '𠮷.osa', 'a.osa'];
    const byCodePoint = ['B.osa', 'a.osa', 'b.osa', 'ä.osa', '案件.osa', 'Ａ.osa', '𠮷.osa'];
    const files = Object.fromEntries(NAMES.map((name, i) => [`ordered/${name}`, `programme ORDER-${i} {\n    fiscal-year 2025\n}\n`]));
    const ordered = workspace(files);

    for (const [label, env] of [['LANG=ja_JP.UTF-8', { LANG: 'ja_JP.UTF-8', LC_ALL: 'ja_JP.UTF-8' }], ['LANG=C', { LANG: 'C', LC_ALL: 'C' }], ['LANG=de_DE.UTF-8', { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' }]] as const) {
        it(`lists files by code point under ${label}, in one thread and in workers`, () => {
            for (const jobs of ['1', '3']) {
                const run = JSON.parse(osa(['validate', 'ordered', '--format', 'json', '--jobs', jobs], ordered, env).stdout) as JsonRun;
                expect(run.files.map(f => path.basename(f.path)), `--jobs ${jobs}`).toEqual(byCodePoint);
            }
        });
    }
});

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('the language server shows Japanese texts as written', () => {
    let client: LspTestClient | undefined;
    afterAll(() => {
        if (client && client.process.exitCode === null) {
            client.process.kill();
        }
    });

    it('diagnostics at UTF-16 positions, the title in hovers, symbols and completion, formatting keeps the texts', async () => {
        const follower = path.join(dir, '案件/後継.osa');
        const followerText = 'programme JA-IDN-2026 {\n    continues JA-IDN-2025\n    fiscal-year 2026\n}\n';
        client = await LspTestClient.start(dir);
        const file = path.join(dir, FILE);
        await client.open(file);
        const diagnostics = await client.diagnostics(file, d => d.some(x => x.code === 'OSA305'));
        const finding = diagnostics.find(d => d.code === 'OSA305')!;
        expect(finding.message).toContain(`"${ITEM}"`);
        expect(finding.range.start).toEqual({ line: ITEM_LINE - 1, character: ITEM_COLUMN - 1 });

        // The outline: the programme with its Japanese title as detail.
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf(file) } });
        expect(symbols.find(s => s.name === 'JA-IDN-2025')?.detail).toBe(TITLE);

        // A programme that continues it: the hover on the reference shows the title.
        await client.open(follower, followerText);
        const hover = await client.request<Hover | null>('textDocument/hover', {
            textDocument: { uri: uriOf(follower) }, position: { line: 1, character: '    continues JA-'.length }
        });
        expect((hover!.contents as MarkupContent).value).toContain(TITLE);

        // Completion after `continues ` offers the programme by its id.
        const blank = followerText.replace('continues JA-IDN-2025', 'continues ');
        await client.change(follower, blank);
        const completion = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
            textDocument: { uri: uriOf(follower) }, position: { line: 1, character: '    continues '.length }
        });
        const items = Array.isArray(completion) ? completion : completion?.items ?? [];
        expect(items.map(i => i.label)).toContain('JA-IDN-2025');

        // Formatting a Japanese sheet indented with ideographic spaces changes only the white space.
        const messy = PROGRAMME.replace(/^ {4}/gm, '\u3000\u3000');
        await client.change(file, messy);
        const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: uriOf(file) }, options: { tabSize: 4, insertSpaces: true } });
        expect(applyTextEdits(messy, edits)).toBe(PROGRAMME);
        expect(await client.shutdown()).toBe(0);
    });
});
