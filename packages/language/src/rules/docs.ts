/** Where each rule's documentation page lives: `docs/rules/<ID>.md` in the repository. */
export const REPOSITORY_URL = 'https://github.com/osa-policy/osa-policy';

/** The page's path relative to the repository root. */
export function ruleDocsPath(ruleId: string): string {
    return `docs/rules/${ruleId}.md`;
}

export function ruleDocsUrl(ruleId: string): string {
    return `${REPOSITORY_URL}/blob/main/${ruleDocsPath(ruleId)}`;
}
