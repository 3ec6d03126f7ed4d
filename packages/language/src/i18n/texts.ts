/**
 * Localised views of texts that live in data tables (rule summaries, what a property takes, what a
 * vocabulary term means). The table keeps the English text; the catalogue holds the other locales under
 * a derived id. A text with no catalogue entry is shown in English: a workspace's own terms
 * (osa.config.json) carry their writer's description, which is user content and is never translated.
 */
import { CATALOGUES, isMessageId } from './catalogue.js';
import type { Locale } from './locale.js';

function lookup(id: string, english: string, locale: Locale): string {
    return isMessageId(id) ? CATALOGUES[locale][id] : english;
}

/** A rule's one-sentence summary: catalogue id `<ruleId>.summary`. */
export function ruleSummary(rule: { readonly id: string; readonly summary: string }, locale: Locale): string {
    return lookup(`${rule.id}.summary`, rule.summary, locale);
}

/** What a property's value takes, in words: catalogue id `property.<AstType>.<feature>.takes`. */
export function propertyTakes(astType: string, spec: { readonly feature: string; readonly takes: string }, locale: Locale): string {
    return lookup(`property.${astType}.${spec.feature}.takes`, spec.takes, locale);
}

/** What a vocabulary term means: catalogue id `term.<vocabulary>.<term>`. */
export function termDescription(vocabulary: string, term: string, english: string, locale: Locale): string {
    return lookup(`term.${vocabulary}.${term}`, english, locale);
}
