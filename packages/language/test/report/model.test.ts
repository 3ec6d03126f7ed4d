/**
 * The compliance report model, built from real validation runs over real files (the same engine and
 * pipeline as `osa validate`), for the examples and for small workspaces written to a temporary folder.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { validateWorkspace } from '../../src/engine/workspace-checker.js';
import { ALL_RULES, type Rule } from '../../src/rules/index.js';
import { buildComplianceReport, matrixClauses, portfolioOf, ruleAppliesAt, type ComplianceReport, type ProgrammeReport } from '../../src/report/model.js';
import { collectOsaFiles } from '../../src/engine/workspace-checker.js';
import { programme, STANDARD_TEMPLATE } from '../helpers.js';
import type { ProgrammeRecord } from '../../src/report/records.js';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');
const temporary: string[] = [];
afterAll(() => temporary.forEach(dir => fs.rmSync(dir, { recursive: true, force: true })));

async function reportOf(root: string, rules: readonly Rule[] = ALL_RULES): Promise<ComplianceReport> {
    const run = await validateWorkspace(root, collectOsaFiles(root), { records: true, ...(rules !== ALL_RULES ? { rules } : {}) });
    return buildComplianceReport(run, rules, { displayPath: p => path.relative(root, p) });
}

async function reportOfFiles(files: Record<string, string>): Promise<ComplianceReport> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-report-'));
    temporary.push(root);
    for (const [name, text] of Object.entries({ 'templates.osa': STANDARD_TEMPLATE, ...files })) {
        fs.writeFileSync(path.join(root, name), text);
    }
    return reportOf(root);
}

function line(report: ProgrammeReport, clause: string) {
    const found = report.matrix.find(l => l.clause === clause);
    expect(found, `a matrix line for ${clause}`).toBeDefined();
    return found!;
}

describe('the compliance matrix', () => {
    it('lists every guideline clause the rules cite, in the guideline\'s order, and the portfolio checks', () => {
        const clauses = matrixClauses(ALL_RULES).map(c => c.clause);
        const cited = new Set(ALL_RULES.map(r => r.clause).filter(c => c.startsWith('§')));
        expect(new Set(clauses.filter(c => c.startsWith('§')))).toEqual(cited);
        expect(clauses.indexOf('§2(1)')).toBeLessThan(clauses.indexOf('§2(2)'));
        expect(clauses.indexOf('§2(2)')).toBeLessThan(clauses.indexOf('§2(2)(c)'));
        expect(clauses.indexOf('§3(3)(b)')).toBeLessThan(clauses.indexOf('§4(1)'));
        expect(clauses.at(-1)).toBe('portfolio');
        expect(clauses).not.toContain('data');
    });

    it('assesses every real programme of examples/: all clauses present, none violated at error level', async () => {
        const report = await reportOf(EXAMPLES);
        const real = report.programmes.filter(p => p.path.startsWith('programmes'));
        expect(real.length).toBe(9);
        for (const p of real) {
            expect(p.assessable).toBe(true);
            expect(p.matrix.map(l => l.clause)).toEqual(matrixClauses(ALL_RULES).map(c => c.clause));
            const errors = p.matrix.flatMap(l => l.rules).filter(r => r.status === 'violated' && r.severity === 'error');
            expect(errors, p.id).toEqual([]);
        }
        // FY2023: no DAC list edition covers 1 April 2023, so OSA101's silence proves nothing.
        const bgd = real.find(p => p.id === 'OSA-FY2023-BGD')!;
        const dac = line(bgd, '§2(1)');
        expect(dac.status).toBe('undetermined');
        expect(dac.rules.find(r => r.id === 'OSA101')).toMatchObject({ status: 'undetermined', missingData: ['DAC List of ODA Recipients'] });
        // The coverage notice itself is kept as another finding, not lost.
        expect(bgd.otherFindings.map(f => f.rule)).toContain('OSA100');
        // §4(2): OSA502 reports no framework coordination (informational).
        expect(line(bgd, '§4(2)')).toMatchObject({ status: 'violated', rules: [expect.objectContaining({ id: 'OSA502', severity: 'info' })] });
        expect(line(bgd, '§3(2)').status).toBe('met');
    });

    it('marks a violated clause with its rule and evidence location', async () => {
        const report = await reportOf(EXAMPLES);
        const violation = report.programmes.find(p => p.path === path.join('violations', 'OSA101-recipient-not-developing-country.osa'))!;
        const dac = line(violation, '§2(1)');
        expect(dac.status).toBe('violated');
        const evidence = dac.evidence.find(e => e.rule === 'OSA101')!;
        const text = fs.readFileSync(path.join(EXAMPLES, violation.path), 'utf-8').split('\n')[evidence.line - 1];
        expect(text).toMatch(/recipient/);
        expect(report.summary.withViolations).toBeGreaterThan(0);
    });

    it('shows a suppression and a justified exception as waived, with the written reason, approver and date', async () => {
        const excepted = programme({
            id: 'EXC-1', recipient: 'recipient KOR',
            extra: 'exception OSA101 {\n justification "Decided by the NSC on 2024-05-01"\n approved-by "NSC"\n dated 2024-05-01\n }'
        });
        const report = await reportOfFiles({
            'suppressed.osa': programme({ id: 'SUP-1', recipient: '// osa-disable-next-line OSA101 -- Cabinet decision of 2024-04-02 applies\n    recipient KOR' }),
            'excepted.osa': excepted
        });
        const exceptionLine = excepted.split('\n').findIndex(l => l.includes('exception OSA101')) + 1;
        const suppressed = line(report.programmes.find(p => p.id === 'SUP-1')!, '§2(1)');
        expect(suppressed.status).toBe('waived');
        expect(suppressed.rules.find(r => r.id === 'OSA101')!.waivers).toEqual([
            expect.objectContaining({ by: 'suppression', reason: 'Cabinet decision of 2024-04-02 applies' })
        ]);
        const exceptedLine = line(report.programmes.find(p => p.id === 'EXC-1')!, '§2(1)');
        expect(exceptedLine.status).toBe('waived');
        expect(exceptedLine.rules.find(r => r.id === 'OSA101')!.waivers).toEqual([
            expect.objectContaining({ by: 'exception', reason: 'Decided by the NSC on 2024-05-01', approvedBy: 'NSC', dated: '2024-05-01', line: exceptionLine })
        ]);
        // The justification is for reviewers: it never reaches the public sheet.
        expect(JSON.stringify(report.programmes.find(p => p.id === 'EXC-1')!.disclosure)).not.toContain('Decided by the NSC');
    });

    it('reports a programme with syntax errors as not assessable, with the reasons, and still assesses the others', async () => {
        const report = await reportOfFiles({
            'broken.osa': programme({ id: 'BROKEN-1', recipient: 'recipient' , modality: 'modality grnat' }),
            'fine.osa': programme({ id: 'FINE-1' })
        });
        const broken = report.programmes.find(p => p.id === 'BROKEN-1')!;
        expect(broken.assessable).toBe(false);
        expect(broken.matrix).toEqual([]);
        expect(broken.notAssessable!.length).toBeGreaterThan(0);
        expect(broken.notAssessable!.every(e => e.rule === 'syntax' && e.path === 'broken.osa')).toBe(true);
        const fine = report.programmes.find(p => p.id === 'FINE-1')!;
        expect(fine.assessable).toBe(true);
        expect(fine.summary.violated).toBe(0);
        expect(report.summary).toMatchObject({ programmes: 2, assessable: 1, notAssessable: 1 });
    });

    it('shows a rule as not applicable before the stage it applies from, and applies every rule when no stage is declared', async () => {
        const later = { ...ALL_RULES.find(r => r.id === 'OSA101')!, appliesFrom: 'delivered' } as Rule;
        expect(ruleAppliesAt(later, 'decided')).toBe(false);
        expect(ruleAppliesAt(later, 'delivered')).toBe(true);
        expect(ruleAppliesAt(later, 'completed')).toBe(true);
        expect(ruleAppliesAt(later, undefined)).toBe(true);
        // Through the model: a programme whose `status` is `decided` and a rule declared from `delivered` give a
        // not-applicable line when the rule found nothing; a finding is never hidden behind the stage.
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-report-'));
        temporary.push(root);
        const atDecided = (text: string) => text.replace(/(programme [^{]*\{)/, '$1\n    status decided');
        fs.writeFileSync(path.join(root, 'violating.osa'), atDecided(programme({ id: 'KOR-1', recipient: 'recipient KOR' })) + STANDARD_TEMPLATE);
        fs.writeFileSync(path.join(root, 'clean.osa'), atDecided(programme({ id: 'PHL-1' })));
        const run = await validateWorkspace(root, collectOsaFiles(root), { records: true });
        const rules = ALL_RULES.map(r => r.id === 'OSA101' ? later : r);
        const report = buildComplianceReport(run, rules);
        const byId = (id: string) => report.programmes.find(p => p.id === id)!;
        expect(run.reports.flatMap(r => r.records?.programmes ?? []).map(p => p.stage)).toEqual(['decided', 'decided']);
        expect(line(byId('PHL-1'), '§2(1)').rules.find(r => r.id === 'OSA101')!.status).toBe('not-applicable');
        expect(line(byId('KOR-1'), '§2(1)').rules.find(r => r.id === 'OSA101')!.status).toBe('violated');
        expect(byId('KOR-1').summary.violated).toBeGreaterThan(0);
    });
});

describe('the portfolio', () => {
    it('sets each fiscal year\'s envelope against the yen amounts, by recipient, field and DAC income group', async () => {
        const report = await reportOf(EXAMPLES);
        const real = report.programmes.filter(p => p.path.startsWith('programmes') && p.disclosure.fiscalYear === 2023);
        const fy2023 = report.portfolio.fiscalYears.find(y => y.fiscalYear === 2023)!;
        expect(fy2023.envelope).toBe(2_000_000_000);
        expect(fy2023.byRecipient.find(b => b.key === 'BGD')!.amount).toBeGreaterThanOrEqual(575_000_000);
        const realSum = real.reduce((sum, p) => sum + (p.disclosure.amount?.value ?? 0), 0);
        expect(realSum).toBe(575_000_000 + 400_000_000 + 400_000_000 + 600_000_000);
        expect(fy2023.remaining).toBe(fy2023.envelope! - fy2023.amount);
        expect(fy2023.byRecipient.reduce((sum, b) => sum + b.amount, 0)).toBe(fy2023.amount);
        expect(fy2023.byDacGroup.reduce((sum, b) => sum + b.amount, 0)).toBe(fy2023.amount);
        expect(fy2023.byDacGroup.map(b => b.key)).toEqual(expect.arrayContaining(['LDC', 'UMIC']));
        expect(fy2023.byField.map(b => b.key)).toEqual(expect.arrayContaining(['rule-of-law', 'humanitarian']));
    });

    it('names the programmes it cannot sum instead of converting or dropping them', async () => {
        const report = await reportOfFiles({ 'usd.osa': programme({ id: 'USD-1', amount: 'amount 5_000_000 USD' }), 'none.osa': programme({ id: 'NONE-1', amount: null }) });
        const year = report.portfolio.fiscalYears.find(y => y.fiscalYear === 2024)!;
        expect(year.amount).toBe(0);
        expect(year.notSummed).toEqual([{ id: 'NONE-1', reason: 'no readable amount' }, { id: 'USD-1', reason: 'amount in USD, not converted' }]);
    });

    it('counts a programme split by fiscal year in each year, and groups amounts by lifecycle stage', () => {
        const record = (name: string, extra: Partial<ProgrammeRecord['disclosure']>, stage?: string): ProgrammeRecord => ({
            name, lines: { start: 1, end: 2 }, stage, dataGaps: [], review: { exceptions: [] },
            disclosure: { beneficiaries: [], fields: ['rule-of-law'], items: [], sources: [], funding: [], recipient: 'PHL', ...extra }
        });
        const years = portfolioOf([
            record('SPLIT', { fiscalYear: 2025, amount: { value: 900, currency: 'JPY' }, funding: [
                { fiscalYear: 2025, amount: { value: 300, currency: 'JPY' } }, { fiscalYear: 2026, amount: { value: 600, currency: 'JPY' } }
            ] }, 'decided'),
            record('WHOLE', { fiscalYear: 2026, amount: { value: 100, currency: 'JPY' } })
        ], [{ name: 'ENV-2026', fiscalYear: 2026, amount: { value: 1_000, currency: 'JPY' } }]);
        expect(years.map(y => [y.fiscalYear, y.programmes, y.amount, y.remaining])).toEqual([[2025, 1, 300, undefined], [2026, 2, 700, 300]]);
        expect(years[1].byStage).toEqual([{ key: 'decided', programmes: 1, amount: 600 }, { key: 'not declared', programmes: 1, amount: 100 }]);
    });
});
