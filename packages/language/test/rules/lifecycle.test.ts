import { describe, expect, it } from 'vitest';
import { programme, validateWorkspaceSources } from '../helpers.js';
import { testRule } from './rule-tester.js';
import { monthsBefore, today } from '../../src/engine/check-date.js';

/** Every case runs at a fixed check date, so that none changes meaning as time passes. */
const AT = { asOf: '2026-06-01' };
const SIGNED = 'agreement uses StandardExchangeOfNotes signed 2024-12-05';
const UNSIGNED = 'agreement uses StandardExchangeOfNotes';
const MONITORED = `monitoring {
        visit 2025-09-01 "On-site check of the radars"
        results disclosed "https://www.mofa.go.jp/"
    }`;

testRule('OSA409', {
    valid: [
        { name: 'no status and no stage dates', code: programme(), options: AT },
        { name: 'a planned programme with a draft agreement (no signature)', code: programme({ agreement: UNSIGNED, extra: 'status planned' }), options: AT },
        { name: 'a decided programme with a draft agreement', code: programme({ agreement: UNSIGNED, extra: 'status decided\n    decided 2024-06-20' }), options: AT },
        { name: 'signed, dates in order', code: programme({ agreement: SIGNED, extra: 'status signed\n    decided 2024-06-20' }), options: AT },
        { name: 'delivered, dates in order', code: programme({ agreement: SIGNED, extra: 'status delivered\n    decided 2024-06-20\n    delivered 2025-03-01' }), options: AT },
        { name: 'equal dates are in order', code: programme({ agreement: SIGNED, extra: 'status delivered\n    decided 2024-12-05\n    delivered 2024-12-05' }), options: AT },
        { name: 'the check date comes from the options: a delivery on it is not in the future', code: programme({ agreement: SIGNED, extra: 'status delivered\n    delivered 2026-06-02' }), options: { asOf: '2026-06-02' } },
        { name: 'a stage dated on the check date itself', code: programme({ agreement: SIGNED, extra: 'status delivered\n    delivered 2026-06-01' }), options: AT },
        { name: 'signed without an agreement at all is OSA401\'s finding', code: programme({ agreement: null, extra: 'status signed' }), options: AT },
        { name: 'without a status, a future delivery date is a plan', code: programme({ extra: 'delivered 2027-01-01' }), options: AT }
    ],
    invalid: [
        {
            name: 'signed without a date of signature',
            code: programme({ agreement: UNSIGNED, extra: 'status signed' }), options: AT,
            findings: [{ severity: 'error', marked: 'signed', messageIncludes: ['status signed', 'no date of signature', '§3(3)', 'Add `signed YYYY-MM-DD`'] }]
        },
        {
            name: 'delivered without a date of signature',
            code: programme({ agreement: UNSIGNED, extra: 'status delivered\n    delivered 2025-03-01' }), options: AT,
            findings: [{ severity: 'error', marked: 'delivered', messageIncludes: ['status delivered', 'no date of signature'] }]
        },
        {
            name: 'decided after the signature',
            code: programme({ agreement: SIGNED, extra: 'status signed\n    decided 2025-01-10' }), options: AT,
            findings: [{ marked: '2024-12-05', messageIncludes: ['`signed 2024-12-05`', 'comes before', '`decided 2025-01-10`'] }]
        },
        {
            name: 'delivered before the signature',
            code: programme({ agreement: SIGNED, extra: 'status delivered\n    delivered 2024-11-01' }), options: AT,
            findings: [{ marked: '2024-11-01', messageIncludes: ['`delivered 2024-11-01`', 'comes before', '`signed 2024-12-05`'] }]
        },
        {
            name: 'delivered before the decision, no signature dated',
            code: programme({ agreement: UNSIGNED, extra: 'decided 2025-02-01\n    delivered 2025-01-01' }), options: AT,
            findings: [{ marked: '2025-01-01', messageIncludes: ['`delivered 2025-01-01`', 'comes before', '`decided 2025-02-01`'] }]
        },
        {
            name: 'a delivery date with status decided',
            code: programme({ agreement: UNSIGNED, extra: 'status decided\n    delivered 2025-03-01' }), options: AT,
            findings: [{ marked: '2025-03-01', messageIncludes: ['status is decided', 'set `status delivered`'] }]
        },
        {
            name: 'a signature date with status planned',
            code: programme({ agreement: SIGNED, extra: 'status planned' }), options: AT,
            findings: [{ marked: '2024-12-05', messageIncludes: ['status is planned', '`signed 2024-12-05`'] }]
        },
        {
            name: 'a stage claimed done but dated after the check date',
            code: programme({ agreement: SIGNED, extra: 'status delivered\n    delivered 2026-06-02' }), options: AT,
            findings: [{ marked: '2026-06-02', messageIncludes: ['after the check date 2026-06-01', 'status delivered'] }]
        }
    ]
});

testRule('OSA408', {
    valid: [
        { name: 'no lifecycle at all', code: programme(), options: AT },
        { name: 'delivered 12 months ago to the day', code: programme({ extra: 'status delivered\n    delivered 2025-06-01' }), options: AT },
        { name: 'delivered recently, no monitoring yet', code: programme({ extra: 'status delivered\n    delivered 2026-01-10' }), options: AT },
        { name: 'delivered long ago, visited, results disclosed', code: programme({ extra: `status delivered\n    delivered 2024-12-20\n    ${MONITORED}` }), options: AT },
        {
            name: 'results withheld with a reason',
            code: programme({ extra: 'status completed\n    delivered 2024-12-20\n    monitoring {\n        visit 2025-09-01 "Check"\n        results withheld "Sites of the radars are classified"\n    }' }),
            options: AT
        },
        { name: 'a delivery date with an earlier status is OSA409\'s finding', code: programme({ extra: 'status decided\n    delivered 2024-01-01' }), options: AT },
        { name: 'a planned programme', code: programme({ extra: 'status planned' }), options: AT }
    ],
    invalid: [
        {
            name: 'delivered more than 12 months ago, no monitoring',
            code: programme({ extra: 'status delivered\n    delivered 2025-05-31' }), options: AT,
            findings: [{
                severity: 'warning', marked: '2025-05-31',
                messageIncludes: ['delivered on 2025-05-31', 'more than 12 months before the check date 2026-06-01', 'no monitoring visit', '§3(3)(b)', 'monitoring {']
            }]
        },
        {
            name: 'delivered date without a status counts as delivered',
            code: programme({ extra: 'delivered 2024-01-10' }), options: AT,
            findings: [{ marked: '2024-01-10', messageIncludes: ['no monitoring visit'] }]
        },
        {
            name: 'only a visit after the check date',
            code: programme({ extra: 'status delivered\n    delivered 2024-01-10\n    monitoring { visit 2026-09-01 "Planned check" }' }), options: AT,
            findings: [{ marked: '2024-01-10', messageIncludes: ['no monitoring visit'] }]
        },
        {
            name: 'visits but nothing on the results',
            code: programme({ extra: 'status delivered\n    delivered 2024-01-10\n    monitoring { visit 2025-01-10 "Check" }' }), options: AT,
            findings: [{ marked: 'visit 2025-01-10 "Check"', messageIncludes: ['not what became of the results', '`results withheld "why"`'] }]
        },
        {
            name: 'results withheld without a reason, whenever written',
            code: programme({ extra: 'status delivered\n    delivered 2026-01-10\n    monitoring {\n        visit 2026-03-01 "Check"\n        results withheld\n    }' }), options: AT,
            findings: [{ marked: 'withheld', messageIncludes: ['`withheld` without a reason'] }]
        },
        {
            name: 'results disclosed without saying where',
            code: programme({ extra: 'status completed\n    delivered 2025-01-10\n    monitoring {\n        visit 2025-03-01 "Check"\n        results disclosed\n    }' }), options: AT,
            findings: [{ marked: 'disclosed', messageIncludes: ['`disclosed` without saying where'] }]
        },
        {
            name: 'completed claims monitoring done, whatever the dates',
            code: programme({ extra: 'status completed\n    delivered 2026-05-01' }), options: AT,
            findings: [{ marked: 'completed', messageIncludes: ['status completed', 'no monitoring visit'] }]
        },
        {
            name: 'delivered with neither a delivery date nor a visit: undetermined',
            code: programme({ extra: 'status delivered' }), options: AT,
            findings: [{ marked: 'delivered', messageIncludes: ['cannot be determined', 'Add `delivered YYYY-MM-DD`'] }]
        }
    ]
});

const predecessor = (id: string, extra: string | null = null) => programme({ id, extra });

testRule('OSA410', {
    valid: [
        { name: 'a predecessor in the same file', code: predecessor('PHL-2023-001') + predecessor('PHL-2024-001', 'continues PHL-2023-001') },
        {
            name: 'a predecessor in another file of the workspace',
            code: { 'programme.osa': predecessor('PHL-2024-001', 'continues PHL-2023-001'), 'earlier.osa': predecessor('PHL-2023-001') }
        },
        {
            name: 'a chain of three that ends',
            code: predecessor('A-1') + predecessor('A-2', 'continues A-1') + predecessor('A-3', 'continues A-2')
        },
        { name: 'no continues at all', code: programme() }
    ],
    invalid: [
        {
            name: 'an id no programme has',
            code: predecessor('PHL-2024-001', 'continues PHL-2042-001'),
            findings: [{ severity: 'error', marked: 'PHL-2042-001', messageIncludes: ['continues PHL-2042-001', 'no programme PHL-2042-001 is declared in the workspace', 'Correct the id'] }]
        },
        {
            name: 'itself',
            code: predecessor('PHL-2024-001', 'continues PHL-2024-001'),
            findings: [{ marked: 'PHL-2024-001', messageIncludes: ['leads back to it: PHL-2024-001 → PHL-2024-001'] }]
        },
        {
            name: 'a circle across two files, reported in each',
            code: { 'programme.osa': predecessor('A-1', 'continues B-1'), 'other.osa': predecessor('B-1', 'continues A-1') },
            findings: [{ marked: 'B-1', messageIncludes: ['A-1 → B-1 → A-1'], related: [{ file: 'other.osa', marked: 'B-1' }] }]
        },
        {
            name: 'only the programmes in the circle are reported',
            code: predecessor('Z-1', 'continues Y-1') + predecessor('Y-1', 'continues X-1') + predecessor('X-1', 'continues Y-1'),
            findings: [
                { marked: 'X-1', messageIncludes: ['Y-1 → X-1 → Y-1'] },
                { marked: 'Y-1', messageIncludes: ['X-1 → Y-1 → X-1'] }
            ]
        }
    ]
});

describe('OSA409 with values the language checks report', () => {
    it.each([
        ['a malformed signature date', programme({ agreement: 'agreement uses StandardExchangeOfNotes signed 05.12.2024', extra: 'status signed' }), 'not written as YYYY-MM-DD'],
        ['a misspelt status claims nothing', programme({ agreement: UNSIGNED, extra: 'status sined\n    delivered 2025-01-01' }), 'did you mean `signed`']
    ])('%s: one syntax finding, no OSA409', async (_name, code, message) => {
        const { 'programme.osa': file } = await validateWorkspaceSources({ 'programme.osa': code }, AT);
        expect(file.diagnostics.filter(d => d.rule === 'syntax').map(d => d.message)).toEqual([expect.stringContaining(message)]);
        expect(file.diagnostics.filter(d => d.rule === 'OSA409')).toEqual([]);
    });

    it('a misspelt delivery date keeps OSA408 from calling the date missing', async () => {
        const { 'programme.osa': file } = await validateWorkspaceSources({ 'programme.osa': programme({ extra: 'status delivered\n    deliverd 2025-01-01' }) }, AT);
        expect(file.diagnostics.filter(d => d.rule === 'OSA408')).toEqual([]);
        expect(file.diagnostics.filter(d => d.rule === 'syntax').map(d => d.message)).toEqual([expect.stringContaining('delivered')]);
    });
});

describe('an unresolved `continues`', () => {
    it('is one OSA410 finding, not also Langium\'s generic linking error', async () => {
        const { 'programme.osa': file } = await validateWorkspaceSources({ 'programme.osa': predecessor('PHL-2024-001', 'continues Nowhere') });
        expect(file.diagnostics.filter(d => /Nowhere/.test(d.message)).map(d => d.rule)).toEqual(['OSA410']);
    });

    it('keeps the generic error for other references (an unknown template)', async () => {
        const { 'programme.osa': file } = await validateWorkspaceSources({ 'programme.osa': programme({ agreement: 'agreement uses Nowhere signed 2024-12-05' }) });
        expect(file.diagnostics.filter(d => /Nowhere/.test(d.message)).map(d => d.rule)).toEqual(['syntax']);
    });
});

describe('the check date', () => {
    it('is today when nothing fixes it', async () => {
        const now = today();
        const { 'programme.osa': file } = await validateWorkspaceSources({ 'programme.osa': programme({ extra: `status delivered\n    delivered ${monthsBefore(now, 13)}` }) });
        expect(file.diagnostics.filter(d => d.rule === 'OSA408').map(d => d.message)).toEqual([expect.stringContaining(`check date ${now}`)]);
    });

    it('counts calendar months, clamping the day to the month\'s end', () => {
        expect(monthsBefore('2026-06-01', 12)).toBe('2025-06-01');
        expect(monthsBefore('2024-02-29', 12)).toBe('2023-02-28');
        expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
        expect(monthsBefore('2026-01-15', 13)).toBe('2024-12-15');
    });
});

describe('the language checks inside monitoring', () => {
    it('a visit date not written YYYY-MM-DD, a misspelt results term, a repeated results line: one syntax finding each', async () => {
        const code = programme({ extra: 'monitoring {\n        visit 2025/9/1 "Check"\n        results disclosd "https://example.org/"\n        results withheld "x"\n    }' });
        const { 'programme.osa': file } = await validateWorkspaceSources({ 'programme.osa': code }, AT);
        const messages = file.diagnostics.filter(d => d.rule === 'syntax').map(d => d.message);
        expect(messages).toEqual([
            expect.stringContaining('This monitoring states `results` more than once'),
            expect.stringContaining('The date of the visit takes a date written YYYY-MM-DD: `2025/9/1`'),
            expect.stringContaining('did you mean `disclosed`')
        ]);
    });
});
