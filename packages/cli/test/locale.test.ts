/**
 * The CLI in Japanese, as real `osa` processes on the repository's examples: how the locale is chosen
 * (--locale, LC_ALL > LC_MESSAGES > LANG, else English), what changes with it (every text a person
 * reads) and what does not (rule ids, positions, JSON field names, exit codes).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../language/src/rules/index.js';
import { ruleSummary } from '../../language/src/i18n/index.js';
import { parseCsv } from './csv.js';
import { JAPANESE_SCRIPT as JAPANESE } from '@osa-policy/language';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const OSA = path.join(REPO, 'packages/cli/bin/osa.js');
const REPORT_SCHEMA = JSON.parse(fs.readFileSync(path.join(REPO, 'docs/schemas/report.schema.json'), 'utf-8')) as object;
const temporary: string[] = [];
afterAll(() => temporary.forEach(dir => fs.rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-locale-'));
    temporary.push(dir);
    return dir;
}

/** Runs osa with the locale variables removed (test-environment.ts) and `env` added. */
function osa(args: string[], env: Record<string, string> = {}, cwd = REPO) {
    const result = spawnSync(process.execPath, [OSA, ...args], { cwd, encoding: 'utf-8', env: { ...process.env, ...env } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonDiagnostic { rule: string; severity: string; message: string; messageId?: string; clause: string | null; range: unknown }
interface JsonRun { files: { path: string; diagnostics: JsonDiagnostic[]; suppressed: JsonDiagnostic[] }[]; summary: unknown }

function json(args: string[], env: Record<string, string> = {}) {
    const result = osa([...args, '--format', 'json'], env);
    return { ...result, run: JSON.parse(result.stdout) as JsonRun };
}

/** What must not depend on the locale: files, rule ids, severities, clauses, positions, message ids. */
function shape(run: JsonRun) {
    // Texts differ by locale (the finding's and its related locations'); everything else must not.
    return run.files.map(f => ({
        path: f.path,
        findings: [...f.diagnostics, ...f.suppressed].map(({ message: _text, related, ...rest }) => ({
            ...rest, related: related?.map(({ message: _related, ...where }) => where)
        }))
    }));
}

/** A finding line of the stylish format: `path:line:col  severity  message  ID (clause)`. */
const FINDING_LINE = /^(\S+:\d+:\d+) {2}(\S+) {2}(.*) {2}(\S+)(?: \((§.+|[a-z]+)\))?$/;

describe('osa validate --locale ja', () => {
    const en = json(['validate', 'examples/violations']);
    const ja = json(['validate', 'examples/violations', '--locale', 'ja']);

    it('finds the same findings with the same ids, positions, message ids and exit code as in English', () => {
        expect(en.code).toBe(1);
        expect(ja.code).toBe(en.code);
        expect(shape(ja.run)).toEqual(shape(en.run));
        expect(ja.run.summary).toEqual(en.run.summary);
    });

    it('puts the catalogue id of each message beside the text in json, and renders every catalogue message in Japanese', () => {
        const all = ja.run.files.flatMap(f => f.diagnostics);
        const withId = all.filter(d => d.messageId !== undefined);
        // The agreement rules are in the catalogue from the start.
        expect(withId.some(d => d.rule === 'OSA401' && d.messageId!.startsWith('OSA401.'))).toBe(true);
        for (const d of withId) {
            expect(d.message, `${d.rule} ${d.messageId}`).toMatch(JAPANESE);
        }
        const english = new Map(en.run.files.flatMap(f => f.diagnostics).map(d => [JSON.stringify([d.rule, d.range, d.messageId]), d.message]));
        for (const d of withId) {
            expect(d.message).not.toBe(english.get(JSON.stringify([d.rule, d.range, d.messageId])));
        }
    });

    // The final state of issue 12: fails until every rule and language check reports catalogue messages
    // (the rules and language engineers' branches).
    it('prints every finding in Japanese, each with a message id (stylish and json)', () => {
        for (const d of ja.run.files.flatMap(f => f.diagnostics)) {
            expect(d.messageId, `${d.rule}: ${d.message}`).toBeDefined();
            expect(d.message, d.rule).toMatch(JAPANESE);
        }
        const stylish = osa(['validate', 'examples/violations', '--locale', 'ja']);
        const findings = stylish.stdout.trimEnd().split('\n').slice(0, -1);
        expect(findings.length).toBeGreaterThan(30);
        for (const line of findings) {
            expect(line.match(FINDING_LINE)?.[3], line).toMatch(JAPANESE);
        }
    });

    it('frames the stylish output in Japanese: severities and the summary line', () => {
        const { code, stdout } = osa(['validate', 'examples/violations', '--locale', 'ja']);
        expect(code).toBe(1);
        const lines = stdout.trimEnd().split('\n');
        expect(lines.at(-1)).toMatch(/^\d+ ファイルを検査しました: エラー \d+ 件、警告 \d+ 件、情報 \d+ 件$/);
        const severities = new Set(lines.slice(0, -1).map(line => line.match(FINDING_LINE)?.[2]));
        expect(severities).toEqual(new Set(['エラー', '警告', '情報']));
        // Rule ids and clauses stay as they are.
        expect(stdout).toContain('  OSA402 (§3(3)(a))');
        // The same counts as in English.
        const english = osa(['validate', 'examples/violations']).stdout.trimEnd().split('\n').at(-1)!;
        const counts = (line: string) => line.match(/\d+/g);
        expect(counts(lines.at(-1)!)).toEqual(counts(english));
    });

    it('gives the same Japanese output from worker threads as from one thread', () => {
        const env = { OSA_PARALLEL_THRESHOLD: '1' };
        const one = osa(['validate', 'examples', '--jobs', '1', '--format', 'json', '--locale', 'ja'], env);
        const three = osa(['validate', 'examples', '--jobs', '3', '--format', 'json', '--locale', 'ja'], env);
        expect(three.code).toBe(one.code);
        expect(three.stdout).toBe(one.stdout);
        expect(one.stdout).toMatch(JAPANESE);
    });

    it('puts the message id in SARIF result properties, with Japanese rule summaries and Japanese help pages', () => {
        const { stdout } = osa(['validate', 'examples/violations', '--format', 'sarif', '--locale', 'ja']);
        const run = (JSON.parse(stdout) as { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; helpUri: string }[] } }; results: { ruleId: string; message: { text: string }; properties?: { messageId: string } }[] }[] }).runs[0];
        const jsonIds = ja.run.files.flatMap(f => [...f.diagnostics, ...f.suppressed]).map(d => d.messageId);
        expect(run.results.map(r => r.properties?.messageId)).toEqual(jsonIds);
        const messages = ja.run.files.flatMap(f => [...f.diagnostics, ...f.suppressed]).map(d => d.message);
        expect(run.results.map(r => r.message.text)).toEqual(messages);
        for (const rule of ALL_RULES) {
            const descriptor = run.tool.driver.rules.find(r => r.id === rule.id)!;
            expect(descriptor.shortDescription.text).toBe(ruleSummary(rule, 'ja'));
            expect(descriptor.helpUri).toMatch(new RegExp(`/docs/rules/ja/${rule.id}\\.md$`));
        }
        const osa402 = run.tool.driver.rules.find(r => r.id === 'OSA402')!;
        expect(osa402.fullDescription.text).toBe(`${ruleSummary(ALL_RULES.find(r => r.id === 'OSA402')!, 'ja')}政府安全保障能力強化支援（OSA）の実施方針 §3(3)(a)。`);
        expect(run.tool.driver.rules.find(r => r.id === 'syntax')!.shortDescription.text).toMatch(JAPANESE);
    });

    it('writes the junit framing in Japanese', () => {
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, 'empty.osa'), '');
        const { stdout } = osa(['validate', 'empty.osa', 'missing.osa', '--format', 'junit', '--locale', 'ja'], {}, dir);
        expect(stdout).toContain('name="指摘なし"');
        expect(stdout).toContain('name="入力の問題"');
        expect(stdout).toContain('message="ファイルまたはディレクトリが存在しません"');
    });
});

describe('choosing the locale', () => {
    const summaryOf = (stdout: string) => stdout.trimEnd().split('\n').at(-1)!;
    const file = 'examples/programmes';

    it('LANG=ja_JP.UTF-8 selects Japanese; LC_MESSAGES wins over LANG; LC_ALL=C wins over both', () => {
        expect(summaryOf(osa(['validate', file], { LANG: 'ja_JP.UTF-8' }).stdout)).toMatch(/ファイルを検査しました/);
        expect(summaryOf(osa(['validate', file], { LANG: 'en_US.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8' }).stdout)).toMatch(/ファイルを検査しました/);
        expect(summaryOf(osa(['validate', file], { LANG: 'ja_JP.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8', LC_ALL: 'C' }).stdout)).toMatch(/^\d+ files checked: /);
        expect(summaryOf(osa(['validate', file], { LANG: 'de_DE.UTF-8' }).stdout)).toMatch(/^\d+ files checked: /);
    });

    it('--locale wins over the environment, before or after the command', () => {
        expect(summaryOf(osa(['validate', file, '--locale', 'en'], { LANG: 'ja_JP.UTF-8' }).stdout)).toMatch(/^\d+ files checked: /);
        expect(summaryOf(osa(['--locale=ja', 'validate', file]).stdout)).toMatch(/ファイルを検査しました/);
        expect(summaryOf(osa(['--locale', 'ja', 'validate', file]).stdout)).toMatch(/ファイルを検査しました/);
    });

    it('an unsupported --locale is a usage error (exit 2), told in the environment\'s language', () => {
        const english = osa(['validate', file, '--locale', 'fr']);
        expect(english.code).toBe(2);
        expect(english.stdout).toBe('');
        expect(english.stderr).toBe('osa: --locale must be one of en, ja (got "fr")\nRun `osa --help` for usage.\n');
        const japanese = osa(['rules', '--locale=de'], { LANG: 'ja_JP.UTF-8' });
        expect(japanese.code).toBe(2);
        expect(japanese.stderr).toBe('osa: --locale には en, ja のいずれかを指定してください（指定値: "de"）\n使い方は `osa --help` で確認できます。\n');
        expect(osa(['validate', file, '--locale']).code).toBe(2);
    });

    it('every command accepts --locale', () => {
        for (const args of [['validate', file], ['report', file], ['rules'], ['explain', 'OSA101'], ['--help'], ['validate', '--print-config', `${file}/OSA-FY2023-BGD.osa`]]) {
            const result = osa([...args, '--locale', 'en']);
            expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
        }
        const dir = tempDir();
        const init = osa(['init', path.join(dir, 'ws'), '--locale', 'ja']);
        expect(init.code).toBe(0);
        expect(init.stdout).toMatch(/osa\.config\.json を作成しました\n/);
        expect(init.stdout).toContain('次に案件を編集し、`osa validate` を実行してください。');
        // The starter files speak Japanese too, and are still a clean workspace.
        const [sheet] = fs.readdirSync(path.join(dir, 'ws', 'programmes'));
        const text = fs.readFileSync(path.join(dir, 'ws', 'programmes', sheet), 'utf-8');
        expect(text).toMatch(/^\/\/ OSA 案件シートのひな形です。/);
        expect(text).toContain('title "海軍向け沿岸監視レーダー"');
        expect(osa(['init', path.join(dir, 'ws-en')]).code).toBe(0);
        const findings = (ws: string) => {
            const check = osa(['validate', ws, '--format', 'json'], {}, dir);
            expect(check.code, check.stdout).toBe(0);
            return (JSON.parse(check.stdout) as JsonRun).files.flatMap(f => f.diagnostics.map(d => [d.rule, d.severity]));
        };
        expect(findings('ws')).toEqual(findings('ws-en'));
        expect(findings('ws').filter(([, severity]) => severity !== 'info')).toEqual([]);
    });

    it('usage errors and help are in Japanese; the help names --locale in both languages', () => {
        const error = osa(['validate', '--format', 'xml', '--locale', 'ja']);
        expect(error.code).toBe(2);
        expect(error.stderr).toBe('osa: --format には stylish, json, sarif, junit, github のいずれかを指定してください（指定値: "xml"）\n使い方は `osa --help` で確認できます。\n');
        // `osa lsp` reads --locale too (the server's default locale): what is left must be --stdio.
        const lsp = osa(['lsp', '--locale', 'ja']);
        expect(lsp.code).toBe(2);
        expect(lsp.stderr).toBe('osa: lsp には --stdio を指定してください（サーバーは標準入出力で LSP を話します）\n使い方は `osa --help` で確認できます。\n');
        const help = osa(['--help', '--locale', 'ja']);
        expect(help.stdout).toMatch(/^osa \S+: OSA 案件ファイルを/);
        expect(help.stdout).toContain('--locale en|ja');
        expect(osa(['--locale', 'ja']).stdout).toBe(help.stdout);
        const version = osa(['--version', '--locale', 'ja']).stdout.split('\n');
        expect(version[1]).toBe('参照データ:');
        expect(version.slice(2)).toEqual(osa(['--version']).stdout.split('\n').slice(2));
        expect(osa(['--help']).stdout).toContain('--locale en|ja');
    });
});

describe('osa rules and osa explain in Japanese', () => {
    it('osa rules --locale ja: Japanese headers aligned by display width, summaries and docs paths in the locale', () => {
        const table = osa(['rules', '--locale', 'ja']).stdout.split('\n');
        expect(table[0]).toMatch(/^ID\s+名前\s+重大度\s+条項\s+概要$/);
        // The severity column starts at the same terminal column in the header and in the rows.
        const column = (line: string, cell: string) => [...line.slice(0, line.indexOf(cell))].reduce((w, c) => w + (/[\u3000-\u9fff]/u.test(c) ? 2 : 1), 0);
        expect(column(table[0], '重大度')).toBe(column(table[1], table[1].split(/\s+/)[2]));
        const entries = JSON.parse(osa(['rules', '--format', 'json', '--locale', 'ja']).stdout) as { id: string; summary: string; docs: string }[];
        expect(entries.map(e => e.id)).toEqual(ALL_RULES.map(r => r.id));
        for (const entry of entries) {
            expect(entry.summary).toBe(ruleSummary(ALL_RULES.find(r => r.id === entry.id)!, 'ja'));
            expect(entry.docs).toBe(`docs/rules/ja/${entry.id}.md`);
        }
    });

    /** The bundled CLI in a folder of its own, with the docs a test gives it: how an installed copy finds its pages. */
    function installedCopy(pages: Record<string, string>): string {
        const root = tempDir();
        fs.cpSync(path.join(REPO, 'packages/cli/dist'), path.join(root, 'packages/cli/dist'), { recursive: true });
        fs.cpSync(path.join(REPO, 'packages/cli/bin'), path.join(root, 'packages/cli/bin'), { recursive: true });
        fs.writeFileSync(path.join(root, 'packages/cli/package.json'), '{ "type": "module" }');
        for (const [page, text] of Object.entries(pages)) {
            fs.mkdirSync(path.dirname(path.join(root, page)), { recursive: true });
            fs.writeFileSync(path.join(root, page), text);
        }
        return path.join(root, 'packages/cli/bin/osa.js');
    }

    it('osa explain --locale ja prints the Japanese page, and falls back to the English page with a note when it is missing', () => {
        const bin = installedCopy({
            'docs/rules/OSA203.md': '# OSA203 English page\n', 'docs/rules/ja/OSA203.md': '# OSA203 日本語のページ\n', 'docs/rules/OSA101.md': '# OSA101 English page\n'
        });
        const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf-8', env: process.env });
        const japanese = run(['explain', 'OSA203', '--locale', 'ja']);
        expect(japanese.status).toBe(0);
        expect(japanese.stdout).toMatch(/^# OSA203 日本語のページ\n\n言語リファレンス（すべての構文・プロパティ・用語）: docs\/ja\/language\.md（\S+\/docs\/ja\/language\.md）\n$/);
        expect(japanese.stderr).toBe('');
        const fallback = run(['explain', 'OSA101', '--locale', 'ja']);
        expect(fallback.status).toBe(0);
        expect(fallback.stdout).toMatch(/^# OSA101 English page\n/);
        expect(fallback.stderr).toBe('osa: 日本語のページ docs/rules/ja/OSA101.md はこの osa にインストールされていないため、英語のページを表示します。\n');
        const english = run(['explain', 'OSA203']);
        expect(english.stdout).toMatch(/^# OSA203 English page\n\nThe language reference/);
        const none = run(['explain', 'OSA301', '--locale', 'ja']);
        expect(none.status).toBe(2);
        expect(none.stderr).toBe('osa: 説明ページ docs/rules/OSA301.md はこの osa にインストールされていません\n');
    });

    // The final state: the documentation engineers' docs/rules/ja/ pages are in the repository.
    it('osa explain OSA203 --locale ja prints the repository\'s Japanese page', () => {
        const page = fs.readFileSync(path.join(REPO, 'docs/rules/ja/OSA203.md'), 'utf-8');
        const { code, stdout, stderr } = osa(['explain', 'OSA203', '--locale', 'ja']);
        expect(code).toBe(0);
        expect(stderr).toBe('');
        expect(stdout.startsWith(page)).toBe(true);
    });
});

describe('osa report --locale ja', () => {
    const out = tempDir();
    const report = (format: string, locale: string, extra: string[] = []) => osa(['report', 'examples', '--format', format, '--locale', locale, ...extra]);

    it('json: the same document as in English apart from texts, and it still validates against the schema', () => {
        const en = report('json', 'en');
        const ja = report('json', 'ja');
        expect(ja.code).toBe(en.code);
        const document = JSON.parse(ja.stdout) as { programmes: { id: string; matrix: { clause: string; status: string }[] }[]; portfolio: { fiscalYears: { byStage: { key: string }[] }[] } };
        const validate = new Ajv.default({ allErrors: true }).compile(REPORT_SCHEMA);
        expect(validate(document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
        const english = JSON.parse(en.stdout) as typeof document;
        const statuses = (d: typeof document) => d.programmes.map(p => [p.id, p.matrix.map(l => [l.clause, l.status])]);
        expect(statuses(document)).toEqual(statuses(english));
        expect(Object.keys(document).sort()).toEqual(Object.keys(english).sort());
        // The model's own labels follow the locale (a programme without a lifecycle status).
        const stages = (d: typeof document) => d.portfolio.fiscalYears.flatMap(y => y.byStage.map(b => b.key));
        expect(stages(english)).toContain('not declared');
        expect(stages(document)).toContain('段階の宣言なし');
        expect(stages(document)).not.toContain('not declared');
    });

    it('md: Japanese headings, table headers, statuses and fiscal years', () => {
        const { stdout } = report('md', 'ja');
        expect(stdout).toMatch(/^# OSA 適合性レポート\n\n案件 \d+ 件: 評価可能 \d+ 件、/);
        expect(stdout).toContain('## 適合マトリクスと公表用シート');
        expect(stdout).toContain('| 案件 | 年度 | 被援助国 | 違反 | 判定不能 | 免除 | 充足 | 対象外 |');
        expect(stdout).toContain('❌ 違反');
        expect(stdout).toMatch(/\| 20\d\d年度 \|/);
        expect(stdout).not.toMatch(/Compliance matrix|Disclosure sheet|Fiscal year|not applicable/);
    });

    it('html: lang="ja" and Japanese labels', () => {
        const file = path.join(out, 'report.html');
        expect(report('html', 'ja', ['--output', file]).code).toBe(1);
        const html = fs.readFileSync(file, 'utf-8');
        expect(html).toContain('<html lang="ja">');
        expect(html).toContain('<title>OSA 適合性レポート</title>');
        expect(html).toContain('<h2 id="portfolio">ポートフォリオ</h2>');
        expect(html).toContain('<figcaption>年度別の予算枠と案件の金額</figcaption>');
        expect(html).not.toMatch(/>(Compliance matrix|Disclosure sheets|Fiscal year|Programmes)</);
        expect(fs.readFileSync(path.join(out, 'report.html'), 'utf-8')).not.toContain('lang="en"');
    });

    it('csv: the same columns and row kinds as in English (a data contract), with Japanese texts', () => {
        const en = parseCsv(report('csv', 'en').stdout);
        const ja = parseCsv(report('csv', 'ja').stdout);
        expect(ja[0]).toEqual(en[0]);
        expect(ja.map(r => [r[0], r[1], r[4], r[5], r[8]])).toEqual(en.map(r => [r[0], r[1], r[4], r[5], r[8]]));
        expect(ja.some(r => r[9] === '段階の宣言なし')).toBe(true);
    });

    it('xlsx: Japanese sheet names and column headers, the same numbers', async () => {
        const file = path.join(out, 'report.xlsx');
        expect(report('xlsx', 'ja', ['--output', file]).code).toBe(1);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(file);
        expect(workbook.worksheets.map(s => s.name)).toEqual(['適合マトリクス', '公表用シート', 'ポートフォリオ']);
        const portfolio = workbook.getWorksheet('ポートフォリオ')!;
        expect(portfolio.getRow(1).values).toEqual([undefined, '年度', '区分', '値', '案件数', '金額（円）']);
        const totals = portfolio.getSheetValues().filter(r => Array.isArray(r) && r[2] === '合計').map(r => (r as unknown[])[5]);
        const english = new ExcelJS.Workbook();
        const englishFile = path.join(out, 'report-en.xlsx');
        expect(report('xlsx', 'en', ['--output', englishFile]).code).toBe(1);
        await english.xlsx.readFile(englishFile);
        const englishTotals = english.getWorksheet('Portfolio')!.getSheetValues().filter(r => Array.isArray(r) && r[2] === 'total').map(r => (r as unknown[])[5]);
        expect(totals).toEqual(englishTotals);
        expect(totals.length).toBeGreaterThan(0);
    });
});
