/**
 * Hostile text in programme sheets reaches every report format inert. The payloads (script tags, event
 * handlers, Markdown links and images, spreadsheet formulas, a bidirectional override) sit in titles,
 * beneficiary and item names, suppression reasons, exception justifications and approvers, a misspelt
 * term quoted by a syntax error, and file names; each format is rendered by the real CLI and read back
 * the way its consumer reads it (the Markdown through a real Markdown renderer).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programme, STANDARD_TEMPLATE } from '../../language/test/helpers.js';
import { parseCsv } from './csv.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const OSA = path.join(REPO, 'packages/cli/bin/osa.js');

const SCRIPT = '<script>alert(1)</script>';
const HANDLER = '"><img src=x onerror=alert(2)>';
const LINK = '[click me](javascript:alert(3))';
const IMAGE = '![pixel](http://evil.example/p.png)';
const FORMULA = '=HYPERLINK("http://evil.example","x")';
const BIDI = 'abc\u202Edef';
/** A payload as an .osa string literal. */
const lit = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** A lawful programme with hostile texts in its title, beneficiary and item names. */
function sheet(id: string, parts: { title: string; beneficiary: string; item: string; recipient?: string; modality?: string; extra?: string }): string {
    return programme({
        id, title: `title ${lit(parts.title)}`, beneficiary: `beneficiary ${lit(parts.beneficiary)} kind armed-forces`,
        items: `provide ${lit(parts.item)} quantity 5 category coastal-radar`,
        ...(parts.recipient ? { recipient: parts.recipient } : {}), ...(parts.modality ? { modality: `modality ${parts.modality}` } : {}),
        extra: parts.extra ?? null
    });
}

let dir: string;
const outputs: Record<'html' | 'md' | 'csv' | 'json', string> = { html: '', md: '', csv: '', json: '' };

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-report-injection-'));
    fs.writeFileSync(path.join(dir, 'templates.osa'), STANDARD_TEMPLATE);
    fs.writeFileSync(path.join(dir, 'a.osa'), sheet('INJ-1', { title: SCRIPT, beneficiary: HANDLER, item: LINK }));
    fs.writeFileSync(path.join(dir, 'b.osa'), sheet('INJ-2', {
        title: IMAGE, beneficiary: FORMULA, item: BIDI,
        recipient: `// osa-disable-next-line OSA101 -- ${SCRIPT} ${LINK} ${HANDLER}\n    recipient KOR`
    }));
    fs.writeFileSync(path.join(dir, 'c.osa'), sheet('INJ-3', {
        title: 'Radars', beneficiary: 'Navy', item: 'Radar', recipient: 'recipient SGP',
        extra: `exception OSA101 {\n        justification ${lit(`${SCRIPT} ${IMAGE}`)}\n        approved-by ${lit(HANDLER)}\n        dated 2025-05-01\n    }`
    }));
    // A misspelt term is quoted by the syntax error that makes the programme not assessable.
    fs.writeFileSync(path.join(dir, 'd.osa'), sheet('INJ-4', { title: 'Radars', beneficiary: 'Navy', item: 'Radar', modality: 'onerror' }));
    // File names are text from the repository too, and a spreadsheet would run these as formulas.
    for (const name of ['=1+2', '+SUM(A1)', '-2+3', '@SUM(A1)', '<svg onload=alert(4)>']) {
        fs.writeFileSync(path.join(dir, `${name}.osa`), sheet(`F-${fs.readdirSync(dir).length}`, { title: 'Radars', beneficiary: 'Navy', item: 'Radar' }));
    }
    expect(spawnSync(process.execPath, [OSA, 'report', '.', '--output', 'report.xlsx'], { cwd: dir }).status).toBe(1);
    for (const format of Object.keys(outputs) as (keyof typeof outputs)[]) {
        const result = spawnSync(process.execPath, [OSA, 'report', '.', '--format', format], { cwd: dir, encoding: 'utf-8' });
        expect(result.status, result.stderr).toBe(1);
        outputs[format] = result.stdout;
    }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every tag name in an HTML text, and every attribute that would run code. */
function tags(html: string): { names: Set<string>; handlers: string[]; urls: string[] } {
    const all = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)];
    return {
        names: new Set(all.map(m => m[1].toLowerCase())),
        handlers: all.filter(m => /\son[a-z]+\s*=/i.test(m[2])).map(m => m[0]),
        urls: all.flatMap(m => [...m[2].matchAll(/\b(?:href|src)\s*=\s*"([^"]*)"/gi)].map(u => u[1]))
    };
}

describe('injection payloads in a report are inert', () => {
    it('JSON keeps the exact text (its own escaping is exact)', () => {
        const report = JSON.parse(outputs.json) as { programmes: { id: string; disclosure: { title: string; beneficiaries: { name: string }[]; items: { name: string }[] } }[] };
        const one = report.programmes.find(p => p.id === 'INJ-1')!.disclosure;
        expect([one.title, one.beneficiaries[0].name, one.items[0].name]).toEqual([SCRIPT, HANDLER, LINK]);
        const two = report.programmes.find(p => p.id === 'INJ-2')!.disclosure;
        expect([two.title, two.beneficiaries[0].name, two.items[0].name]).toEqual([IMAGE, FORMULA, BIDI]);
    });

    it('HTML: only the page\'s own tags, no event handler, no link out of the page, the payloads shown as text', () => {
        const html = outputs.html;
        const found = tags(html);
        const allowed = ['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'h3', 'p', 'nav', 'strong', 'a', 'ol', 'ul', 'li',
            'main', 'section', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'code', 'br',
            // The portfolio charts (inline SVG).
            'figure', 'figcaption', 'svg', 'g', 'path', 'line', 'text', 'rect'];
        expect([...found.names].filter(n => !allowed.includes(n))).toEqual([]);
        expect(found.handlers).toEqual([]);
        expect(found.urls.filter(u => !u.startsWith('#'))).toEqual([]);
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
        expect(html).toContain('&lt;svg onload=alert(4)&gt;.osa');
        expect(html).toContain('abc\\u202edef');
        expect(html).not.toContain('\u202E');
        // The reviewer-only texts reach the matrix, escaped.
        expect(html).toContain('suppression: “&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(html).toContain('approved by &quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    });

    it('Markdown: rendered by a real Markdown renderer, it makes no link, image, script or handler of them', async () => {
        const html = await marked.parse(outputs.md, { gfm: true });
        const found = tags(html);
        const allowed = ['h1', 'h2', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'details', 'summary', 'br', 'strong', 'ul', 'li', 'code', 'em'];
        expect([...found.names].filter(n => !allowed.includes(n))).toEqual([]);
        expect(found.handlers).toEqual([]);
        expect(found.urls).toEqual([]);
        // Each payload is still there for a reader, as text.
        expect(html).toContain('[click me](javascript:alert(3))');
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        // Every table row keeps its column count: no payload opened a cell.
        const rows = outputs.md.split('\n').filter(l => l.startsWith('| '));
        const header = (l: string) => l.split(/(?<!\\)\|/).length;
        const programmes = rows.filter(r => /^\| (INJ|F)-/.test(r));
        expect(programmes.length).toBeGreaterThan(4);
        expect(new Set(programmes.map(header)).size).toBe(1);
        expect(outputs.md).not.toContain('\u202E');
    });

    it('CSV: no text cell starts like a formula; numbers stay numbers', () => {
        const rows = parseCsv(outputs.csv);
        const cells = rows.slice(1).flat();
        const formulaLike = cells.filter(c => /^[=+\-@\t\r]/.test(c) && !/^-?\d+$/.test(c));
        expect(formulaLike).toEqual([]);
        const paths = new Set(rows.slice(1).map(r => r[2]));
        for (const name of ['=1+2', '+SUM(A1)', '-2+3', '@SUM(A1)']) {
            expect(paths.has(`'${name}.osa`), name).toBe(true);
        }
        expect(outputs.csv).not.toContain('\u202E');
    });
});

describe('injection payloads in a workbook', () => {
    it('are text cells, never formulas, with their exact text', async () => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path.join(dir, 'report.xlsx'));
        const cells: ExcelJS.Cell[] = [];
        workbook.eachSheet(sheet => sheet.eachRow(row => row.eachCell(cell => { cells.push(cell); })));
        expect(cells.filter(c => c.type === ExcelJS.ValueType.Formula || c.type === ExcelJS.ValueType.Hyperlink)).toEqual([]);
        const texts = cells.filter(c => c.type === ExcelJS.ValueType.String).map(c => c.value as string);
        // Titles and file names fill a cell on their own; names are joined with others in theirs.
        for (const payload of [SCRIPT, IMAGE, '=1+2.osa', '@SUM(A1).osa']) {
            expect(texts, payload).toContain(payload);
        }
        for (const payload of [HANDLER, LINK, FORMULA]) {
            expect(texts.some(text => text.includes(payload)), payload).toBe(true);
        }
        expect(texts.some(text => text.includes('abc\\u202edef'))).toBe(true);
        expect(texts.some(text => text.includes('\u202E'))).toBe(false);
    });
});
