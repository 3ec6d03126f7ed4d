/**
 * The report as one self-contained HTML page: inline CSS, no script, no external resource (fonts,
 * images, styles), so it opens offline and from an artifact store. Three parts (matrix, disclosure
 * sheets, portfolio) with a table of contents linking every programme. Every text from a file goes
 * through `h` (HTML escaping); anchors are generated (`p1`, `p2`, …), never taken from names.
 */
import { escapeHtml, type ComplianceReport, type Evidence, type ProgrammeReport } from '@osa-policy/language';
import type { Chart } from './charts.js';
import { fiscalYear, formatMoney, STATUS_LABEL, yen } from './shared.js';

const h = (text: string | number | undefined) => text === undefined ? '' : escapeHtml(String(text));

const STYLE = `
/* Every colour keeps text at 4.5:1 or more against its background (WCAG AA; checked by axe in report-browser.test.ts). */
:root { color-scheme: light dark; --fg: #1b1f24; --bg: #ffffff; --muted: #57606a; --line: #d0d7de;
  --met: #1a7f37; --violated: #cf222e; --waived: #6e7781; --na: #636c76; --undetermined: #9a6700; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #30363d;
  --met: #3fb950; --violated: #f85149; --waived: #9198a1; --na: #8b949e; --undetermined: #d29922; } }
body { font: 14px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 72rem; padding: 1rem 2rem; }
nav { border: 1px solid var(--line); padding: .5rem 1rem; margin-bottom: 1rem; }
nav ol { columns: 3; margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.status { font-weight: 600; white-space: nowrap; }
.met { color: var(--met); } .violated { color: var(--violated); } .waived { color: var(--waived); }
.not-applicable { color: var(--na); } .undetermined { color: var(--undetermined); }
.muted { color: var(--muted); }
section.programme { border-top: 2px solid var(--line); padding-top: .5rem; }
code { font-size: 90%; }
figure { display: inline-block; margin: 0 2rem 1rem 0; } figcaption { font-weight: 600; }
/* The charts' labels take the page's muted colour, so they keep their contrast in the dark scheme too. */
figure svg text { fill: var(--muted); }
`;

function evidence(e: Evidence): string {
    return `<code>${h(e.path)}:${e.line}:${e.column}</code> ${h(e.rule)}`;
}

function status(value: keyof typeof STATUS_LABEL): string {
    return `<span class="status ${value}">${STATUS_LABEL[value]}</span>`;
}

function matrixOf(p: ProgrammeReport, anchor: string): string {
    const s = p.summary;
    const out = [`<section class="programme" id="${anchor}-matrix"><h3>${h(p.id)}</h3>`,
        `<p class="muted"><code>${h(p.path)}</code>, lines ${p.lines.start}–${p.lines.end} · <a href="#${anchor}-sheet">disclosure sheet</a></p>`];
    if (!p.assessable) {
        out.push('<p><span class="status violated">not assessable</span>: the programme has syntax errors, so silent rules would prove nothing.</p><ul>');
        out.push(...p.notAssessable!.map(e => `<li>${evidence(e)}: ${h(e.message)}</li>`), '</ul></section>');
        return out.join('\n');
    }
    out.push(`<p>${s.violated} violated, ${s.undetermined} undetermined, ${s.waived} waived, ${s.met} met, ${s['not-applicable']} not applicable</p>`);
    out.push('<table><thead><tr><th>Clause</th><th>Status</th><th>Rules</th><th>Evidence</th></tr></thead><tbody>');
    for (const line of p.matrix) {
        const rules = line.rules.map(r => `${h(r.id)} ${h(r.name)}: ${status(r.status)}${r.severity ? ` (${r.severity})` : ''}`
            + (r.waivers ?? []).map(w => `<br><span class="muted">${w.by}: “${h(w.reason)}”${w.approvedBy ? `, approved by ${h(w.approvedBy)}` : ''}${w.dated ? ` on ${h(w.dated)}` : ''}</span>`).join('')
            + (r.missingData ? `<br><span class="muted">no ${h(r.missingData.join(', '))} for the year</span>` : '')).join('<br>');
        const found = line.evidence.map(e => `${evidence(e)}<br><span class="muted">${h(e.message)}</span>`).join('<br>');
        out.push(`<tr><td>${h(line.clause)}</td><td>${status(line.status)}</td><td>${rules}</td><td>${found}</td></tr>`);
    }
    out.push('</tbody></table>');
    if (p.otherFindings.length > 0) {
        out.push(`<p class="muted">Other findings: ${p.otherFindings.map(e => `${evidence(e)} ${h(e.message)}`).join('; ')}</p>`);
    }
    out.push('</section>');
    return out.join('\n');
}

function sheetOf(p: ProgrammeReport, anchor: string): string {
    const d = p.disclosure;
    const rows: [string, string][] = [
        ['Title', h(d.title)],
        ['Fiscal year', fiscalYear(d.fiscalYear)],
        ['Recipient', d.recipient ? `${h(d.recipientName ?? d.recipient)} (${h(d.recipient)})` : ''],
        ['Beneficiaries', d.beneficiaries.map(b => `${h(b.name)}${b.kind ? ` (${h(b.kind)})` : ''}`).join('<br>')],
        ['Fields', d.fields.map(h).join(', ')],
        ['Items', d.items.length === 0 ? '' : `<ul>${d.items.map(i => `<li>${h(i.name)}${i.quantity !== undefined ? ` × ${i.quantity.toLocaleString('en-US')}` : ''}</li>`).join('')}</ul>`],
        ['Amount', h(formatMoney(d.amount))],
        ['By fiscal year', d.funding.map(f => `${fiscalYear(f.fiscalYear)}: ${h(formatMoney(f.amount))}`).join('<br>')],
        ['Agreement', d.agreement ? `${h(d.agreement.kind ?? 'kind not declared')}${d.agreement.signed ? `, signed ${h(d.agreement.signed)}` : ''}` : ''],
        ['Monitoring', d.monitoring ? [d.monitoring.visits.length > 0 ? `visits ${d.monitoring.visits.map(h).join(', ')}` : 'no visit recorded', `results ${d.monitoring.results}${d.monitoring.published ? `: ${h(d.monitoring.published)}` : ''}`].join('<br>') : ''],
        ['Sources', d.sources.map(h).join('<br>')]
    ];
    return `<section class="programme" id="${anchor}-sheet"><h3>${h(p.id)}</h3>`
        + `<p class="muted"><a href="#${anchor}-matrix">compliance matrix</a></p>`
        + `<table><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('')}</tbody></table></section>`;
}

function portfolioOf(report: ComplianceReport, charts: readonly Chart[]): string {
    const out = [
        ...charts.map(c => `<figure><figcaption>${h(c.title)}</figcaption>${c.svg}</figure>`),
        '<table><thead><tr><th>Fiscal year</th><th class="num">Envelope</th><th class="num">Programmes</th><th class="num">Amount</th><th class="num">Remaining</th><th>Not summed</th></tr></thead><tbody>'];
    for (const y of report.portfolio.fiscalYears) {
        out.push(`<tr><td>${fiscalYear(y.fiscalYear)}</td><td class="num">${yen(y.envelope)}</td><td class="num">${y.programmes}</td><td class="num">${yen(y.amount)}</td>`
            + `<td class="num">${yen(y.remaining)}</td><td>${y.notSummed.map(n => `${h(n.id)} (${h(n.reason)})`).join('<br>')}</td></tr>`);
    }
    out.push('</tbody></table>');
    for (const y of report.portfolio.fiscalYears) {
        const groups: [string, typeof y.byRecipient][] = [['Recipient', y.byRecipient], ['Field', y.byField], ['DAC income group', y.byDacGroup], ['Stage', y.byStage]];
        if (groups.every(([, rows]) => rows.length === 0)) {
            continue;
        }
        out.push(`<h3>${fiscalYear(y.fiscalYear)}</h3>`);
        for (const [label, rows] of groups) {
            out.push(`<table><thead><tr><th>${label}</th><th class="num">Programmes</th><th class="num">Amount</th></tr></thead><tbody>`
                + rows.map(b => `<tr><td>${h(b.key)}</td><td class="num">${b.programmes}</td><td class="num">${yen(b.amount)}</td></tr>`).join('')
                + '</tbody></table>');
        }
    }
    return out.join('\n');
}

/** The page; `charts` are SVG figures placed at the head of the portfolio (see charts.ts). */
export function renderHtml(report: ComplianceReport, version: string, charts: readonly Chart[] = []): string {
    const s = report.summary;
    const anchors = report.programmes.map((_, i) => `p${i + 1}`);
    const out = [
        '<!DOCTYPE html>',
        '<html lang="en"><head><meta charset="utf-8">',
        // Nothing on the page may load or run anything: no script, no remote resource.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>OSA compliance report</title><style>${STYLE}</style></head><body>`,
        '<header><h1>OSA compliance report</h1>',
        `<p>${s.programmes} programmes: ${s.assessable} assessable, ${s.notAssessable} not assessable, ${s.withViolations} with a violated clause. `
            + `Clauses: ${s.clauses.violated} violated, ${s.clauses.undetermined} undetermined, ${s.clauses.waived} waived, ${s.clauses.met} met, ${s.clauses['not-applicable']} not applicable.</p>`,
        `<p class="muted">osa ${h(version)}</p></header>`,
        '<nav aria-label="Contents"><strong>Contents</strong>: <a href="#matrix">Compliance matrix</a> · <a href="#sheets">Disclosure sheets</a> · <a href="#portfolio">Portfolio</a>',
        `<ol>${report.programmes.map((p, i) => `<li><a href="#${anchors[i]}-matrix">${h(p.id)}</a></li>`).join('')}</ol></nav>`,
        '<main>'
    ];
    if (report.problems.length > 0) {
        out.push(`<p><strong>Not read:</strong> ${report.problems.map(p => `<code>${h(p.path)}</code>: ${h(p.message)}`).join('; ')}</p>`);
    }
    out.push('<h2 id="matrix">Compliance matrix</h2>', ...report.programmes.map((p, i) => matrixOf(p, anchors[i])));
    if (report.unattributed.length > 0) {
        out.push('<h3>Findings outside any programme</h3><ul>',
            ...report.unattributed.flatMap(u => u.findings.map(f => `<li>${evidence(f)}: ${h(f.message)}</li>`)), '</ul>');
    }
    out.push('<h2 id="sheets">Disclosure sheets</h2>', '<p class="muted">Only the facts a programme declares for publication: no assessment, no on-file reference, no exception decision.</p>',
        ...report.programmes.map((p, i) => sheetOf(p, anchors[i])));
    out.push('<h2 id="portfolio">Portfolio</h2>', portfolioOf(report, charts));
    out.push('</main></body></html>\n');
    return out.join('\n');
}
