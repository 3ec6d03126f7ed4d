/**
 * The malformed-input table: one mistake per case in an otherwise compliant programme, with the findings it must
 * cost. malformed-input.test.ts checks the findings; i18n/language-ja.test.ts renders the same cases in Japanese.
 */
import { programme } from './helpers.js';

export interface Expected {
    rule: string;
    severity: 'error' | 'warning' | 'info';
    /** The exact source text the finding marks. */
    marked: string;
    /** Words the message must contain. */
    includes?: string[];
}

export interface MalformedCase {
    name: string;
    /** The class of mistake, for the closing table. */
    kind: 'malformed value' | 'misspelt term' | 'unknown word' | 'repeated fact' | 'impossible value' | 'broken token';
    code: string;
    expected: Expected[];
}

const year = (text: string) => programme({ fiscalYear: text });

export const MALFORMED_CASES: MalformedCase[] = [
    // ---- values in the wrong form ----------------------------------------------------------------------
    {
        name: 'fiscal year written FY2025', kind: 'malformed value', code: year('fiscal-year FY2024'),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'FY2024', includes: ['`fiscal-year` takes a Japanese fiscal year in four digits', '`2024` rather than `FY2024`'] }]
    },
    {
        name: 'fiscal year in quotes', kind: 'malformed value', code: year('fiscal-year "2024"'),
        expected: [{ rule: 'syntax', severity: 'error', marked: '"2024"', includes: ['`fiscal-year` takes', 'is not a year'] }]
    },
    {
        name: 'fiscal year with two digits', kind: 'malformed value', code: year('fiscal-year 24'),
        expected: [{ rule: 'syntax', severity: 'error', marked: '24', includes: ['`24` is not a year'] }]
    },
    {
        name: 'fiscal year before OSA existed', kind: 'impossible value', code: year('fiscal-year 2019'),
        expected: [{ rule: 'syntax', severity: 'error', marked: '2019', includes: ['FY2019 is not a plausible OSA fiscal year'] }, { rule: 'OSA100', severity: 'info', marked: '2019' }]
    },
    {
        name: 'amount without currency', kind: 'malformed value', code: programme({ amount: 'amount 600_000_000' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: '600_000_000', includes: ['the currency is missing', '`amount 600_000_000 JPY`'] }]
    },
    {
        name: 'amount with commas', kind: 'malformed value', code: programme({ amount: 'amount 600,000,000 JPY' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: '600,000,000', includes: ['`600_000_000`'] }]
    },
    {
        name: 'fractional yen', kind: 'impossible value', code: programme({ amount: 'amount 0.5 JPY' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: '0.5', includes: ['not a whole amount'] }]
    },
    {
        name: 'amount above 2^53 (exactness) and any plausible budget', kind: 'impossible value', code: programme({ amount: 'amount 9_007_199_254_740_993 JPY' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: '9_007_199_254_740_993', includes: ['far beyond any OSA budget'] }]
    },
    {
        name: 'amount of 400 digits', kind: 'impossible value', code: programme({ amount: `amount ${'9'.repeat(400)} JPY` }),
        expected: [{ rule: 'syntax', severity: 'error', marked: '9'.repeat(400), includes: ['far beyond any OSA budget'] }]
    },
    {
        name: 'amount of zero', kind: 'impossible value', code: programme({ amount: 'amount 0 JPY' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: '0', includes: ['more than zero'] }]
    },
    {
        name: 'unknown currency', kind: 'misspelt term', code: programme({ amount: 'amount 600_000_000 XYZ' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'XYZ', includes: ['Unknown currency `XYZ`', 'ISO 4217'] }]
    },
    {
        name: 'currency written as a word', kind: 'misspelt term', code: programme({ amount: 'amount 600_000_000 yen' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'yen', includes: ['Unknown currency `yen`; did you mean `JPY`?'] }]
    },
    {
        name: 'date in another format', kind: 'malformed value', code: programme({ agreement: 'agreement uses StandardExchangeOfNotes signed 2024/12/05' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: '2024/12/05', includes: ['is not written as YYYY-MM-DD', '`2024-12-05`'] }]
    },
    {
        name: 'date day-first', kind: 'malformed value', code: programme({ agreement: 'agreement uses StandardExchangeOfNotes signed 05.12.2024' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: '05.12.2024', includes: ['write year-month-day'] }]
    },
    {
        name: 'signed on a date that does not exist', kind: 'impossible value', code: programme({ agreement: 'agreement uses StandardExchangeOfNotes signed 2025-13-45' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: '2025-13-45', includes: ['does not exist in the calendar'] }]
    },
    {
        name: 'assessment dated 31 February', kind: 'impossible value',
        code: programme({ assessment: 'assessment {\n democracy "a" dated 2024-02-31\n rule-of-law "a"\n human-rights "a"\n socio-economic "a"\n security-needs "a"\n bilateral-relations "a" }' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: '2024-02-31', includes: ['2024-02-31 does not exist in the calendar'] }]
    },
    {
        name: 'exception dated 30 February', kind: 'impossible value',
        code: programme({ extra: 'exception OSA305 { justification "Reviewed" dated 2025-02-30 }' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: '2025-02-30', includes: ['does not exist in the calendar'] }]
    },
    {
        name: 'agreement signed before OSA was established', kind: 'impossible value', code: programme({ agreement: 'agreement uses StandardExchangeOfNotes signed 2023-03-01' }),
        expected: [{ rule: 'syntax', severity: 'warning', marked: '2023-03-01', includes: ['before OSA was established on 2023-04-05'] }]
    },
    {
        name: 'title without quotes', kind: 'malformed value', code: programme({ title: 'title Coastal radars for the navy' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'Coastal radars for the navy', includes: ['`title` takes a text in quotes', 'is not in quotes'] }]
    },
    {
        name: 'unterminated string', kind: 'broken token', code: programme({ title: 'title "Coastal radars for the navy' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: '"Coastal radars for the navy', includes: ['no closing `"`'] }]
    },
    {
        name: 'quantity that is not a number', kind: 'malformed value', code: programme({ items: 'provide "Coastal surveillance radar" quantity five category coastal-radar' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'five', includes: ['`quantity` takes a whole number'] }]
    },
    {
        name: 'recipient code in quotes', kind: 'malformed value', code: programme({ recipient: 'recipient "PHL"' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: '"PHL"', includes: ['`recipient` takes an ISO 3166-1 alpha-3 country code', 'write it without quotes'] }]
    },
    // ---- misspelt terms ----------------------------------------------------------------------------------
    {
        name: 'misspelt field', kind: 'misspelt term', code: programme({ fields: 'field rule-of-lav { activity maritime-surveillance }' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'rule-of-lav', includes: ['Unknown field `rule-of-lav`; did you mean `rule-of-law`?'] }]
    },
    {
        name: 'misspelt activity', kind: 'misspelt term', code: programme({ fields: 'field rule-of-law { activity maritime-survelliance }' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'maritime-survelliance', includes: ['Unknown activity', '`maritime-surveillance`'] }]
    },
    {
        name: 'a synonym for an item category', kind: 'misspelt term', code: programme({ items: 'provide "Excavator" quantity 1 category heavy-machinery' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'heavy-machinery', includes: ['Unknown item category `heavy-machinery`; did you mean `engineering-equipment`?'] }]
    },
    {
        name: 'misspelt beneficiary kind', kind: 'misspelt term', code: programme({ beneficiary: 'beneficiary "Philippine Navy" kind armed-force' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'armed-force', includes: ['Unknown beneficiary kind', '`armed-forces`'] }]
    },
    {
        name: 'misspelt modality', kind: 'misspelt term', code: programme({ modality: 'modality grnat' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'grnat', includes: ['Unknown modality `grnat`; did you mean `grant`?'] }]
    },
    {
        name: 'misspelt purpose', kind: 'misspelt term', code: programme({ items: 'provide "Coastal surveillance radar" quantity 5 category coastal-radar defense-equipment purpose survelliance\n    coordination transfer-scheme' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'survelliance', includes: ['Unknown purpose', '`surveillance`'] }]
    },
    {
        name: 'misspelt clause in an inline agreement: the clause it stands for is not also called missing', kind: 'misspelt term',
        code: programme({ agreement: 'agreement uses StandardExchangeOfNotes signed 2024-12-05 clause entry-into-forse' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'entry-into-forse', includes: ['Unknown clause', '`entry-into-force`'] }]
    },
    {
        name: 'misspelt results disclosure', kind: 'misspelt term',
        code: programme({ agreement: 'agreement uses StandardExchangeOfNotes signed 2024-12-05 clause monitoring-and-evaluation results disclsed' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'disclsed', includes: ['Unknown results disclosure', '`disclosed`'] }]
    },
    {
        name: 'misspelt agreement kind', kind: 'misspelt term', code: programme({ agreement: 'agreement uses StandardExchangeOfNotes kind exchange-of-note signed 2024-12-05' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'exchange-of-note', includes: ['Unknown agreement kind', '`exchange-of-notes`'] }]
    },
    {
        name: 'misspelt assessment topic: the topic is not also called missing', kind: 'misspelt term',
        code: programme({ assessment: 'assessment {\n democrasy "a"\n rule-of-law "a"\n human-rights "a"\n socio-economic "a"\n security-needs "a"\n bilateral-relations "a" }' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'democrasy', includes: ['Unknown assessment topic', '`democracy`'] }]
    },
    {
        name: 'misspelt coordination body: the body is not also called missing', kind: 'misspelt term', code: programme({ coordination: 'coordination NSS, MOFAA, MOD, JICA' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'MOFAA', includes: ['Unknown coordination body', '`MOFA`'] }]
    },
    {
        name: 'unknown UN operation', kind: 'misspelt term', code: programme({ fields: 'field peace-cooperation { activity un-peacekeeping operation UNMIS }', items: 'provide "Camp equipment" category peacekeeping-equipment' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'UNMIS', includes: ['Unknown UN peace operation `UNMIS`', '`UNMISS`'] }]
    },
    // ---- unknown words ---------------------------------------------------------------------------------
    {
        name: 'misspelt property keyword: the property is not also called missing', kind: 'unknown word', code: programme({ recipient: 'recipeint PHL' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'recipeint', includes: ['`recipeint` is not a property of a programme; did you mean `recipient`?'] }]
    },
    {
        name: 'misspelt keyword inside an item: no second error that it has no category', kind: 'unknown word',
        code: programme({ items: 'provide "Coastal surveillance radar" quantity 5 categroy coastal-radar' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'categroy', includes: ['`categroy` is not a property of an item; did you mean `category`?'] }]
    },
    {
        name: 'misspelt block keyword: the assessment is not also called missing', kind: 'unknown word',
        code: programme({ assessment: 'assesment { democracy "a" }' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'assesment', includes: ['is not a property of a programme; did you mean `assessment`'] }]
    },
    {
        name: 'a word named like a JavaScript built-in (constructor) where a property belongs', kind: 'unknown word', code: programme({ extra: 'constructor 1' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'constructor', includes: ['`constructor` is not a property of a programme'] }]
    },
    {
        name: 'a term named like a JavaScript built-in (__proto__)', kind: 'misspelt term', code: programme({ items: 'provide "Coastal surveillance radar" quantity 5 category __proto__' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: '__proto__', includes: ['Unknown item category `__proto__`'] }]
    },
    {
        name: 'the replaced keyword un-mission', kind: 'unknown word', code: programme({ fields: 'field peace-cooperation { activity un-peacekeeping un-mission "UNMISS" }', items: 'provide "Camp equipment" category peacekeeping-equipment' }),
        expected: [
            { rule: 'syntax', severity: 'error', marked: 'un-mission', includes: ['`un-mission` is replaced by `operation`'] },
            { rule: 'OSA206', severity: 'warning', marked: 'peace-cooperation' }
        ]
    },
    {
        name: 'a stray character', kind: 'broken token', code: programme({ amount: 'amount = 600_000_000 JPY' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: '=', includes: ['The unexpected character `=` (U+003D) is not part of the language'] }]
    },
    {
        name: 'a keyword without its value', kind: 'broken token', code: programme({ modality: 'modality' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'amount', includes: ['`modality` needs a value: it takes a modality such as `grant`'] }]
    },
    {
        name: 'a block left open', kind: 'broken token', code: programme({ fields: 'field rule-of-law { activity maritime-surveillance' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'provide', includes: ['Expected `}` to close the block before `provide`'] }]
    },
    // ---- repeated facts --------------------------------------------------------------------------------
    {
        name: 'two modalities: the first counts, the repeat is an error', kind: 'repeated fact', code: programme({ modality: 'modality loan\n    modality grant' }),
        expected: [
            { rule: 'syntax', severity: 'error', marked: 'modality grant', includes: ['states `modality` more than once', 'only the first statement counts'] },
            { rule: 'OSA103', severity: 'error', marked: 'loan' }
        ]
    },
    {
        name: 'two categories on one item: a forbidden first category is not hidden', kind: 'repeated fact',
        code: programme({ items: 'provide "Coastal surveillance radar" quantity 5 category weapon category coastal-radar' }),
        expected: [
            { rule: 'syntax', severity: 'error', marked: 'category coastal-radar', includes: ['states `category` more than once'] },
            { rule: 'OSA203', severity: 'error', marked: 'weapon' }
        ]
    },
    {
        name: 'a second beneficiary does not hide an ineligible first', kind: 'repeated fact',
        code: programme({ beneficiary: 'beneficiary "National Police" kind police\n    beneficiary "Navy" kind armed-forces' }),
        expected: [{ rule: 'OSA102', severity: 'error', marked: 'police' }]
    },
    {
        name: 'a beneficiary kind stated twice', kind: 'repeated fact', code: programme({ beneficiary: 'beneficiary "Philippine Navy" kind police kind armed-forces' }),
        expected: [
            { rule: 'syntax', severity: 'error', marked: 'kind armed-forces', includes: ['states `kind` more than once'] },
            { rule: 'OSA102', severity: 'error', marked: 'police' }
        ]
    },
    {
        name: 'a clause stated twice in a template', kind: 'repeated fact',
        code: programme({ agreement: 'agreement uses StandardExchangeOfNotes signed 2024-12-05 clause entry-into-force "a" clause entry-into-force "b"' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'entry-into-force', includes: ['declares the clause `entry-into-force` twice'] }]
    },
    {
        name: 'a coordination body named twice, on two lines', kind: 'repeated fact', code: programme({ coordination: 'coordination NSS, MOFA, MOD, JICA\n    coordination MOFA' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'MOFA', includes: ['The coordination body MOFA is declared twice'] }]
    },
    {
        name: 'an assessment topic stated twice', kind: 'repeated fact',
        code: programme({ assessment: 'assessment {\n democracy "a"\n democracy "b"\n rule-of-law "a"\n human-rights "a"\n socio-economic "a"\n security-needs "a"\n bilateral-relations "a" }' }),
        expected: [{ rule: 'syntax', severity: 'error', marked: 'democracy', includes: ['declares the topic `democracy` twice'] }]
    }
];
