import { describe, expect, it } from 'vitest';
import type { ClauseName } from '../../src/generated/ast.js';
import { markedText, programme } from '../helpers.js';
import { runWorkspaceCase, testRule } from './rule-tester.js';

/** The §3(3) clauses of a complete agreement, as written in a programme or a template. */
const CLAUSE_LINES: Partial<Record<ClauseName, string>> = {
    'information-disclosure': 'clause information-disclosure',
    'monitoring-and-evaluation': 'clause monitoring-and-evaluation results disclosed',
    'no-extra-purpose-use': 'clause no-extra-purpose-use',
    'no-third-party-transfer': 'clause no-third-party-transfer',
    'un-charter-conformity': 'clause un-charter-conformity'
};

function clauseLines(without: ClauseName | undefined, indent: string): string {
    return Object.entries(CLAUSE_LINES)
        .filter(([name]) => name !== without)
        .map(([, line]) => `\n${indent}${line}`)
        .join('');
}

/** An inline agreement with every §3(3) clause except `without`. */
function inlineAgreement(without?: ClauseName): string {
    return `agreement kind exchange-of-notes signed 2024-12-05${clauseLines(without, '        ')}`;
}

/** A template file declaring `name` with every §3(3) clause except `without`. */
function templateFile(name: string, without?: ClauseName, overrides = ''): string {
    return `agreement-template ${name} {\n    kind exchange-of-notes${clauseLines(without, '    ')}${overrides}\n}\n`;
}

testRule('OSA401', {
    valid: [
        { name: 'an agreement using the shared template', code: programme() },
        { name: 'an inline agreement', code: programme({ agreement: inlineAgreement() }) }
    ],
    invalid: [
        {
            name: 'no agreement',
            code: programme({ agreement: null }),
            findings: [{
                severity: 'error', marked: 'TEST-2024-001',
                messageIncludes: ['TEST-2024-001 declares no international agreement', '§3(3)', 'Add `agreement uses <template> signed YYYY-MM-DD`']
            }]
        },
        {
            name: 'only the programme without one is marked',
            code: programme({ id: 'TEST-2024-001' }) + programme({ id: 'TEST-2024-002', agreement: null }),
            findings: [{ severity: 'error', marked: 'TEST-2024-002', messageIncludes: ['TEST-2024-002'] }]
        }
    ]
});

const MISSING_CLAUSE_RULES: { id: string; clause: ClauseName; what: string; cites: string }[] = [
    { id: 'OSA402', clause: 'information-disclosure', what: 'information-disclosure', cites: '§3(3)(a)' },
    { id: 'OSA403', clause: 'monitoring-and-evaluation', what: 'monitoring-and-evaluation', cites: '§3(3)(b)' },
    { id: 'OSA405', clause: 'no-extra-purpose-use', what: 'no-extra-purpose-use', cites: '§3(3)(c)' },
    { id: 'OSA406', clause: 'no-third-party-transfer', what: 'no-third-party-transfer', cites: '§3(3)(c)' },
    { id: 'OSA407', clause: 'un-charter-conformity', what: 'UN Charter conformity', cites: '§3(3)(d)' }
];

for (const { id, clause, what, cites } of MISSING_CLAUSE_RULES) {
    testRule(id, {
        valid: [
            { name: 'the shared standard template has the clause', code: programme() },
            { name: 'an inline agreement with every clause', code: programme({ agreement: inlineAgreement() }) },
            {
                name: `an inline clause adds the ${clause} clause the template lacks`,
                code: {
                    'templates.osa': templateFile('PartialTemplate', clause),
                    'programme.osa': programme({ agreement: `agreement uses PartialTemplate signed 2024-12-05 ${CLAUSE_LINES[clause]}` })
                }
            },
            { name: 'no agreement at all is OSA401\'s finding', code: programme({ agreement: null }) }
        ],
        invalid: [
            {
                name: 'an inline agreement without it is marked on `agreement`',
                code: programme({ agreement: inlineAgreement(clause) }),
                findings: [{
                    severity: 'error', marked: 'agreement',
                    messageIncludes: [`lacks the ${what} clause`, `the agreement has no \`clause ${clause}\``, cites, `Add \`clause ${clause}\`.`],
                    messageExcludes: ['template'],
                    related: []
                }]
            },
            {
                name: 'a template without it: marked on the template reference, the template as related information',
                code: {
                    'templates.osa': templateFile('PartialTemplate', clause),
                    'programme.osa': programme({ agreement: 'agreement uses PartialTemplate signed 2024-12-05' })
                },
                findings: [{
                    severity: 'error', marked: 'PartialTemplate',
                    messageIncludes: [`neither the agreement nor its template PartialTemplate has \`clause ${clause}\``, cites, 'to the template or the agreement'],
                    related: [{ file: 'templates.osa', marked: 'PartialTemplate', messageIncludes: [`The template PartialTemplate has no \`clause ${clause}\``] }]
                }]
            },
            {
                name: 'a template in another folder, with inline clauses that do not include it',
                code: {
                    'shared/legacy-templates.osa': templateFile('LegacyNotes', clause),
                    'programme.osa': programme({ agreement: 'agreement uses LegacyNotes signed 2024-12-05 clause prior-consent clause entry-into-force' })
                },
                findings: [{
                    severity: 'error', marked: 'LegacyNotes',
                    messageIncludes: ['template LegacyNotes'],
                    related: [{ file: 'shared/legacy-templates.osa', marked: 'LegacyNotes' }]
                }]
            }
        ]
    });
}

testRule('OSA404', {
    valid: [
        { name: 'the standard template discloses the results', code: programme() },
        { name: 'an inline clause with results disclosed', code: programme({ agreement: inlineAgreement() }) },
        {
            name: 'an inline clause overrides a template that withholds',
            code: {
                'templates.osa': templateFile('WithheldTemplate', 'monitoring-and-evaluation', '\n    clause monitoring-and-evaluation results withheld'),
                'programme.osa': programme({ agreement: 'agreement uses WithheldTemplate signed 2024-12-05 clause monitoring-and-evaluation results disclosed' })
            }
        },
        { name: 'no monitoring clause at all is OSA403\'s finding', code: programme({ agreement: inlineAgreement('monitoring-and-evaluation') }) }
    ],
    invalid: [
        {
            name: 'an inline clause that withholds the results',
            code: programme({ agreement: `${inlineAgreement('monitoring-and-evaluation')}\n        clause monitoring-and-evaluation results withheld` }),
            findings: [{
                severity: 'warning', marked: 'withheld',
                messageIncludes: ['withholds its results', 'made public', '§3(3)(b)', 'Write `results disclosed`']
            }]
        },
        {
            name: 'an inline clause that does not state the results (marked on the clause name)',
            code: programme({ agreement: `${inlineAgreement('monitoring-and-evaluation')}\n        clause monitoring-and-evaluation "Annual joint review"` }),
            findings: [{
                severity: 'warning', marked: 'monitoring-and-evaluation',
                messageIncludes: ['does not say that its results are disclosed', '§3(3)(b)', 'Write `results disclosed`']
            }]
        },
        {
            name: 'a template that withholds: marked on the template reference in the programme file, the clause as related information',
            code: {
                'templates.osa': templateFile('WithheldTemplate', 'monitoring-and-evaluation', '\n    clause monitoring-and-evaluation results withheld'),
                'programme.osa': programme({ agreement: 'agreement uses WithheldTemplate signed 2024-12-05' })
            },
            findings: [{
                severity: 'warning', marked: 'WithheldTemplate',
                messageIncludes: ['template WithheldTemplate withholds its results', '§3(3)(b)', 'Write `results disclosed` in the template, or add `clause monitoring-and-evaluation results disclosed`'],
                related: [{ file: 'templates.osa', marked: 'withheld', messageIncludes: ['WithheldTemplate'] }]
            }]
        },
        {
            name: 'a template whose clause does not state the results',
            code: {
                'templates.osa': templateFile('SilentTemplate', 'monitoring-and-evaluation', '\n    clause monitoring-and-evaluation'),
                'programme.osa': programme({ agreement: 'agreement uses SilentTemplate signed 2024-12-05' })
            },
            findings: [{
                severity: 'warning', marked: 'SilentTemplate',
                messageIncludes: ['does not say that its results are disclosed'],
                related: [{ file: 'templates.osa', marked: 'monitoring-and-evaluation' }]
            }]
        }
    ]
});

describe('OSA401-OSA407 with an unresolved template', () => {
    const AGREEMENT_RULES = ['OSA401', 'OSA402', 'OSA403', 'OSA404', 'OSA405', 'OSA406', 'OSA407'];

    it('reports only the linking error: the template\'s clauses are unknown, so no clause is called missing', async () => {
        const { file } = await runWorkspaceCase({ name: 'unresolved', code: programme({ agreement: 'agreement uses MissingTemplate signed 2024-12-05' }) });
        const errors = file.diagnostics.filter(d => d.severity === 'error');
        expect(errors.map(d => d.rule)).toEqual(['syntax']);
        expect(errors[0].message).toContain('MissingTemplate');
        expect(markedText(file.source, errors[0])).toBe('MissingTemplate');
        expect(file.diagnostics.filter(d => AGREEMENT_RULES.includes(d.rule))).toEqual([]);
    });

    it('inline clauses beside an unresolved template do not make the others missing', async () => {
        const { file } = await runWorkspaceCase({
            name: 'unresolved with inline clauses',
            code: programme({ agreement: 'agreement uses MissingTemplate signed 2024-12-05 clause information-disclosure clause monitoring-and-evaluation results disclosed' })
        });
        expect(file.diagnostics.filter(d => d.severity === 'error').map(d => d.rule)).toEqual(['syntax']);
        expect(file.diagnostics.filter(d => AGREEMENT_RULES.includes(d.rule))).toEqual([]);
    });
});
