/**
 * The "OSA programme (compliant skeleton)" snippet: a complete programme whose defaults pass every
 * error-level rule, with tab stops on what the drafter must decide. Its defaults come from the
 * document's reference data (a fiscal year the data cover, a recipient on that year's DAC list and
 * clear of embargoes and designations) and workspace (an unused id, a template with the §3(3) clauses).
 */
import { DEFAULT_LOCALE, type Locale, type MessageId } from '../i18n/index.js';
import { sayer } from './editor-text.js';
import type { AgreementTemplate } from '../generated/ast.js';
import { fiscalYearPeriod, GOVERNMENT_SCOPES, type ReferenceData } from '../reference/reference-data.js';
import { clauseNameOf, clauseResultsOf } from '../model/facts.js';
import { FIRST_OSA_FISCAL_YEAR } from '../model/values.js';
import { CLAUSES, type ClauseName } from '../vocabulary.js';
import { compareCodePoints } from '../util/order.js';

export const SKELETON_LABEL = 'OSA programme (compliant skeleton)';

export const PREFERRED_TEMPLATE = 'StandardExchangeOfNotes';
const PREFERRED_RECIPIENT = 'PHL';

/** The latest fiscal year up to next year that every dataset covers (no OSA100), else the first OSA year. */
export function defaultFiscalYear(reference: ReferenceData, today = new Date()): number {
    for (let fy = today.getUTCFullYear() + 1; fy >= FIRST_OSA_FISCAL_YEAR; fy--) {
        if (reference.coverageOn(fiscalYearPeriod(fy).start).every(c => c.covered)) {
            return fy;
        }
    }
    return FIRST_OSA_FISCAL_YEAR;
}

/** True when the country passes the recipient rules for the fiscal year with no error or warning. */
export function clearRecipient(reference: ReferenceData, iso3: string, fiscalYear: number): boolean {
    const { start, end } = fiscalYearPeriod(fiscalYear);
    return reference.country(iso3) !== undefined
        && reference.dacStatus(iso3, start).listed
        && reference.graduationsWithin(iso3, start, end).length === 0
        && !reference.graduationRecords(iso3).some(g => g.status === 'pending' && g.effective !== null && g.effective <= end)
        && !reference.embargoesDuring(iso3, start, end).some(e => GOVERNMENT_SCOPES.has(e.scope))
        && reference.conflictPartyDuring(iso3, start, end).length === 0
        && reference.inCombatDuring(iso3, start, end).length === 0;
}

export function defaultRecipient(reference: ReferenceData, fiscalYear: number): string {
    if (clearRecipient(reference, PREFERRED_RECIPIENT, fiscalYear)) {
        return PREFERRED_RECIPIENT;
    }
    const clear = [...reference.allCountries()].sort((a, b) => compareCodePoints(a.alpha3, b.alpha3))
        .find(c => clearRecipient(reference, c.alpha3, fiscalYear));
    return clear?.alpha3 ?? PREFERRED_RECIPIENT;
}

const REQUIRED_CLAUSES = (Object.keys(CLAUSES) as ClauseName[]).filter(c => CLAUSES[c].clause);

/** True when a template carries every clause §3(3) requires, with monitoring results disclosed. */
export function templateComplies(template: AgreementTemplate): boolean {
    const names = new Set(template.clauses.map(clauseNameOf));
    const monitoring = template.clauses.find(c => clauseNameOf(c) === 'monitoring-and-evaluation');
    return REQUIRED_CLAUSES.every(c => names.has(c)) && monitoring !== undefined && clauseResultsOf(monitoring) === 'disclosed';
}

/** `OSA-FY2025-PHL`, or `OSA-FY2025-PHL-2`, ... when that id is taken. */
export function uniqueProgrammeId(base: string, taken: (id: string) => boolean): string {
    if (!taken(base)) {
        return base;
    }
    for (let i = 2; ; i++) {
        if (!taken(`${base}-${i}`)) {
            return `${base}-${i}`;
        }
    }
}

/** Escapes text for use inside a snippet placeholder. */
function escape(text: string): string {
    return text.replace(/[\\$}]/g, c => `\\${c}`);
}

export interface SkeletonOptions {
    id: string;
    fiscalYear: number;
    recipient: string;
    recipientName?: string;
    /** The agreement template to use; undefined writes the §3(3) clauses inline. */
    template?: string;
    /** The language of the placeholder texts (title, names, assessment lines): the writer's. */
    locale?: Locale;
}

/** The snippet text (LSP snippet syntax, four-space indentation). */
export function programmeSkeleton(options: SkeletonOptions): string {
    const say = sayer(options.locale ?? DEFAULT_LOCALE);
    const text = (id: MessageId, params?: Record<string, string>) => escape(say(id, params));
    const agreement = options.template
        ? [`    agreement uses \${17:${escape(options.template)}}`]
        : [
            '    agreement kind ${17|exchange-of-notes,exchange-of-letters,grant-agreement|}',
            '        clause information-disclosure',
            '        clause monitoring-and-evaluation results disclosed',
            '        clause no-extra-purpose-use',
            '        clause no-third-party-transfer',
            '        clause un-charter-conformity'
        ];
    return [
        `programme \${1:${escape(options.id)}} {`,
        `    title "\${2:${text('skeleton.title')}}"`,
        `    fiscal-year \${3:${options.fiscalYear}}`,
        `    recipient \${4:${escape(options.recipient)}}`,
        `    beneficiary "\${5:${options.recipientName ? text('skeleton.beneficiaryOf', { country: options.recipientName }) : text('skeleton.beneficiary')}}" kind \${6|armed-forces,related-organisation|}`,
        '    modality grant',
        '    amount ${7:1_000_000_000} JPY',
        '    field ${8|rule-of-law,humanitarian,peace-cooperation|} {',
        '        activity ${9:maritime-surveillance}',
        '    }',
        `    provide "\${10:${text('skeleton.item')}}" quantity \${11:1} category \${12:coastal-radar}`,
        '    assessment {',
        `        democracy on-file "\${13:${text('skeleton.assessment')}}"`,
        '        rule-of-law on-file "${13}"',
        '        human-rights on-file "${13}"',
        `        socio-economic "\${14:${text('skeleton.socioEconomic')}}"`,
        `        security-needs "\${15:${text('skeleton.securityNeeds')}}"`,
        `        bilateral-relations "\${16:${text('skeleton.bilateralRelations')}}"`,
        '    }',
        ...agreement,
        '    coordination NSS, MOFA, MOD$0',
        '}'
    ].join('\n');
}

/** The text a snippet inserts when every placeholder keeps its default (first choice, mirrored values). */
export function expandSnippet(snippet: string): string {
    const defaults = new Map<string, string>();
    let text = snippet;
    // Placeholders with defaults first (innermost first), then choices, then bare tab stops.
    let previous: string;
    do {
        previous = text;
        text = text.replace(/\$\{(\d+):((?:\\.|[^${}\\])*)\}/g, (_m, n: string, value: string) => {
            const plain = value.replace(/\\(.)/g, '$1');
            defaults.set(n, plain);
            return plain;
        });
    } while (text !== previous);
    text = text.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_m, n: string, choices: string) => {
        const first = choices.split(',')[0];
        defaults.set(n, first);
        return first;
    });
    return text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_m, a: string | undefined, b: string | undefined) => defaults.get(a ?? b ?? '') ?? '');
}
