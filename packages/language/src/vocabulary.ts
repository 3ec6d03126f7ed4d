/**
 * The controlled vocabularies of the language and the meaning of every term. The grammar parses a term as a
 * plain name; the language checks look it up here (an unknown term is one finding with suggestions), rules
 * decide from these tables, and hovers, completion and docs/language.md explain from them.
 */
import currencyData from './reference/data/currencies.json' with { type: 'json' };
import { editDistance } from './util/text.js';

/** The three permitted fields of §2(2). */
export type PermittedField = 'rule-of-law' | 'humanitarian' | 'peace-cooperation';

export interface TermInfo {
    /** One line in plain words, for hovers and completion. */
    description: string;
}

export interface FieldInfo extends TermInfo {
    /** The §2(2) sub-clause for a permitted field; undefined for fields outside them. */
    clause?: '§2(2)(a)' | '§2(2)(b)' | '§2(2)(c)';
    permitted: boolean;
}

const FIELDS_TABLE = {
    'rule-of-law': { permitted: true, clause: '§2(2)(a)', description: 'Peace, stability and security based on the rule of law: surveillance of territorial waters and airspace, counter-terrorism, counter-piracy.' },
    'humanitarian': { permitted: true, clause: '§2(2)(b)', description: 'Humanitarian work: disaster response, search and rescue, lifesaving, medical care, transport of relief goods.' },
    'peace-cooperation': { permitted: true, clause: '§2(2)(c)', description: 'International peace cooperation, such as building capacity to take part in UN peacekeeping operations.' },
    'combat-operations': { permitted: false, description: 'Fighting capability. Outside the permitted fields and directly related to conflict.' },
    'national-defense-buildup': { permitted: false, description: 'General build-up of a national defence force. Not one of the permitted fields.' },
    'internal-security': { permitted: false, description: 'Public order and internal policing. Not one of the permitted fields.' },
    'intelligence': { permitted: false, description: 'Intelligence gathering. Not one of the permitted fields.' },
    'economic-development': { permitted: false, description: 'Economic development. A matter for ODA, not for OSA.' }
} satisfies Record<string, FieldInfo>;
export type FieldName = keyof typeof FIELDS_TABLE;
export const FIELDS: Readonly<Record<FieldName, FieldInfo>> = FIELDS_TABLE;

export interface ActivityInfo extends TermInfo {
    /** The permitted field the activity belongs to; undefined when it fits none of them. */
    field?: PermittedField;
    /** True when the activity relates directly to international conflict (§2(2)). */
    conflictRelated: boolean;
}

const ACTIVITIES_TABLE = {
    'maritime-surveillance': { field: 'rule-of-law', conflictRelated: false, description: 'Watching territorial waters and sea lanes.' },
    'airspace-surveillance': { field: 'rule-of-law', conflictRelated: false, description: 'Watching national airspace.' },
    'maritime-domain-awareness': { field: 'rule-of-law', conflictRelated: false, description: 'Building a picture of activity at sea (MDA).' },
    'coastal-monitoring': { field: 'rule-of-law', conflictRelated: false, description: 'Monitoring the coastline and its approaches.' },
    'air-traffic-control': { field: 'rule-of-law', conflictRelated: false, description: 'Safe, rule-based use of the skies through air traffic control.' },
    'counter-terrorism': { field: 'rule-of-law', conflictRelated: false, description: 'Preventing and responding to terrorism.' },
    'counter-piracy': { field: 'rule-of-law', conflictRelated: false, description: 'Preventing and responding to piracy.' },
    'border-surveillance': { field: 'rule-of-law', conflictRelated: false, description: 'Watching land borders.' },
    'disaster-response': { field: 'humanitarian', conflictRelated: false, description: 'Responding to natural disasters.' },
    'search-and-rescue': { field: 'humanitarian', conflictRelated: false, description: 'Finding and rescuing people in danger.' },
    'lifesaving': { field: 'humanitarian', conflictRelated: false, description: 'Saving lives in emergencies.' },
    'medical-care': { field: 'humanitarian', conflictRelated: false, description: 'Medical treatment and care.' },
    'relief-transport': { field: 'humanitarian', conflictRelated: false, description: 'Carrying humanitarian relief goods.' },
    'un-peacekeeping': { field: 'peace-cooperation', conflictRelated: false, description: 'Taking part in a UN peacekeeping operation.' },
    'peacekeeping-training': { field: 'peace-cooperation', conflictRelated: false, description: 'Training for deployment to UN peacekeeping.' },
    'peacekeeping-engineering': { field: 'peace-cooperation', conflictRelated: false, description: 'Engineering work for UN peacekeeping missions.' },
    'crowd-control': { conflictRelated: false, description: 'Managing crowds and public order. Not in any permitted field.' },
    'intelligence-collection': { conflictRelated: false, description: 'Collecting intelligence. Not in any permitted field.' },
    'general-capacity-building': { conflictRelated: false, description: 'Unspecified capacity building. Name the permitted activity instead.' },
    'combat-operations': { conflictRelated: true, description: 'Conducting combat. Directly related to international conflict.' },
    'combat-support': { conflictRelated: true, description: 'Supporting units in combat. Directly related to international conflict.' },
    'offensive-strike': { conflictRelated: true, description: 'Striking targets. Directly related to international conflict.' },
    'weapons-training': { conflictRelated: true, description: 'Training in the use of weapons. Directly related to international conflict.' },
    'arms-transfer': { conflictRelated: true, description: 'Passing on arms. Directly related to international conflict.' }
} satisfies Record<string, ActivityInfo>;
export type ActivityName = keyof typeof ACTIVITIES_TABLE;
export const ACTIVITIES: Readonly<Record<ActivityName, ActivityInfo>> = ACTIVITIES_TABLE;

/**
 * What an item category implies about the field its items serve: a permitted field; `as-main-items` for what goes with
 * the programme's other items; `programme-field` for general equipment that serves the programme's field when it
 * declares only one (with several, the item says which).
 */
export type DefaultField = PermittedField | 'as-main-items' | 'programme-field';

export interface ItemCategoryInfo extends TermInfo {
    conflictRelated: boolean;
    /**
     * The field an item of the category serves unless it says otherwise with `serves` (see DefaultField); undefined
     * when the category implies none (clothing, uniforms: they may serve no field at all, so the item says which).
     */
    defaultField?: DefaultField;
    /**
     * True when every item of the category is defense equipment under the Three Principles, flagged or not. False:
     * an item is defense equipment only when it carries the `defense-equipment` flag.
     */
    defenseEquipment: boolean;
}

const ROL = 'rule-of-law';
const HUM = 'humanitarian';
const PKO = 'peace-cooperation';
const MAIN = 'as-main-items';
const ANY = 'programme-field';

const ITEM_CATEGORIES_TABLE = {
    'surveillance-radar': { conflictRelated: false, defaultField: ROL, defenseEquipment: false, description: 'Radar for surveillance.' },
    'coastal-radar': { conflictRelated: false, defaultField: ROL, defenseEquipment: false, description: 'Coastal surveillance radar.' },
    'air-surveillance-radar': { conflictRelated: false, defaultField: ROL, defenseEquipment: false, description: 'Radar that watches the airspace.' },
    'air-traffic-control-radar': { conflictRelated: false, defaultField: ROL, defenseEquipment: false, description: 'Radar for air traffic control.' },
    'ais-equipment': { conflictRelated: false, defaultField: ROL, defenseEquipment: false, description: 'Automatic Identification System equipment.' },
    'patrol-boat': { conflictRelated: false, defaultField: ROL, defenseEquipment: false, description: 'An unarmed patrol boat.' },
    'rescue-boat': { conflictRelated: false, defaultField: HUM, defenseEquipment: false, description: 'A rescue boat.' },
    'rigid-inflatable-boat': { conflictRelated: false, defaultField: ROL, defenseEquipment: false, description: 'A rigid-hulled inflatable boat (RHIB), mostly for patrol and boarding. For rescue work, add `serves humanitarian`.' },
    'support-vessel': { conflictRelated: false, defaultField: ANY, defenseEquipment: false, description: 'A vessel that is neither a patrol nor a rescue boat and supports other work at sea, such as a diving support vessel or a tender.' },
    'surveillance-uav': { conflictRelated: false, defaultField: ROL, defenseEquipment: false, description: 'An unarmed surveillance drone.' },
    'underwater-camera': { conflictRelated: false, defaultField: ANY, defenseEquipment: false, description: 'An underwater camera.' },
    'diving-equipment': { conflictRelated: false, defaultField: ANY, defenseEquipment: false, description: 'Diving gear and equipment for divers, such as for underwater search, recovery or inspection.' },
    'communications-equipment': { conflictRelated: false, defaultField: ANY, defenseEquipment: false, description: 'Radios and other communications equipment.' },
    'transport-vehicle': { conflictRelated: false, defaultField: ANY, defenseEquipment: false, description: 'A vehicle for transport.' },
    'utility-vehicle': { conflictRelated: false, defaultField: ANY, defenseEquipment: false, description: 'A service vehicle that carries no people or cargo as its task, such as a road-cleaning truck, water tanker or fire engine.' },
    'transport-aircraft': { conflictRelated: false, defaultField: ANY, defenseEquipment: false, description: 'An aircraft for transport.' },
    'engineering-equipment': { conflictRelated: false, defaultField: ANY, defenseEquipment: false, description: 'Heavy machinery and engineering equipment.' },
    'disaster-response-works': { conflictRelated: false, defaultField: HUM, defenseEquipment: false, description: 'Construction works for disaster response, such as an evacuation shelter, a relief depot or flood defences.' },
    'medical-equipment': { conflictRelated: false, defaultField: HUM, defenseEquipment: false, description: 'Medical equipment and supplies.' },
    'protective-gear': { conflictRelated: false, defaultField: ANY, defenseEquipment: false, description: 'Protective gear for personnel.' },
    'uniforms': { conflictRelated: false, defenseEquipment: false, description: 'Uniforms.' },
    'clothing-and-personal-equipment': { conflictRelated: false, defenseEquipment: false, description: 'Clothing and personal equipment for personnel (boots, packs, tents), other than uniforms and protective gear.' },
    'infrastructure': { conflictRelated: false, defaultField: MAIN, defenseEquipment: false, description: 'Infrastructure such as a boathouse or radar site.' },
    'peacekeeping-equipment': { conflictRelated: false, defaultField: PKO, defenseEquipment: false, description: 'Equipment for a unit\'s part in a UN peacekeeping operation, such as camp and field equipment.' },
    'training': { conflictRelated: false, defaultField: MAIN, defenseEquipment: false, description: 'Training to operate and maintain what is provided.' },
    'spare-parts': { conflictRelated: false, defaultField: MAIN, defenseEquipment: false, description: 'Spare parts.' },
    'related-equipment': { conflictRelated: false, defaultField: MAIN, defenseEquipment: false, description: 'Equipment that goes with the main items.' },
    'weapon': { conflictRelated: true, defenseEquipment: true, description: 'A weapon. Directly related to international conflict.' },
    'ammunition': { conflictRelated: true, defenseEquipment: true, description: 'Ammunition. Directly related to international conflict.' },
    'missile': { conflictRelated: true, defenseEquipment: true, description: 'A missile. Directly related to international conflict.' },
    'explosive': { conflictRelated: true, defenseEquipment: true, description: 'Explosives. Directly related to international conflict.' },
    'armed-uav': { conflictRelated: true, defenseEquipment: true, description: 'An armed drone. Directly related to international conflict.' },
    'combat-vehicle': { conflictRelated: true, defenseEquipment: true, description: 'A combat vehicle. Directly related to international conflict.' },
    'fire-control-system': { conflictRelated: true, defenseEquipment: true, description: 'A fire-control system for weapons. Directly related to international conflict.' }
} satisfies Record<string, ItemCategoryInfo>;
export type ItemCategory = keyof typeof ITEM_CATEGORIES_TABLE;
export const ITEM_CATEGORIES: Readonly<Record<ItemCategory, ItemCategoryInfo>> = ITEM_CATEGORIES_TABLE;

export interface DefensePurposeInfo extends TermInfo {
    /** One of the five categories of the transfer scheme (rescue, transport, warning, surveillance, minesweeping). */
    permitted: boolean;
}

const DEFENSE_PURPOSES_TABLE = {
    'rescue': { permitted: true, description: 'Rescue: one of the five permitted purposes.' },
    'transport': { permitted: true, description: 'Transport: one of the five permitted purposes.' },
    'warning': { permitted: true, description: 'Warning (early warning): one of the five permitted purposes.' },
    'surveillance': { permitted: true, description: 'Surveillance: one of the five permitted purposes.' },
    'minesweeping': { permitted: true, description: 'Minesweeping: one of the five permitted purposes.' },
    'combat': { permitted: false, description: 'Combat. Outside the five permitted purposes.' },
    'strike': { permitted: false, description: 'Strike. Outside the five permitted purposes.' },
    'air-defense': { permitted: false, description: 'Air defence. Outside the five permitted purposes.' },
    'training-of-combat-units': { permitted: false, description: 'Training combat units. Outside the five permitted purposes.' }
} satisfies Record<string, DefensePurposeInfo>;
export type DefensePurpose = keyof typeof DEFENSE_PURPOSES_TABLE;
export const DEFENSE_PURPOSES: Readonly<Record<DefensePurpose, DefensePurposeInfo>> = DEFENSE_PURPOSES_TABLE;

export interface BeneficiaryKindInfo extends TermInfo {
    /** Armed forces or a related organisation, as §2(1) requires. */
    eligible: boolean;
}

const BENEFICIARY_KINDS_TABLE = {
    'armed-forces': { eligible: true, description: 'The recipient country\'s armed forces.' },
    'related-organisation': { eligible: true, description: 'An organisation related to the armed forces, such as a coast guard or defence ministry agency.' },
    'civilian-agency': { eligible: false, description: 'A civilian government agency. ODA, not OSA, serves it.' },
    'police': { eligible: false, description: 'A police force.' },
    'private-company': { eligible: false, description: 'A private company.' },
    'non-state-group': { eligible: false, description: 'A non-state armed or civil group.' },
    'international-organisation': { eligible: false, description: 'An international organisation.' }
} satisfies Record<string, BeneficiaryKindInfo>;
export type BeneficiaryKind = keyof typeof BENEFICIARY_KINDS_TABLE;
export const BENEFICIARY_KINDS: Readonly<Record<BeneficiaryKind, BeneficiaryKindInfo>> = BENEFICIARY_KINDS_TABLE;

const MODALITIES_TABLE = {
    'grant': { grant: true, description: 'Grant aid: the only modality OSA uses.' },
    'loan': { grant: false, description: 'A loan.' },
    'sale': { grant: false, description: 'A sale.' },
    'lease': { grant: false, description: 'A lease.' },
    'technical-cooperation': { grant: false, description: 'Technical cooperation, an ODA scheme.' }
} satisfies Record<string, TermInfo & { grant: boolean }>;
export type Modality = keyof typeof MODALITIES_TABLE;
export const MODALITIES: Readonly<Record<Modality, TermInfo & { grant: boolean }>> = MODALITIES_TABLE;

const ASSESSMENT_TOPICS_TABLE = {
    'democracy': { description: 'How far democracy is consolidated in the recipient country.' },
    'rule-of-law': { description: 'The state of the rule of law in the recipient country.' },
    'human-rights': { description: 'Protection of basic human rights in the recipient country.' },
    'socio-economic': { description: 'The recipient country\'s economic and social situation.' },
    'security-needs': { description: 'The security needs of Japan and the region.' },
    'bilateral-relations': { description: 'Japan\'s bilateral relations with the recipient country.' }
} satisfies Record<string, TermInfo>;
export type AssessmentTopicName = keyof typeof ASSESSMENT_TOPICS_TABLE;
export const ASSESSMENT_TOPICS: Readonly<Record<AssessmentTopicName, TermInfo>> = ASSESSMENT_TOPICS_TABLE;

export interface ClauseInfo extends TermInfo {
    /** The §3(3) condition the clause satisfies; undefined for supporting clauses. */
    clause?: string;
}

const CLAUSES_TABLE = {
    'information-disclosure': { clause: '§3(3)(a)', description: 'General information on the programme is disclosed to the public.' },
    'monitoring-and-evaluation': { clause: '§3(3)(b)', description: 'The programme is monitored and evaluated, and the results are disclosed.' },
    'no-extra-purpose-use': { clause: '§3(3)(c)', description: 'What is provided is used only for the agreed purpose.' },
    'no-third-party-transfer': { clause: '§3(3)(c)', description: 'What is provided is not transferred to third parties.' },
    'un-charter-conformity': { clause: '§3(3)(d)', description: 'What is provided is used in line with the purposes and principles of the UN Charter.' },
    'prior-consent': { description: 'Japan\'s prior consent is needed for any change of use or transfer.' },
    'entry-into-force': { description: 'The condition on which the agreement enters into force.' }
} satisfies Record<string, ClauseInfo>;
export type ClauseName = keyof typeof CLAUSES_TABLE;
export const CLAUSES: Readonly<Record<ClauseName, ClauseInfo>> = CLAUSES_TABLE;

export interface CoordinationBodyInfo extends TermInfo {
    role: 'core' | 'framework' | 'transfer-scheme';
}

const COORDINATION_BODIES_TABLE = {
    'NSS': { role: 'core', description: 'National Security Secretariat.' },
    'MOFA': { role: 'core', description: 'Ministry of Foreign Affairs.' },
    'MOD': { role: 'core', description: 'Ministry of Defense.' },
    'ODA': { role: 'framework', description: 'Official Development Assistance, another governmental cooperation framework.' },
    'JICA': { role: 'framework', description: 'Japan International Cooperation Agency (procurement, ODA projects).' },
    'JCG': { role: 'framework', description: 'Japan Coast Guard capacity-building cooperation.' },
    'PKO-secretariat': { role: 'framework', description: 'Secretariat of the International Peace Cooperation Headquarters.' },
    'transfer-scheme': { role: 'transfer-scheme', description: 'The scheme of Transfer of Defense Equipment and Technology.' }
} satisfies Record<string, CoordinationBodyInfo>;
export type CoordinationBody = keyof typeof COORDINATION_BODIES_TABLE;
export const COORDINATION_BODIES: Readonly<Record<CoordinationBody, CoordinationBodyInfo>> = COORDINATION_BODIES_TABLE;

export const CORE_COORDINATION_BODIES: readonly CoordinationBody[] = ['NSS', 'MOFA', 'MOD'];

const AGREEMENT_KINDS_TABLE = {
    'exchange-of-notes': { description: 'An exchange of notes between the two governments: the usual form of an OSA agreement.' },
    'exchange-of-letters': { description: 'An exchange of letters between the two governments.' },
    'grant-agreement': { description: 'A grant agreement, as used for grant aid.' },
    'memorandum': { description: 'A memorandum of understanding. Check that it binds the recipient to the conditions of §3(3).' }
} satisfies Record<string, TermInfo>;
export type AgreementKind = keyof typeof AGREEMENT_KINDS_TABLE;
export const AGREEMENT_KINDS: Readonly<Record<AgreementKind, TermInfo>> = AGREEMENT_KINDS_TABLE;

export interface ResultsDisclosureInfo extends TermInfo {
    /** True when the results are made public, as §3(3)(b) requires. */
    disclosed: boolean;
}

const RESULTS_DISCLOSURES_TABLE = {
    'disclosed': { disclosed: true, description: 'The results of monitoring and evaluation are made public.' },
    'withheld': { disclosed: false, description: 'The results of monitoring and evaluation are not made public.' }
} satisfies Record<string, ResultsDisclosureInfo>;
export type ResultsDisclosure = keyof typeof RESULTS_DISCLOSURES_TABLE;
export const RESULTS_DISCLOSURES: Readonly<Record<ResultsDisclosure, ResultsDisclosureInfo>> = RESULTS_DISCLOSURES_TABLE;

export interface LifecycleStatusInfo extends TermInfo {
    /** Position in the lifecycle: a later stage has a higher rank. */
    rank: number;
}

const LIFECYCLE_STATUSES_TABLE = {
    'planned': { rank: 0, description: 'Under consideration: no Cabinet decision yet. The agreement may still be a draft.' },
    'decided': { rank: 1, description: 'Decided by the Cabinet; the exchange of notes is not signed yet.' },
    'signed': { rank: 2, description: 'The international agreement (usually an exchange of notes) is signed.' },
    'delivered': { rank: 3, description: 'The equipment, supplies or works have been delivered: monitoring follows (§3(3)(b)).' },
    'completed': { rank: 4, description: 'Delivered and monitored; the results are disclosed or their withholding recorded.' }
} satisfies Record<string, LifecycleStatusInfo>;
export type LifecycleStatus = keyof typeof LIFECYCLE_STATUSES_TABLE;
export const LIFECYCLE_STATUSES: Readonly<Record<LifecycleStatus, LifecycleStatusInfo>> = LIFECYCLE_STATUSES_TABLE;

/** ISO 4217 codes (reference/data/currencies.json); amounts are checked against the budget in yen. */
export const CURRENCIES: Readonly<Record<string, TermInfo>> = Object.fromEntries(currencyData.currencies.map(c =>
    [c.code, { description: c.code === 'JPY' ? 'Japanese yen: the currency of OSA budgets.' : `${c.name} (ISO 4217).` }]));

// ---- the vocabularies as one registry ---------------------------------------------------------------

export type VocabularyId =
    | 'beneficiary-kind' | 'modality' | 'field' | 'activity' | 'item-category' | 'purpose' | 'assessment-topic'
    | 'agreement-kind' | 'clause' | 'results-disclosure' | 'coordination-body' | 'currency' | 'lifecycle-status';

export interface Vocabulary {
    readonly id: VocabularyId;
    /** How messages name a term of it: "unknown item category `x`". */
    readonly label: string;
    readonly terms: Readonly<Record<string, TermInfo>>;
    /**
     * Words writers use for a term (synonyms, older spellings): suggested first when written instead of a term.
     * Never accepted silently: an alias is still an unknown term, with its term as the first suggestion.
     */
    readonly aliases?: Readonly<Record<string, string>>;
}

export const VOCABULARIES: Readonly<Record<VocabularyId, Vocabulary>> = {
    'beneficiary-kind': {
        id: 'beneficiary-kind', label: 'beneficiary kind', terms: BENEFICIARY_KINDS,
        aliases: { 'military': 'armed-forces', 'army': 'armed-forces', 'navy': 'armed-forces', 'air-force': 'armed-forces', 'coast-guard': 'related-organisation', 'related-organization': 'related-organisation', 'international-organization': 'international-organisation' }
    },
    'modality': { id: 'modality', label: 'modality', terms: MODALITIES, aliases: { 'grant-aid': 'grant', 'donation': 'grant' } },
    'field': {
        id: 'field', label: 'field', terms: FIELDS,
        aliases: { 'peacekeeping': 'peace-cooperation', 'peace-keeping': 'peace-cooperation', 'humanitarian-assistance': 'humanitarian', 'hadr': 'humanitarian', 'maritime-security': 'rule-of-law', 'security': 'rule-of-law' }
    },
    'activity': {
        id: 'activity', label: 'activity', terms: ACTIVITIES,
        aliases: { 'sar': 'search-and-rescue', 'mda': 'maritime-domain-awareness', 'hadr': 'disaster-response', 'pko': 'un-peacekeeping', 'peacekeeping': 'un-peacekeeping', 'anti-piracy': 'counter-piracy', 'anti-terrorism': 'counter-terrorism' }
    },
    'item-category': {
        id: 'item-category', label: 'item category', terms: ITEM_CATEGORIES,
        aliases: {
            'heavy-machinery': 'engineering-equipment', 'construction-machinery': 'engineering-equipment', 'excavator': 'engineering-equipment',
            'radar': 'surveillance-radar', 'boat': 'patrol-boat', 'vessel': 'patrol-boat', 'ship': 'patrol-boat', 'rhib': 'rigid-inflatable-boat',
            'drone': 'surveillance-uav', 'uav': 'surveillance-uav', 'radio': 'communications-equipment', 'radios': 'communications-equipment',
            'vehicle': 'transport-vehicle', 'truck': 'transport-vehicle', 'aircraft': 'transport-aircraft', 'medical-supplies': 'medical-equipment',
            'ais': 'ais-equipment', 'facility': 'infrastructure', 'building': 'infrastructure', 'parts': 'spare-parts',
            'diving-support-vessel': 'support-vessel', 'tender': 'support-vessel', 'clothing': 'clothing-and-personal-equipment',
            'personal-equipment': 'clothing-and-personal-equipment', 'boots': 'clothing-and-personal-equipment',
            'shelter': 'disaster-response-works', 'evacuation-shelter': 'disaster-response-works', 'diving-gear': 'diving-equipment',
            'fire-engine': 'utility-vehicle', 'fire-truck': 'utility-vehicle', 'water-tanker': 'utility-vehicle',
            'weapons': 'weapon', 'gun': 'weapon', 'rifle': 'weapon', 'missiles': 'missile', 'explosives': 'explosive'
        }
    },
    'purpose': { id: 'purpose', label: 'purpose', terms: DEFENSE_PURPOSES, aliases: { 'early-warning': 'warning', 'search-and-rescue': 'rescue', 'mine-sweeping': 'minesweeping', 'mine-clearance': 'minesweeping' } },
    'assessment-topic': {
        id: 'assessment-topic', label: 'assessment topic', terms: ASSESSMENT_TOPICS,
        aliases: { 'socioeconomic': 'socio-economic', 'socio-economic-situation': 'socio-economic', 'security': 'security-needs', 'bilateral': 'bilateral-relations', 'humanrights': 'human-rights' }
    },
    'agreement-kind': { id: 'agreement-kind', label: 'agreement kind', terms: AGREEMENT_KINDS, aliases: { 'e-n': 'exchange-of-notes', 'notes': 'exchange-of-notes', 'letters': 'exchange-of-letters', 'mou': 'memorandum', 'g-a': 'grant-agreement' } },
    'clause': { id: 'clause', label: 'clause', terms: CLAUSES, aliases: { 'disclosure': 'information-disclosure', 'monitoring': 'monitoring-and-evaluation', 'no-third-party': 'no-third-party-transfer', 'un-charter': 'un-charter-conformity' } },
    'results-disclosure': { id: 'results-disclosure', label: 'results disclosure', terms: RESULTS_DISCLOSURES, aliases: { 'public': 'disclosed', 'published': 'disclosed', 'confidential': 'withheld', 'secret': 'withheld' } },
    'coordination-body': { id: 'coordination-body', label: 'coordination body', terms: COORDINATION_BODIES, aliases: { 'PKO': 'PKO-secretariat', 'JCGA': 'JCG', 'DSEC': 'transfer-scheme' } },
    'lifecycle-status': { id: 'lifecycle-status', label: 'lifecycle status', terms: LIFECYCLE_STATUSES, aliases: { 'proposed': 'planned', 'approved': 'decided', 'concluded': 'signed', 'done': 'completed', 'closed': 'completed' } },
    'currency': { id: 'currency', label: 'currency', terms: CURRENCIES, aliases: { 'YEN': 'JPY', 'yen': 'JPY', '円': 'JPY', 'dollars': 'USD', 'euros': 'EUR' } }
};

/** The meaning of `term` in `vocabulary`; undefined for an unknown term (never an inherited property such as `constructor`). */
export function lookupTerm<I extends TermInfo>(terms: Readonly<Record<string, I>>, term: string | undefined): I | undefined {
    return term !== undefined && Object.hasOwn(terms, term) ? terms[term] : undefined;
}

export function isKnownTerm(vocabulary: VocabularyId, term: string): boolean {
    return lookupTerm(VOCABULARIES[vocabulary].terms, term) !== undefined;
}

/**
 * The known terms closest to an unknown one, best first: the term an alias stands for, then terms that differ
 * by case only, by a few edits, or that contain the written word (or are contained in it).
 */
export function suggestTerms(vocabulary: VocabularyId, written: string, max = 3, addedTerms?: readonly string[]): string[] {
    const { terms, aliases } = VOCABULARIES[vocabulary];
    const lower = written.toLowerCase();
    const scored = new Map<string, number>();
    const offer = (term: string, score: number) => {
        if (!scored.has(term) || scored.get(term)! > score) {
            scored.set(term, score);
        }
    };
    for (const [alias, term] of Object.entries(aliases ?? {})) {
        if (alias.toLowerCase() === lower) {
            offer(term, 0);
        }
    }
    for (const term of addedTerms ? [...Object.keys(terms), ...addedTerms] : Object.keys(terms)) {
        const candidate = term.toLowerCase();
        if (candidate === lower) {
            offer(term, 0);
            continue;
        }
        const distance = editDistance(lower, candidate);
        if (distance <= Math.max(1, Math.floor(candidate.length / 4))) {
            offer(term, distance);
        } else if (lower.length >= 4 && (candidate.includes(lower) || lower.includes(candidate))) {
            offer(term, 3 + Math.abs(candidate.length - lower.length) / 100);
        } else if (lower.length >= 4 && candidate.split('-').some(part => part.length >= 4 && lower.split('-').includes(part))) {
            offer(term, 5);
        }
    }
    // A term written in another case, or a known alias, is what was meant: nothing else is worth listing.
    if ([...scored.values()].some(score => score === 0)) {
        return [...scored.entries()].filter(([, score]) => score === 0).map(([term]) => term).slice(0, max);
    }
    return [...scored.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, max).map(([term]) => term);
}


// ---- terms a workspace adds --------------------------------------------------------------------------

/** The vocabularies a workspace may add terms to (osa.config.json `vocabulary`); the others are fixed by the guidelines. */
export const EXTENSIBLE_VOCABULARIES = ['item-category', 'activity'] as const;
export type ExtensibleVocabularyId = typeof EXTENSIBLE_VOCABULARIES[number];

/** A term added by a workspace: its meaning, and the configuration file that adds it (for hovers). */
export type AddedTerm<I extends TermInfo> = I & { readonly addedBy: string };

export interface AddedTerms {
    readonly 'item-category': ReadonlyMap<string, AddedTerm<ItemCategoryInfo>>;
    readonly 'activity': ReadonlyMap<string, AddedTerm<ActivityInfo>>;
}

/**
 * The terms in force for a file: the built-in tables, plus the terms its workspace adds. A built-in term is always
 * looked up first and a workspace cannot redefine one (the configuration loader refuses it), so a file in a
 * workspace without additions reads exactly the built-in tables, and the language checks consult the additions
 * only for a word the built-in tables do not know.
 */
export class Terms {
    constructor(readonly added?: AddedTerms) { }

    get hasAdditions(): boolean {
        return this.added !== undefined && (this.added['item-category'].size > 0 || this.added.activity.size > 0);
    }

    /** The meaning of a term of any vocabulary, built-in or added. */
    lookup(vocabulary: VocabularyId, term: string | undefined): TermInfo | undefined {
        return lookupTerm(VOCABULARIES[vocabulary].terms, term) ?? (term === undefined ? undefined : this.addedTerm(vocabulary, term));
    }

    isKnown(vocabulary: VocabularyId, term: string): boolean {
        return this.lookup(vocabulary, term) !== undefined;
    }

    itemCategory(term: string | undefined): ItemCategoryInfo | AddedTerm<ItemCategoryInfo> | undefined {
        return lookupTerm(ITEM_CATEGORIES, term) ?? (term === undefined ? undefined : this.added?.['item-category'].get(term));
    }

    activity(term: string | undefined): ActivityInfo | AddedTerm<ActivityInfo> | undefined {
        return lookupTerm(ACTIVITIES, term) ?? (term === undefined ? undefined : this.added?.activity.get(term));
    }

    /** The workspace's own term, if `term` is one (undefined for built-in and unknown terms). */
    addedTerm(vocabulary: VocabularyId, term: string): AddedTerm<TermInfo> | undefined {
        return isExtensible(vocabulary) ? this.added?.[vocabulary].get(term) : undefined;
    }

    /** Every term of a vocabulary, built-in first, for completion and listings. */
    entries(vocabulary: VocabularyId): [string, TermInfo][] {
        const builtIn = Object.entries(VOCABULARIES[vocabulary].terms);
        const added = isExtensible(vocabulary) ? this.added?.[vocabulary] : undefined;
        return added && added.size > 0 ? [...builtIn, ...added.entries()] : builtIn;
    }

    /** Suggestions for an unknown word, the workspace's terms included. */
    suggest(vocabulary: VocabularyId, written: string, max = 3): string[] {
        const added = isExtensible(vocabulary) ? this.added?.[vocabulary] : undefined;
        return suggestTerms(vocabulary, written, max, added && added.size > 0 ? [...added.keys()] : undefined);
    }
}

function isExtensible(vocabulary: VocabularyId): vocabulary is ExtensibleVocabularyId {
    return vocabulary === 'item-category' || vocabulary === 'activity';
}

/** The built-in terms alone: what a file outside any configured workspace reads. */
export const BUILT_IN_TERMS = new Terms();
