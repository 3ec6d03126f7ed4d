/**
 * The compliance report as the webview's page: the matrix and the disclosure sheet per programme and the
 * portfolio's yearly totals (no charts: the CLI's HTML report has them). It reads the JSON contract the
 * server answers `osa/complianceReport` with and imports nothing from VS Code, so tests render it directly.
 *
 * Safety: every text from a file goes through `h` (escapeHtml). The page runs one script, allowed by its
 * nonce; it sends only the index of an evidence link, and the extension looks the location up in the list
 * this renderer returned, so the page can never ask to open a path of its own making.
 *
 * Languages: every label goes through `options.t` (vscode.l10n.t in the extension, so l10n/bundle.l10n.ja.json
 * translates it); the texts from the server (findings, reasons) arrive already in the server's locale.
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
    /** Translates a source text with `{0}` placeholders (vscode.l10n.t); without it, the English text. */
    t?: Translate;
    /** The page's language tag for `<html lang>` (VS Code's display language); `en` by default. */
    lang?: string;
}

export type Translate = (message: string, ...args: (string | number)[]) => string;

/** The source text with its placeholders filled: what vscode.l10n.t answers for English. */
export const english: Translate = (message, ...args) =>
    message.replace(/\{(\d+)\}/g, (whole, index: string) => Number(index) < args.length ? String(args[Number(index)]) : whole);

const h = (text: string | number | undefined): string => text === undefined ? '' : escapeHtml(String(text));

/** The statuses' labels: a function of the translator, so that every label is a literal a test can find. */
const statusLabel = (t: Translate, value: ClauseStatus): string => {
    switch (value) {
        case 'met': return t('met');
        case 'violated': return t('violated');
        case 'waived': return t('waived');
        case 'not-applicable': return t('not applicable');
        default: return t('undetermined');
    }
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

class Renderer {
    readonly locations: EvidenceLocation[] = [];
    private readonly t: Translate;

    constructor(private readonly options: ReportPageOptions) {
        this.t = options.t ?? english;
    }

    /** A translated label as HTML: the translation is escaped like any text. */
    text(message: string, ...args: (string | number)[]): string {
        return h(this.t(message, ...args));
    }

    /**
     * A translated sentence around pieces of HTML (links, spans): the translation is escaped and then the
     * pieces go where its placeholders are, in one pass, so nothing inside a piece is read as a placeholder.
     */
    html(message: string, ...pieces: string[]): string {
        const template = this.t(message, ...pieces.map((_, i) => `{${i}}`));
        return h(template).replace(/\{(\d+)\}/g, (whole, index: string) => pieces[Number(index)] ?? whole);
    }

    fy(year: number | undefined): string {
        return year === undefined ? '' : this.text('FY{0}', year);
    }

    status(value: ClauseStatus): string {
        return `<span class="status ${value}">${h(statusLabel(this.t, value))}</span>`;
    }

    severity(value: string): string {
        switch (value) {
            case 'error': return this.text('error');
            case 'warning': return this.text('warning');
            case 'info': return this.text('info');
            default: return h(value);
        }
    }

    /** A link revealing a location; the page knows only its index. */
    link(location: EvidenceLocation, label?: string): string {
        const index = this.locations.push({ path: location.path, line: location.line, column: location.column }) - 1;
        const text = label ?? `${this.options.displayPath(location.path)}:${location.line}:${location.column}`;
        return `<a href="#" data-evidence="${index}" title="${this.text('Reveal in the editor')}"><code>${h(text)}</code></a>`;
    }

    evidence(e: Evidence): string {
        return `${this.link(e)} ${h(e.rule)}<br><span class="muted">${h(e.message)}</span>`;
    }

    waiver(w: Waiver): string {
        return `<br><span class="muted">${h(w.by)}: “${h(w.reason)}”${w.approvedBy ? this.text(', approved by {0}', w.approvedBy) : ''}`
            + `${w.dated ? this.text(' on {0}', w.dated) : ''} (${this.link({ path: w.path, line: w.line, column: 1 })})</span>`;
    }

    programme(p: ProgrammeReport): string {
        const s = p.summary;
        const out = [`<section class="programme"><h2>${h(p.id)}</h2>`,
            `<p class="muted">${this.html('{0}, lines {1}–{2}', this.link({ path: p.path, line: p.lines.start, column: 1 }), String(p.lines.start), String(p.lines.end))}</p>`];
        if (!p.assessable) {
            out.push(`<p>${this.html('{0}: the programme has syntax errors, so rules that stay silent would prove nothing.', `<span class="status violated">${this.text('not assessable')}</span>`)}</p>`);
            out.push(`<ul>${(p.notAssessable ?? []).map(e => `<li>${this.evidence(e)}</li>`).join('')}</ul>`);
        } else {
            out.push(`<p>${this.text('{0} violated, {1} undetermined, {2} waived, {3} met, {4} not applicable', s.violated, s.undetermined, s.waived, s.met, s['not-applicable'])}</p>`);
            out.push(`<h3>${this.text('Compliance matrix')}</h3><table><thead><tr><th>${this.text('Clause')}</th><th>${this.text('Status')}</th>`
                + `<th>${this.text('Rules')}</th><th>${this.text('Evidence')}</th></tr></thead><tbody>`);
            for (const line of p.matrix) {
                const rules = line.rules.map(r => `${h(r.id)} ${h(r.name)}: ${this.status(r.status)}${r.severity ? ` (${this.severity(r.severity)})` : ''}`
                    + (r.waivers ?? []).map(w => this.waiver(w)).join('')
                    + (r.missingData ? `<br><span class="muted">${this.text('no {0} for the year', r.missingData.join(', '))}</span>` : '')).join('<br>');
                out.push(`<tr><td>${h(line.clause)}</td><td>${this.status(line.status)}</td><td>${rules}</td><td>${line.evidence.map(e => this.evidence(e)).join('<br>')}</td></tr>`);
            }
            out.push('</tbody></table>');
        }
        if (p.otherFindings.length > 0) {
            out.push(`<p class="muted">${this.text('Other findings:')}</p><ul>${p.otherFindings.map(e => `<li>${this.evidence(e)}</li>`).join('')}</ul>`);
        }
        out.push(`<h3>${this.text('Disclosure sheet')}</h3>`, this.sheet(p), '</section>');
        return out.join('\n');
    }

    page(report: ComplianceReport): string {
        const s = report.summary;
        const c = s.clauses;
        const { nonce, cspSource } = this.options;
        const body = [
            `<h1>${this.text('OSA compliance report: {0}', this.options.scope)}</h1>`,
            `<p>${s.programmes === 1
                ? this.text('1 programme, {0} with violations, {1} not assessable.', s.withViolations, s.notAssessable)
                : this.text('{0} programmes, {1} with violations, {2} not assessable.', s.programmes, s.withViolations, s.notAssessable)} `
            + `${this.text('Clauses: {0} violated, {1} undetermined, {2} waived, {3} met, {4} not applicable.', c.violated, c.undetermined, c.waived, c.met, c['not-applicable'])}</p>`,
            ...report.programmes.map(p => this.programme(p)),
            this.portfolio(report),
            ...report.unattributed.map(u => `<h2>${this.html('Other findings in {0}', `<code>${h(this.options.displayPath(u.path))}</code>`)}</h2><ul>${u.findings.map(e => `<li>${this.evidence(e)}</li>`).join('')}</ul>`),
            ...(report.problems.length > 0 ? [`<h2>${this.text('Not checked')}</h2><ul>${report.problems.map(p => `<li><code>${h(this.options.displayPath(p.path))}</code>: ${h(p.message)}</li>`).join('')}</ul>`] : [])
        ];
        return [
            `<!DOCTYPE html><html lang="${h(this.options.lang ?? 'en')}"><head><meta charset="utf-8">`,
            // Nothing remote; the one style sheet and the one script run by their nonce.
            `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${h(cspSource)} 'nonce-${h(nonce)}'; script-src 'nonce-${h(nonce)}';">`,
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            `<title>${this.text('OSA compliance report')}</title><style nonce="${h(nonce)}">${STYLE}</style></head><body>`,
            ...body,
            `<script nonce="${h(nonce)}">${SCRIPT}</script></body></html>`
        ].join('\n');
    }

    /** The public sheet: only what the model's disclosure part holds (never assessments or justifications). */
    sheet(p: ProgrammeReport): string {
        const d = p.disclosure;
        const fy = (year: number | undefined) => this.fy(year);
        const rows: [string, string][] = [
            [this.text('Title'), h(d.title)],
            [this.text('Fiscal year'), fy(d.fiscalYear)],
            [this.text('Recipient'), d.recipient ? `${h(d.recipientName ?? d.recipient)} (${h(d.recipient)})` : ''],
            [this.text('Beneficiaries'), d.beneficiaries.map(b => `${h(b.name)}${b.kind ? ` (${h(b.kind)})` : ''}`).join('<br>')],
            [this.text('Fields'), d.fields.map(h).join(', ')],
            [this.text('Items'), d.items.map(i => `${h(i.name)}${i.quantity !== undefined ? ` × ${i.quantity.toLocaleString('en-US')}` : ''}`).join('<br>')],
            [this.text('Amount'), h(money(d.amount))],
            [this.text('By fiscal year'), d.funding.map(f => `${fy(f.fiscalYear)}: ${h(money(f.amount))}`).join('<br>')],
            [this.text('Agreement'), d.agreement ? `${d.agreement.kind ? h(d.agreement.kind) : this.text('kind not declared')}${d.agreement.signed ? this.text(', signed {0}', d.agreement.signed) : ''}` : ''],
            [this.text('Monitoring'), d.monitoring ? `${d.monitoring.visits.length > 0 ? this.text('visits {0}', d.monitoring.visits.join(', ')) : this.text('no visit recorded')}`
                + `<br>${this.text('results {0}', d.monitoring.results)}${d.monitoring.published ? `: ${h(d.monitoring.published)}` : ''}` : ''],
            [this.text('Sources'), d.sources.map(h).join('<br>')]
        ];
        return `<table><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
    }

    portfolio(report: ComplianceReport): string {
        if (report.portfolio.fiscalYears.length === 0) {
            return '';
        }
        return `<h2>${this.text('Portfolio')}</h2><table><thead><tr><th>${this.text('Fiscal year')}</th><th>${this.text('Envelope')}</th><th>${this.text('Programmes')}</th>`
            + `<th>${this.text('Amount')}</th><th>${this.text('Remaining')}</th><th>${this.text('Not summed')}</th></tr></thead><tbody>`
            + report.portfolio.fiscalYears.map(y => `<tr><td>${this.fy(y.fiscalYear)}</td><td class="num">${yen(y.envelope)}</td><td class="num">${y.programmes}</td>`
                + `<td class="num">${yen(y.amount)}</td><td class="num">${yen(y.remaining)}</td><td>${y.notSummed.map(n => `${h(n.id)} (${h(n.reason)})`).join('<br>')}</td></tr>`).join('')
            + '</tbody></table>';
    }
}

export function renderReportPage(report: ComplianceReport, options: ReportPageOptions): ReportPage {
    const renderer = new Renderer(options);
    const html = renderer.page(report);
    return { html, locations: renderer.locations };
}
