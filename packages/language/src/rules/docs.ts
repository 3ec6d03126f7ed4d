import type { Locale } from '../i18n/locale.js';
import type { VocabularyId } from '../vocabulary.js';

/** Where each rule's documentation page lives: `docs/rules/<ID>.md` in the repository, `docs/rules/ja/<ID>.md` in Japanese. */
export const REPOSITORY_URL = 'https://github.com/osa-policy/osa-policy';

/** The page's path relative to the repository root. */
export function ruleDocsPath(ruleId: string, locale: Locale = 'en'): string {
    return locale === 'en' ? `docs/rules/${ruleId}.md` : `docs/rules/${locale}/${ruleId}.md`;
}

export function ruleDocsUrl(ruleId: string, locale: Locale = 'en'): string {
    return `${REPOSITORY_URL}/blob/main/${ruleDocsPath(ruleId, locale)}`;
}

/** The language reference (every construct, property, term, currency and UN operation), relative to the repository root. */
export const LANGUAGE_REFERENCE_PATH = 'docs/language.md';
/** Its Japanese edition; it keeps the English headings' anchors (explicit `<a id>`), so VOCABULARY_ANCHORS work in both. */
export const LANGUAGE_REFERENCE_PATHS: Readonly<Record<Locale, string>> = { en: LANGUAGE_REFERENCE_PATH, ja: 'docs/ja/language.md' };

/** The section of the language reference that lists each vocabulary's terms (a test checks each heading exists). */
export const VOCABULARY_ANCHORS: Readonly<Record<VocabularyId, string>> = {
    'beneficiary-kind': 'beneficiary-kinds',
    'modality': 'modalities',
    'field': 'fields',
    'activity': 'activities',
    'item-category': 'item-categories',
    'purpose': 'purposes',
    'assessment-topic': 'assessment-topics',
    'agreement-kind': 'agreement-kinds',
    'clause': 'clauses',
    'results-disclosure': 'results-disclosures',
    'coordination-body': 'coordination-bodies',
    'currency': '7-currencies',
    'lifecycle-status': 'lifecycle-statuses'
};

/** The language reference on the web, at `anchor` (a heading's slug, such as one of VOCABULARY_ANCHORS) when given. */
export function languageReferenceUrl(anchor?: string, locale: Locale = 'en'): string {
    return `${REPOSITORY_URL}/blob/main/${LANGUAGE_REFERENCE_PATHS[locale]}${anchor ? `#${anchor}` : ''}`;
}
