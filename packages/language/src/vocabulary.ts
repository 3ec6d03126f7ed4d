/**
 * The meaning of every controlled-vocabulary term of the grammar. Rules decide from these tables, and
 * hovers and completion explain from them. The `Record<Term, …>` types make the compiler refuse a
 * grammar term without an entry; a test checks the reverse.
 */
import type {
    ActivityName, BeneficiaryKind, ClauseName, CoordinationBody, DefensePurpose, FieldName, ItemCategory, Modality,
    AssessmentTopicName
} from './generated/ast.js';

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

export const FIELDS: Record<FieldName, FieldInfo> = {
    'rule-of-law': { permitted: true, clause: '§2(2)(a)', description: 'Peace, stability and security based on the rule of law: surveillance of territorial waters and airspace, counter-terrorism, counter-piracy.' },
    'humanitarian': { permitted: true, clause: '§2(2)(b)', description: 'Humanitarian work: disaster response, search and rescue, lifesaving, medical care, transport of relief goods.' },
    'peace-cooperation': { permitted: true, clause: '§2(2)(c)', description: 'International peace cooperation, such as building capacity to take part in UN peacekeeping operations.' },
    'combat-operations': { permitted: false, description: 'Fighting capability. Outside the permitted fields and directly related to conflict.' },
    'national-defense-buildup': { permitted: false, description: 'General build-up of a national defence force. Not one of the permitted fields.' },
    'internal-security': { permitted: false, description: 'Public order and internal policing. Not one of the permitted fields.' },
    'intelligence': { permitted: false, description: 'Intelligence gathering. Not one of the permitted fields.' },
    'economic-development': { permitted: false, description: 'Economic development. A matter for ODA, not for OSA.' }
};

export interface ActivityInfo extends TermInfo {
    /** The permitted field the activity belongs to; undefined when it fits none of them. */
    field?: PermittedField;
    /** True when the activity relates directly to international conflict (§2(2)). */
    conflictRelated: boolean;
}

export const ACTIVITIES: Record<ActivityName, ActivityInfo> = {
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
};

export interface ItemCategoryInfo extends TermInfo {
    conflictRelated: boolean;
}

export const ITEM_CATEGORIES: Record<ItemCategory, ItemCategoryInfo> = {
    'surveillance-radar': { conflictRelated: false, description: 'Radar for surveillance.' },
    'coastal-radar': { conflictRelated: false, description: 'Coastal surveillance radar.' },
    'air-surveillance-radar': { conflictRelated: false, description: 'Radar that watches the airspace.' },
    'air-traffic-control-radar': { conflictRelated: false, description: 'Radar for air traffic control.' },
    'ais-equipment': { conflictRelated: false, description: 'Automatic Identification System equipment.' },
    'patrol-boat': { conflictRelated: false, description: 'An unarmed patrol boat.' },
    'rescue-boat': { conflictRelated: false, description: 'A rescue boat.' },
    'rigid-inflatable-boat': { conflictRelated: false, description: 'A rigid-hulled inflatable boat (RHIB).' },
    'surveillance-uav': { conflictRelated: false, description: 'An unarmed surveillance drone.' },
    'underwater-camera': { conflictRelated: false, description: 'An underwater camera.' },
    'communications-equipment': { conflictRelated: false, description: 'Radios and other communications equipment.' },
    'transport-vehicle': { conflictRelated: false, description: 'A vehicle for transport.' },
    'transport-aircraft': { conflictRelated: false, description: 'An aircraft for transport.' },
    'engineering-equipment': { conflictRelated: false, description: 'Heavy machinery and engineering equipment.' },
    'medical-equipment': { conflictRelated: false, description: 'Medical equipment and supplies.' },
    'protective-gear': { conflictRelated: false, description: 'Protective gear for personnel.' },
    'uniforms': { conflictRelated: false, description: 'Uniforms.' },
    'infrastructure': { conflictRelated: false, description: 'Infrastructure such as a boathouse or radar site.' },
    'training': { conflictRelated: false, description: 'Training to operate and maintain what is provided.' },
    'spare-parts': { conflictRelated: false, description: 'Spare parts.' },
    'related-equipment': { conflictRelated: false, description: 'Equipment that goes with the main items.' },
    'weapon': { conflictRelated: true, description: 'A weapon. Directly related to international conflict.' },
    'ammunition': { conflictRelated: true, description: 'Ammunition. Directly related to international conflict.' },
    'missile': { conflictRelated: true, description: 'A missile. Directly related to international conflict.' },
    'explosive': { conflictRelated: true, description: 'Explosives. Directly related to international conflict.' },
    'armed-uav': { conflictRelated: true, description: 'An armed drone. Directly related to international conflict.' },
    'combat-vehicle': { conflictRelated: true, description: 'A combat vehicle. Directly related to international conflict.' },
    'fire-control-system': { conflictRelated: true, description: 'A fire-control system for weapons. Directly related to international conflict.' }
};

export interface DefensePurposeInfo extends TermInfo {
    /** One of the five categories of the transfer scheme (rescue, transport, warning, surveillance, minesweeping). */
    permitted: boolean;
}

export const DEFENSE_PURPOSES: Record<DefensePurpose, DefensePurposeInfo> = {
    'rescue': { permitted: true, description: 'Rescue: one of the five permitted purposes.' },
    'transport': { permitted: true, description: 'Transport: one of the five permitted purposes.' },
    'warning': { permitted: true, description: 'Warning (early warning): one of the five permitted purposes.' },
    'surveillance': { permitted: true, description: 'Surveillance: one of the five permitted purposes.' },
    'minesweeping': { permitted: true, description: 'Minesweeping: one of the five permitted purposes.' },
    'combat': { permitted: false, description: 'Combat. Outside the five permitted purposes.' },
    'strike': { permitted: false, description: 'Strike. Outside the five permitted purposes.' },
    'air-defense': { permitted: false, description: 'Air defence. Outside the five permitted purposes.' },
    'training-of-combat-units': { permitted: false, description: 'Training combat units. Outside the five permitted purposes.' }
};

export interface BeneficiaryKindInfo extends TermInfo {
    /** Armed forces or a related organisation, as §2(1) requires. */
    eligible: boolean;
}

export const BENEFICIARY_KINDS: Record<BeneficiaryKind, BeneficiaryKindInfo> = {
    'armed-forces': { eligible: true, description: 'The recipient country\'s armed forces.' },
    'related-organisation': { eligible: true, description: 'An organisation related to the armed forces, such as a coast guard or defence ministry agency.' },
    'civilian-agency': { eligible: false, description: 'A civilian government agency. ODA, not OSA, serves it.' },
    'police': { eligible: false, description: 'A police force.' },
    'private-company': { eligible: false, description: 'A private company.' },
    'non-state-group': { eligible: false, description: 'A non-state armed or civil group.' },
    'international-organisation': { eligible: false, description: 'An international organisation.' }
};

export const MODALITIES: Record<Modality, TermInfo & { grant: boolean }> = {
    'grant': { grant: true, description: 'Grant aid: the only modality OSA uses.' },
    'loan': { grant: false, description: 'A loan.' },
    'sale': { grant: false, description: 'A sale.' },
    'lease': { grant: false, description: 'A lease.' },
    'technical-cooperation': { grant: false, description: 'Technical cooperation, an ODA scheme.' }
};

export const ASSESSMENT_TOPICS: Record<AssessmentTopicName, TermInfo> = {
    'democracy': { description: 'How far democracy is consolidated in the recipient country.' },
    'rule-of-law': { description: 'The state of the rule of law in the recipient country.' },
    'human-rights': { description: 'Protection of basic human rights in the recipient country.' },
    'socio-economic': { description: 'The recipient country\'s economic and social situation.' },
    'security-needs': { description: 'The security needs of Japan and the region.' },
    'bilateral-relations': { description: 'Japan\'s bilateral relations with the recipient country.' }
};

export interface ClauseInfo extends TermInfo {
    /** The §3(3) condition the clause satisfies; undefined for supporting clauses. */
    clause?: string;
}

export const CLAUSES: Record<ClauseName, ClauseInfo> = {
    'information-disclosure': { clause: '§3(3)(a)', description: 'General information on the programme is disclosed to the public.' },
    'monitoring-and-evaluation': { clause: '§3(3)(b)', description: 'The programme is monitored and evaluated, and the results are disclosed.' },
    'no-extra-purpose-use': { clause: '§3(3)(c)', description: 'What is provided is used only for the agreed purpose.' },
    'no-third-party-transfer': { clause: '§3(3)(c)', description: 'What is provided is not transferred to third parties.' },
    'un-charter-conformity': { clause: '§3(3)(d)', description: 'What is provided is used in line with the purposes and principles of the UN Charter.' },
    'prior-consent': { description: 'Japan\'s prior consent is needed for any change of use or transfer.' },
    'entry-into-force': { description: 'The condition on which the agreement enters into force.' }
};

export interface CoordinationBodyInfo extends TermInfo {
    role: 'core' | 'framework' | 'transfer-scheme';
}

export const COORDINATION_BODIES: Record<CoordinationBody, CoordinationBodyInfo> = {
    'NSS': { role: 'core', description: 'National Security Secretariat.' },
    'MOFA': { role: 'core', description: 'Ministry of Foreign Affairs.' },
    'MOD': { role: 'core', description: 'Ministry of Defense.' },
    'ODA': { role: 'framework', description: 'Official Development Assistance, another governmental cooperation framework.' },
    'JICA': { role: 'framework', description: 'Japan International Cooperation Agency (procurement, ODA projects).' },
    'JCG': { role: 'framework', description: 'Japan Coast Guard capacity-building cooperation.' },
    'PKO-secretariat': { role: 'framework', description: 'Secretariat of the International Peace Cooperation Headquarters.' },
    'transfer-scheme': { role: 'transfer-scheme', description: 'The scheme of Transfer of Defense Equipment and Technology.' }
};

export const CORE_COORDINATION_BODIES: readonly CoordinationBody[] = ['NSS', 'MOFA', 'MOD'];
