/**
 * The report side panel: the compliance matrix, disclosure sheet and portfolio of `osa report`, as the
 * server computes them (`osa/complianceReport`, the same model as the CLI's report) for the whole
 * workspace, refreshed after each check. Built with DOM calls only: every text from the workspace
 * (titles, names, sources, messages) is textContent. Its labels are the page's (page-text.ts): the
 * report model carries values and the server's localized findings, not table headings.
 */
import type { ClauseStatus, ComplianceReport, ProgrammeReport, StatusCounts } from '@osa-policy/language/browser';
import { pageLocale, t, type TextKey } from './page-text.js';

type Go = (path: string, line: number) => void;

const STATUS_ORDER: readonly ClauseStatus[] = ['violated', 'waived', 'undetermined', 'met', 'not-applicable'];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (text !== undefined) {
        node.textContent = text;
    }
    if (className) {
        node.className = className;
    }
    return node;
}

function counts(summary: StatusCounts): string {
    return STATUS_ORDER.filter(s => summary[s] > 0).map(s => t('report.count', { count: summary[s], status: statusText(s) })).join(t('report.countSeparator')) || t('report.noClauses');
}

function statusText(status: ClauseStatus): string {
    return t(`report.status.${status}` as TextKey);
}

function number(value: number): string {
    return value.toLocaleString(pageLocale() === 'ja' ? 'ja-JP' : 'en-US');
}

function yen(value: number | undefined): string {
    return value === undefined ? '—' : t('report.yen', { amount: value });
}

function fiscalYear(year: number): string {
    return t('report.fiscalYear', { year: String(year) });
}

function programme(report: ProgrammeReport, workspacePath: (path: string) => string, go: Go): HTMLElement {
    const section = el('section', undefined, 'programme');
    const heading = el('h3');
    const jump = el('button', report.id, 'link');
    jump.type = 'button';
    jump.title = t('report.goTo', { where: `${workspacePath(report.path)}:${report.lines.start}` });
    jump.addEventListener('click', () => go(report.path, report.lines.start));
    heading.append(jump);
    section.append(heading, el('p', report.assessable ? counts(report.summary) : t('panel.notAssessable'), 'counts'));

    if (report.assessable) {
        const table = el('table', undefined, 'matrix');
        table.append(el('caption', t('report.matrixCaption', { id: report.id })));
        const head = el('tr');
        head.append(el('th', t('report.clause')), el('th', t('report.status')), el('th', t('report.rules')));
        const thead = el('thead');
        thead.append(head);
        const body = el('tbody');
        for (const line of report.matrix) {
            const row = el('tr', undefined, `status-${line.status}`);
            const rules = el('td');
            rules.textContent = line.rules.map(r => `${r.id} ${statusText(r.status)}`).join('; ');
            const clause = el('th', line.clause);
            clause.scope = 'row';
            row.append(clause, el('td', statusText(line.status), 'status'), rules);
            body.append(row);
        }
        table.append(thead, body);
        section.append(table);
    }

    const sheet = report.disclosure;
    const facts: [TextKey, string | undefined][] = [
        ['report.fact.title', sheet.title],
        ['report.fact.fiscalYear', sheet.fiscalYear === undefined ? undefined : fiscalYear(sheet.fiscalYear)],
        ['report.fact.recipient', sheet.recipient === undefined ? undefined : sheet.recipientName ? `${sheet.recipientName} (${sheet.recipient})` : sheet.recipient],
        ['report.fact.beneficiaries', sheet.beneficiaries.map(b => b.kind ? `${b.name} (${b.kind})` : b.name).join('; ') || undefined],
        ['report.fact.modality', sheet.modality],
        ['report.fact.fields', sheet.fields.join(', ') || undefined],
        ['report.fact.items', sheet.items.map(i => `${i.name}${i.quantity === undefined ? '' : ` × ${i.quantity}`}`).join('; ') || undefined],
        ['report.fact.amount', sheet.amount ? `${number(sheet.amount.value)} ${sheet.amount.currency}` : undefined],
        ['report.fact.agreement', sheet.agreement ? [sheet.agreement.kind, sheet.agreement.signed && t('report.signed', { date: sheet.agreement.signed })].filter(Boolean).join(', ') : undefined],
        ['report.fact.monitoring', sheet.monitoring ? t('report.monitoring', { visits: sheet.monitoring.visits.length, results: String(sheet.monitoring.results) }) : undefined],
        ['report.fact.sources', sheet.sources.join('\n') || undefined]
    ];
    const details = el('details');
    details.append(el('summary', t('report.sheet')));
    const list = el('dl', undefined, 'sheet');
    for (const [name, value] of facts) {
        list.append(el('dt', t(name)), el('dd', value ?? t('report.notDeclared')));
    }
    details.append(list);
    section.append(details);
    return section;
}

export function renderReport(container: HTMLElement, report: ComplianceReport, workspacePath: (path: string) => string, go: Go): void {
    const parts: HTMLElement[] = [];
    const s = report.summary;
    parts.push(el('p', t('panel.summary', { programmes: s.programmes, withViolations: s.withViolations, counts: counts(s.clauses) }), 'report-summary'));
    for (const p of report.programmes) {
        parts.push(programme(p, workspacePath, go));
    }
    const portfolio = el('section', undefined, 'portfolio');
    portfolio.append(el('h3', t('report.portfolio')));
    if (report.portfolio.fiscalYears.length === 0) {
        portfolio.append(el('p', t('report.noFiscalYear')));
    } else {
        const table = el('table');
        table.append(el('caption', t('report.portfolioCaption')));
        const head = el('tr');
        head.append(el('th', t('report.fact.fiscalYear')), el('th', t('report.envelope')), el('th', t('report.programmes')), el('th', t('report.amount')), el('th', t('report.remaining')));
        table.append(head);
        for (const year of report.portfolio.fiscalYears) {
            const row = el('tr', undefined, year.remaining !== undefined && year.remaining < 0 ? 'over' : undefined);
            const fy = el('th', fiscalYear(year.fiscalYear));
            fy.scope = 'row';
            row.append(fy, el('td', yen(year.envelope)), el('td', number(year.programmes)), el('td', yen(year.amount)), el('td', yen(year.remaining)));
            table.append(row);
        }
        portfolio.append(table);
    }
    parts.push(portfolio);
    for (const problem of report.problems) {
        parts.push(el('p', `${workspacePath(problem.path)}: ${problem.message}`, 'report-problem'));
    }
    container.replaceChildren(...parts);
}
