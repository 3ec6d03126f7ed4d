/** What every rendering of the compliance report shares: labels, number formats, the JSON document. */
import { reportDocument, type ClauseStatus, type ComplianceReport, type Money } from '@osa-policy/language';

export const STATUS_LABEL: Readonly<Record<ClauseStatus, string>> = {
    met: 'met', violated: 'violated', waived: 'waived', 'not-applicable': 'not applicable', undetermined: 'undetermined'
};

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

export function fiscalYear(year: number | undefined): string {
    return year === undefined ? '' : `FY${year}`;
}

export function renderJson(report: ComplianceReport, version: string): string {
    return JSON.stringify(reportDocument(report, version), null, 2) + '\n';
}
