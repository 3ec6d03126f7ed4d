import { LANGUAGE_CODE, REPOSITORY_URL, ruleDocsUrl, type Locale, type RuleMeta } from '@osa-policy/language';

/** The `suppression` code: findings about misused suppression comments. */
export const SUPPRESSION_CODE = 'suppression';

const README = `${REPOSITORY_URL}/blob/main/docs/rules/README.md`;

/**
 * Where a code is documented: a rule's own page, or the section of docs/rules/README.md on the
 * `syntax` code or on suppressions (English: ja/README.md is the documentation team's); undefined for a code this version does not know.
 */
export function docsUrlOf(code: string, rules: readonly RuleMeta[], locale: Locale = 'en'): string | undefined {
    if (rules.some(r => r.id === code)) {
        return ruleDocsUrl(code, locale);
    }
    if (code === LANGUAGE_CODE) {
        return `${README}#the-syntax-code`;
    }
    if (code === SUPPRESSION_CODE) {
        return `${README}#suppressing-findings`;
    }
    return undefined;
}

export const RULES_README_URL = README;
