/** What every rendering of the compliance report shares: labels, number formats, the JSON document. */
import { isMessageId, localize, msg, reportDocument, type ClauseStatus, type ComplianceReport, type Locale, type MessageId, type MessageParam, type Money } from '@osa-policy/language';

/** A label of the report in `locale` (i18n/{en,ja}/report.ts). */
export type Label = (id: MessageId, params?: Record<string, MessageParam>) => string;

export function labelsFor(locale: Locale): Label {
    return (id, params) => localize(msg(id, params), locale);
}

export function statusLabel(status: ClauseStatus, label: Label): string {
    return label(`report.status.${status}`);
}

/** `¥1,200,000,000` for yen; `5,000,000 USD` otherwise (never converted). */
export function formatMoney(money: Money | undefined): string {
    if (!money) {
        return '';
    }
    const digits = money.value.toLocaleString('en-US');
    return money.currency === 'JPY' ? `¥${digits}` : `${digits} ${money.currency}`;
}

export function yen(value: number | undefined): string {
    return value === undefined ? '' : formatMoney({ value, currency: 'JPY' });
}

/** `FY2024`; in Japanese `2024年度`. */
export function fiscalYear(year: number | undefined, label: Label = labelsFor('en')): string {
    return year === undefined ? '' : label('report.fiscalYear', { year });
}

/** A dataset a rule's verdict rests on (model.ts RULE_DATASETS), by its catalogue name when it has one. */
export function datasetName(dataset: string, label: Label): string {
    const id = `report.dataset.${dataset}`;
    return isMessageId(id) ? label(id) : dataset;
}

/** The per-status counts of a programme or of the whole report, in the order the report reads. */
export function countsText(counts: Record<ClauseStatus, number>, label: Label): string {
    return label('report.counts', {
        violated: counts.violated, undetermined: counts.undetermined, waived: counts.waived, met: counts.met, notApplicable: counts['not-applicable']
    });
}

/** The report's opening sentences: programmes assessed, then clauses by status. */
export function summaryText(s: ComplianceReport['summary'], label: Label): string {
    return label('report.summary', {
        programmes: msg('report.summary.programmes', { programmes: s.programmes, assessable: s.assessable, notAssessable: s.notAssessable, withViolations: s.withViolations }),
        clauses: msg('report.summary.clauses', { counts: countsText(s.clauses, label) })
    });
}

export function renderJson(report: ComplianceReport, version: string): string {
    return JSON.stringify(reportDocument(report, version), null, 2) + '\n';
}
