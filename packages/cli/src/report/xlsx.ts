/**
 * The report as an Excel workbook (exceljs): one sheet per part (Matrix, Disclosure, Portfolio) with
 * typed cells: yen amounts and counts are numbers with a yen format, signature dates are dates, and
 * every text from a file is a text cell (exceljs writes a string as a string, never as a formula, so
 * `=HYPERLINK(…)` in a title stays text). Control and bidirectional characters are made visible.
 */
import { neutralise, type ComplianceReport, type Locale } from '@osa-policy/language';
import { labelsFor, statusLabel } from './shared.js';

const YEN_FORMAT = '"¥"#,##0;-"¥"#,##0';

export async function renderXlsx(report: ComplianceReport, version: string, locale: Locale = 'en'): Promise<Uint8Array> {
    const label = labelsFor(locale);
    // Loaded only for this format: the workbook library is large and nothing else needs it.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    workbook.creator = `osa ${version}`;
    const t = (text: string | undefined) => text === undefined ? null : neutralise(text);

    const matrix = workbook.addWorksheet(label('report.sheetName.matrix'));
    matrix.columns = [
        { header: label('report.column.programme'), key: 'programme', width: 22 }, { header: label('report.column.file'), key: 'path', width: 36 },
        { header: label('report.column.fiscalYear'), key: 'fiscalYear', width: 11 }, { header: label('report.column.clause'), key: 'clause', width: 10 },
        { header: label('report.column.status'), key: 'status', width: 15 }, { header: label('report.column.rules'), key: 'rules', width: 60 },
        { header: label('report.column.evidence'), key: 'evidence', width: 60 }
    ];
    for (const p of report.programmes) {
        const base = { programme: t(p.id), path: t(p.path), fiscalYear: p.disclosure.fiscalYear ?? null };
        if (!p.assessable) {
            matrix.addRow({ ...base, status: label('report.notAssessable'), evidence: t(p.notAssessable!.map(e => `${e.path}:${e.line}:${e.column} ${e.message}`).join('\n')) });
            continue;
        }
        for (const line of p.matrix) {
            matrix.addRow({
                ...base, clause: line.clause, status: statusLabel(line.status, label),
                rules: t(line.rules.map(r => `${r.id} ${statusLabel(r.status, label)}${r.waivers ? ` (${r.waivers.map(w => `${label(`report.waiver.${w.by}`)}: ${w.reason}`).join('; ')})` : ''}`).join('; ')),
                evidence: t(line.evidence.map(e => `${e.path}:${e.line}:${e.column} ${e.rule}`).join('; '))
            });
        }
    }

    const disclosure = workbook.addWorksheet(label('report.sheetName.disclosure'));
    disclosure.columns = [
        { header: label('report.column.programme'), key: 'programme', width: 22 }, { header: label('report.fact.title'), key: 'title', width: 50 },
        { header: label('report.column.fiscalYear'), key: 'fiscalYear', width: 11 }, { header: label('report.column.recipient'), key: 'recipient', width: 10 },
        { header: label('report.column.recipientName'), key: 'recipientName', width: 24 }, { header: label('report.fact.beneficiaries'), key: 'beneficiaries', width: 36 },
        { header: label('report.fact.fields'), key: 'fields', width: 30 }, { header: label('report.fact.items'), key: 'items', width: 50 },
        { header: label('report.column.amountJpy'), key: 'amount', width: 18, style: { numFmt: YEN_FORMAT } },
        { header: label('report.column.amountOther'), key: 'otherAmount', width: 22 },
        { header: label('report.column.agreementKind'), key: 'agreementKind', width: 20 },
        { header: label('report.column.signed'), key: 'signed', width: 12, style: { numFmt: 'yyyy-mm-dd' } },
        { header: label('report.fact.sources'), key: 'sources', width: 40 }
    ];
    for (const p of report.programmes) {
        const d = p.disclosure;
        disclosure.addRow({
            programme: t(p.id), title: t(d.title), fiscalYear: d.fiscalYear ?? null, recipient: t(d.recipient), recipientName: t(d.recipientName),
            beneficiaries: t(d.beneficiaries.map(b => b.name).join('; ')), fields: t(d.fields.join(', ')),
            items: t(d.items.map(i => `${i.name}${i.quantity !== undefined ? ` × ${i.quantity}` : ''}`).join('; ')),
            amount: d.amount?.currency === 'JPY' ? d.amount.value : null,
            otherAmount: d.amount && d.amount.currency !== 'JPY' ? `${d.amount.value.toLocaleString('en-US')} ${d.amount.currency}` : null,
            agreementKind: t(d.agreement?.kind),
            signed: d.agreement?.signed ? new Date(`${d.agreement.signed}T00:00:00Z`) : null,
            sources: t(d.sources.join('\n'))
        });
    }

    const portfolio = workbook.addWorksheet(label('report.sheetName.portfolio'));
    portfolio.columns = [
        { header: label('report.column.fiscalYear'), key: 'fiscalYear', width: 11 }, { header: label('report.column.by'), key: 'dimension', width: 16 },
        { header: label('report.column.key'), key: 'key', width: 30 }, { header: label('report.column.programmes'), key: 'programmes', width: 12 },
        { header: label('report.column.amountJpy'), key: 'amount', width: 20, style: { numFmt: YEN_FORMAT } }
    ];
    for (const y of report.portfolio.fiscalYears) {
        if (y.envelope !== undefined) {
            portfolio.addRow({ fiscalYear: y.fiscalYear, dimension: label('report.dimension.envelope'), key: t(y.envelopes.map(e => e.name).join(' ')), amount: y.envelope });
            portfolio.addRow({ fiscalYear: y.fiscalYear, dimension: label('report.dimension.remaining'), amount: y.remaining });
        }
        portfolio.addRow({ fiscalYear: y.fiscalYear, dimension: label('report.dimension.total'), programmes: y.programmes, amount: y.amount });
        for (const [dimension, rows] of [
            [label('report.dimension.recipient'), y.byRecipient], [label('report.dimension.field'), y.byField],
            [label('report.dimension.dacGroup'), y.byDacGroup], [label('report.dimension.stage'), y.byStage]
        ] as const) {
            for (const b of rows) {
                portfolio.addRow({ fiscalYear: y.fiscalYear, dimension, key: t(b.key), programmes: b.programmes, amount: b.amount });
            }
        }
        for (const n of y.notSummed) {
            portfolio.addRow({ fiscalYear: y.fiscalYear, dimension: label('report.dimension.notSummed'), key: t(`${n.id}: ${n.reason}`) });
        }
    }
    for (const sheet of [matrix, disclosure, portfolio]) {
        sheet.getRow(1).font = { bold: true };
        sheet.views = [{ state: 'frozen', ySplit: 1 }];
    }
    return new Uint8Array(await workbook.xlsx.writeBuffer());
}
