/**
 * The `osa/complianceReport` request over the real protocol (`osa lsp --stdio`): the answer is the JSON
 * contract of `osa report` (checked against docs/schemas/report.schema.json), agrees with the CLI's report
 * of the same files, covers closed files when the whole workspace is asked for, and follows unsaved edits.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { LspTestClient, OSA, REPO, uriOf } from './lsp-client.js';

interface Report {
    summary: { programmes: number; withViolations: number };
    programmes: { id: string; path: string; summary: Record<string, number>; matrix: { clause: string; status: string; rules: { id: string; status: string }[]; evidence: { rule: string; path: string; line: number }[] }[] }[];
    portfolio: unknown;
}

const validateSchema = new Ajv.default({ allErrors: true }).compile(JSON.parse(fs.readFileSync(path.join(REPO, 'docs/schemas/report.schema.json'), 'utf-8')) as object);

let client: LspTestClient | undefined;
const temporary: string[] = [];

afterEach(() => {
    if (client && client.process.exitCode === null) {
        client.process.kill();
    }
    client = undefined;
    temporary.splice(0).forEach(dir => fs.rmSync(dir, { recursive: true, force: true }));
});

/** A workspace with the shared templates and budgets and two real programmes. */
function workspace(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-lsp-report-'));
    temporary.push(dir);
    fs.mkdirSync(path.join(dir, '.git'));
    for (const file of ['shared/templates.osa', 'shared/budgets.osa', 'programmes/OSA-FY2023-PHL.osa', 'programmes/OSA-FY2024-IDN.osa']) {
        fs.copyFileSync(path.join(REPO, 'examples', file), path.join(dir, path.basename(file)));
    }
    return dir;
}

function expectValid(report: unknown): void {
    const valid = validateSchema(report);
    expect(validateSchema.errors ?? [], 'schema errors').toEqual([]);
    expect(valid).toBe(true);
}

/** What must not depend on who computed the report (paths aside: the CLI shows them relative). */
const statuses = (report: Report) => report.programmes.map(p => ({ id: p.id, summary: p.summary, matrix: p.matrix.map(l => [l.clause, l.status, l.rules.map(r => r.status)]) }));

describe('osa/complianceReport', () => {
    it('answers for the whole workspace, closed files included, as `osa report --format json` does', async () => {
        const dir = workspace();
        client = await LspTestClient.start(dir);
        const report = await client.request<Report>('osa/complianceReport', {});
        expectValid(report);
        expect(report.programmes.map(p => p.id).sort()).toEqual(['OSA-FY2023-PHL', 'OSA-FY2024-IDN']);
        // Absolute paths, so that any client can open the evidence.
        expect(report.programmes.map(p => p.path).sort()).toEqual([path.join(dir, 'OSA-FY2023-PHL.osa'), path.join(dir, 'OSA-FY2024-IDN.osa')].sort());
        const cli = spawnSync(process.execPath, [OSA, 'report', '.', '--format', 'json'], { cwd: dir, encoding: 'utf-8' });
        const fromCli = JSON.parse(cli.stdout) as Report;
        expect(statuses(report)).toEqual(statuses(fromCli));
        expect(report.portfolio).toEqual(fromCli.portfolio);
    });

    it('renders in the server\'s locale (LANG=ja_JP.UTF-8): Japanese findings and labels, the same report as `osa report --locale ja`', async () => {
        const dir = workspace();
        const file = path.join(dir, 'OSA-FY2023-PHL.osa');
        // No agreement (an OSA401 finding, in the catalogue) and no lifecycle status (a model label).
        fs.writeFileSync(file, fs.readFileSync(file, 'utf-8').replace(/^\s*agreement uses .*$/m, '').replace(/^\s*status delivered$/m, ''));
        client = await LspTestClient.start(dir, { env: { LANG: 'ja_JP.UTF-8' } });
        const report = await client.request<Report & { portfolio: { fiscalYears: { byStage: { key: string }[] }[] } }>('osa/complianceReport', {});
        expectValid(report);
        const evidence = report.programmes.flatMap(p => p.matrix.flatMap(l => l.evidence)) as { rule: string; message: string }[];
        expect(evidence.find(e => e.rule === 'OSA401')!.message).toMatch(/^案件 OSA-FY2023-PHL に国際約束が宣言されていません。/);
        expect(report.portfolio.fiscalYears.flatMap(y => y.byStage.map(b => b.key))).toContain('段階の宣言なし');
        const cli = spawnSync(process.execPath, [OSA, 'report', '.', '--format', 'json', '--locale', 'ja'], { cwd: dir, encoding: 'utf-8' });
        const fromCli = JSON.parse(cli.stdout) as Report;
        expect(statuses(report)).toEqual(statuses(fromCli));
        expect(report.portfolio).toEqual(fromCli.portfolio);
    });

    it('reports one file, and follows an unsaved edit that introduces a violation', async () => {
        const dir = workspace();
        client = await LspTestClient.start(dir);
        const file = path.join(dir, 'OSA-FY2023-PHL.osa');
        const uri = await client.open(file);
        const before = await client.request<Report>('osa/complianceReport', { uri });
        expectValid(before);
        expect(before.programmes.map(p => p.id)).toEqual(['OSA-FY2023-PHL']);
        const osa103 = (report: Report) => report.programmes[0].matrix.find(l => l.rules.some(r => r.id === 'OSA103'))!;
        expect(osa103(before).rules.find(r => r.id === 'OSA103')!.status).toBe('met');

        const text = client.text(file).replace('modality grant', 'modality loan');
        await client.change(file, text);
        const after = await client.request<Report>('osa/complianceReport', { uri });
        expectValid(after);
        expect(after.programmes[0].summary.violated).toBe(before.programmes[0].summary.violated + 1);
        const line = osa103(after);
        expect(line.status).toBe('violated');
        expect(line.rules.find(r => r.id === 'OSA103')!.status).toBe('violated');
        // The evidence points at the edited line of the unsaved text.
        const modalityLine = text.split('\n').findIndex(l => l.includes('modality loan')) + 1;
        expect(line.evidence.map(e => [e.rule, e.path, e.line])).toContainEqual(['OSA103', file, modalityLine]);
    });
});
