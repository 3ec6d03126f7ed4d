/**
 * The rule registry: every rule, in id order. The validator, the CLI catalogue and the docs test read
 * this one list, so a rule exists everywhere or nowhere.
 */
import { agreementRules } from './agreement.js';
import { considerationRules } from './considerations.js';
import { fieldRules } from './fields.js';
import { implementationRules } from './implementation.js';
import { lifecycleRules } from './lifecycle.js';
import { portfolioRules } from './portfolio.js';
import { recipientRules } from './recipient.js';
import { referenceDataRules } from './reference-data.js';
import type { Rule } from './rule.js';
import { threePrinciplesRules } from './three-principles.js';
import { compareCodePoints } from '../util/order.js';

export const ALL_RULES: readonly Rule[] = [
    ...referenceDataRules,
    ...recipientRules,
    ...fieldRules,
    ...threePrinciplesRules,
    ...considerationRules,
    ...agreementRules,
    ...implementationRules,
    ...portfolioRules,
    ...lifecycleRules
].sort((a, b) => compareCodePoints(a.id, b.id));

const BY_ID = new Map(ALL_RULES.map(r => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
    return BY_ID.get(id);
}

export * from './rule.js';
