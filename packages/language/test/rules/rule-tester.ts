/** ESLint-style table-driven rule tests: valid cases yield no finding of the rule, invalid cases exactly the listed ones. */
import { describe, it } from 'vitest';
import { expectFindings, runCase, type InvalidRuleCase, type RuleCase } from '../helpers.js';

export function testRule(ruleId: string, cases: { valid: RuleCase[]; invalid: InvalidRuleCase[] }): void {
    describe(ruleId, () => {
        for (const valid of cases.valid) {
            it(`passes: ${valid.name}`, async () => {
                expectFindings(ruleId, await runCase(valid), []);
            });
        }
        for (const invalid of cases.invalid) {
            it(`fails: ${invalid.name}`, async () => {
                expectFindings(ruleId, await runCase(invalid), invalid.findings);
            });
        }
    });
}
