/**
 * The language's properties, as data: for every declaration, each property's keyword, what its value takes,
 * whether it holds one fact or may repeat, and whether it is required. The language checks (repeats, value
 * forms, unknown terms and property names), the language reference docs/language.md (a test keeps them in step)
 * and the editor features read this one table.
 */
import type { VocabularyId } from '../vocabulary.js';
import { isMessageId } from '../i18n/catalogue.js';
import { msg, type MessageParam } from '../i18n/message.js';

/** What a property's value takes. */
export type ValueType =
    | { type: 'text' }
    | { type: 'fiscal-year' }
    | { type: 'date' }
    | { type: 'country' }
    | { type: 'amount' }
    | { type: 'quantity' }
    | { type: 'rate' }
    | { type: 'rule-id' }
    | { type: 'term'; vocabulary: VocabularyId }
    | { type: 'peace-operation' }
    | { type: 'reference'; to: string }
    | { type: 'flag' }
    | { type: 'declaration'; node: string }
    | { type: 'name' };

export interface PropertySpec {
    /** The AST feature (the grammar's `+=` list or `=` value). */
    readonly feature: string;
    /** The keyword that starts the statement; undefined when the value comes first or follows another value. */
    readonly keyword?: string;
    /** How the reference and messages call it when it has no keyword of its own. */
    readonly label: string;
    readonly value: ValueType;
    /** True: several statements are several facts (items, fields, clauses, ...). False: one fact, a repeat is an error. */
    readonly repeatable: boolean;
    readonly required?: boolean;
    /** What it takes, in words, for messages: "`fiscal-year` takes …". */
    readonly takes: string;
    /** An example statement. */
    readonly example: string;
}

const text = { type: 'text' } as const;
const term = (vocabulary: VocabularyId) => ({ type: 'term', vocabulary }) as const;
const declaration = (node: string) => ({ type: 'declaration', node }) as const;

/** Properties by AST type, in the order the language reference lists them. */
export const PROPERTIES: Readonly<Record<string, readonly PropertySpec[]>> = {
    Programme: [
        { feature: 'titles', keyword: 'title', label: 'title', value: text, repeatable: false, takes: 'a text in quotes', example: 'title "Coastal radar for the Philippine Navy"' },
        { feature: 'descriptions', keyword: 'description', label: 'description', value: text, repeatable: false, takes: 'a text in quotes', example: 'description "What the equipment is for"' },
        { feature: 'statuses', keyword: 'status', label: 'status', value: term('lifecycle-status'), repeatable: false, takes: 'a lifecycle stage: planned, decided, signed, delivered or completed', example: 'status decided' },
        { feature: 'decidedDates', keyword: 'decided', label: 'date of the Cabinet decision', value: { type: 'date' }, repeatable: false, takes: 'a date written YYYY-MM-DD', example: 'decided 2025-06-20' },
        { feature: 'deliveredDates', keyword: 'delivered', label: 'date of delivery', value: { type: 'date' }, repeatable: false, takes: 'a date written YYYY-MM-DD', example: 'delivered 2026-02-10' },
        { feature: 'predecessors', keyword: 'continues', label: 'predecessor', value: { type: 'reference', to: 'Programme' }, repeatable: false, takes: 'the id of the programme this one follows on from', example: 'continues OSA-FY2024-PHL' },
        { feature: 'fiscalYears', keyword: 'fiscal-year', label: 'fiscal year', value: { type: 'fiscal-year' }, repeatable: false, required: true, takes: 'a Japanese fiscal year in four digits, such as 2025', example: 'fiscal-year 2025' },
        { feature: 'recipients', keyword: 'recipient', label: 'recipient', value: { type: 'country' }, repeatable: false, required: true, takes: 'an ISO 3166-1 alpha-3 country code, such as PHL', example: 'recipient PHL' },
        { feature: 'beneficiaries', keyword: 'beneficiary', label: 'beneficiary', value: declaration('Beneficiary'), repeatable: true, required: true, takes: 'a name in quotes and a `kind`', example: 'beneficiary "Philippine Navy" kind armed-forces' },
        { feature: 'modalities', keyword: 'modality', label: 'modality', value: term('modality'), repeatable: false, required: true, takes: 'a modality such as `grant`', example: 'modality grant' },
        { feature: 'amounts', keyword: 'amount', label: 'amount', value: declaration('Amount'), repeatable: false, takes: 'a whole number and an ISO 4217 currency code', example: 'amount 1_600_000_000 JPY' },
        { feature: 'fundings', keyword: 'funding', label: 'funding', value: declaration('Funding'), repeatable: false, takes: 'a block with one line per fiscal year: the year, a whole number and a currency', example: 'funding { 2025 1_200_000_000 JPY 2026 700_000_000 JPY }' },
        { feature: 'periods', keyword: 'period', label: 'period', value: declaration('Period'), repeatable: false, takes: 'two dates, `YYYY-MM-DD to YYYY-MM-DD`', example: 'period 2025-04-01 to 2027-03-31' },
        { feature: 'envelopes', keyword: 'funded-by', label: 'budget envelope', value: { type: 'reference', to: 'BudgetEnvelope' }, repeatable: false, takes: 'the name of a `budget-envelope`', example: 'funded-by OSA-BUDGET-FY2025' },
        { feature: 'fields', keyword: 'field', label: 'field', value: declaration('FieldDeclaration'), repeatable: true, takes: 'a field and, in braces, its activities', example: 'field rule-of-law { activity maritime-surveillance }' },
        { feature: 'items', keyword: 'provide', label: 'item', value: declaration('Item'), repeatable: true, takes: 'a name in quotes and the item\'s properties', example: 'provide "Coastal radar" quantity 2 category coastal-radar' },
        { feature: 'assessments', keyword: 'assessment', label: 'assessment', value: declaration('Assessment'), repeatable: false, takes: 'a block with the six topics of §3(2)', example: 'assessment { democracy on-file "…" … }' },
        { feature: 'agreements', keyword: 'agreement', label: 'agreement', value: declaration('Agreement'), repeatable: false, takes: 'a template, a kind, a date of signature and clauses', example: 'agreement uses StandardExchangeOfNotes signed 2025-01-10' },
        { feature: 'coordination', keyword: 'coordination', label: 'coordination', value: declaration('Coordination'), repeatable: true, takes: 'coordination bodies separated by commas', example: 'coordination NSS, MOFA, MOD' },
        { feature: 'exceptions', keyword: 'exception', label: 'exception', value: declaration('Exception'), repeatable: true, takes: 'a rule id and, in braces, the recorded decision', example: 'exception OSA305 { justification "…" approved-by "…" dated 2025-03-10 }' },
        { feature: 'monitorings', keyword: 'monitoring', label: 'monitoring', value: declaration('Monitoring'), repeatable: false, takes: 'a block with the monitoring visits and what became of their results', example: 'monitoring { visit 2026-09-01 "On-site check" results disclosed "https://…" }' },
        { feature: 'sources', keyword: 'source', label: 'source', value: text, repeatable: true, takes: 'a text in quotes (a citation or a link)', example: 'source "https://www.mofa.go.jp/…"' }
    ],
    Funding: [
        { feature: 'shares', label: 'fiscal year\'s share', value: declaration('FundingShare'), repeatable: true, takes: 'a fiscal year, a whole number and a currency', example: '2025 1_200_000_000 JPY' }
    ],
    FundingShare: [
        { feature: 'year', label: 'fiscal year', value: { type: 'fiscal-year' }, repeatable: false, required: true, takes: 'a Japanese fiscal year in four digits, such as 2025', example: '2025 1_200_000_000 JPY' },
        { feature: 'value', label: 'amount', value: { type: 'amount' }, repeatable: false, required: true, takes: 'a whole number (digit groups with `_`)', example: '2025 1_200_000_000 JPY' },
        { feature: 'currency', label: 'currency', value: term('currency'), repeatable: false, required: true, takes: 'an ISO 4217 currency code such as JPY', example: '2025 1_200_000_000 JPY' }
    ],
    Monitoring: [
        { feature: 'visits', keyword: 'visit', label: 'visit', value: declaration('MonitoringVisit'), repeatable: true, takes: 'a date and what was checked', example: 'visit 2026-09-01 "On-site check of the vessel\'s use"' },
        { feature: 'results', keyword: 'results', label: 'results', value: declaration('MonitoringResults'), repeatable: false, takes: '`disclosed` with where, or `withheld` with why', example: 'results disclosed "https://…"' }
    ],
    MonitoringVisit: [
        { feature: 'dates', label: 'date of the visit', value: { type: 'date' }, repeatable: false, required: true, takes: 'a date written YYYY-MM-DD', example: 'visit 2026-09-01' },
        { feature: 'texts', label: 'text', value: text, repeatable: false, takes: 'a text in quotes', example: 'visit 2026-09-01 "On-site check"' }
    ],
    MonitoringResults: [
        { feature: 'disclosures', label: 'results disclosure', value: term('results-disclosure'), repeatable: false, required: true, takes: '`disclosed` or `withheld`', example: 'results disclosed' },
        { feature: 'texts', label: 'text', value: text, repeatable: false, takes: 'a text in quotes: where the results are published, or why they are withheld', example: 'results withheld "Security of the coastal radar sites"' }
    ],
    Beneficiary: [
        { feature: 'name', label: 'name', value: text, repeatable: false, required: true, takes: 'a name in quotes', example: 'beneficiary "Philippine Navy"' },
        { feature: 'kinds', keyword: 'kind', label: 'kind', value: term('beneficiary-kind'), repeatable: false, takes: 'a beneficiary kind such as `armed-forces`', example: 'kind armed-forces' }
    ],
    Amount: [
        { feature: 'value', label: 'amount', value: { type: 'amount' }, repeatable: false, required: true, takes: 'a whole number (digit groups with `_`)', example: 'amount 1_600_000_000 JPY' },
        { feature: 'currency', label: 'currency', value: term('currency'), repeatable: false, required: true, takes: 'an ISO 4217 currency code such as JPY', example: 'amount 1_600_000_000 JPY' }
    ],
    Period: [
        { feature: 'start', label: 'start', value: { type: 'date' }, repeatable: false, required: true, takes: 'a date written YYYY-MM-DD', example: 'period 2025-04-01 to 2027-03-31' },
        { feature: 'end', keyword: 'to', label: 'end', value: { type: 'date' }, repeatable: false, required: true, takes: 'a date written YYYY-MM-DD', example: 'period 2025-04-01 to 2027-03-31' }
    ],
    FieldDeclaration: [
        { feature: 'name', label: 'field', value: term('field'), repeatable: false, required: true, takes: 'a field such as `rule-of-law`', example: 'field rule-of-law' },
        { feature: 'activities', keyword: 'activity', label: 'activity', value: declaration('Activity'), repeatable: true, takes: 'an activity and an optional text', example: 'activity maritime-surveillance "Patrol of the EEZ"' },
        { feature: 'operations', keyword: 'operation', label: 'peace operation', value: declaration('Operation'), repeatable: true, takes: 'a UN operation\'s name, or a text and `led-by`', example: 'operation UNMISS' },
        { feature: 'descriptions', keyword: 'description', label: 'description', value: text, repeatable: false, takes: 'a text in quotes', example: 'description "…"' }
    ],
    Activity: [
        { feature: 'name', label: 'activity', value: term('activity'), repeatable: false, required: true, takes: 'an activity such as `maritime-surveillance`', example: 'activity maritime-surveillance' },
        { feature: 'descriptions', label: 'description', value: text, repeatable: false, takes: 'a text in quotes', example: 'activity search-and-rescue "Rescue at sea"' }
    ],
    Operation: [
        { feature: 'name', label: 'operation', value: { type: 'peace-operation' }, repeatable: false, required: true, takes: 'the name of a UN peace operation (such as UNMISS), or a text in quotes for an operation outside the UN', example: 'operation UNMISS' },
        { feature: 'leads', keyword: 'led-by', label: 'lead organisation', value: { type: 'name' }, repeatable: false, takes: 'the organisation that leads a non-UN operation, such as ASEAN', example: 'operation "ASEAN Monitoring Team" led-by ASEAN' },
        { feature: 'areas', keyword: 'in', label: 'country of operation', value: { type: 'country' }, repeatable: true, takes: 'ISO 3166-1 alpha-3 codes of the countries where the operation works, separated by commas', example: 'operation "Ceasefire monitoring" led-by ASEAN in THA, KHM' }
    ],
    Item: [
        { feature: 'name', label: 'name', value: text, repeatable: false, required: true, takes: 'a name in quotes', example: 'provide "Coastal radar"' },
        { feature: 'quantities', keyword: 'quantity', label: 'quantity', value: { type: 'quantity' }, repeatable: false, takes: 'a whole number', example: 'quantity 2' },
        { feature: 'categories', keyword: 'category', label: 'category', value: term('item-category'), repeatable: false, required: true, takes: 'an item category such as `coastal-radar`', example: 'category coastal-radar' },
        { feature: 'defenseEquipment', keyword: 'defense-equipment', label: 'defense-equipment', value: { type: 'flag' }, repeatable: false, takes: 'nothing: the word marks the item as defense equipment', example: 'defense-equipment purpose surveillance' },
        { feature: 'purposes', keyword: 'purpose', label: 'purpose', value: term('purpose'), repeatable: false, takes: 'one of the five purposes, such as `surveillance`', example: 'purpose surveillance' },
        { feature: 'armedAfterDelivery', keyword: 'armed-after-delivery', label: 'armed-after-delivery', value: { type: 'flag' }, repeatable: false, takes: 'nothing: the word says the item will be armed after delivery', example: 'armed-after-delivery' },
        { feature: 'details', keyword: 'detail', label: 'detail', value: text, repeatable: false, takes: 'a text in quotes', example: 'detail "18 m aluminium hull"' },
        { feature: 'serves', keyword: 'serves', label: 'field served', value: term('field'), repeatable: true, takes: 'one of the programme\'s declared fields, such as `humanitarian`', example: 'serves humanitarian' }
    ],
    Assessment: [
        { feature: 'topics', label: 'topic', value: declaration('AssessmentTopic'), repeatable: true, takes: 'a topic, optionally `on-file`, and its text', example: 'democracy on-file "Assessment of 2025-02-01"' }
    ],
    AssessmentTopic: [
        { feature: 'name', label: 'topic', value: term('assessment-topic'), repeatable: false, required: true, takes: 'one of the six topics of §3(2), such as `democracy`', example: 'democracy "…"' },
        { feature: 'onFile', keyword: 'on-file', label: 'on-file', value: { type: 'flag' }, repeatable: false, takes: 'nothing: the word says the text is a reference to a document on file', example: 'democracy on-file "MOFA file 2025-123"' },
        { feature: 'texts', label: 'text', value: text, repeatable: false, required: true, takes: 'a text in quotes', example: 'democracy "Elections held in 2024"' },
        { feature: 'dates', keyword: 'dated', label: 'date', value: { type: 'date' }, repeatable: false, takes: 'a date written YYYY-MM-DD', example: 'democracy "…" dated 2025-02-01' }
    ],
    Agreement: [
        { feature: 'templates', keyword: 'uses', label: 'template', value: { type: 'reference', to: 'AgreementTemplate' }, repeatable: false, takes: 'the name of an `agreement-template`', example: 'agreement uses StandardExchangeOfNotes' },
        { feature: 'kinds', keyword: 'kind', label: 'kind', value: term('agreement-kind'), repeatable: false, takes: 'an agreement kind such as `exchange-of-notes`', example: 'agreement kind exchange-of-notes' },
        { feature: 'signedDates', keyword: 'signed', label: 'date of signature', value: { type: 'date' }, repeatable: false, takes: 'a date written YYYY-MM-DD', example: 'agreement uses StandardExchangeOfNotes signed 2025-01-10' },
        { feature: 'clauses', keyword: 'clause', label: 'clause', value: declaration('Clause'), repeatable: true, takes: 'a clause, optional `results`, optional text', example: 'clause monitoring-and-evaluation results disclosed' }
    ],
    AgreementTemplate: [
        { feature: 'titles', keyword: 'title', label: 'title', value: text, repeatable: false, takes: 'a text in quotes', example: 'title "Exchange of notes with the standard OSA clauses"' },
        { feature: 'kinds', keyword: 'kind', label: 'kind', value: term('agreement-kind'), repeatable: false, takes: 'an agreement kind such as `exchange-of-notes`', example: 'kind exchange-of-notes' },
        { feature: 'clauses', keyword: 'clause', label: 'clause', value: declaration('Clause'), repeatable: true, takes: 'a clause, optional `results`, optional text', example: 'clause information-disclosure' }
    ],
    Clause: [
        { feature: 'name', label: 'clause', value: term('clause'), repeatable: false, required: true, takes: 'a clause such as `information-disclosure`', example: 'clause information-disclosure' },
        { feature: 'results', keyword: 'results', label: 'results', value: term('results-disclosure'), repeatable: false, takes: '`disclosed` or `withheld`', example: 'clause monitoring-and-evaluation results disclosed' },
        { feature: 'texts', label: 'text', value: text, repeatable: false, takes: 'a text in quotes', example: 'clause entry-into-force "On receipt of the second note"' }
    ],
    Coordination: [
        { feature: 'bodies', label: 'body', value: term('coordination-body'), repeatable: true, required: true, takes: 'coordination bodies such as NSS, MOFA, MOD', example: 'coordination NSS, MOFA, MOD' }
    ],
    Exception: [
        { feature: 'rule', label: 'rule', value: { type: 'rule-id' }, repeatable: false, required: true, takes: 'a rule id such as OSA305', example: 'exception OSA305 { … }' },
        { feature: 'justifications', keyword: 'justification', label: 'justification', value: text, repeatable: false, takes: 'a text in quotes', example: 'justification "Why the decision was taken"' },
        { feature: 'approvers', keyword: 'approved-by', label: 'approved-by', value: text, repeatable: false, takes: 'a text in quotes', example: 'approved-by "National Security Council"' },
        { feature: 'dates', keyword: 'dated', label: 'date', value: { type: 'date' }, repeatable: false, takes: 'a date written YYYY-MM-DD', example: 'dated 2025-03-10' }
    ],
    BudgetEnvelope: [
        { feature: 'fiscalYears', keyword: 'fiscal-year', label: 'fiscal year', value: { type: 'fiscal-year' }, repeatable: false, required: true, takes: 'a Japanese fiscal year in four digits, such as 2025', example: 'fiscal-year 2025' },
        { feature: 'amounts', keyword: 'amount', label: 'amount', value: declaration('Amount'), repeatable: false, required: true, takes: 'a whole number and an ISO 4217 currency code', example: 'amount 8_100_000_000 JPY' },
        { feature: 'rates', keyword: 'exchange-rate', label: 'exchange rate', value: declaration('ExchangeRate'), repeatable: true, takes: 'a currency and the yen one unit of it counts for', example: 'exchange-rate USD 151.5' },
        { feature: 'sources', keyword: 'source', label: 'source', value: text, repeatable: true, takes: 'a text in quotes (a citation or a link)', example: 'source "FY2025 budget, https://…"' }
    ],
    ExchangeRate: [
        { feature: 'currency', label: 'currency', value: term('currency'), repeatable: false, required: true, takes: 'an ISO 4217 currency code such as USD', example: 'exchange-rate USD 151.5' },
        { feature: 'rate', label: 'rate', value: { type: 'rate' }, repeatable: false, required: true, takes: 'the yen one unit of the currency counts for, such as 151.5', example: 'exchange-rate USD 151.5' }
    ]
};

/** The properties of an AST type (empty for types without properties of their own). */
export function propertiesOf(type: string): readonly PropertySpec[] {
    return Object.hasOwn(PROPERTIES, type) ? PROPERTIES[type] : [];
}

export function propertySpec(type: string, feature: string): PropertySpec | undefined {
    return propertiesOf(type).find(p => p.feature === feature);
}

/** Keywords that start a statement inside a declaration of `type`, for did-you-mean on unknown property names. */
export function statementKeywords(type: string): string[] {
    return propertiesOf(type).flatMap(p => p.keyword ? [p.keyword] : []);
}

/** The top-level declarations, for an unknown word outside any declaration. */
export const DECLARATION_KEYWORDS = ['programme', 'agreement-template', 'budget-envelope'] as const;

/**
 * What a property takes, as a message param: the catalogue's `property.<AstType>.<feature>.takes` (rendered in the
 * locale of the text it is put in), else the table's English. i18n/texts.ts `propertyTakes` gives the plain string.
 */
export function takesMessage(type: string, spec: PropertySpec): MessageParam {
    const id = `property.${type}.${spec.feature}.takes`;
    return isMessageId(id) ? msg(id) : spec.takes;
}
