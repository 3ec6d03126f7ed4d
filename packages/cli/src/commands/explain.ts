import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGE_REFERENCE_PATHS, languageReferenceUrl, msg, ruleById, ruleDocsPath, type Locale } from '@osa-policy/language';
import type { Io } from '../main.js';
import { ExitCode, UsageError } from '../exit-codes.js';
import { text, withoutLocale } from '../locale.js';

/** Finds the repository's docs folder above this module (works from out/ and from a bundle). */
function findDocsPage(relative: string): string | undefined {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 6; i++) {
        const candidate = path.join(dir, relative);
        if (fs.existsSync(candidate)) {
            return candidate;
        }
        dir = path.dirname(dir);
    }
    return undefined;
}

/**
 * `osa explain <ID>`: the rule's page in the locale (docs/rules/ja/ for Japanese). A missing Japanese
 * page falls back to the English one, with a note on standard error, rather than failing.
 */
export function runExplain(argv: readonly string[], io: Io, locale: Locale = 'en'): number {
    const args = withoutLocale(argv);
    if (args.length !== 1) {
        throw new UsageError(msg('cli.usage.explainOneId'));
    }
    const rule = ruleById(args[0].toUpperCase());
    if (!rule) {
        throw new UsageError(msg('cli.usage.notARule', { id: args[0] }));
    }
    let page = findDocsPage(ruleDocsPath(rule.id, locale));
    if (!page && locale !== 'en') {
        page = findDocsPage(ruleDocsPath(rule.id, 'en'));
        if (page) {
            io.err(`${text(locale, 'cli.explain.englishFallback', { page: ruleDocsPath(rule.id, locale) })}\n`);
        }
    }
    if (!page) {
        io.err(`${text(locale, 'cli.explain.notInstalled', { page: ruleDocsPath(rule.id) })}\n`);
        return ExitCode.UsageOrIo;
    }
    const content = fs.readFileSync(page, 'utf-8');
    // Every page ends with where the constructs, properties and terms it mentions are explained.
    io.out(`${content}${content.endsWith('\n') ? '' : '\n'}\n${text(locale, 'cli.explain.languageReference', {
        path: LANGUAGE_REFERENCE_PATHS[locale], url: languageReferenceUrl(undefined, locale)
    })}\n`);
    return ExitCode.Ok;
}
