/**
 * The report as GitHub-flavoured Markdown, for a pull-request comment or `$GITHUB_STEP_SUMMARY`: a
 * summary, then per programme its matrix and disclosure sheet folded in `<details>`, then the
 * portfolio. Every text from a file goes through `md`, so it cannot open a link, an image, HTML,
 * emphasis or a table cell, and a newline cannot start a new block.
 */
import { escapeHtml, neutraliseMarkdownInline, type ComplianceReport, type Evidence, type ProgrammeReport } from '@osa-policy/language';
import { fiscalYear, formatMoney, STATUS_LABEL, yen } from './shared.js';

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

function programmeSection(p: ProgrammeReport): string {
    const s = p.summary;
    // The summary line is inside an HTML block, where Markdown escapes do not apply: HTML escaping instead.
    const heading = p.assessable
        ? `${escapeHtml(p.id)}: ${s.violated} violated, ${s.undetermined} undetermined, ${s.waived} waived, ${s.met} met, ${s['not-applicable']} not applicable`
        : `${escapeHtml(p.id)}: not assessable`;
    const out = [`<details><summary>${heading}</summary>\n`];
    out.push(`\n${md(p.path)} lines ${p.lines.start}–${p.lines.end}\n\n`);
    if (!p.assessable) {
        out.push('Not assessable: the programme has syntax errors, so silent rules would prove nothing.\n\n');
        out.push(p.notAssessable!.map(e => `- ${md(e.path)}:${e.line}:${e.column} ${md(e.message)}`).join('\n') + '\n\n');
    } else {
        out.push(table(['Clause', 'Status', 'Rules', 'Evidence'], p.matrix.map(l => [
            md(l.clause),
            `${STATUS_MARK[l.status]} ${STATUS_LABEL[l.status]}`,
            l.rules.map(r => `${md(r.id)} ${STATUS_LABEL[r.status]}${r.severity ? ` (${r.severity})` : ''}`
                + (r.waivers ?? []).map(w => `: ${w.by} "${md(w.reason)}"${w.approvedBy ? `, approved by ${md(w.approvedBy)}` : ''}${w.dated ? ` on ${md(w.dated)}` : ''}`).join('')
                + (r.missingData ? `: no ${md(r.missingData.join(', '))} for the year` : '')).join('<br>'),
            l.evidence.map(evidence).join('<br>')
        ])));
    }
    if (p.otherFindings.length > 0) {
        out.push(`\nOther findings: ${p.otherFindings.map(evidence).join('; ')}\n`);
    }
    const d = p.disclosure;
    out.push('\n**Disclosure sheet**\n\n');
    out.push(table(['Fact', 'Declared'], [
        ['Title', md(d.title)],
        ['Fiscal year', fiscalYear(d.fiscalYear)],
        ['Recipient', d.recipient ? `${md(d.recipientName ?? d.recipient)} (${md(d.recipient)})` : ''],
        ['Beneficiaries', d.beneficiaries.map(b => `${md(b.name)}${b.kind ? ` (${md(b.kind)})` : ''}`).join('<br>')],
        ['Fields', d.fields.map(md).join(', ')],
        ['Items', d.items.map(i => `${md(i.name)}${i.quantity !== undefined ? ` × ${i.quantity}` : ''}`).join('<br>')],
        ['Amount', md(formatMoney(d.amount))],
        ['By fiscal year', d.funding.map(f => `${fiscalYear(f.fiscalYear)}: ${md(formatMoney(f.amount))}`).join('<br>')],
        ['Agreement', d.agreement ? `${md(d.agreement.kind ?? 'kind not declared')}${d.agreement.signed ? `, signed ${md(d.agreement.signed)}` : ''}` : ''],
        ['Monitoring', d.monitoring ? [d.monitoring.visits.length > 0 ? `visits ${d.monitoring.visits.map(md).join(', ')}` : 'no visit recorded', `results ${d.monitoring.results}${d.monitoring.published ? `: ${md(d.monitoring.published)}` : ''}`].join('<br>') : ''],
        ['Sources', d.sources.map(md).join('<br>')]
    ]));
    out.push('\n</details>\n');
    return out.join('');
}

export function renderMarkdown(report: ComplianceReport): string {
    const s = report.summary;
    const out = ['# OSA compliance report\n\n'];
    out.push(`${s.programmes} programmes: ${s.assessable} assessable, ${s.notAssessable} not assessable, ${s.withViolations} with a violated clause. `
        + `Clauses: ${s.clauses.violated} violated, ${s.clauses.undetermined} undetermined, ${s.clauses.waived} waived, ${s.clauses.met} met, ${s.clauses['not-applicable']} not applicable.\n\n`);
    if (report.problems.length > 0) {
        out.push(`**Not read:** ${report.problems.map(p => `${md(p.path)}: ${md(p.message)}`).join('; ')}\n\n`);
    }
    out.push('## Programmes\n\n');
    out.push(table(['Programme', 'Fiscal year', 'Recipient', 'Violated', 'Undetermined', 'Waived', 'Met', 'Not applicable'], report.programmes.map(p => [
        md(p.id), fiscalYear(p.disclosure.fiscalYear), md(p.disclosure.recipient),
        ...(p.assessable ? [p.summary.violated, p.summary.undetermined, p.summary.waived, p.summary.met, p.summary['not-applicable']].map(String) : ['not assessable', '', '', '', ''])
    ])));
    out.push('\n## Compliance matrix and disclosure sheets\n\n');
    out.push(report.programmes.map(programmeSection).join('\n'));
    out.push('\n## Portfolio\n\n');
    out.push(table(['Fiscal year', 'Envelope', 'Programmes', 'Amount', 'Remaining', 'Not summed'], report.portfolio.fiscalYears.map(y => [
        fiscalYear(y.fiscalYear), yen(y.envelope), String(y.programmes), yen(y.amount), yen(y.remaining),
        y.notSummed.map(n => `${md(n.id)} (${md(n.reason)})`).join('<br>')
    ])));
    for (const y of report.portfolio.fiscalYears) {
        const rows = [
            ...y.byRecipient.map(b => ['recipient', md(b.key), String(b.programmes), yen(b.amount)]),
            ...y.byField.map(b => ['field', md(b.key), String(b.programmes), yen(b.amount)]),
            ...y.byDacGroup.map(b => ['DAC income group', md(b.key), String(b.programmes), yen(b.amount)]),
            ...y.byStage.map(b => ['stage', md(b.key), String(b.programmes), yen(b.amount)])
        ];
        if (rows.length > 0) {
            out.push(`\n<details><summary>${fiscalYear(y.fiscalYear)} by recipient, field, DAC income group and stage</summary>\n\n`);
            out.push(table(['By', 'Key', 'Programmes', 'Amount'], rows));
            out.push('\n</details>\n');
        }
    }
    if (report.unattributed.length > 0) {
        out.push('\n## Findings outside any programme\n\n');
        out.push(report.unattributed.flatMap(u => u.findings.map(f => `- ${evidence(f)} ${md(f.message)}`)).join('\n') + '\n');
    }
    return out.join('');
}
