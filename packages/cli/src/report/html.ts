/**
 * The report as one self-contained HTML page: inline CSS, no script, no external resource (fonts,
 * images, styles), so it opens offline and from an artifact store. Three parts (matrix, disclosure
 * sheets, portfolio) with a table of contents linking every programme. Every text from a file goes
 * through `h` (HTML escaping); anchors are generated (`p1`, `p2`, …), never taken from names.
 */
import { escapeHtml, type ClauseStatus, type ComplianceReport, type Evidence, type Locale, type MessageId, type ProgrammeReport } from '@osa-policy/language';
import type { Chart } from './charts.js';
import { countsText, datasetName, fiscalYear, formatMoney, labelsFor, statusLabel, summaryText, yen, type Label } from './shared.js';

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

function status(value: ClauseStatus, label: Label): string {
    return `<span class="status ${value}">${statusLabel(value, label)}</span>`;
}

function matrixOf(p: ProgrammeReport, anchor: string, label: Label): string {
    const out = [`<section class="programme" id="${anchor}-matrix"><h3>${h(p.id)}</h3>`,
        `<p class="muted"><code>${h(p.path)}</code>, ${label('report.lines', { start: p.lines.start, end: p.lines.end })} · <a href="#${anchor}-sheet">${label('report.link.sheet')}</a></p>`];
    if (!p.assessable) {
        out.push(`<p><span class="status violated">${label('report.notAssessable')}</span>: ${label('report.notAssessable.why')}</p><ul>`);
        out.push(...p.notAssessable!.map(e => `<li>${evidence(e)}: ${h(e.message)}</li>`), '</ul></section>');
        return out.join('\n');
    }
    out.push(`<p>${countsText(p.summary, label)}</p>`);
    out.push(`<table><thead><tr><th>${label('report.column.clause')}</th><th>${label('report.column.status')}</th><th>${label('report.column.rules')}</th><th>${label('report.column.evidence')}</th></tr></thead><tbody>`);
    for (const line of p.matrix) {
        const rules = line.rules.map(r => `${h(r.id)} ${h(r.name)}: ${status(r.status, label)}${r.severity ? ` (${label(`cli.severity.${r.severity}`)})` : ''}`
            + (r.waivers ?? []).map(w => `<br><span class="muted">${label(`report.waiver.${w.by}`)}: “${h(w.reason)}”${w.approvedBy ? h(label('report.approvedBy', { name: w.approvedBy })) : ''}${w.dated ? h(label('report.dated', { date: w.dated })) : ''}</span>`).join('')
            + (r.missingData ? `<br><span class="muted">${h(label('report.missingData', { datasets: r.missingData.map(d => datasetName(d, label)) }))}</span>` : '')).join('<br>');
        const found = line.evidence.map(e => `${evidence(e)}<br><span class="muted">${h(e.message)}</span>`).join('<br>');
        out.push(`<tr><td>${h(line.clause)}</td><td>${status(line.status, label)}</td><td>${rules}</td><td>${found}</td></tr>`);
    }
    out.push('</tbody></table>');
    if (p.otherFindings.length > 0) {
        out.push(`<p class="muted">${label('report.otherFindings')} ${p.otherFindings.map(e => `${evidence(e)} ${h(e.message)}`).join('; ')}</p>`);
    }
    out.push('</section>');
    return out.join('\n');
}

function sheetOf(p: ProgrammeReport, anchor: string, label: Label): string {
    const d = p.disclosure;
    const fy = (year: number | undefined) => fiscalYear(year, label);
    const rows: [string, string][] = [
        [label('report.fact.title'), h(d.title)],
        [label('report.column.fiscalYear'), fy(d.fiscalYear)],
        [label('report.column.recipient'), d.recipient ? `${h(d.recipientName ?? d.recipient)} (${h(d.recipient)})` : ''],
        [label('report.fact.beneficiaries'), d.beneficiaries.map(b => `${h(b.name)}${b.kind ? ` (${h(b.kind)})` : ''}`).join('<br>')],
        [label('report.fact.fields'), d.fields.map(h).join(', ')],
        [label('report.fact.items'), d.items.length === 0 ? '' : `<ul>${d.items.map(i => `<li>${h(i.name)}${i.quantity !== undefined ? ` × ${i.quantity.toLocaleString('en-US')}` : ''}</li>`).join('')}</ul>`],
        [label('report.column.amount'), h(formatMoney(d.amount))],
        [label('report.fact.byFiscalYear'), d.funding.map(f => `${fy(f.fiscalYear)}: ${h(formatMoney(f.amount))}`).join('<br>')],
        [label('report.fact.agreement'), d.agreement ? `${h(d.agreement.kind ?? label('report.agreement.kindNotDeclared'))}${d.agreement.signed ? h(label('report.agreement.signed', { date: d.agreement.signed })) : ''}` : ''],
        [label('report.fact.monitoring'), d.monitoring ? [
            d.monitoring.visits.length > 0 ? h(label('report.monitoring.visits', { visits: d.monitoring.visits.join(', ') })) : label('report.monitoring.noVisit'),
            `${h(label('report.monitoring.results', { results: d.monitoring.results }))}${d.monitoring.published ? `: ${h(d.monitoring.published)}` : ''}`
        ].join('<br>') : ''],
        [label('report.fact.sources'), d.sources.map(h).join('<br>')]
    ];
    return `<section class="programme" id="${anchor}-sheet"><h3>${h(p.id)}</h3>`
        + `<p class="muted"><a href="#${anchor}-matrix">${label('report.link.matrix')}</a></p>`
        + `<table><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('')}</tbody></table></section>`;
}

function portfolioOf(report: ComplianceReport, charts: readonly Chart[], label: Label): string {
    const fy = (year: number | undefined) => fiscalYear(year, label);
    const num = (id: MessageId) => `<th class="num">${label(id)}</th>`;
    const out = [
        ...charts.map(c => `<figure><figcaption>${h(c.title)}</figcaption>${c.svg}</figure>`),
        `<table><thead><tr><th>${label('report.column.fiscalYear')}</th>${num('report.column.envelope')}${num('report.column.programmes')}${num('report.column.amount')}${num('report.column.remaining')}<th>${label('report.column.notSummed')}</th></tr></thead><tbody>`];
    for (const y of report.portfolio.fiscalYears) {
        out.push(`<tr><td>${fy(y.fiscalYear)}</td><td class="num">${yen(y.envelope)}</td><td class="num">${y.programmes}</td><td class="num">${yen(y.amount)}</td>`
            + `<td class="num">${yen(y.remaining)}</td><td>${y.notSummed.map(n => `${h(n.id)} (${h(n.reason)})`).join('<br>')}</td></tr>`);
    }
    out.push('</tbody></table>');
    for (const y of report.portfolio.fiscalYears) {
        const groups: [MessageId, typeof y.byRecipient][] = [
            ['report.column.recipient', y.byRecipient], ['report.column.field', y.byField], ['report.column.dacGroup', y.byDacGroup], ['report.column.stage', y.byStage]
        ];
        if (groups.every(([, rows]) => rows.length === 0)) {
            continue;
        }
        out.push(`<h3>${fy(y.fiscalYear)}</h3>`);
        for (const [heading, rows] of groups) {
            out.push(`<table><thead><tr><th>${label(heading)}</th>${num('report.column.programmes')}${num('report.column.amount')}</tr></thead><tbody>`
                + rows.map(b => `<tr><td>${h(b.key)}</td><td class="num">${b.programmes}</td><td class="num">${yen(b.amount)}</td></tr>`).join('')
                + '</tbody></table>');
        }
    }
    return out.join('\n');
}

/** The page; `charts` are SVG figures placed at the head of the portfolio (see charts.ts). */
export function renderHtml(report: ComplianceReport, version: string, charts: readonly Chart[] = [], locale: Locale = 'en'): string {
    const label = labelsFor(locale);
    const s = report.summary;
    const anchors = report.programmes.map((_, i) => `p${i + 1}`);
    const out = [
        '<!DOCTYPE html>',
        `<html lang="${locale}"><head><meta charset="utf-8">`,
        // Nothing on the page may load or run anything: no script, no remote resource.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${label('report.title')}</title><style>${STYLE}</style></head><body>`,
        `<header><h1>${label('report.title')}</h1>`,
        `<p>${summaryText(s, label)}</p>`,
        `<p class="muted">osa ${h(version)}</p></header>`,
        `<nav aria-label="${label('report.contents')}"><strong>${label('report.contents')}</strong>: <a href="#matrix">${label('report.section.matrix')}</a> · <a href="#sheets">${label('report.section.sheets')}</a> · <a href="#portfolio">${label('report.section.portfolio')}</a>`,
        `<ol>${report.programmes.map((p, i) => `<li><a href="#${anchors[i]}-matrix">${h(p.id)}</a></li>`).join('')}</ol></nav>`,
        '<main>'
    ];
    if (report.problems.length > 0) {
        out.push(`<p><strong>${label('report.notRead')}</strong> ${report.problems.map(p => `<code>${h(p.path)}</code>: ${h(p.message)}`).join('; ')}</p>`);
    }
    out.push(`<h2 id="matrix">${label('report.section.matrix')}</h2>`, ...report.programmes.map((p, i) => matrixOf(p, anchors[i], label)));
    if (report.unattributed.length > 0) {
        out.push(`<h3>${label('report.section.unattributed')}</h3><ul>`,
            ...report.unattributed.flatMap(u => u.findings.map(f => `<li>${evidence(f)}: ${h(f.message)}</li>`)), '</ul>');
    }
    out.push(`<h2 id="sheets">${label('report.section.sheets')}</h2>`, `<p class="muted">${label('report.sheetsNote')}</p>`,
        ...report.programmes.map((p, i) => sheetOf(p, anchors[i], label)));
    out.push(`<h2 id="portfolio">${label('report.section.portfolio')}</h2>`, portfolioOf(report, charts, label));
    out.push('</main></body></html>\n');
    return out.join('\n');
}
