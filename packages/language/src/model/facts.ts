/**
 * What a declaration states, decoded: the accessors rules, hovers and summaries read instead of the raw syntax
 * tree. A property holds its first statement (a repeat is reported by the language checks and never wins); a
 * value that does not decode (a misspelt term, `fiscal-year FY2025`, `amount 0.5 JPY`) reads as undefined, so
 * the rules that need it stay silent while the language check explains it once.
 */
import { GrammarUtils, type AstNode } from 'langium';
import { isProgramme } from '../generated/ast.js';
import type {
    Activity, Agreement, AgreementTemplate, Amount, AssessmentTopic, Assessment, Beneficiary, BudgetEnvelope, Clause,
    Exception, FieldDeclaration, Funding, FundingShare, Item, Monitoring, MonitoringResults, MonitoringVisit, Operation, Period,
    Programme, UnknownStatement
} from '../generated/ast.js';
import {
    BUILT_IN_TERMS, FIELDS, lookupTerm, VOCABULARIES, type ActivityInfo, type ActivityName, type ItemCategoryInfo,
    type PermittedField, type Terms, type AgreementKind, type AssessmentTopicName, type BeneficiaryKind,
    type ClauseName, type CoordinationBody, type DefensePurpose, type FieldName, type ItemCategory, type LifecycleStatus,
    type Modality, type ResultsDisclosure, type VocabularyId
} from '../vocabulary.js';
import { editDistance } from '../util/text.js';
import { propertySpec, statementKeywords } from './properties.js';
import {
    asWritten, decodeAmountValue, decodeDate, decodeFiscalYear, decodeName, decodeQuantity, decodeRate, decodeText,
    type Decoded, type ValueAsWritten
} from './values.js';

/** Where a fact was stated, for findings: the node, the property and which statement of it. */
export interface At {
    node: AstNode;
    property: string;
    index?: number;
}

export function at(node: AstNode, property: string, index = 0): At {
    return { node, property, index };
}

/**
 * Rules read a property's first value from the syntax tree's string alone, without the CST: a value that is not
 * in its property's form is reported by the language checks (which do look at how it was written), and a rule
 * reading it leniently (a quoted year, an unquoted title) still reads what the writer meant. Decoded values are
 * cached on the node (a symbol-keyed field, invisible to Langium and JSON), since rules ask for the same facts
 * many times (periods, years).
 */
const DECODED = Symbol('osa.decoded');
const NOT_DECODED = Symbol('not decoded');
type WithDecoded = { [DECODED]?: Map<string, unknown> };

function firstRaw(node: AstNode, feature: string): string | undefined {
    const raw = (node as unknown as Record<string, unknown>)[feature];
    const first = Array.isArray(raw) ? raw[0] : raw;
    return typeof first === 'string' ? first : undefined;
}

function decodedFirst<T>(node: AstNode, feature: string, decode: (w: ValueAsWritten) => Decoded<T>): T | undefined {
    const holder = node as unknown as WithDecoded;
    let byFeature = holder[DECODED];
    if (!byFeature) {
        byFeature = new Map();
        holder[DECODED] = byFeature;
    }
    const cached = byFeature.get(feature);
    if (cached !== undefined) {
        return cached === NOT_DECODED ? undefined : cached as T;
    }
    const raw = firstRaw(node, feature);
    const decoded = raw === undefined ? undefined : decode(asWritten(raw, decode === decodeText));
    const value = decoded?.ok ? decoded.value : undefined;
    byFeature.set(feature, value === undefined ? NOT_DECODED : value);
    return value;
}

function knownTerm<T extends string>(vocabulary: VocabularyId, node: AstNode, feature: string): T | undefined {
    const raw = firstRaw(node, feature);
    return raw !== undefined && lookupTerm(VOCABULARIES[vocabulary].terms, raw) ? raw as T : undefined;
}

// ---- programme ---------------------------------------------------------------------------------

export const titleOf = (node: Programme | AgreementTemplate) => decodedFirst(node, 'titles', decodeText);
export const descriptionOf = (node: Programme | FieldDeclaration | Activity) => decodedFirst(node, 'descriptions', decodeText);
export const fiscalYearOf = (node: Programme | BudgetEnvelope) => decodedFirst(node, 'fiscalYears', decodeFiscalYear);
export const recipientOf = (programme: Programme) => decodedFirst(programme, 'recipients', decodeName);
export const modalityOf = (programme: Programme) => knownTerm<Modality>('modality', programme, 'modalities');
export const assessmentOf = (programme: Programme): Assessment | undefined => programme.assessments[0];
export const agreementOf = (programme: Programme): Agreement | undefined => programme.agreements[0];
export const periodNodeOf = (programme: Programme): Period | undefined => programme.periods[0];
export const envelopeOf = (programme: Programme): BudgetEnvelope | undefined => programme.envelopes[0]?.ref;

/** The declared period, when both dates are calendar dates. */
export function periodOf(programme: Programme): { start: string; end: string } | undefined {
    const period = periodNodeOf(programme);
    if (!period) {
        return undefined;
    }
    const start = decodedFirst(period, 'start', decodeDate);
    const end = decodedFirst(period, 'end', decodeDate);
    return start && end && start <= end ? { start, end } : undefined;
}

export interface Money {
    /** Whole units of the currency, exact (bounded far below 2^53). */
    value: number;
    currency: string;
}

export function amountNodeOf(node: Programme | BudgetEnvelope): Amount | undefined {
    return node.amounts[0];
}

/** The amount, when its number is a plausible whole amount and its currency an ISO 4217 code. */
export function amountOf(node: Programme | BudgetEnvelope): Money | undefined {
    const amount = amountNodeOf(node);
    if (!amount) {
        return undefined;
    }
    const value = decodedFirst(amount, 'value', decodeAmountValue);
    const currency = knownTerm<string>('currency', amount, 'currency');
    return value !== undefined && currency ? { value, currency } : undefined;
}

/** An envelope's exchange rates that decode: currency → millionths of a yen per unit (decimal string); the first per currency. */
export function ratesOf(envelope: BudgetEnvelope): Record<string, string> {
    const rates: Record<string, string> = {};
    for (const rate of envelope.rates) {
        const currency = knownTerm<string>('currency', rate, 'currency');
        const decoded = decodedFirst(rate, 'rate', decodeRate);
        if (currency && decoded !== undefined && !Object.hasOwn(rates, currency)) {
            rates[currency] = decoded.toString();
        }
    }
    return rates;
}

// ---- beneficiaries, fields, items --------------------------------------------------------------

export const beneficiaryNameOf = (beneficiary: Beneficiary) => decodedFirst(beneficiary, 'name', decodeText) ?? beneficiary.name;
export const beneficiaryKindOf = (beneficiary: Beneficiary) => knownTerm<BeneficiaryKind>('beneficiary-kind', beneficiary, 'kinds');

export const fieldNameOf = (field: FieldDeclaration) => knownTerm<FieldName>('field', field, 'name');
export const activityNameOf = (activity: Activity) => knownTerm<ActivityName>('activity', activity, 'name');

export const itemCategoryOf = (item: Item) => knownTerm<ItemCategory>('item-category', item, 'categories');
export const itemPurposeOf = (item: Item) => knownTerm<DefensePurpose>('purpose', item, 'purposes');
export const itemQuantityOf = (item: Item) => decodedFirst(item, 'quantities', decodeQuantity);
export const itemDetailOf = (item: Item) => decodedFirst(item, 'details', decodeText);
export const isDefenseEquipment = (item: Item) => item.defenseEquipment.length > 0;
export const isArmedAfterDelivery = (item: Item) => item.armedAfterDelivery.length > 0;

// ---- assessment, agreement, clauses ------------------------------------------------------------

export const topicNameOf = (topic: AssessmentTopic) => knownTerm<AssessmentTopicName>('assessment-topic', topic, 'name');
export const topicTextOf = (topic: AssessmentTopic) => decodedFirst(topic, 'texts', decodeText);
export const topicOnFile = (topic: AssessmentTopic) => topic.onFile.length > 0;

export const templateOf = (agreement: Agreement): AgreementTemplate | undefined => agreement.templates[0]?.ref;
export const agreementKindOf = (node: Agreement | AgreementTemplate) => knownTerm<AgreementKind>('agreement-kind', node, 'kinds');
export const signedOf = (agreement: Agreement) => decodedFirst(agreement, 'signedDates', decodeDate);

export const clauseNameOf = (clause: Clause) => knownTerm<ClauseName>('clause', clause, 'name');
export const clauseResultsOf = (clause: Clause) => knownTerm<ResultsDisclosure>('results-disclosure', clause, 'results');
export const clauseTextOf = (clause: Clause) => decodedFirst(clause, 'texts', decodeText);

/** The known coordination bodies a programme declares, over all its `coordination` lines. */
export function coordinationBodiesOf(programme: Programme): Set<CoordinationBody> {
    const bodies = new Set<CoordinationBody>();
    for (const line of programme.coordination) {
        for (const body of line.bodies) {
            if (lookupTerm(VOCABULARIES['coordination-body'].terms, body)) {
                bodies.add(body as CoordinationBody);
            }
        }
    }
    return bodies;
}

export const exceptionRuleOf = (exception: Exception) => decodedFirst(exception, 'rule', decodeName);
export const justificationOf = (exception: Exception) => decodedFirst(exception, 'justifications', decodeText);

export const operationLeadOf = (operation: Operation) => firstRaw(operation, 'leads');

// ---- lifecycle, follow-ons, sources, monitoring -----------------------------------------------------

export const statusOf = (programme: Programme) => knownTerm<LifecycleStatus>('lifecycle-status', programme, 'statuses');
export const decidedOf = (programme: Programme) => decodedFirst(programme, 'decidedDates', decodeDate);
export const deliveredOf = (programme: Programme) => decodedFirst(programme, 'deliveredDates', decodeDate);
/** The programme this one follows on from, when the reference resolves. */
export const predecessorOf = (programme: Programme): Programme | undefined => programme.predecessors[0]?.ref;

/** Every `source` of the programme that reads as a text, in order. */
export function sourcesOf(programme: Programme): string[] {
    const sources: string[] = [];
    for (const raw of programme.sources) {
        const decoded = decodeText(asWritten(raw, true));
        if (decoded.ok) {
            sources.push(decoded.value);
        }
    }
    return sources;
}

export const monitoringOf = (programme: Programme): Monitoring | undefined => programme.monitorings[0];
export const visitDateOf = (visit: MonitoringVisit) => decodedFirst(visit, 'dates', decodeDate);
export const visitTextOf = (visit: MonitoringVisit) => decodedFirst(visit, 'texts', decodeText);
export const monitoringResultsOf = (monitoring: Monitoring): MonitoringResults | undefined => monitoring.results[0];
export const resultsDisclosureOf = (results: MonitoringResults) => knownTerm<ResultsDisclosure>('results-disclosure', results, 'disclosures');
/** Where the results are published (`disclosed`) or why they are withheld (`withheld`); undefined when not written. */
export const resultsTextOf = (results: MonitoringResults) => decodedFirst(results, 'texts', decodeText);

/** The dated monitoring visits, in the order written. */
export function monitoringVisitsOf(programme: Programme): { date: string; text?: string; visit: MonitoringVisit }[] {
    const monitoring = monitoringOf(programme);
    const visits: { date: string; text?: string; visit: MonitoringVisit }[] = [];
    for (const visit of monitoring?.visits ?? []) {
        const date = visitDateOf(visit);
        if (date) {
            visits.push({ date, text: visitTextOf(visit), visit });
        }
    }
    return visits;
}

// ---- present, missing or unreadable ------------------------------------------------------------

/**
 * True when `node` states `feature` at all: a statement is there (even with a malformed value), or an unknown
 * statement whose closest keyword is that property's (a misspelt `recipeint PHL` stands for `recipient`).
 * Checks that report a missing property ask this, so that a typo costs one finding, not two.
 */
export function isStated(node: AstNode & { unknown?: UnknownStatement[] }, feature: string): boolean {
    const value = (node as unknown as Record<string, unknown>)[feature];
    if (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '') {
        return true;
    }
    const keyword = propertySpec(node.$type, feature)?.keyword;
    if (keyword === undefined) {
        return false;
    }
    // The keyword written without a value (a parse error reports it) still states the property.
    if (GrammarUtils.findNodesForKeyword(node.$cstNode, keyword).length > 0) {
        return true;
    }
    // Inside an item the parser keeps a word that may be a misspelt property of the programme after it.
    const unknown = [...(node.unknown ?? []), ...(isProgramme(node) ? node.items.flatMap(i => i.unknown) : [])];
    const keywords = statementKeywords(node.$type);
    return unknown.some(u => closestKeyword(u.keyword, keywords) === keyword);
}

/** The keyword an unknown word most likely stands for (a few edits away), if any. */
export function closestKeyword(word: string, keywords: readonly string[]): string | undefined {
    return suggestKeywords(word, keywords, 1)[0];
}

export function suggestKeywords(word: string, keywords: readonly string[], max = 3): string[] {
    const lower = word.toLowerCase();
    return keywords
        .map(keyword => ({ keyword, distance: editDistance(lower, keyword) }))
        .filter(k => k.distance <= Math.max(1, Math.floor(k.keyword.length / 3)) || (lower.length >= 4 && k.keyword.startsWith(lower)))
        .sort((a, b) => a.distance - b.distance || (a.keyword < b.keyword ? -1 : 1))
        .slice(0, max)
        .map(k => k.keyword);
}

// ---- money by fiscal year (funding) ------------------------------------------------------------

/** One fiscal year's share of a programme's money, decoded: the year, the exact amount and its currency. */
export interface YearShare {
    fiscalYear: number;
    /** Whole units of the currency, exact. */
    amount: bigint;
    currency: string;
    /** The statement it was read from: a `funding` share, or the `amount` (the one-year shorthand). */
    node: FundingShare | Amount;
}

export const fundingNodeOf = (programme: Programme): Funding | undefined => programme.fundings[0];

/** A funding share's year, amount and currency, when all three decode; undefined otherwise (the language checks explain why). */
export function fundingShareOf(share: FundingShare): YearShare | undefined {
    const fiscalYear = decodedFirst(share, 'year', decodeFiscalYear);
    const value = decodedFirst(share, 'value', decodeAmountValue);
    const currency = knownTerm<string>('currency', share, 'currency');
    return fiscalYear !== undefined && value !== undefined && currency ? { fiscalYear, amount: BigInt(value), currency, node: share } : undefined;
}

const SHARES = Symbol('osa.shares');

/**
 * The programme's money by fiscal year. A `funding` block gives one share per year (the first statement of a
 * year counts; a repeat is a language error and never adds to it); without one, `amount` is the shorthand for a
 * single share in the programme's fiscal year. Shares that do not decode are left out here and reported by the
 * language checks. Cached on the programme: the budget summary and the hovers ask for it.
 */
export function yearSharesOf(programme: Programme): readonly YearShare[] {
    const holder = programme as unknown as { [SHARES]?: readonly YearShare[] };
    const cached = holder[SHARES];
    if (cached) {
        return cached;
    }
    const shares: YearShare[] = [];
    const funding = fundingNodeOf(programme);
    if (funding) {
        const years = new Set<number>();
        for (const node of funding.shares) {
            const share = fundingShareOf(node);
            if (share && !years.has(share.fiscalYear)) {
                years.add(share.fiscalYear);
                shares.push(share);
            }
        }
    } else {
        const amount = amountOf(programme);
        const fiscalYear = fiscalYearOf(programme);
        const node = amountNodeOf(programme);
        if (amount && fiscalYear !== undefined && node) {
            shares.push({ fiscalYear, amount: BigInt(amount.value), currency: amount.currency, node });
        }
    }
    Object.defineProperty(holder, SHARES, { value: shares, enumerable: false });
    return shares;
}

/** True when the programme states its money at all (`amount` or `funding`, even malformed): then the language checks explain a value that does not decode. */
export function statesMoney(programme: Programme): boolean {
    // The statements themselves first: isStated walks the programme's syntax only when neither is there.
    return programme.amounts.length > 0 || programme.fundings.length > 0 || isStated(programme, 'amounts') || isStated(programme, 'fundings');
}

// ---- operation areas ---------------------------------------------------------------------------

/**
 * The countries an operation names with `in` (`operation … in THA, KHM`), in order, with their position in the
 * list: names only (a number or date there is reported by the language checks); a repeat is kept, and reported.
 */
export function operationAreasOf(operation: Operation): { code: string; index: number }[] {
    const areas: { code: string; index: number }[] = [];
    operation.areas.forEach((area, index) => {
        if (typeof area === 'string' && area !== '' && asWritten(area, false).kind === 'name') {
            areas.push({ code: area, index });
        }
    });
    return areas;
}

// ---- lifecycle status (local reader) -----------------------------------------------------------

// ---- what an item serves, with the workspace's terms -------------------------------------------

/** An item's category with its meaning, built-in or added by the workspace; undefined when unknown or missing. */
export function itemCategoryInfoOf(item: Item, terms: Terms = BUILT_IN_TERMS): { name: string; info: ItemCategoryInfo } | undefined {
    const name = firstRaw(item, 'categories');
    const info = terms.itemCategory(name);
    return name !== undefined && info ? { name, info } : undefined;
}

/** An activity's meaning, built-in or added by the workspace. */
export function activityInfoOf(activity: Activity, terms: Terms = BUILT_IN_TERMS): { name: string; info: ActivityInfo } | undefined {
    const name = firstRaw(activity, 'name');
    const info = terms.activity(name);
    return name !== undefined && info ? { name, info } : undefined;
}

/**
 * True when an item is defense equipment: flagged `defense-equipment`, or of a category whose every item is. A
 * conflict-related category counts only when flagged: it cannot be provided at all (OSA203 says so, once).
 */
export function countsAsDefenseEquipment(item: Item, terms: Terms = BUILT_IN_TERMS): boolean {
    if (isDefenseEquipment(item)) {
        return true;
    }
    const category = itemCategoryInfoOf(item, terms)?.info;
    return category !== undefined && category.defenseEquipment && !category.conflictRelated;
}

export type ItemServes =
    /** Stated with `serves` (the known fields, in order; `index` is the statement's position among `serves`). */
    | { from: 'serves'; fields: { field: FieldName; index: number }[] }
    /** Not stated: the category implies the field. */
    | { from: 'category'; fields: { field: PermittedField }[]; category: string }
    /** Not stated: the category goes with the programme's other items and serves what they serve (mainItemFieldsOf). */
    | { from: 'main-items'; fields: []; category: string }
    /** Not stated: general equipment, serving the programme's field when it declares only one (declaredFieldsOf). */
    | { from: 'programme-field'; fields: []; category: string }
    /** Not stated, and the category implies none. */
    | { from: 'none'; fields: []; category: string };

/**
 * The fields an item serves: its `serves` statements, else its category's default field. Undefined when it cannot
 * be told: a `serves` whose every value is unknown (the language checks report it) or an unknown or missing
 * category without `serves`.
 */
export function itemServesOf(item: Item, terms: Terms = BUILT_IN_TERMS): ItemServes | undefined {
    if (item.serves.length > 0) {
        const fields: { field: FieldName; index: number }[] = [];
        item.serves.forEach((raw, index) => {
            if (lookupTerm(FIELDS, raw)) {
                fields.push({ field: raw as FieldName, index });
            }
        });
        return fields.length > 0 ? { from: 'serves', fields } : undefined;
    }
    const category = itemCategoryInfoOf(item, terms);
    if (!category) {
        return undefined;
    }
    const field = category.info.defaultField;
    if (field === 'as-main-items') {
        return { from: 'main-items', fields: [], category: category.name };
    }
    if (field === 'programme-field') {
        return { from: 'programme-field', fields: [], category: category.name };
    }
    return field ? { from: 'category', fields: [{ field }], category: category.name } : { from: 'none', fields: [], category: category.name };
}

/** The fields a programme declares (known terms only), in order, without repeats. */
export function declaredFieldsOf(programme: Programme): FieldName[] {
    const fields: FieldName[] = [];
    for (const field of programme.fields) {
        const name = fieldNameOf(field);
        if (name && !fields.includes(name)) {
            fields.push(name);
        }
    }
    return fields;
}

/**
 * The fields a programme's main items serve (those whose category does not go with other items), in order; general
 * equipment counts for the programme's field when it declares only one.
 */
export function mainItemFieldsOf(programme: Programme, terms: Terms = BUILT_IN_TERMS): FieldName[] {
    const declared = declaredFieldsOf(programme);
    const fields: FieldName[] = [];
    for (const item of programme.items) {
        const serves = itemServesOf(item, terms);
        const served = serves?.from === 'programme-field' ? (declared.length === 1 ? declared : []) : serves?.fields.map(f => f.field) ?? [];
        for (const field of served) {
            if (!fields.includes(field)) {
                fields.push(field);
            }
        }
    }
    return fields;
}
