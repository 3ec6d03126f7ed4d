/**
 * The report side panel: the compliance matrix, disclosure sheet and portfolio of `osa report`, as the
 * server computes them (`osa/complianceReport`, the same model as the CLI's report) for the whole
 * workspace, refreshed after each check. Built with DOM calls only: every text from the workspace
 * (titles, names, sources, messages) is textContent.
 */
import type { ClauseStatus, ComplianceReport, ProgrammeReport, StatusCounts } from '@osa-policy/language/browser';

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
    return STATUS_ORDER.filter(s => summary[s] > 0).map(s => `${summary[s]} ${s}`).join(', ') || 'no clauses';
}

function yen(value: number | undefined): string {
    return value === undefined ? '—' : `${value.toLocaleString('en-US')} JPY`;
}

function programme(report: ProgrammeReport, workspacePath: (path: string) => string, go: Go): HTMLElement {
    const section = el('section', undefined, 'programme');
    const heading = el('h3');
    const jump = el('button', report.id, 'link');
    jump.type = 'button';
    jump.title = `Go to ${workspacePath(report.path)}:${report.lines.start}`;
    jump.addEventListener('click', () => go(report.path, report.lines.start));
    heading.append(jump);
    section.append(heading, el('p', report.assessable ? counts(report.summary) : 'Not assessable: the programme has syntax errors.', 'counts'));

    if (report.assessable) {
        const table = el('table', undefined, 'matrix');
        table.append(el('caption', `Compliance matrix of ${report.id}`));
        const head = el('tr');
        head.append(el('th', 'Clause'), el('th', 'Status'), el('th', 'Rules'));
        const thead = el('thead');
        thead.append(head);
        const body = el('tbody');
        for (const line of report.matrix) {
            const row = el('tr', undefined, `status-${line.status}`);
            const rules = el('td');
            rules.textContent = line.rules.map(r => `${r.id} ${r.status}`).join('; ');
            const clause = el('th', line.clause);
            clause.scope = 'row';
            row.append(clause, el('td', line.status, 'status'), rules);
            body.append(row);
        }
        table.append(thead, body);
        section.append(table);
    }

    const sheet = report.disclosure;
    const facts: [string, string | undefined][] = [
        ['Title', sheet.title],
        ['Fiscal year', sheet.fiscalYear === undefined ? undefined : `FY${sheet.fiscalYear}`],
        ['Recipient', sheet.recipient === undefined ? undefined : sheet.recipientName ? `${sheet.recipientName} (${sheet.recipient})` : sheet.recipient],
        ['Beneficiaries', sheet.beneficiaries.map(b => b.kind ? `${b.name} (${b.kind})` : b.name).join('; ') || undefined],
        ['Modality', sheet.modality],
        ['Fields', sheet.fields.join(', ') || undefined],
        ['Items', sheet.items.map(i => `${i.name}${i.quantity === undefined ? '' : ` × ${i.quantity}`}`).join('; ') || undefined],
        ['Amount', sheet.amount ? `${sheet.amount.value.toLocaleString('en-US')} ${sheet.amount.currency}` : undefined],
        ['Agreement', sheet.agreement ? [sheet.agreement.kind, sheet.agreement.signed && `signed ${sheet.agreement.signed}`].filter(Boolean).join(', ') : undefined],
        ['Monitoring', sheet.monitoring ? `${sheet.monitoring.visits.length} visit(s); results ${sheet.monitoring.results}` : undefined],
        ['Sources', sheet.sources.join('\n') || undefined]
    ];
    const details = el('details');
    details.append(el('summary', 'Disclosure sheet'));
    const list = el('dl', undefined, 'sheet');
    for (const [name, value] of facts) {
        list.append(el('dt', name), el('dd', value ?? 'not declared'));
    }
    details.append(list);
    section.append(details);
    return section;
}

export function renderReport(container: HTMLElement, report: ComplianceReport, workspacePath: (path: string) => string, go: Go): void {
    const parts: HTMLElement[] = [];
    const s = report.summary;
    parts.push(el('p', `${s.programmes} programme(s), ${s.withViolations} with violations; clauses: ${counts(s.clauses)}.`, 'report-summary'));
    for (const p of report.programmes) {
        parts.push(programme(p, workspacePath, go));
    }
    const portfolio = el('section', undefined, 'portfolio');
    portfolio.append(el('h3', 'Portfolio'));
    if (report.portfolio.fiscalYears.length === 0) {
        portfolio.append(el('p', 'No fiscal year declared.'));
    } else {
        const table = el('table');
        table.append(el('caption', 'Programmes and envelopes by fiscal year'));
        const head = el('tr');
        head.append(el('th', 'Fiscal year'), el('th', 'Envelope'), el('th', 'Programmes'), el('th', 'Amount'), el('th', 'Remaining'));
        table.append(head);
        for (const year of report.portfolio.fiscalYears) {
            const row = el('tr', undefined, year.remaining !== undefined && year.remaining < 0 ? 'over' : undefined);
            const fy = el('th', `FY${year.fiscalYear}`);
            fy.scope = 'row';
            row.append(fy, el('td', yen(year.envelope)), el('td', String(year.programmes)), el('td', yen(year.amount)), el('td', yen(year.remaining)));
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
