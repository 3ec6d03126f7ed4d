/**
 * The compliance report as the webview's page: the matrix and the disclosure sheet per programme and the
 * portfolio's yearly totals (no charts: the CLI's HTML report has them). It reads the JSON contract the
 * server answers `osa/complianceReport` with and imports nothing from VS Code, so tests render it directly.
 *
 * Safety: every text from a file goes through `h` (escapeHtml). The page runs one script, allowed by its
 * nonce; it sends only the index of an evidence link, and the extension looks the location up in the list
 * this renderer returned, so the page can never ask to open a path of its own making.
 */
import type { ClauseStatus, ComplianceReport, Evidence, Money, ProgrammeReport, Waiver } from '@osa-policy/language';
import { escapeHtml } from '@osa-policy/language/neutralise';

/** A location an evidence link reveals (1-based, absolute path). */
export interface EvidenceLocation {
    path: string;
    line: number;
    column: number;
}

export interface ReportPage {
    html: string;
    /** The locations of the page's evidence links, by the index the page posts. */
    locations: EvidenceLocation[];
}

export interface ReportPageOptions {
    /** The webview's `cspSource`, allowed for styles alongside the nonce. */
    cspSource: string;
    nonce: string;
    /** What the report covers, e.g. the file name or "workspace". */
    scope: string;
    /** How a path is shown (relative to the workspace). */
    displayPath: (absolute: string) => string;
}

const h = (text: string | number | undefined): string => text === undefined ? '' : escapeHtml(String(text));

const STATUS_LABEL: Readonly<Record<ClauseStatus, string>> = {
    met: 'met', violated: 'violated', waived: 'waived', 'not-applicable': 'not applicable', undetermined: 'undetermined'
};

/** Theme colours only: the page follows the editor's light, dark and high-contrast themes. */
const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground);
  background: var(--vscode-editor-background); padding: 0 1rem 1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, currentColor)); padding: .2rem .4rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
a { color: var(--vscode-textLink-foreground); } a:hover, a:focus { color: var(--vscode-textLink-activeForeground); }
a:focus { outline: 1px solid var(--vscode-focusBorder); }
code { font-family: var(--vscode-editor-font-family); }
.status { font-weight: 600; white-space: nowrap; }
.met { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
.violated { color: var(--vscode-errorForeground); }
.waived { color: var(--vscode-descriptionForeground); }
.not-applicable { color: var(--vscode-disabledForeground, var(--vscode-descriptionForeground)); }
.undetermined { color: var(--vscode-editorWarning-foreground, var(--vscode-foreground)); }
.muted { color: var(--vscode-descriptionForeground); }
section.programme { border-top: 1px solid var(--vscode-panel-border, currentColor); margin-top: 1rem; }
`;

/** Posts the index of a clicked evidence link; the extension reveals the location. */
const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', event => {
  const link = event.target instanceof Element ? event.target.closest('a[data-evidence]') : null;
  if (link) {
    event.preventDefault();
    vscode.postMessage({ type: 'reveal', index: Number(link.getAttribute('data-evidence')) });
  }
});
`;

function money(value: Money | undefined): string {
    if (!value) {
        return '';
    }
    const digits = value.value.toLocaleString('en-US');
    return value.currency === 'JPY' ? `¥${digits}` : `${digits} ${value.currency}`;
}

const yen = (value: number | undefined) => value === undefined ? '' : money({ value, currency: 'JPY' });
const fy = (year: number | undefined) => year === undefined ? '' : `FY${year}`;
const status = (value: ClauseStatus) => `<span class="status ${value}">${STATUS_LABEL[value]}</span>`;

class Renderer {
    readonly locations: EvidenceLocation[] = [];

    constructor(private readonly options: ReportPageOptions) { }

    /** A link revealing a location; the page knows only its index. */
    link(location: EvidenceLocation, label?: string): string {
        const index = this.locations.push({ path: location.path, line: location.line, column: location.column }) - 1;
        const text = label ?? `${this.options.displayPath(location.path)}:${location.line}:${location.column}`;
        return `<a href="#" data-evidence="${index}" title="Reveal in the editor"><code>${h(text)}</code></a>`;
    }

    evidence(e: Evidence): string {
        return `${this.link(e)} ${h(e.rule)}<br><span class="muted">${h(e.message)}</span>`;
    }

    waiver(w: Waiver): string {
        return `<br><span class="muted">${w.by}: “${h(w.reason)}”${w.approvedBy ? `, approved by ${h(w.approvedBy)}` : ''}`
            + `${w.dated ? ` on ${h(w.dated)}` : ''} (${this.link({ path: w.path, line: w.line, column: 1 })})</span>`;
    }

    programme(p: ProgrammeReport): string {
        const s = p.summary;
        const out = [`<section class="programme"><h2>${h(p.id)}</h2>`,
            `<p class="muted">${this.link({ path: p.path, line: p.lines.start, column: 1 })}, lines ${p.lines.start}–${p.lines.end}</p>`];
        if (!p.assessable) {
            out.push('<p><span class="status violated">not assessable</span>: the programme has syntax errors, so rules that stay silent would prove nothing.</p>');
            out.push(`<ul>${(p.notAssessable ?? []).map(e => `<li>${this.evidence(e)}</li>`).join('')}</ul>`);
        } else {
            out.push(`<p>${s.violated} violated, ${s.undetermined} undetermined, ${s.waived} waived, ${s.met} met, ${s['not-applicable']} not applicable</p>`);
            out.push('<h3>Compliance matrix</h3><table><thead><tr><th>Clause</th><th>Status</th><th>Rules</th><th>Evidence</th></tr></thead><tbody>');
            for (const line of p.matrix) {
                const rules = line.rules.map(r => `${h(r.id)} ${h(r.name)}: ${status(r.status)}${r.severity ? ` (${r.severity})` : ''}`
                    + (r.waivers ?? []).map(w => this.waiver(w)).join('')
                    + (r.missingData ? `<br><span class="muted">no ${h(r.missingData.join(', '))} for the year</span>` : '')).join('<br>');
                out.push(`<tr><td>${h(line.clause)}</td><td>${status(line.status)}</td><td>${rules}</td><td>${line.evidence.map(e => this.evidence(e)).join('<br>')}</td></tr>`);
            }
            out.push('</tbody></table>');
        }
        if (p.otherFindings.length > 0) {
            out.push(`<p class="muted">Other findings:</p><ul>${p.otherFindings.map(e => `<li>${this.evidence(e)}</li>`).join('')}</ul>`);
        }
        out.push('<h3>Disclosure sheet</h3>', sheet(p), '</section>');
        return out.join('\n');
    }

    page(report: ComplianceReport): string {
        const s = report.summary;
        const c = s.clauses;
        const { nonce, cspSource } = this.options;
        const body = [
            `<h1>OSA compliance report: ${h(this.options.scope)}</h1>`,
            `<p>${s.programmes} programme${s.programmes === 1 ? '' : 's'}, ${s.withViolations} with violations, ${s.notAssessable} not assessable. `
            + `Clauses: ${c.violated} violated, ${c.undetermined} undetermined, ${c.waived} waived, ${c.met} met, ${c['not-applicable']} not applicable.</p>`,
            ...report.programmes.map(p => this.programme(p)),
            portfolio(report),
            ...report.unattributed.map(u => `<h2>Other findings in <code>${h(this.options.displayPath(u.path))}</code></h2><ul>${u.findings.map(e => `<li>${this.evidence(e)}</li>`).join('')}</ul>`),
            ...(report.problems.length > 0 ? [`<h2>Not checked</h2><ul>${report.problems.map(p => `<li><code>${h(this.options.displayPath(p.path))}</code>: ${h(p.message)}</li>`).join('')}</ul>`] : [])
        ];
        return [
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
            // Nothing remote; the one style sheet and the one script run by their nonce.
            `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${h(cspSource)} 'nonce-${h(nonce)}'; script-src 'nonce-${h(nonce)}';">`,
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            `<title>OSA compliance report</title><style nonce="${h(nonce)}">${STYLE}</style></head><body>`,
            ...body,
            `<script nonce="${h(nonce)}">${SCRIPT}</script></body></html>`
        ].join('\n');
    }
}

/** The public sheet: only what the model's disclosure part holds (never assessments or justifications). */
function sheet(p: ProgrammeReport): string {
    const d = p.disclosure;
    const rows: [string, string][] = [
        ['Title', h(d.title)],
        ['Fiscal year', fy(d.fiscalYear)],
        ['Recipient', d.recipient ? `${h(d.recipientName ?? d.recipient)} (${h(d.recipient)})` : ''],
        ['Beneficiaries', d.beneficiaries.map(b => `${h(b.name)}${b.kind ? ` (${h(b.kind)})` : ''}`).join('<br>')],
        ['Fields', d.fields.map(h).join(', ')],
        ['Items', d.items.map(i => `${h(i.name)}${i.quantity !== undefined ? ` × ${i.quantity.toLocaleString('en-US')}` : ''}`).join('<br>')],
        ['Amount', h(money(d.amount))],
        ['By fiscal year', d.funding.map(f => `${fy(f.fiscalYear)}: ${h(money(f.amount))}`).join('<br>')],
        ['Agreement', d.agreement ? `${h(d.agreement.kind ?? 'kind not declared')}${d.agreement.signed ? `, signed ${h(d.agreement.signed)}` : ''}` : ''],
        ['Monitoring', d.monitoring ? `${d.monitoring.visits.length > 0 ? `visits ${d.monitoring.visits.map(h).join(', ')}` : 'no visit recorded'}<br>results ${h(d.monitoring.results)}${d.monitoring.published ? `: ${h(d.monitoring.published)}` : ''}` : ''],
        ['Sources', d.sources.map(h).join('<br>')]
    ];
    return `<table><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
}

function portfolio(report: ComplianceReport): string {
    if (report.portfolio.fiscalYears.length === 0) {
        return '';
    }
    return '<h2>Portfolio</h2><table><thead><tr><th>Fiscal year</th><th>Envelope</th><th>Programmes</th><th>Amount</th><th>Remaining</th><th>Not summed</th></tr></thead><tbody>'
        + report.portfolio.fiscalYears.map(y => `<tr><td>${fy(y.fiscalYear)}</td><td class="num">${yen(y.envelope)}</td><td class="num">${y.programmes}</td>`
            + `<td class="num">${yen(y.amount)}</td><td class="num">${yen(y.remaining)}</td><td>${y.notSummed.map(n => `${h(n.id)} (${h(n.reason)})`).join('<br>')}</td></tr>`).join('')
        + '</tbody></table>';
}

export function renderReportPage(report: ComplianceReport, options: ReportPageOptions): ReportPage {
    const renderer = new Renderer(options);
    const html = renderer.page(report);
    return { html, locations: renderer.locations };
}
