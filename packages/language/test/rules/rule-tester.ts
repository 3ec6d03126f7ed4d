/** ESLint-style table-driven rule tests: valid cases yield no finding of the rule, invalid cases exactly the listed ones. */
import { describe, expect, it } from 'vitest';
import {
    expectFindings, markedText, validateWorkspaceSources, WORKSPACE,
    type ExpectedFinding, type InvalidRuleCase, type RuleCase, type ValidatedFile
} from '../helpers.js';
import type { ReportedDiagnostic } from '../../src/engine/workspace-checker.js';

/** A related location a finding must carry (e.g. the template that lacks a clause, the other programme). */
export interface ExpectedRelated {
    /** The workspace file it points into (e.g. `templates.osa`). */
    file: string;
    /** The exact source text it marks in that file. */
    marked?: string;
    messageIncludes?: string[];
}

export interface ExpectedRuleFinding extends ExpectedFinding {
    /** Words the message must not contain. */
    messageExcludes?: string[];
    /** When given, the finding's related locations, exactly and in order. */
    related?: ExpectedRelated[];
}

export interface InvalidCase extends InvalidRuleCase {
    findings: ExpectedRuleFinding[];
}

/** Validates a case and returns every file of its workspace plus the file its findings are read from. */
export async function runWorkspaceCase(testCase: RuleCase): Promise<{ file: ValidatedFile; all: Record<string, ValidatedFile> }> {
    const files = typeof testCase.code === 'string' ? { 'programme.osa': testCase.code } : testCase.code;
    const all = await validateWorkspaceSources(files, testCase.options);
    const name = testCase.file ?? 'programme.osa';
    expect(all[name], `the case has no file ${name}`).toBeDefined();
    return { file: all[name], all };
}

/** The diagnostics of one rule in a validated file. */
export function findingsOf(ruleId: string, validated: ValidatedFile): ReportedDiagnostic[] {
    return validated.diagnostics.filter(d => d.rule === ruleId);
}

function expectExtras(ruleId: string, validated: ValidatedFile, all: Record<string, ValidatedFile>, expected: ExpectedRuleFinding[]): void {
    const actual = findingsOf(ruleId, validated);
    expected.forEach((e, i) => {
        const d = actual[i];
        for (const word of e.messageExcludes ?? []) {
            expect(d.message).not.toContain(word);
        }
        if (e.related === undefined) {
            return;
        }
        const related = d.related ?? [];
        expect(related.map(r => r.message), `related locations of ${ruleId}`).toHaveLength(e.related.length);
        e.related.forEach((er, j) => {
            const r = related[j];
            expect(r.path).toBe(`${WORKSPACE}/${er.file}`);
            if (er.marked !== undefined) {
                const target = all[er.file];
                expect(target, `the case has no file ${er.file}`).toBeDefined();
                expect(markedText(target.source, { ...d, range: r.range })).toBe(er.marked);
            }
            for (const word of er.messageIncludes ?? []) {
                expect(r.message).toContain(word);
            }
        });
    });
}

export function testRule(ruleId: string, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
    describe(ruleId, () => {
        for (const valid of cases.valid) {
            it(`passes: ${valid.name}`, async () => {
                const { file } = await runWorkspaceCase(valid);
                expectFindings(ruleId, file, []);
            });
        }
        for (const invalid of cases.invalid) {
            it(`fails: ${invalid.name}`, async () => {
                const { file, all } = await runWorkspaceCase(invalid);
                expectFindings(ruleId, file, invalid.findings);
                expectExtras(ruleId, file, all, invalid.findings);
            });
        }
    });
}
