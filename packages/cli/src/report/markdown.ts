/**
 * The report as GitHub-flavoured Markdown, for a pull-request comment or `$GITHUB_STEP_SUMMARY`: a
 * summary, then per programme its matrix and disclosure sheet folded in `<details>`, then the
 * portfolio. Every text from a file goes through `md`, so it cannot open a link, an image, HTML,
 * emphasis or a table cell, and a newline cannot start a new block.
 */
import { escapeHtml, neutraliseMarkdownInline, type ComplianceReport, type Evidence, type Locale, type ProgrammeReport } from '@osa-policy/language';
import { countsText, datasetName, fiscalYear, formatMoney, labelsFor, statusLabel, summaryText, yen, type Label } from './shared.js';

/**
 * Text from a file, shown literally. Besides the inline constructs, GitHub turns bare URLs, `www.`
 * names and e-mail addresses into links (the autolink extension): escaping the `:` of `://`, the dot of
 * `www.` and every `@` splits them, so a sheet cannot plant a clickable link in a pull request.
 */
const md = (text: string | number | undefined) => text === undefined ? ''
    : neutraliseMarkdownInline(String(text)).replace(/:(?=\/\/)/g, '\\:').replace(/\b(www)\./gi, '$1\\.').replace(/@/g, '\\@');

const STATUS_MARK = { met: '✅', violated: '❌', waived: '⚪', 'not-applicable': '➖', undetermined: '❔' } as const;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
    return [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(r => `| ${r.join(' | ')} |`)].join('\n') + '\n';
}

function evidence(e: Evidence): string {
    return `${md(e.rule)} ${md(e.path)}:${e.line}:${e.column}`;
}

function programmeSection(p: ProgrammeReport, label: Label): string {
    const fy = (year: number | undefined) => fiscalYear(year, label);
    // The summary line is inside an HTML block, where Markdown escapes do not apply: HTML escaping instead.
    const heading = p.assessable
        ? `${escapeHtml(p.id)}: ${countsText(p.summary, label)}`
        : `${escapeHtml(p.id)}: ${label('report.notAssessable')}`;
    const out = [`<details><summary>${heading}</summary>\n`];
    out.push(`\n${md(p.path)} ${label('report.lines', { start: p.lines.start, end: p.lines.end })}\n\n`);
    if (!p.assessable) {
        out.push(`${label('report.notAssessable.sentence')}\n\n`);
        out.push(p.notAssessable!.map(e => `- ${md(e.path)}:${e.line}:${e.column} ${md(e.message)}`).join('\n') + '\n\n');
    } else {
        out.push(table([label('report.column.clause'), label('report.column.status'), label('report.column.rules'), label('report.column.evidence')], p.matrix.map(l => [
            md(l.clause),
            `${STATUS_MARK[l.status]} ${statusLabel(l.status, label)}`,
            l.rules.map(r => `${md(r.id)} ${statusLabel(r.status, label)}${r.severity ? ` (${label(`cli.severity.${r.severity}`)})` : ''}`
                + (r.waivers ?? []).map(w => `: ${label(`report.waiver.${w.by}`)} "${md(w.reason)}"${w.approvedBy ? label('report.approvedBy', { name: md(w.approvedBy) }) : ''}${w.dated ? label('report.dated', { date: md(w.dated) }) : ''}`).join('')
                + (r.missingData ? `: ${label('report.missingData', { datasets: r.missingData.map(d => md(datasetName(d, label))) })}` : '')).join('<br>'),
            l.evidence.map(evidence).join('<br>')
        ])));
    }
    if (p.otherFindings.length > 0) {
        out.push(`\n${label('report.otherFindings')} ${p.otherFindings.map(evidence).join('; ')}\n`);
    }
    const d = p.disclosure;
    out.push(`\n**${label('report.sheet')}**\n\n`);
    out.push(table([label('report.column.fact'), label('report.column.declared')], [
        [label('report.fact.title'), md(d.title)],
        [label('report.column.fiscalYear'), fy(d.fiscalYear)],
        [label('report.column.recipient'), d.recipient ? `${md(d.recipientName ?? d.recipient)} (${md(d.recipient)})` : ''],
        [label('report.fact.beneficiaries'), d.beneficiaries.map(b => `${md(b.name)}${b.kind ? ` (${md(b.kind)})` : ''}`).join('<br>')],
        [label('report.fact.fields'), d.fields.map(md).join(', ')],
        [label('report.fact.items'), d.items.map(i => `${md(i.name)}${i.quantity !== undefined ? ` × ${i.quantity}` : ''}`).join('<br>')],
        [label('report.column.amount'), md(formatMoney(d.amount))],
        [label('report.fact.byFiscalYear'), d.funding.map(f => `${fy(f.fiscalYear)}: ${md(formatMoney(f.amount))}`).join('<br>')],
        [label('report.fact.agreement'), d.agreement ? `${d.agreement.kind ? md(d.agreement.kind) : label('report.agreement.kindNotDeclared')}${d.agreement.signed ? label('report.agreement.signed', { date: md(d.agreement.signed) }) : ''}` : ''],
        [label('report.fact.monitoring'), d.monitoring ? [
            d.monitoring.visits.length > 0 ? label('report.monitoring.visits', { visits: d.monitoring.visits.map(md).join(', ') }) : label('report.monitoring.noVisit'),
            `${label('report.monitoring.results', { results: d.monitoring.results })}${d.monitoring.published ? `: ${md(d.monitoring.published)}` : ''}`
        ].join('<br>') : ''],
        [label('report.fact.sources'), d.sources.map(md).join('<br>')]
    ]));
    out.push('\n</details>\n');
    return out.join('');
}

export function renderMarkdown(report: ComplianceReport, locale: Locale = 'en'): string {
    const label = labelsFor(locale);
    const fy = (year: number | undefined) => fiscalYear(year, label);
    const s = report.summary;
    const out = [`# ${label('report.title')}\n\n`];
    out.push(`${summaryText(s, label)}\n\n`);
    if (report.problems.length > 0) {
        out.push(`**${label('report.notRead')}** ${report.problems.map(p => `${md(p.path)}: ${md(p.message)}`).join('; ')}\n\n`);
    }
    out.push(`## ${label('report.section.programmes')}\n\n`);
    out.push(table((['programme', 'fiscalYear', 'recipient', 'violated', 'undetermined', 'waived', 'met', 'notApplicable'] as const).map(c => label(`report.column.${c}`)), report.programmes.map(p => [
        md(p.id), fy(p.disclosure.fiscalYear), md(p.disclosure.recipient),
        ...(p.assessable ? [p.summary.violated, p.summary.undetermined, p.summary.waived, p.summary.met, p.summary['not-applicable']].map(String) : [label('report.notAssessable'), '', '', '', ''])
    ])));
    out.push(`\n## ${label('report.section.matrixAndSheets')}\n\n`);
    out.push(report.programmes.map(p => programmeSection(p, label)).join('\n'));
    out.push(`\n## ${label('report.section.portfolio')}\n\n`);
    out.push(table((['fiscalYear', 'envelope', 'programmes', 'amount', 'remaining', 'notSummed'] as const).map(c => label(`report.column.${c}`)), report.portfolio.fiscalYears.map(y => [
        fy(y.fiscalYear), yen(y.envelope), String(y.programmes), yen(y.amount), yen(y.remaining),
        y.notSummed.map(n => `${md(n.id)} (${md(n.reason)})`).join('<br>')
    ])));
    for (const y of report.portfolio.fiscalYears) {
        const rows = [
            ...y.byRecipient.map(b => [label('report.dimension.recipient'), md(b.key), String(b.programmes), yen(b.amount)]),
            ...y.byField.map(b => [label('report.dimension.field'), md(b.key), String(b.programmes), yen(b.amount)]),
            ...y.byDacGroup.map(b => [label('report.dimension.dacGroup'), md(b.key), String(b.programmes), yen(b.amount)]),
            ...y.byStage.map(b => [label('report.dimension.stage'), md(b.key), String(b.programmes), yen(b.amount)])
        ];
        if (rows.length > 0) {
            out.push(`\n<details><summary>${label('report.breakdownOf', { year: fy(y.fiscalYear) })}</summary>\n\n`);
            out.push(table([label('report.column.by'), label('report.column.key'), label('report.column.programmes'), label('report.column.amount')], rows));
            out.push('\n</details>\n');
        }
    }
    if (report.unattributed.length > 0) {
        out.push(`\n## ${label('report.section.unattributed')}\n\n`);
        out.push(report.unattributed.flatMap(u => u.findings.map(f => `- ${evidence(f)} ${md(f.message)}`)).join('\n') + '\n');
    }
    return out.join('');
}
