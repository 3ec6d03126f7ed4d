/**
 * The check date: the day the rules judge "now" by (a delivery more than 12 months ago, a stage dated in the
 * future). Today by default; `--as-of` (CLI), the `osa.asOf` setting (editor) or `asOf` in osa.config.json
 * fix it, so that a run can be reproduced. Rules read it from their RuleContext only, never from the clock.
 */
import type { Locale } from '../i18n/locale.js';
import { localize } from '../i18n/localize.js';
import { msg, type Message } from '../i18n/message.js';
import { isCalendarDate } from '../model/values.js';

/** Today's date in the local calendar, YYYY-MM-DD. */
export function today(now = new Date()): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Why `text` is not a check date, in `locale` (English by default), or undefined when it is one (a calendar date written YYYY-MM-DD). */
export function checkDateProblem(text: string, locale: Locale = 'en'): string | undefined {
    const problem = checkDateMessage(text);
    return problem && localize(problem, locale);
}

/** The same as a catalogue message. */
export function checkDateMessage(text: string): Message | undefined {
    if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)) {
        return msg('config.checkDate.form', { text });
    }
    return isCalendarDate(text) ? undefined : msg('config.checkDate.calendar', { text });
}

/** The date `months` calendar months before `date` (YYYY-MM-DD), the day clamped to the month's end. */
export function monthsBefore(date: string, months: number): string {
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7)) - 1 - months;
    const y = year + Math.floor(month / 12);
    const m = ((month % 12) + 12) % 12;
    const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    const day = Math.min(Number(date.slice(8, 10)), last);
    return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
