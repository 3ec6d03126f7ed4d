/**
 * Which language the tool speaks. English is the default; Japanese is chosen by `--locale`, the
 * environment (LC_ALL, LC_MESSAGES, LANG — in POSIX order of precedence), the editor's display language
 * (the LSP `initialize` request's `locale`) or the `osa.locale` setting.
 */
export const LOCALES = ['en', 'ja'] as const;
export type Locale = typeof LOCALES[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
    return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The locale a language tag or POSIX locale name asks for: `ja`, `ja-JP`, `ja_JP.UTF-8`, `JA` → ja;
 * `en-US`, `C`, `POSIX` → en. Undefined for anything else (an unsupported language falls back to English
 * at the caller, which knows whether to say so).
 */
export function localeFromTag(tag: string | undefined | null): Locale | undefined {
    if (!tag) {
        return undefined;
    }
    const language = tag.trim().split(/[-_.@]/)[0].toLowerCase();
    if (language === 'c' || language === 'posix') {
        return 'en';
    }
    return isLocale(language) ? language : undefined;
}

/**
 * The locale the environment asks for. As in POSIX, the first of LC_ALL, LC_MESSAGES, LANG that is set
 * and not empty decides, even when it names a language the tool does not speak (then English).
 */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
    for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
        const value = env[name];
        if (value) {
            return localeFromTag(value) ?? DEFAULT_LOCALE;
        }
    }
    return DEFAULT_LOCALE;
}
