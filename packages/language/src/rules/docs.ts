import type { VocabularyId } from '../vocabulary.js';

/** Where each rule's documentation page lives: `docs/rules/<ID>.md` in the repository. */
export const REPOSITORY_URL = 'https://github.com/osa-policy/osa-policy';

/** The page's path relative to the repository root. */
export function ruleDocsPath(ruleId: string): string {
    return `docs/rules/${ruleId}.md`;
}

export function ruleDocsUrl(ruleId: string): string {
    return `${REPOSITORY_URL}/blob/main/${ruleDocsPath(ruleId)}`;
}

/** The language reference (every construct, property, term, currency and UN operation), relative to the repository root. */
export const LANGUAGE_REFERENCE_PATH = 'docs/language.md';

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
export function languageReferenceUrl(anchor?: string): string {
    return `${REPOSITORY_URL}/blob/main/${LANGUAGE_REFERENCE_PATH}${anchor ? `#${anchor}` : ''}`;
}
