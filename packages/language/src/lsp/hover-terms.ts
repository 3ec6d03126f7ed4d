/**
 * What the words of the language mean, for hovers and completion: the controlled vocabularies (from
 * src/vocabulary.ts, with the clause that governs each term and the rule that reports its misuse) and
 * the main keywords. Hover and completion explain a term with the same text.
 */
import { neutraliseMarkdownInline as md } from '../util/neutralise.js';
import {
    AGREEMENT_KINDS, ASSESSMENT_TOPICS, BENEFICIARY_KINDS, BUILT_IN_TERMS, CLAUSES, COORDINATION_BODIES, CURRENCIES,
    DEFENSE_PURPOSES, FIELDS, LIFECYCLE_STATUSES, lookupTerm, MODALITIES, RESULTS_DISCLOSURES,
    type DefaultField, type TermInfo, type Terms, type VocabularyId
} from '../vocabulary.js';
import { DEFAULT_LOCALE, isMessageId, termDescription, type Locale } from '../i18n/index.js';
import { orList, sayer, type Say } from './editor-text.js';

export interface TermDoc {
    /** The vocabulary or keyword kind, e.g. "field", "item category", "keyword". */
    category: string;
    /** The term itself. */
    term: string;
    /** One line in plain words. */
    description: string;
    /** The clause that governs the term and what the rules make of it (markdown). */
    governs: string;
    /** Short text for a completion item's detail, e.g. "field · §2(2)(a)". */
    detail: string;
    /** False for terms the guidelines exclude (completion lists them after the others). */
    allowed: boolean;
}

/** The rule that reports a missing clause of §3(3). */
const CLAUSE_RULES: Record<string, string> = {
    'information-disclosure': 'OSA402',
    'monitoring-and-evaluation': 'OSA403',
    'no-extra-purpose-use': 'OSA405',
    'no-third-party-transfer': 'OSA406',
    'un-charter-conformity': 'OSA407'
};

/** What the hover says about the field an item of a category serves. */
function servesSentence(field: DefaultField | undefined, say: Say): string {
    switch (field) {
        case undefined:
            return say('vocabulary.serves.none');
        case 'as-main-items':
            return say('vocabulary.serves.mainItems');
        case 'programme-field':
            return say('vocabulary.serves.programmeField');
        default:
            return say('vocabulary.serves.field', { field, clause: FIELDS[field].clause! });
    }
}

/** The default field in a few words, for completion details and the language reference. */
export function defaultFieldLabel(field: DefaultField | undefined, locale: Locale = DEFAULT_LOCALE): string {
    const say = sayer(locale);
    switch (field) {
        case undefined:
            return say('vocabulary.defaultField.none');
        case 'as-main-items':
            return say('vocabulary.defaultField.mainItems');
        case 'programme-field':
            return say('vocabulary.defaultField.programmeField');
        default:
            return say('vocabulary.defaultField.field', { field });
    }
}

/** Says where a workspace's own term comes from. */
function addedNote(terms: Terms, vocabulary: VocabularyId, term: string, say: Say): string {
    const added = terms.addedTerm(vocabulary, term);
    return added ? say('vocabulary.addedBy', { file: md(added.addedBy.split(/[\\/]/).pop() ?? 'osa.config.json') }) : '';
}

/**
 * The meaning of a term of a vocabulary, with the clause that governs it; undefined for a term the vocabulary does not
 * have. `terms` adds the workspace's own item categories and activities, whose descriptions are their writer's.
 */
export function vocabularyTerm(vocabulary: VocabularyId, term: string, terms: Terms = BUILT_IN_TERMS, locale: Locale = DEFAULT_LOCALE): TermDoc | undefined {
    const say = sayer(locale);
    const category = say(`vocabulary.category.${vocabulary}`);
    const doc = (info: TermInfo, governs: string, detail: string, allowed = true): TermDoc => ({
        category, term, governs, detail: `${category} · ${detail}`, allowed,
        description: terms.addedTerm(vocabulary, term) ? info.description : termDescription(vocabulary, term, info.description, locale)
    });
    switch (vocabulary) {
        case 'field': {
            const info = lookupTerm(FIELDS, term);
            if (!info) {
                return undefined;
            }
            return info.permitted
                ? doc(info, say('vocabulary.field.permitted', { clause: info.clause! }), info.clause!)
                : doc(info, say('vocabulary.field.notPermitted'), say('vocabulary.field.notPermitted.detail'), false);
        }
        case 'activity': {
            const info = terms.activity(term);
            if (!info) {
                return undefined;
            }
            const note = addedNote(terms, vocabulary, term, say);
            if (info.conflictRelated) {
                return doc(info, say('vocabulary.conflict', { note }), say('vocabulary.conflict.detail'), false);
            }
            if (!info.field) {
                return doc(info, say('vocabulary.activity.noField', { note }), say('vocabulary.activity.noField.detail'), false);
            }
            const clause = FIELDS[info.field].clause!;
            return doc(info, say('vocabulary.activity.field', { field: info.field, clause, note }), `${info.field} ${clause}`);
        }
        case 'item-category': {
            const info = terms.itemCategory(term);
            if (!info) {
                return undefined;
            }
            const note = addedNote(terms, vocabulary, term, say);
            if (info.conflictRelated) {
                return doc(info, say('vocabulary.conflict', { note }), say('vocabulary.conflict.detail'), false);
            }
            const serves = servesSentence(info.defaultField, say);
            const equipment = info.defenseEquipment ? say('vocabulary.itemCategory.defenseEquipment') : '';
            return doc(info, say('vocabulary.itemCategory.allowed', { serves, equipment, note }), defaultFieldLabel(info.defaultField, locale));
        }
        case 'purpose': {
            const info = lookupTerm(DEFENSE_PURPOSES, term);
            if (!info) {
                return undefined;
            }
            return info.permitted
                ? doc(info, say('vocabulary.purpose.permitted'), '§3(1)')
                : doc(info, say('vocabulary.purpose.notPermitted'), say('vocabulary.purpose.notPermitted.detail'), false);
        }
        case 'beneficiary-kind': {
            const info = lookupTerm(BENEFICIARY_KINDS, term);
            if (!info) {
                return undefined;
            }
            return info.eligible
                ? doc(info, say('vocabulary.beneficiaryKind.eligible'), '§2(1)')
                : doc(info, say('vocabulary.beneficiaryKind.notEligible'), say('vocabulary.beneficiaryKind.notEligible.detail'), false);
        }
        case 'modality': {
            const info = lookupTerm(MODALITIES, term);
            if (!info) {
                return undefined;
            }
            return info.grant
                ? doc(info, say('vocabulary.modality.grant'), '§2(1)')
                : doc(info, say('vocabulary.modality.notGrant'), say('vocabulary.modality.notGrant.detail'), false);
        }
        case 'assessment-topic': {
            const info = lookupTerm(ASSESSMENT_TOPICS, term);
            return info && doc(info, say('vocabulary.assessmentTopic'), '§3(2)');
        }
        case 'clause': {
            const info = lookupTerm(CLAUSES, term);
            if (!info) {
                return undefined;
            }
            if (!info.clause) {
                return doc(info, say('vocabulary.clause.supporting'), say('vocabulary.clause.supporting.detail'));
            }
            const rule = CLAUSE_RULES[term];
            const results = term === 'monitoring-and-evaluation' ? say('vocabulary.clause.results') : '';
            return doc(info, say('vocabulary.clause.required', { clause: info.clause, rule, results }), info.clause);
        }
        case 'coordination-body': {
            const info = lookupTerm(COORDINATION_BODIES, term);
            if (!info) {
                return undefined;
            }
            switch (info.role) {
                case 'core':
                    return doc(info, say('vocabulary.coordinationBody.core'), '§4(1)');
                case 'framework':
                    return doc(info, say('vocabulary.coordinationBody.framework'), '§4(2)');
                default:
                    return doc(info, say('vocabulary.coordinationBody.transferScheme'), '§4(3)');
            }
        }
        case 'agreement-kind': {
            const info = lookupTerm(AGREEMENT_KINDS, term);
            return info && doc(info, say('vocabulary.agreementKind'), '§3(3)');
        }
        case 'results-disclosure': {
            const info = lookupTerm(RESULTS_DISCLOSURES, term);
            if (!info) {
                return undefined;
            }
            return info.disclosed
                ? doc(info, say('vocabulary.resultsDisclosure.disclosed'), '§3(3)(b)')
                : doc(info, say('vocabulary.resultsDisclosure.withheld'), 'OSA404', false);
        }
        case 'currency': {
            const info = lookupTerm(CURRENCIES, term);
            return info && doc(info, say(term === 'JPY' ? 'vocabulary.currency.yen' : 'vocabulary.currency.other'), 'ISO 4217');
        }
        case 'lifecycle-status': {
            const info = lookupTerm(LIFECYCLE_STATUSES, term);
            return info && doc(info, say('vocabulary.lifecycle.governs'), say('vocabulary.lifecycle.detail', { stage: info.rank + 1 }));
        }
        default:
            return undefined;
    }
}

/** What the hover says on a word that is not a term of the vocabulary its property takes. */
export function unknownTermMarkdown(vocabulary: VocabularyId, written: string, terms: Terms = BUILT_IN_TERMS, locale: Locale = DEFAULT_LOCALE): string {
    const say = sayer(locale);
    const label = say(`vocabulary.label.${vocabulary}`);
    const suggestions = terms.suggest(vocabulary, written);
    return [
        say('vocabulary.unknown', { written: md(written), label }),
        '',
        suggestions.length > 0
            ? say('editor.didYouMean', { suggestions: orList(suggestions.map(s => `\`${s}\``), locale) })
            : say('vocabulary.unknown.terms', { label, terms: terms.entries(vocabulary).slice(0, 30).map(([t]) => `\`${md(t)}\``).join(', ') })
    ].join('\n');
}

/**
 * The main keywords, with the clause that governs each (their texts are catalogue entries `keyword.<key>` and
 * `keyword.<key>.governs`). A key `Rule.keyword` applies inside that grammar rule only (`kind` means one thing
 * for a beneficiary, another for an agreement); a bare keyword applies everywhere else.
 */
const KEYWORD_CLAUSES: Record<string, string | undefined> = {
    'programme': '§1–§4',
    'title': undefined,
    'AgreementTemplate.title': undefined,
    'Programme.description': undefined,
    'FieldDeclaration.description': undefined,
    'Programme.fiscal-year': '§2(1)',
    'BudgetEnvelope.fiscal-year': 'portfolio',
    'recipient': '§2(1)',
    'beneficiary': '§2(1)',
    'Beneficiary.kind': '§2(1)',
    'modality': '§2(1)',
    'amount': 'portfolio',
    'BudgetEnvelope.amount': 'portfolio',
    'period': undefined,
    'funded-by': 'portfolio',
    'funding': 'portfolio',
    'field': '§2(2)',
    'activity': '§2(2)',
    'operation': '§2(2)(c)',
    'Operation.in': '§3(1)',
    'led-by': '§2(2)(c)',
    'provide': '§2(2), §3(1)',
    'quantity': undefined,
    'category': '§2(2)',
    'defense-equipment': '§3(1)',
    'purpose': '§3(1)',
    'armed-after-delivery': '§3(1)',
    'detail': undefined,
    'serves': '§2(2)',
    'assessment': '§3(2)',
    'on-file': undefined,
    'AssessmentTopic.dated': undefined,
    'agreement': '§3(3)',
    'uses': undefined,
    'Agreement.kind': '§3(3)',
    'AgreementTemplate.kind': '§3(3)',
    'signed': undefined,
    'clause': '§3(3)',
    'results': '§3(3)(b)',
    'agreement-template': '§3(3)',
    'coordination': '§4',
    'exception': undefined,
    'justification': undefined,
    'approved-by': undefined,
    'Exception.dated': undefined,
    'budget-envelope': 'portfolio',
    'source': undefined,
    'exchange-rate': 'portfolio',
    'to': undefined,
    'status': 'lifecycle',
    'Programme.decided': 'lifecycle',
    'delivered': '§3(3)(b)',
    'continues': undefined,
    'monitoring': '§3(3)(b)',
    'visit': '§3(3)(b)',
    'MonitoringResults.results': '§3(3)(b)',
    'Programme.source': undefined
};

/** The meaning of a main keyword inside the given grammar rule; undefined for punctuation and unknown words. */
export function keywordTerm(ruleName: string | undefined, keyword: string, locale: Locale = DEFAULT_LOCALE): TermDoc | undefined {
    // `amount` has a rule of its own, shared by programmes and envelopes: callers pass the container's type.
    const scoped = ruleName ? `${ruleName}.${keyword}` : undefined;
    const key = scoped && Object.hasOwn(KEYWORD_CLAUSES, scoped) ? scoped : keyword;
    const description = `keyword.${key}`;
    if (!Object.hasOwn(KEYWORD_CLAUSES, key) || !isMessageId(description)) {
        return undefined;
    }
    const say = sayer(locale);
    const governs = key === 'status' ? 'vocabulary.lifecycle.governs' : `keyword.${key}.governs`;
    const clause = KEYWORD_CLAUSES[key];
    const category = say('vocabulary.category.keyword');
    return {
        category, term: keyword, description: say(description), governs: isMessageId(governs) ? say(governs) : '',
        detail: clause ? `${category} · ${clause === 'portfolio' || clause === 'lifecycle' ? say(`keyword.clause.${clause}`) : clause}` : category, allowed: true
    };
}

/** The term as markdown: what it means and which clause governs it. */
export function termMarkdown(term: TermDoc): string {
    const lines = [`**${term.term}** *(${term.category})*`, '', term.description];
    if (term.governs) {
        lines.push('', term.governs);
    }
    return lines.join('\n');
}
