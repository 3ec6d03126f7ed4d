/**
 * What the words of the language mean, for hovers and completion: the controlled vocabularies (from
 * src/vocabulary.ts, with the clause that governs each term and the rule that reports its misuse) and
 * the main keywords. Hover and completion explain a term with the same text.
 */
import { neutraliseMarkdownInline as md } from '../util/neutralise.js';
import {
    AGREEMENT_KINDS, ASSESSMENT_TOPICS, BENEFICIARY_KINDS, BUILT_IN_TERMS, CLAUSES, COORDINATION_BODIES, CURRENCIES,
    DEFENSE_PURPOSES, FIELDS, LIFECYCLE_STATUSES, lookupTerm, MODALITIES, RESULTS_DISCLOSURES, VOCABULARIES,
    type DefaultField, type Terms, type VocabularyId
} from '../vocabulary.js';

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

const CONFLICT = 'relates directly to international conflict (§2(2)); OSA203';

function doc(category: string, term: string, description: string, governs: string, detail: string, allowed = true): TermDoc {
    return { category, term, description, governs, detail: `${category} · ${detail}`, allowed };
}

/** What the hover says about the field an item of a category serves. */
function servesSentence(field: DefaultField | undefined): string {
    switch (field) {
        case undefined:
            return 'It implies no field: say which declared field an item serves with `serves` (OSA207).';
        case 'as-main-items':
            return 'It goes with the programme\'s other items and serves what they serve, unless it says otherwise with `serves` (OSA207).';
        case 'programme-field':
            return 'General equipment: it serves the programme\'s field when the programme declares only one; with several, say which with `serves` (OSA207).';
        default:
            return `An item of it serves \`${field}\` (${FIELDS[field].clause}) unless it says otherwise with \`serves\` (OSA207).`;
    }
}

/** The default field in a few words, for completion details and the language reference. */
export function defaultFieldLabel(field: DefaultField | undefined): string {
    switch (field) {
        case undefined:
            return 'no default field';
        case 'as-main-items':
            return 'serves what the main items serve';
        case 'programme-field':
            return 'serves the programme\'s only field';
        default:
            return `serves ${field}`;
    }
}

/** Says where a workspace's own term comes from. */
function addedNote(terms: Terms, vocabulary: VocabularyId, term: string): string {
    const added = terms.addedTerm(vocabulary, term);
    return added ? ` Added by this workspace (${md(added.addedBy.split(/[\\/]/).pop() ?? 'osa.config.json')}).` : '';
}

/**
 * The meaning of a term of a vocabulary, with the clause that governs it; undefined for a term the vocabulary does not
 * have. `terms` adds the workspace's own item categories and activities.
 */
export function vocabularyTerm(vocabulary: VocabularyId, term: string, terms: Terms = BUILT_IN_TERMS): TermDoc | undefined {
    switch (vocabulary) {
        case 'field': {
            const info = lookupTerm(FIELDS, term);
            if (!info) {
                return undefined;
            }
            return info.permitted
                ? doc('field', term, info.description, `One of the three permitted fields of OSA (${info.clause}).`, info.clause!)
                : doc('field', term, info.description,
                    'Outside the three permitted fields: rule of law, humanitarian and peace cooperation (§2(2)); OSA202.', 'not permitted, OSA202', false);
        }
        case 'activity': {
            const info = terms.activity(term);
            if (!info) {
                return undefined;
            }
            const note = addedNote(terms, vocabulary, term);
            if (info.conflictRelated) {
                return doc('activity', term, info.description, `It ${CONFLICT}.${note}`, 'conflict-related, OSA203', false);
            }
            if (!info.field) {
                return doc('activity', term, info.description, `It belongs to none of the permitted fields (§2(2)); OSA202.${note}`, 'no permitted field, OSA202', false);
            }
            const clause = FIELDS[info.field].clause!;
            return doc('activity', term, info.description,
                `An activity of the field \`${info.field}\` (${clause}); declared under another field it is reported by OSA204.${note}`, `${info.field} ${clause}`);
        }
        case 'item-category': {
            const info = terms.itemCategory(term);
            if (!info) {
                return undefined;
            }
            const note = addedNote(terms, vocabulary, term);
            if (info.conflictRelated) {
                return doc('item category', term, info.description, `It ${CONFLICT}.${note}`, 'conflict-related, OSA203', false);
            }
            const serves = servesSentence(info.defaultField);
            const equipment = info.defenseEquipment ? ' Every item of it is defense equipment (§3(1)): it needs one of the five purposes (OSA304).' : '';
            return doc('item category', term, info.description,
                `Not related to conflict: it may be provided for a permitted field (§2(2)). ${serves}${equipment}${note}`,
                defaultFieldLabel(info.defaultField));
        }
        case 'purpose': {
            const info = lookupTerm(DEFENSE_PURPOSES, term);
            if (!info) {
                return undefined;
            }
            return info.permitted
                ? doc('defense-equipment purpose', term, info.description,
                    'Defense equipment may be transferred for rescue, transport, warning, surveillance and minesweeping (Three Principles, §3(1)).', '§3(1)')
                : doc('defense-equipment purpose', term, info.description,
                    'Outside rescue, transport, warning, surveillance and minesweeping, the purposes for which defense equipment may be transferred (§3(1)); OSA304.',
                    'not permitted, OSA304', false);
        }
        case 'beneficiary-kind': {
            const info = lookupTerm(BENEFICIARY_KINDS, term);
            if (!info) {
                return undefined;
            }
            return info.eligible
                ? doc('beneficiary kind', term, info.description, 'Eligible: OSA benefits the armed forces and related organisations of the recipient (§2(1)).', '§2(1)')
                : doc('beneficiary kind', term, info.description,
                    'Not eligible: OSA benefits the armed forces and related organisations of the recipient (§2(1)); OSA102.', 'not eligible, OSA102', false);
        }
        case 'modality': {
            const info = lookupTerm(MODALITIES, term);
            if (!info) {
                return undefined;
            }
            return info.grant
                ? doc('modality', term, info.description, 'OSA is provided in grant aid (§2(1)).', '§2(1)')
                : doc('modality', term, info.description, 'Not grant aid: OSA is provided in grant aid (§2(1)); OSA103.', 'not grant aid, OSA103', false);
        }
        case 'assessment-topic': {
            const info = lookupTerm(ASSESSMENT_TOPICS, term);
            return info && doc('assessment topic', term, info.description,
                'One of the six considerations weighed when deciding on a recipient (§3(2)); a missing topic is reported by OSA311.', '§3(2)');
        }
        case 'clause': {
            const info = lookupTerm(CLAUSES, term);
            if (!info) {
                return undefined;
            }
            if (!info.clause) {
                return doc('agreement clause', term, info.description, 'A supporting clause: the guidelines do not require it.', 'supporting');
            }
            const rule = CLAUSE_RULES[term];
            const results = term === 'monitoring-and-evaluation' ? ' Its results must be disclosed (`results disclosed`); OSA404.' : '';
            return doc('agreement clause', term, info.description,
                `Required in every OSA agreement (${info.clause}); an agreement without it is reported by ${rule}.${results}`, info.clause);
        }
        case 'coordination-body': {
            const info = lookupTerm(COORDINATION_BODIES, term);
            if (!info) {
                return undefined;
            }
            switch (info.role) {
                case 'core':
                    return doc('coordination body', term, info.description,
                        'OSA is implemented in close coordination among NSS, MOFA and MOD (§4(1)); a missing one is reported by OSA501.', '§4(1)');
                case 'framework':
                    return doc('coordination body', term, info.description,
                        'Another governmental international cooperation framework OSA coordinates with (§4(2)); OSA502 notes a programme that names none.', '§4(2)');
                default:
                    return doc('coordination body', term, info.description,
                        'Coordination with the scheme of Transfer of Defense Equipment and Technology, considered at programme formation (§4(3)); '
                        + 'OSA503 notes defense equipment provided without it.', '§4(3)');
            }
        }
        case 'agreement-kind': {
            const info = lookupTerm(AGREEMENT_KINDS, term);
            return info && doc('agreement kind', term, info.description,
                'An international agreement is concluded with the recipient for each programme (§3(3)).', '§3(3)');
        }
        case 'results-disclosure': {
            const info = lookupTerm(RESULTS_DISCLOSURES, term);
            if (!info) {
                return undefined;
            }
            return info.disclosed
                ? doc('monitoring results', term, info.description, 'The results of monitoring and evaluation are disclosed to the public (§3(3)(b)).', '§3(3)(b)')
                : doc('monitoring results', term, info.description,
                    'The guidelines require the results of monitoring and evaluation to be disclosed (§3(3)(b)); OSA404.', 'OSA404', false);
        }
        case 'currency': {
            const info = lookupTerm(CURRENCIES, term);
            return info && doc('currency', term, info.description,
                term === 'JPY' ? 'OSA budgets are in yen: the budget check (OSA601) adds up amounts in the envelope\'s currency.' : 'ISO 4217. OSA budgets are in yen (JPY); OSA601 only adds up amounts in the envelope\'s currency.',
                'ISO 4217');
        }
        case 'lifecycle-status': {
            const info = lookupTerm(LIFECYCLE_STATUSES, term);
            return info && doc('lifecycle status', term, info.description, LIFECYCLE_GOVERNS, `stage ${info.rank + 1} of 5`);
        }
        default:
            return undefined;
    }
}

const LIFECYCLE_GOVERNS = 'From `signed` on the agreement must carry its date of signature, and the stage dates must be in order '
    + '(decided, signed, delivered); OSA409. A year after delivery, monitoring must be recorded (§3(3)(b)); OSA408.';

/** What the hover says on a word that is not a term of the vocabulary its property takes. */
export function unknownTermMarkdown(vocabulary: VocabularyId, written: string, terms: Terms = BUILT_IN_TERMS): string {
    const { label } = VOCABULARIES[vocabulary];
    const suggestions = terms.suggest(vocabulary, written);
    return [
        `**${md(written)}** is not a known ${label}, so the rules cannot decide on it.`,
        '',
        suggestions.length > 0
            ? `Did you mean ${suggestions.map(s => `\`${s}\``).join(' or ')}?`
            : `The ${label} terms are: ${terms.entries(vocabulary).slice(0, 30).map(([t]) => `\`${md(t)}\``).join(', ')}.`
    ].join('\n');
}

interface KeywordInfo {
    description: string;
    governs?: string;
    clause?: string;
}

/**
 * The main keywords. A key `Rule.keyword` applies inside that grammar rule only (`kind` means one thing
 * for a beneficiary, another for an agreement); a bare keyword applies everywhere else.
 */
const KEYWORDS: Record<string, KeywordInfo> = {
    'programme': {
        description: 'An OSA programme: equipment, supplies or infrastructure given to the armed forces or related organisations of one recipient country, under one international agreement.',
        governs: 'Checked against every rule of the Implementation Guidelines (5 April 2023).', clause: '§1–§4'
    },
    'title': { description: 'The programme\'s title, as published. OSA205 checks its wording.' },
    'AgreementTemplate.title': { description: 'The title of the template.' },
    'Programme.description': { description: 'A description of the programme. OSA205 checks its wording.' },
    'FieldDeclaration.description': { description: 'What the programme does in this field. OSA205 checks its wording.' },
    'Programme.fiscal-year': {
        description: 'The Japanese fiscal year of the programme (April to March): FY2024 runs from 1 April 2024 to 31 March 2025.',
        governs: 'The recipient is checked against the DAC list in force on 1 April of the fiscal year, and against embargoes and designations overlapping it (§2(1), §3(1)).',
        clause: '§2(1)'
    },
    'BudgetEnvelope.fiscal-year': {
        description: 'The Japanese fiscal year the envelope funds (April to March).',
        governs: 'The programmes of that fiscal year must stay within it; OSA601.', clause: 'portfolio'
    },
    'recipient': {
        description: 'The recipient country, as an ISO 3166-1 alpha-3 code (PHL, IDN, ...).',
        governs: 'A developing country in principle, on the DAC List of ODA Recipients (§2(1); OSA101, OSA104, OSA105), '
            + 'neither under a UN arms embargo nor a party to a conflict nor in combat (§3(1); OSA301, OSA302, OSA303).',
        clause: '§2(1)'
    },
    'beneficiary': {
        description: 'Who in the recipient country receives the assistance, with its kind.',
        governs: 'OSA is for the armed forces and related organisations (§2(1)); OSA102.', clause: '§2(1)'
    },
    'Beneficiary.kind': {
        description: 'What kind of organisation the beneficiary is.',
        governs: 'Only `armed-forces` and `related-organisation` are eligible (§2(1)); OSA102.', clause: '§2(1)'
    },
    'modality': {
        description: 'How the assistance is given.',
        governs: 'OSA is provided in grant aid (§2(1)); OSA103.', clause: '§2(1)'
    },
    'amount': {
        description: 'The amount of the grant, with its currency (1_600_000_000 JPY).',
        governs: 'The programmes of a fiscal year must stay within its budget envelopes; OSA601.', clause: 'portfolio'
    },
    'BudgetEnvelope.amount': {
        description: 'The amount appropriated for the fiscal year, with its currency.',
        governs: 'The programmes of the fiscal year must not commit more; OSA601.', clause: 'portfolio'
    },
    'period': { description: 'The delivery period, when it reaches beyond the fiscal year. Embargoes, designations and DAC graduations are checked over it too (OSA104, OSA301–OSA303).' },
    'funded-by': {
        description: 'The budget envelope that funds the programme; it must be the envelope of the programme\'s fiscal year.',
        governs: 'Checked with the other programmes of the fiscal year against the envelopes; OSA601.', clause: 'portfolio'
    },
    'funding': {
        description: 'The programme\'s money by Japanese fiscal year, one line per year: `2025 1_200_000_000 JPY`. It replaces `amount` when the money spans several years.',
        governs: 'Each year\'s share counts against that year\'s budget envelopes; planned programmes are counted apart; OSA601.', clause: 'portfolio'
    },
    'field': {
        description: 'The field the programme serves, with its activities.',
        governs: 'OSA is limited to rule of law (§2(2)(a)), humanitarian activities (§2(2)(b)) and international peace cooperation (§2(2)(c)); OSA201, OSA202, OSA204.',
        clause: '§2(2)'
    },
    'activity': {
        description: 'An activity of the field that the equipment serves.',
        governs: 'It must belong to its permitted field and must not relate directly to international conflict (§2(2)); OSA202, OSA203, OSA204.',
        clause: '§2(2)'
    },
    'operation': {
        description: 'The peace operation a peace-cooperation field builds capacity for: a UN operation by its name (`operation UNMISS`), or an operation outside the UN in quotes with `led-by`.',
        governs: 'International peace cooperation, such as UN peacekeeping (§2(2)(c)); OSA206 when it is missing, outside the UN or not running.', clause: '§2(2)(c)'
    },
    'Operation.in': {
        description: 'The countries where the peace operation works, as ISO 3166-1 alpha-3 codes separated by commas (`in THA, KHM`).',
        governs: 'Each is checked like the recipient for UN arms embargoes, party-to-conflict designations and combat over the programme\'s span (§3(1); OSA105, OSA301–OSA303).', clause: '§3(1)'
    },
    'led-by': {
        description: 'The organisation that leads a peace operation outside the UN (ASEAN, AU, ...).',
        governs: 'An operation outside the UN is not UN peacekeeping (§2(2)(c)); OSA206 reports it unless an exception records the decision.', clause: '§2(2)(c)'
    },
    'provide': {
        description: 'An item provided: equipment, supplies or infrastructure, with its category.',
        governs: 'Nothing directly related to international conflict (§2(2); OSA203, OSA205); defense equipment only for the five purposes (§3(1); OSA304, OSA305).',
        clause: '§2(2), §3(1)'
    },
    'quantity': { description: 'How many of the item are provided.' },
    'category': {
        description: 'What the item is, from the item categories.',
        governs: 'Weapons, ammunition and other conflict-related categories are excluded (§2(2)); OSA203.', clause: '§2(2)'
    },
    'defense-equipment': {
        description: 'Marks the item as defense equipment under the Three Principles on Transfer of Defense Equipment and Technology.',
        governs: 'It may only serve rescue, transport, warning, surveillance or minesweeping (§3(1); OSA304); coordination with the transfer scheme is considered (§4(3); OSA503).',
        clause: '§3(1)'
    },
    'purpose': {
        description: 'The purpose of defense equipment.',
        governs: 'One of rescue, transport, warning, surveillance and minesweeping (§3(1)); OSA304.', clause: '§3(1)'
    },
    'armed-after-delivery': {
        description: 'The item is to be fitted with weapons after delivery.',
        governs: 'This changes what the item is under the Three Principles (§3(1)) and may take it into conflict-related use (§2(2)); OSA305.', clause: '§3(1)'
    },
    'detail': { description: 'Further detail on the item. OSA205 checks its wording.' },
    'serves': {
        description: 'The field the item is for; may repeat. Without it, the item serves the default field of its category.',
        governs: 'Each item serves one of the fields the programme declares (§2(2)); OSA207.', clause: '§2(2)'
    },
    'assessment': {
        description: 'The considerations weighed when deciding on the recipient: democracy, rule of law, human rights, the socio-economic situation, security needs and bilateral relations.',
        governs: 'Required (§3(2)); OSA310 when missing, OSA311 for a missing topic.', clause: '§3(2)'
    },
    'on-file': { description: 'The topic\'s text is a reference to an assessment kept on file rather than the assessment itself.' },
    'AssessmentTopic.dated': { description: 'The date of the assessment.' },
    'agreement': {
        description: 'The international agreement concluded with the recipient for the programme: a template it uses, its own clauses, when it was signed.',
        governs: 'Required, with clauses on disclosure, monitoring and evaluation, no extra-purpose use, no third-party transfer and conformity with the UN Charter (§3(3)(a)–(d)); OSA401–OSA407.',
        clause: '§3(3)'
    },
    'uses': { description: 'The agreement template whose clauses the agreement contains; clauses declared inline add to or override them.' },
    'Agreement.kind': { description: 'The form of the agreement (exchange of notes, ...).', clause: '§3(3)' },
    'AgreementTemplate.kind': { description: 'The form of agreements made from the template (exchange of notes, ...).', clause: '§3(3)' },
    'signed': { description: 'The date the agreement was signed.' },
    'clause': {
        description: 'A clause of the agreement.',
        governs: 'Five clauses are required (§3(3)(a)–(d)); OSA402–OSA407.', clause: '§3(3)'
    },
    'results': {
        description: 'Whether the results of monitoring and evaluation are disclosed.',
        governs: 'They must be disclosed (§3(3)(b)); OSA404.', clause: '§3(3)(b)'
    },
    'agreement-template': {
        description: 'Clauses shared by the agreements of several programmes, which use it with `agreement uses <name>`.',
        governs: 'Its clauses count for the §3(3) checks of every programme that uses it (OSA402–OSA407).', clause: '§3(3)'
    },
    'coordination': {
        description: 'The bodies the programme is coordinated with.',
        governs: 'NSS, MOFA and MOD (§4(1); OSA501), other governmental cooperation frameworks (§4(2); OSA502), the transfer scheme (§4(3); OSA503).',
        clause: '§4'
    },
    'exception': {
        description: 'A recorded decision on a rule that asks for a judgement (OSA101, OSA104, OSA303, OSA305): with a written justification, its findings are reported at a lower severity.',
        governs: 'It relaxes nothing without `justification "…"`; firm conditions take no exception.'
    },
    'justification': { description: 'Why the exception was decided. Without it the exception does not apply.' },
    'approved-by': { description: 'Who approved the exception.' },
    'Exception.dated': { description: 'The date of the decision.' },
    'budget-envelope': {
        description: 'The budget appropriated for OSA in one fiscal year, declared once per workspace.',
        governs: 'The programmes of that fiscal year must not commit more; OSA601.', clause: 'portfolio'
    },
    'source': { description: 'Where the envelope\'s figure comes from.' },
    'exchange-rate': {
        description: 'The yen one unit of another currency counts for against the envelope (the budget\'s own rate for the fiscal year), such as `exchange-rate USD 151.5`.',
        governs: 'Programmes with amounts in that currency are converted at this rate, so that none drops out of the budget check; OSA601.', clause: 'portfolio'
    },
    'to': { description: 'The end of the period.' },
    'status': {
        description: 'Where the programme stands: planned, decided (by the Cabinet), signed (the agreement), delivered or completed.',
        governs: LIFECYCLE_GOVERNS, clause: 'lifecycle'
    },
    'Programme.decided': {
        description: 'The date of the Cabinet decision on the programme.',
        governs: 'It comes no later than the signature of the agreement and the delivery; OSA409.', clause: 'lifecycle'
    },
    'delivered': {
        description: 'The date the equipment, supplies or works were delivered.',
        governs: 'It comes no earlier than the decision and the signature (OSA409); monitoring is due within a year of it (§3(3)(b); OSA408).',
        clause: '§3(3)(b)'
    },
    'continues': {
        description: 'The programme this one follows on from (usually last year\'s programme for the same recipient).',
        governs: 'It must name a programme of the workspace, and a chain of predecessors must not lead back to itself; OSA410.'
    },
    'monitoring': {
        description: 'The monitoring after delivery: the visits made and whether their results are disclosed or withheld, and why.',
        governs: 'Appropriate monitoring with its results disclosed (§3(3)(b)); OSA408 a year after delivery.', clause: '§3(3)(b)'
    },
    'visit': { description: 'A monitoring visit: its date and what was checked.', governs: 'A delivered programme needs one within a year (§3(3)(b)); OSA408.', clause: '§3(3)(b)' },
    'MonitoringResults.results': {
        description: 'What became of the monitoring results: `disclosed` with where they are published, or `withheld` with the reason.',
        governs: 'Results are disclosed, or their withholding is recorded with a reason (§3(3)(b)); OSA408.', clause: '§3(3)(b)'
    },
    'Programme.source': { description: 'A public source for the programme\'s facts (a citation or a link); it may repeat.' }
};

/** The meaning of a main keyword inside the given grammar rule; undefined for punctuation and unknown words. */
export function keywordTerm(ruleName: string | undefined, keyword: string): TermDoc | undefined {
    // `amount` has a rule of its own, shared by programmes and envelopes: callers pass the container's type.
    const info = (ruleName ? KEYWORDS[`${ruleName}.${keyword}`] : undefined) ?? KEYWORDS[keyword];
    if (!info) {
        return undefined;
    }
    return {
        category: 'keyword', term: keyword, description: info.description, governs: info.governs ?? '',
        detail: info.clause ? `keyword · ${info.clause}` : 'keyword', allowed: true
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
