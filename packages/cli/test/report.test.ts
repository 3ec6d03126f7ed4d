/**
 * `osa report` as a real process on real files: the JSON contract against its schema for every
 * example, the Markdown recipe of docs/ci.md, the self-contained HTML page, the CSV layout, exit codes
 * equal to `osa validate`'s, and programmes that cannot be assessed.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { programme, STANDARD_TEMPLATE } from '../../language/test/helpers.js';
import { parseCsv } from './csv.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const OSA = path.join(REPO, 'packages/cli/bin/osa.js');
const EXAMPLES = path.join(REPO, 'examples');
const SCHEMA = JSON.parse(fs.readFileSync(path.join(REPO, 'docs/schemas/report.schema.json'), 'utf-8')) as object;
const validateSchema = new Ajv.default({ allErrors: true }).compile(SCHEMA);

const temporary: string[] = [];
afterAll(() => temporary.forEach(dir => fs.rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-report-cli-'));
    temporary.push(dir);
    return dir;
}

function osa(args: string[], cwd = REPO, env: NodeJS.ProcessEnv = process.env) {
    const result = spawnSync(process.execPath, [OSA, ...args], { cwd, encoding: 'utf-8', env });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
    summary: { programmes: number; notAssessable: number };
    programmes: { id: string; path: string; assessable: boolean; matrix: { clause: string; status: string }[]; notAssessable?: { message: string }[] }[];
    portfolio: { fiscalYears: { fiscalYear: number; envelope?: number; amount: number }[] };
}

describe('osa report --format json', () => {
    it('matches the JSON Schema for every example, and lists every programme of every example file', () => {
        const { code, stdout, stderr } = osa(['report', 'examples', '--format', 'json']);
        expect(stderr).toBe('');
        expect(code).toBe(osa(['validate', 'examples']).code);
        const report = JSON.parse(stdout) as JsonReport;
        expect(validateSchema(report), JSON.stringify(validateSchema.errors?.slice(0, 3))).toBe(true);
        const files = fs.readdirSync(path.join(EXAMPLES, 'programmes')).map(f => `examples/programmes/${f}`);
        for (const file of files) {
            expect(report.programmes.some(p => p.path === file), file).toBe(true);
        }
        const violations = fs.readdirSync(path.join(EXAMPLES, 'violations')).filter(f => f.endsWith('.osa'));
        for (const file of violations) {
            const reported = report.programmes.filter(p => p.path === `examples/violations/${file}`);
            expect(reported.length, file).toBeGreaterThan(0);
        }
        expect(report.summary.programmes).toBe(report.programmes.length);
    });

    it('matches the schema with its optional parts too: waivers, not-assessable programmes, problems', () => {
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, 'templates.osa'), STANDARD_TEMPLATE);
        fs.writeFileSync(path.join(dir, 'waived.osa'), programme({ id: 'WAIVED-1', recipient: '// osa-disable-next-line OSA101 -- decided by the NSC\n    recipient KOR' }));
        fs.writeFileSync(path.join(dir, 'broken.osa'), programme({ id: 'BROKEN-1', modality: 'modality grnat' }));
        const { code, stdout } = osa(['report', '.', 'missing.osa', '--format', 'json'], dir);
        expect(code).toBe(2);
        const report = JSON.parse(stdout) as JsonReport & { problems: unknown[] };
        expect(validateSchema(report), JSON.stringify(validateSchema.errors?.slice(0, 3))).toBe(true);
        expect(report.problems).toEqual([{ path: 'missing.osa', message: 'no such file or directory' }]);
        const broken = report.programmes.find(p => p.id === 'BROKEN-1')!;
        expect(broken.assessable).toBe(false);
        expect(broken.notAssessable![0].message).toMatch(/grnat/);
        const waived = report.programmes.find(p => p.id === 'WAIVED-1')!;
        expect(waived.matrix.find(l => l.clause === '§2(1)')!.status).toBe('waived');
    });
});

describe('osa report in worker threads', () => {
    it('gives the same report with worker threads as in one thread (the records cross threads intact)', async () => {
        // Files go to threads in chunks of 100: 300 files make several chunks, so workers take some.
        const { generateWorkspace } = await import(path.join(REPO, 'bench/generate.mjs')) as { generateWorkspace: (count: number, label: string) => string };
        const dir = generateWorkspace(300, 'osa-report-threads');
        temporary.push(dir);
        const env = { ...process.env, OSA_PARALLEL_THRESHOLD: '1' };
        const out = tempDir();
        const single = osa(['report', '.', '--output', path.join(out, 'one.json'), '--jobs', '1'], dir, env);
        const threaded = osa(['report', '.', '--output', path.join(out, 'three.json'), '--jobs', '3'], dir, env);
        expect(threaded.code).toBe(single.code);
        const text = fs.readFileSync(path.join(out, 'one.json'), 'utf-8');
        expect(fs.readFileSync(path.join(out, 'three.json'), 'utf-8')).toBe(text);
        const report = JSON.parse(text) as JsonReport;
        expect(report.programmes.length).toBe(300);
        expect(report.programmes.every(p => p.matrix.length > 0 || !p.assessable)).toBe(true);
    });
});

describe('osa report exit codes and output', () => {
    it('exits as osa validate does: 0 for the real programmes, 1 for a violation, 2 for a usage error', () => {
        expect(osa(['report', 'examples/programmes']).code).toBe(0);
        expect(osa(['report', 'examples/violations/OSA101-recipient-not-developing-country.osa']).code).toBe(1);
        expect(osa(['report', 'examples/violations/OSA502-no-framework-coordination.osa', '--fail-level', 'info']).code).toBe(1);
        const usage = osa(['report', '--format', 'pdf']);
        expect(usage.code).toBe(2);
        expect(usage.stderr).toContain('--format must be one of json, md, html, csv');
    });

    it('writes --output atomically and picks the format from its extension', () => {
        const dir = tempDir();
        const target = path.join(dir, 'out', 'report.html');
        expect(osa(['report', 'examples/programmes', '--output', target]).code).toBe(0);
        expect(fs.readFileSync(target, 'utf-8')).toMatch(/^<!DOCTYPE html>/);
        expect(fs.readdirSync(path.dirname(target))).toEqual(['report.html']);
        const blocked = osa(['report', 'examples/programmes', '--output', path.join(target, 'x.json')]);
        expect(blocked.code).toBe(2);
        expect(blocked.stderr).toMatch(/cannot write the report/);
    });
});

describe('osa report --format html', () => {
    it('is one self-contained page with the three parts, navigation to every programme, yen and fiscal years', () => {
        const { stdout: html } = osa(['report', 'examples', '--format', 'html']);
        expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|<img|\bsrc=|@import|url\(/i);
        expect(html.match(/href="([^"]*)"/g)!.every(h => h.startsWith('href="#'))).toBe(true);
        for (const part of ['matrix', 'sheets', 'portfolio']) {
            expect(html).toContain(`id="${part}"`);
        }
        const anchors = [...html.matchAll(/href="#([^"]+)"/g)].map(m => m[1]);
        for (const anchor of new Set(anchors)) {
            expect(html, anchor).toContain(`id="${anchor}"`);
        }
        const { programmes } = JSON.parse(osa(['report', 'examples', '--format', 'json']).stdout) as JsonReport;
        expect(anchors.filter(a => /^p\d+-matrix$/.test(a)).length).toBeGreaterThanOrEqual(programmes.length);
        expect(html).toContain('¥2,000,000,000');
        expect(html).toContain('¥575,000,000');
        expect(html).toContain('<td>FY2023</td>');
    });

    it('embeds the portfolio charts as inline SVG drawn from the portfolio\'s numbers', () => {
        const { stdout: html } = osa(['report', 'examples', '--format', 'html']);
        const { portfolio } = JSON.parse(osa(['report', 'examples', '--format', 'json']).stdout) as JsonReport;
        const figures = [...html.matchAll(/<figure><figcaption>([^<]*)<\/figcaption>(<svg[\s\S]*?<\/svg>)<\/figure>/g)];
        expect(figures.map(f => f[1])).toEqual(['Budget envelope and committed amounts by fiscal year', 'Committed amounts by DAC income group']);
        const trend = figures[0][2];
        for (const year of portfolio.fiscalYears) {
            const label = `year: FY${year.fiscalYear}; amount: ${year.amount.toLocaleString('en-US')}; series: programmes`;
            expect(trend, label).toContain(`aria-label="${label}"`);
            if (year.envelope !== undefined) {
                expect(trend).toContain(`aria-label="year: FY${year.fiscalYear}; amount: ${year.envelope.toLocaleString('en-US')}; series: envelope"`);
            }
        }
        expect(figures[1][2]).toContain('>LDC</text>');
    });
});

describe('osa report --format md', () => {
    it('runs the job-summary recipe of docs/ci.md: the summary gets the report and the step fails as validate would', () => {
        const page = fs.readFileSync(path.join(REPO, 'docs/ci.md'), 'utf-8');
        const section = page.slice(page.indexOf('## Job summary with osa report'));
        const script = /```sh\n([\s\S]*?)```/.exec(section)![1].replaceAll('npx osa', `"${process.execPath}" "${OSA}"`);
        const dir = tempDir();
        fs.cpSync(EXAMPLES, path.join(dir, 'examples'), { recursive: true });
        const summary = path.join(dir, 'summary.md');
        fs.writeFileSync(summary, '# Earlier step\n');
        const result = spawnSync('sh', ['-c', script], { cwd: dir, encoding: 'utf-8', env: { ...process.env, GITHUB_STEP_SUMMARY: summary } });
        expect(result.status).toBe(1);
        const written = fs.readFileSync(summary, 'utf-8');
        expect(written.startsWith('# Earlier step\n# OSA compliance report\n')).toBe(true);
        expect(written).toContain('| OSA-FY2023-BGD | FY2023 | BGD |');
        expect(written).toContain('<details><summary>OSA-FY2024-PHL:');
        // With only lawful programmes, the same recipe passes.
        const passing = spawnSync('sh', ['-c', script.replace('report examples', 'report examples/programmes')], { cwd: dir, encoding: 'utf-8', env: { ...process.env, GITHUB_STEP_SUMMARY: summary } });
        expect(passing.status).toBe(0);
    });
});

describe('osa report --format csv', () => {
    it('is one long table: a header, the same columns on every row, matrix and portfolio rows, yen as numbers', () => {
        const { stdout } = osa(['report', 'examples', '--format', 'csv']);
        const rows = parseCsv(stdout);
        expect(rows[0]).toEqual(['part', 'programme', 'path', 'fiscal_year', 'clause', 'status', 'rules', 'evidence', 'dimension', 'key', 'programmes', 'amount_jpy']);
        expect(rows.every(r => r.length === 12)).toBe(true);
        const matrix = rows.filter(r => r[0] === 'matrix');
        const bgd = matrix.filter(r => r[1] === 'OSA-FY2023-BGD');
        expect(bgd.find(r => r[4] === '§2(1)')![5]).toBe('undetermined');
        const envelope = rows.find(r => r[0] === 'portfolio' && r[3] === '2023' && r[8] === 'envelope')!;
        expect(envelope[11]).toBe('2000000000');
        const total = rows.find(r => r[0] === 'portfolio' && r[3] === '2023' && r[8] === 'total')!;
        expect(Number(total[11])).toBe(575_000_000 + 400_000_000 + 400_000_000 + 600_000_000);
    });
});

describe('osa report --format xlsx', () => {
    it('writes one sheet per part with typed cells, read back cell by cell', async () => {
        const dir = tempDir();
        const file = path.join(dir, 'report.xlsx');
        expect(osa(['report', 'examples', '--output', file]).code).toBe(1);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(file);
        expect(workbook.worksheets.map(w => w.name)).toEqual(['Matrix', 'Disclosure', 'Portfolio']);
        const { programmes, portfolio } = JSON.parse(osa(['report', 'examples', '--format', 'json']).stdout) as JsonReport;

        const matrix = workbook.getWorksheet('Matrix')!;
        expect(matrix.getRow(1).values).toEqual([undefined, 'Programme', 'File', 'Fiscal year', 'Clause', 'Status', 'Rules', 'Evidence']);
        const clauses = programmes.filter(p => p.assessable).reduce((n, p) => n + p.matrix.length, 0) + programmes.filter(p => !p.assessable).length;
        expect(matrix.rowCount).toBe(1 + clauses);
        const bgdDac = matrix.getSheetValues().find(r => Array.isArray(r) && r[1] === 'OSA-FY2023-BGD' && r[4] === '§2(1)') as unknown[];
        expect(bgdDac[3]).toBe(2023);
        expect(bgdDac[5]).toBe('undetermined');

        const disclosure = workbook.getWorksheet('Disclosure')!;
        const header = disclosure.getRow(1).values as string[];
        const row = disclosure.getRows(2, disclosure.rowCount - 1)!.find(r => r.getCell(1).value === 'OSA-FY2023-BGD')!;
        const cell = (name: string) => row.getCell(header.indexOf(name));
        expect(cell('Amount (JPY)').type).toBe(ExcelJS.ValueType.Number);
        expect(cell('Amount (JPY)').value).toBe(575_000_000);
        expect(cell('Amount (JPY)').numFmt).toContain('#,##0');
        expect(cell('Signed').type).toBe(ExcelJS.ValueType.Date);
        expect((cell('Signed').value as Date).toISOString()).toBe('2023-11-15T00:00:00.000Z');
        expect(cell('Fiscal year').value).toBe(2023);
        expect(cell('Title').value).toBe('Patrol boats for the Bangladesh Navy');
        expect(cell('Items').value).toBe('Patrol boat × 4');

        const sheet = workbook.getWorksheet('Portfolio')!;
        const envelope = sheet.getSheetValues().find(r => Array.isArray(r) && r[1] === 2023 && r[2] === 'envelope') as unknown[];
        expect(envelope[5]).toBe(portfolio.fiscalYears.find(y => y.fiscalYear === 2023)!.envelope);
        const total = sheet.getSheetValues().find(r => Array.isArray(r) && r[1] === 2023 && r[2] === 'total') as unknown[];
        expect(total[5]).toBe(portfolio.fiscalYears.find(y => y.fiscalYear === 2023)!.amount);
    });

    it('refuses to write a workbook to standard output', () => {
        const result = osa(['report', 'examples/programmes', '--format', 'xlsx']);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('give --output');
    });
});
