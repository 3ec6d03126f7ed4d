// The data of the peer benchmark (bench/peer.mjs): the same generated programmes as `.osa` files and as YAML,
// and the JSON Schema a team without osa would write for the YAML, derived from the language's own vocabulary
// and reference data so that it accepts and rejects what `osa validate` does on these programmes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
    ACTIVITIES, AGREEMENT_KINDS, ASSESSMENT_TOPICS, BENEFICIARY_KINDS, CLAUSES, COORDINATION_BODIES, CURRENCIES,
    DEFAULT_REFERENCE_DATA, DEFENSE_PURPOSES, FIELDS, GOVERNMENT_SCOPES, ITEM_CATEGORIES, MODALITIES, ReferenceData,
    RESULTS_DISCLOSURES, fiscalYearPeriod
} from '@osa-policy/language';
import { generateWorkspace, programme, programmeFacts, TEMPLATE_AGREEMENT, writeNumberedFiles } from './generate.mjs';

/** The clause every tenth programme lacks (OSA407 in osa, a failed `contains` in the schema). */
export const OMITTED_CLAUSE = 'un-charter-conformity';
export const isViolation = i => i % 10 === 9;
const options = i => isViolation(i) ? { omitClause: OMITTED_CLAUSE } : undefined;

/** Programme i as `.osa` text: compliant programmes use the shared template, violations state their clauses inline. */
export const osaProgramme = i => programme(i, options(i));

/** A programme's facts (programmeFacts) as the data of its YAML file: the template's clauses written out (YAML has no templates). */
export function asYamlFacts(facts) {
    const { uses, ...agreement } = facts.agreement;
    return uses ? { ...facts, agreement: { kind: TEMPLATE_AGREEMENT.kind, ...agreement, clauses: TEMPLATE_AGREEMENT.clauses } } : facts;
}

/** Programme i as the data of its YAML file. */
export const yamlFacts = i => asYamlFacts(programmeFacts(i, options(i)));

/**
 * Block-style YAML for plain data. Every string is double-quoted (JSON's escapes are YAML's), so that a date such
 * as 2025-06-01 stays a string instead of becoming a YAML timestamp.
 */
export function toYaml(value, indent = '') {
    if (Array.isArray(value)) {
        return value.length === 0 ? ' []\n' : '\n' + value.map(item => isObject(item)
            ? `${indent}- ${toYaml(item, indent + '  ').trimStart()}`
            : `${indent}-${toYaml(item, indent + '  ')}`).join('');
    }
    if (isObject(value)) {
        const entries = Object.entries(value);
        return entries.length === 0 ? ' {}\n' : (indent === '' ? '' : '\n') + entries.map(([key, item]) => `${indent}${key}:${toYaml(item, indent + '  ')}`).join('');
    }
    return ` ${JSON.stringify(value)}\n`;
}
const isObject = value => typeof value === 'object' && value !== null && !Array.isArray(value);

export const yamlProgramme = i => toYaml(yamlFacts(i));

/**
 * Two temporary folders with programmes 0..count-1: an osa workspace (config and template included) and a folder
 * of YAML files, laid out alike (part-<k>/p<i>.osa and .yaml).
 */
export function generatePeerWorkspaces(count) {
    const osaDir = generateWorkspace(count, 'osa-peer', osaProgramme);
    const yamlDir = fs.mkdtempSync(path.join(os.tmpdir(), `osa-peer-yaml-${count}-`));
    writeNumberedFiles(yamlDir, count, 'yaml', yamlProgramme);
    return { osaDir, yamlDir };
}

const terms = (table, keep = () => true) => Object.entries(table).filter(([, info]) => keep(info)).map(([term]) => term);
const FIRST_FISCAL_YEAR = 2023;
const LAST_FISCAL_YEAR = 2100;

/**
 * The recipients osa accepts without an error for each fiscal year, grouped by year: on the DAC list in force on
 * 1 April (graduations applied, OSA101), not under an arms embargo that binds the government (OSA301) and not a
 * party to a conflict (OSA302) during the year. (osa judges a programme's `period` when it has one; the YAML has none.)
 */
function recipientsByFiscalYear(reference) {
    const groups = new Map();
    for (let year = FIRST_FISCAL_YEAR; year <= LAST_FISCAL_YEAR; year++) {
        const { start, end } = fiscalYearPeriod(year);
        const allowed = [...reference.dacListOn(start).members.keys()].filter(iso3 =>
            !reference.embargoesDuring(iso3, start, end).some(e => GOVERNMENT_SCOPES.has(e.scope))
            && reference.conflictPartyDuring(iso3, start, end).length === 0).sort();
        const key = allowed.join(' ');
        groups.set(key, { years: [...groups.get(key)?.years ?? [], year], allowed });
    }
    return [...groups.values()];
}

/**
 * The JSON Schema (draft-07) of one YAML programme, from the vocabulary tables and the default reference data.
 * It encodes the error-level rules a schema can express for one file; what it cannot (templates, budgets and ids
 * across files, dated periods, wording) is the difference osa makes.
 */
export function peerSchema(reference = new ReferenceData(DEFAULT_REFERENCE_DATA)) {
    const string = extra => ({ type: 'string', ...extra });
    const oneOfTerms = (table, keep) => string({ enum: terms(table, keep) });
    const clauseItem = { type: 'object', required: ['clause'], additionalProperties: false, properties: {
        clause: oneOfTerms(CLAUSES), results: oneOfTerms(RESULTS_DISCLOSURES), text: string()
    } };
    const defenseCategories = terms(ITEM_CATEGORIES, c => c.defenseEquipment);
    const topic = { anyOf: [string({ minLength: 1 }), { type: 'object', required: ['on-file'], additionalProperties: false, properties: { 'on-file': string() } }] };
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'OSA programme (derived from @osa-policy/language vocabulary and reference data)',
        type: 'object',
        additionalProperties: false,
        // Missing required properties (syntax), no field (OSA201), no assessment (OSA310), no agreement (OSA401).
        required: ['programme', 'fiscal-year', 'recipient', 'beneficiaries', 'modality', 'fields', 'assessment', 'agreement'],
        properties: {
            programme: string({ pattern: '^[A-Za-z_][A-Za-z0-9_-]*$' }),
            title: string(),
            'fiscal-year': { type: 'integer', minimum: FIRST_FISCAL_YEAR, maximum: LAST_FISCAL_YEAR },
            recipient: string({ pattern: '^[A-Z]{3}$' }),
            // OSA102: every beneficiary is the armed forces or a related organisation.
            beneficiaries: { type: 'array', minItems: 1, items: { type: 'object', required: ['name', 'kind'], additionalProperties: false, properties: {
                name: string(), kind: oneOfTerms(BENEFICIARY_KINDS, k => k.eligible)
            } } },
            modality: oneOfTerms(MODALITIES, m => m.grant), // OSA103
            amount: { type: 'object', required: ['value', 'currency'], additionalProperties: false, properties: {
                value: { type: 'integer', minimum: 0 }, currency: oneOfTerms(CURRENCIES)
            } },
            // OSA202, OSA203: permitted fields; activities of a permitted field that do not relate to conflict.
            fields: { type: 'array', minItems: 1, items: { type: 'object', required: ['field'], additionalProperties: false, properties: {
                field: oneOfTerms(FIELDS, f => f.permitted),
                activities: { type: 'array', items: oneOfTerms(ACTIVITIES, a => a.field !== undefined && !a.conflictRelated) }
            } } },
            // OSA203: no conflict-related item; OSA304: defense equipment states a permitted purpose.
            provide: { type: 'array', items: {
                type: 'object', required: ['name'], additionalProperties: false,
                properties: {
                    name: string(), quantity: { type: 'integer', minimum: 1 }, 'defense-equipment': { type: 'boolean' },
                    category: oneOfTerms(ITEM_CATEGORIES, c => !c.conflictRelated),
                    purpose: oneOfTerms(DEFENSE_PURPOSES, p => p.permitted)
                },
                if: { anyOf: [{ required: ['defense-equipment'], properties: { 'defense-equipment': { const: true } } }, { required: ['category'], properties: { category: { enum: defenseCategories } } }] },
                then: { required: ['purpose'] }
            } },
            assessment: { type: 'object', additionalProperties: false, properties: Object.fromEntries(terms(ASSESSMENT_TOPICS).map(t => [t, topic])) },
            // OSA402, OSA403, OSA405, OSA406, OSA407: each §3(3) clause is in the agreement.
            agreement: { type: 'object', required: ['clauses'], additionalProperties: false, properties: {
                kind: oneOfTerms(AGREEMENT_KINDS),
                signed: string({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
                clauses: { type: 'array', items: clauseItem, allOf: terms(CLAUSES, c => c.clause !== undefined).map(clause =>
                    ({ contains: { type: 'object', required: ['clause'], properties: { clause: { const: clause } } } })) }
            } },
            coordination: { type: 'array', uniqueItems: true, items: oneOfTerms(COORDINATION_BODIES) }
        },
        // OSA101, OSA301, OSA302: the recipients allowed in the programme's fiscal year.
        allOf: recipientsByFiscalYear(reference).map(({ years, allowed }) => ({
            if: { required: ['fiscal-year'], properties: { 'fiscal-year': { enum: years } } },
            then: { properties: { recipient: { enum: allowed } } }
        }))
    };
}
