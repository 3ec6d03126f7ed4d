/**
 * §3(3)(a): the disclosure sheet holds publishable facts only. For every example, every text a sheet
 * must never show (assessment texts, `on-file` references, exception justifications, descriptions,
 * clause texts, item details, what a monitoring visit checked, why results are withheld) is read from the syntax tree and searched for in the report's sheets.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstUtils, EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { collectOsaFiles, validateWorkspace } from '../../src/engine/workspace-checker.js';
import {
    isActivity, isAssessmentTopic, isClause, isException, isFieldDeclaration, isItem, isMonitoringResults, isMonitoringVisit, isProgramme, type Model
} from '../../src/generated/ast.js';
import { createOsaServices } from '../../src/osa-module.js';
import { buildComplianceReport } from '../../src/report/model.js';
import { ALL_RULES } from '../../src/rules/index.js';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');

/** The texts of a file that must stay off any sheet, unquoted. */
function privateTexts(file: string): string[] {
    const { shared } = createOsaServices(EmptyFileSystem);
    const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(fs.readFileSync(file, 'utf-8'), URI.file(file));
    const texts: string[] = [];
    for (const node of AstUtils.streamAllContents(document.parseResult.value)) {
        if (isAssessmentTopic(node)) {
            texts.push(...node.texts);
        } else if (isException(node)) {
            texts.push(...node.justifications);
        } else if (isProgramme(node) || isFieldDeclaration(node)) {
            texts.push(...node.descriptions);
        } else if (isActivity(node)) {
            texts.push(...node.descriptions);
        } else if (isClause(node)) {
            texts.push(...node.texts);
        } else if (isItem(node)) {
            texts.push(...node.details);
        } else if (isMonitoringVisit(node)) {
            // What a visit checked is the reviewers' record; the sheet shows its date.
            texts.push(...node.texts);
        } else if (isMonitoringResults(node) && !node.disclosures.includes('disclosed')) {
            // Why results are withheld stays private; where disclosed results are published is public.
            texts.push(...node.texts);
        }
    }
    return texts.map(t => t.replace(/^"|"$/g, '')).filter(t => t.trim().length > 0);
}

describe('the disclosure sheet', () => {
    it('never carries an on-file reference, an assessment text, a justification or a description, for every example', async () => {
        const files = collectOsaFiles(EXAMPLES);
        const run = await validateWorkspace(EXAMPLES, files, { records: true });
        const report = buildComplianceReport(run, ALL_RULES);
        const sheets = new Map(report.programmes.map(p => [p.id, JSON.stringify(p.disclosure)]));
        let checked = 0;
        let withSheets = 0;
        for (const file of files) {
            // Each file's texts against its own programmes' sheets (another example may use the same words publicly).
            const own = report.programmes.filter(p => p.path === file).map(p => sheets.get(p.id)).join('\n');
            withSheets += own === '' ? 0 : 1;
            for (const text of privateTexts(file)) {
                checked++;
                expect(own.includes(text), `${path.relative(EXAMPLES, file)}: "${text}" reached a disclosure sheet`).toBe(false);
            }
        }
        // Not vacuous: the examples hold such texts (on-file references among them), and the sheets hold public facts.
        expect(checked).toBeGreaterThan(50);
        expect(withSheets).toBeGreaterThan(30);
        expect(privateTexts(path.join(EXAMPLES, 'programmes/OSA-FY2023-BGD.osa'))).toContain('Government of Japan recipient selection for FY2023 OSA (not public)');
        expect(JSON.parse(sheets.get('OSA-FY2023-BGD')!)).toMatchObject({
            title: 'Patrol boats for the Bangladesh Navy', recipient: 'BGD', fiscalYear: 2023,
            beneficiaries: [{ name: 'Bangladesh Navy', kind: 'armed-forces' }],
            fields: ['rule-of-law', 'humanitarian'],
            items: [{ name: 'Patrol boat', quantity: 4, category: 'patrol-boat' }],
            amount: { value: 575_000_000, currency: 'JPY' },
            agreement: { kind: 'exchange-of-notes', signed: '2023-11-15' }
        });
    });
});

describe('monitoring on the disclosure sheet', () => {
    it('shows visit dates, and where results are published only when they are declared disclosed', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-sheet-'));
        const body = (results: string) => `programme P-${results.split(' ')[0]} {
    title "Radar" fiscal-year 2023 recipient PHL modality grant status delivered delivered 2024-01-10
    beneficiary "Philippine Navy" kind armed-forces
    monitoring {
        visit 2024-09-01 "Checked the radar at the naval base in secret location X"
        results ${results}
    }
}
`;
        fs.writeFileSync(path.join(dir, 'a.osa'), body('disclosed "https://example.org/results"'));
        fs.writeFileSync(path.join(dir, 'b.osa'), body('withheld "Sites are classified"'));
        const run = await validateWorkspace(dir, collectOsaFiles(dir), { records: true });
        const report = buildComplianceReport(run, ALL_RULES);
        const sheet = (id: string) => report.programmes.find(p => p.id === id)!.disclosure;
        expect(sheet('P-disclosed').monitoring).toEqual({ visits: ['2024-09-01'], results: 'disclosed', published: 'https://example.org/results' });
        expect(sheet('P-withheld').monitoring).toEqual({ visits: ['2024-09-01'], results: 'not disclosed' });
        const all = JSON.stringify(report.programmes.map(p => p.disclosure));
        expect(all).not.toContain('secret location');
        expect(all).not.toContain('classified');
        fs.rmSync(dir, { recursive: true, force: true });
    });
});
