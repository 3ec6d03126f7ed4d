import { localize, type Locale, type Message } from '@osa-policy/language/i18n-core';

export const ExitCode = {
    Ok: 0,
    Findings: 1,
    UsageOrIo: 2
} as const;

/**
 * An error whose text is a catalogue message, rendered in the run's locale where it is reported. The
 * Error's own message is the English text (for logs and stack traces). `locale`, when set, overrides
 * the run's (a bad `--locale` is reported in the environment's locale).
 */
export class LocalizedError extends Error {
    constructor(readonly text: Message | string, readonly locale?: Locale) {
        super(localize(text, 'en'));
    }

    render(locale: Locale): string {
        return localize(this.text, this.locale ?? locale);
    }
}

/** A mistake in how osa was called: reported in one line with exit code 2. */
export class UsageError extends LocalizedError { }

/** The report could not be written (--output): one line, exit code 2, and no partial file left behind. */
export class OutputError extends LocalizedError { }
