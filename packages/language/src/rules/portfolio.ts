/** Portfolio rules: checks across all programmes of the workspace (budget envelopes, unique ids). */
import { AstUtils } from 'langium';
import { isBudgetEnvelope, isProgramme } from '../generated/ast.js';
import { formatAmount } from '../util/text.js';
import { fileRule } from './rule.js';

export const budgetExceeded = fileRule({
    id: 'OSA601',
    name: 'budget-envelope-exceeded',
    family: 'portfolio',
    severity: 'warning',
    clause: 'portfolio',
    summary: 'The programmes of one fiscal year exceed that year\'s declared budget envelope.',
    check(model, { workspace }, report) {
        for (const envelope of model.elements.filter(isBudgetEnvelope)) {
            if (envelope.fiscalYear === undefined || !envelope.amount) {
                continue;
            }
            const currency = envelope.amount.currency;
            const envelopes = (workspace.envelopesByFiscalYear.get(envelope.fiscalYear) ?? [])
                .filter(e => e.amount?.currency === currency);
            // Several envelopes of one year (initial and supplementary budgets) are reported once, on the first.
            if (envelopes[0] !== envelope) {
                continue;
            }
            const budget = envelopes.reduce((sum, e) => sum + e.amount!.value, 0);
            const programmes = (workspace.programmesByFiscalYear.get(envelope.fiscalYear) ?? [])
                .filter(p => p.amount?.currency === currency);
            const committed = programmes.reduce((sum, p) => sum + p.amount!.value, 0);
            if (committed <= budget) {
                continue;
            }
            report({
                node: envelope, property: 'amount',
                message: `${programmes.length === 1 ? 'The one programme' : `The ${programmes.length} programmes`} of FY${envelope.fiscalYear} `
                    + `${programmes.length === 1 ? 'commits' : 'commit'} ${formatAmount(committed, currency)}, `
                    + `more than the ${formatAmount(budget, currency)} of the FY${envelope.fiscalYear} budget envelope${envelopes.length > 1 ? 's' : ''}. `
                    + 'Programmes cannot be funded beyond the appropriation. Reduce or defer programmes, or record the supplementary budget as another envelope.',
                related: programmes.map(p => ({
                    node: p, property: 'amount',
                    message: `${p.name}: ${formatAmount(p.amount!.value, currency)} (${AstUtils.getDocument(p).uri.path.split('/').pop()})`
                })),
                data: { committed, budget, currency }
            });
        }
    }
});

export const duplicateProgrammeId = fileRule({
    id: 'OSA602',
    name: 'duplicate-programme-id',
    family: 'portfolio',
    severity: 'error',
    clause: 'portfolio',
    summary: 'Two programmes in the input set share an id.',
    check(model, { workspace }, report) {
        for (const programme of model.elements.filter(isProgramme)) {
            const namesakes = workspace.programmesByName.get(programme.name) ?? [];
            if (namesakes.length < 2) {
                continue;
            }
            const others = namesakes.filter(p => p !== programme);
            report({
                node: programme, property: 'name',
                message: `The programme id ${programme.name} is used ${namesakes.length} times in the workspace. `
                    + 'Each programme is one agreement and one audit record, so its id must be unique. Rename one of them.',
                related: others.map(p => ({ node: p, property: 'name', message: `Another programme ${p.name}.` }))
            });
        }
    }
});

export const portfolioRules = [budgetExceeded, duplicateProgrammeId];
