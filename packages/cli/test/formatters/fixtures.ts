/**
 * ValidationRun fixtures for the formatter tests, under a fixed fake working directory so that the
 * golden files do not depend on the machine. Messages carry the characters the formats must escape:
 * & < > " ' % , : and newlines. The rule list is fixed here too (not ALL_RULES), so that editing a
 * rule's summary does not change the goldens.
 */
import type { FileReport, RuleMeta, ValidationRun } from '@osa-policy/language';
import type { FormatContext } from '../../src/formatters/index.js';

export const CWD = '/work/project';

export const RULES: readonly RuleMeta[] = [
    {
        id: 'OSA100', name: 'reference-data-coverage', family: 'reference-data', severity: 'info', clause: 'data',
        summary: 'The reference data does not cover the programme\'s fiscal year, so the nearest edition was used.'
    },
    {
        id: 'OSA101', name: 'recipient-not-developing-country', family: 'recipient', severity: 'error', clause: '§2(1)',
        summary: 'The recipient is not on the DAC List of ODA Recipients in force for the fiscal year.', exceptionSeverity: 'warning'
    },
    {
        id: 'OSA311', name: 'assessment-topic-missing', family: 'considerations', severity: 'warning', clause: '§3(2)',
        summary: 'The assessment lacks one of its six topics.'
    },
    {
        id: 'OSA402', name: 'missing-information-disclosure-clause', family: 'agreement', severity: 'error', clause: '§3(3)(a)',
        summary: 'The agreement lacks the information-disclosure clause.'
    },
    {
        id: 'OSA502', name: 'no-framework-coordination', family: 'implementation', severity: 'info', clause: '§4(2)',
        summary: 'No coordination with other governmental cooperation frameworks is declared.'
    },
    {
        id: 'OSA601', name: 'budget-envelope-exceeded', family: 'portfolio', severity: 'warning', clause: 'portfolio',
        summary: 'The programmes of one fiscal year exceed that year\'s declared budget envelope.'
    }
];

export function context(color = false): FormatContext {
    return { version: '0.1.0', cwd: CWD, rules: RULES, color };
}

const range = (line: number, column: number, endLine: number, endColumn: number) =>
    ({ start: { line, column }, end: { line: endLine, column: endColumn } });

/** An error, a warning, an info (with related locations, one outside the cwd), a suppressed finding. */
export const FINDINGS: FileReport = {
    path: `${CWD}/programmes/OSA-FY2024-IDN.osa`,
    diagnostics: [
        {
            rule: 'OSA101', severity: 'error', clause: '§2(1)', range: range(5, 15, 5, 18),
            message: 'The recipient "XYZ" is not on the DAC List of ODA Recipients for FY2024 & so cannot receive OSA under §2(1).\n'
                + 'Declare `exception OSA101 { justification "…" }` if the NSC decided otherwise.'
        },
        {
            rule: 'OSA402', severity: 'error', clause: '§3(3)(a)', range: range(14, 5, 14, 44), messageId: 'agreement.missingClause',
            message: 'The agreement <StandardExchangeOfNotes> lacks the information-disclosure clause required by §3(3)(a): add it to the template.',
            related: [
                { path: `${CWD}/shared/templates & notes, v1#2.osa`, range: range(3, 10, 3, 33), message: 'The template \'StandardExchangeOfNotes\' is declared here' },
                { path: '/elsewhere/shared/base.osa', range: range(1, 1, 1, 9), message: 'It extends this base template' }
            ]
        },
        {
            rule: 'OSA311', severity: 'warning', clause: '§3(2)', range: range(9, 5, 12, 6),
            message: 'The assessment lacks the topic "human-rights": 5 of 6 topics, i.e. 83% coverage, so §3(2) is not fully considered.'
        },
        {
            rule: 'suppression', severity: 'warning', clause: null, range: range(16, 5, 16, 62),
            message: 'This suppression of OSA502 matches no finding on the next line. Remove it, so that the audit trail lists only waivers in use.'
        },
        {
            rule: 'OSA502', severity: 'info', clause: '§4(2)', range: range(20, 5, 20, 17),
            message: 'No coordination with other frameworks (e.g. ODA, capacity building) is declared: consider \'coordination JICA\'.'
        }
    ],
    suppressed: [
        {
            rule: 'OSA601', severity: 'warning', clause: 'portfolio', range: range(7, 12, 7, 35),
            message: 'The FY2024 programmes total JPY 6,000,000,000, 120% of the envelope <FY2024> (JPY 5,000,000,000).',
            suppression: { kind: 'next-line', reason: 'agreed with MOFA & MOD: see memo "12-3", item <a>', range: range(6, 5, 6, 70) }
        }
    ]
};

/** The language's own errors, in a path that needs percent-encoding. */
export const BROKEN: FileReport = {
    path: `${CWD}/programmes/broken draft #2.osa`,
    diagnostics: [
        { rule: 'syntax', severity: 'error', clause: null, range: range(2, 20, 2, 29), message: 'Could not resolve reference to AgreementTemplate named \'Std&Notes\'.' },
        { rule: 'syntax', severity: 'error', clause: null, range: range(3, 1, 3, 2), message: 'Expecting token of type \'}\' but found `<EOF>`.' }
    ],
    suppressed: []
};

export const CLEAN: FileReport = { path: `${CWD}/programmes/clean.osa`, diagnostics: [], suppressed: [] };

export const PROBLEMS = [
    { path: `${CWD}/no/such file.osa`, message: 'no such file or directory' },
    { path: `${CWD}/osa.config.json`, message: 'not valid JSON: Unexpected end of JSON input (after "referenceData": <here>)' }
];

/** Every case at once: the run the golden files show. */
export const FULL_RUN: ValidationRun = { reports: [FINDINGS, BROKEN, CLEAN], problems: PROBLEMS };

/** Smaller runs that must still be valid in every format. */
export const RUNS: Record<string, ValidationRun> = {
    full: FULL_RUN,
    empty: { reports: [], problems: [] },
    clean: { reports: [CLEAN], problems: [] },
    'syntax-only': { reports: [BROKEN], problems: [] },
    'problems-only': { reports: [], problems: PROBLEMS },
    'suppressed-only': { reports: [{ ...FINDINGS, diagnostics: [] }], problems: [] },
    'control-characters': {
        reports: [{
            path: `${CWD}/garbage.osa`,
            diagnostics: [{
                rule: 'syntax', severity: 'error', clause: null, range: range(1, 1, 1, 2),
                message: 'unexpected character: ->\u0000<- at offset: 0, skipped 1 characters. \u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u001F'
                    + '\uFFFE\uFFFF lone \uD800 surrogate, kept: tab\there, \u{1F6A2} ship, ß, 日本'
            }],
            suppressed: []
        }],
        problems: []
    }
};
