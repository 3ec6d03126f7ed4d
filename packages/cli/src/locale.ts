/**
 * The locale of a CLI run: `--locale en|ja` on any command, else LC_ALL / LC_MESSAGES / LANG, else
 * English. It is read before the command runs, so usage errors, help and every output speak it.
 */
import { isLocale, localeFromEnvironment, localize, LOCALES, msg, type Locale, type Message, type MessageId, type MessageParam } from '@osa-policy/language/i18n-core';
import { UsageError } from './exit-codes.js';

/** The `--locale` option, accepted by every command's argument parser. */
export const LOCALE_OPTION = 'locale';

/**
 * The locale `argv` and the environment ask for. An unsupported `--locale` is a usage error, reported
 * in the environment's locale (the only one known at that point).
 */
export function localeOf(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Locale {
    const fallback = localeFromEnvironment(env);
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') {
            break;
        }
        const value = arg === '--locale' ? argv[i + 1] : arg.startsWith('--locale=') ? arg.slice('--locale='.length) : undefined;
        if (arg === '--locale' || value !== undefined) {
            if (!isLocale(value)) {
                throw new UsageError(msg('cli.usage.locale', { allowed: LOCALES.join(', '), value: value ?? '' }), fallback);
            }
            return value;
        }
    }
    return fallback;
}

/** A catalogue text in `locale`. */
export function text(locale: Locale, id: MessageId, params?: Record<string, MessageParam>): string {
    return localize(msg(id, params), locale);
}

/** `{count} file` / `{count} files`: the catalogue has `.one` and `.other` forms (Japanese texts are the same). */
export function counted(base: 'cli.count.file' | 'cli.count.error' | 'cli.count.warning' | 'cli.count.info' | 'cli.count.inputProblem', count: number): Message {
    return msg(count === 1 ? `${base}.one` : `${base}.other`, { count });
}

/** `argv` without `--locale <value>` / `--locale=<value>`, for commands that read their arguments directly. */
export function withoutLocale(argv: readonly string[]): string[] {
    const kept: string[] = [];
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--') {
            kept.push(...argv.slice(i));
            break;
        }
        if (argv[i] === '--locale') {
            i++;
        } else if (!argv[i].startsWith('--locale=')) {
            kept.push(argv[i]);
        }
    }
    return kept;
}
