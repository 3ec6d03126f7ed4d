/**
 * Portfolio rules: checks across all programmes of the workspace (budget envelopes, unique ids). They
 * read document summaries, not syntax trees, so they give the same answer whether the workspace is
 * validated at once (editor) or in batches and workers (CLI).
 */
import { formatAmount } from '../util/text.js';
import { workspaceRule } from './rule.js';

function fileName(uri: string): string {
    return decodeURIComponent(uri.split('/').pop() ?? uri);
}

export const budgetExceeded = workspaceRule({
    id: 'OSA601',
    name: 'budget-envelope-exceeded',
    family: 'portfolio',
    severity: 'warning',
    clause: 'portfolio',
    summary: 'The programmes of one fiscal year exceed that year\'s declared budget envelope.',
    check(file, workspace, report) {
        for (const envelope of file.envelopes) {
            if (envelope.fiscalYear === undefined || !envelope.amount || !envelope.amountRange) {
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
                range: envelope.amountRange,
                message: `${programmes.length === 1 ? 'The one programme' : `The ${programmes.length} programmes`} of FY${envelope.fiscalYear} `
                    + `${programmes.length === 1 ? 'commits' : 'commit'} ${formatAmount(committed, currency)}, `
                    + `more than the ${formatAmount(budget, currency)} of the FY${envelope.fiscalYear} budget envelope${envelopes.length > 1 ? 's' : ''}. `
                    + 'Programmes cannot be funded beyond the appropriation. Reduce or defer programmes, or record the supplementary budget as another envelope.',
                related: programmes.map(p => ({
                    uri: p.uri, range: p.amountRange ?? p.nameRange,
                    message: `${p.name}: ${formatAmount(p.amount!.value, currency)} (${fileName(p.uri)})`
                })),
                data: { committed, budget, currency }
            });
        }
    }
});

export const duplicateProgrammeId = workspaceRule({
    id: 'OSA602',
    name: 'duplicate-programme-id',
    family: 'portfolio',
    severity: 'error',
    clause: 'portfolio',
    summary: 'Two programmes in the input set share an id.',
    check(file, workspace, report) {
        for (const programme of file.programmes) {
            const namesakes = workspace.programmesByName.get(programme.name) ?? [];
            if (namesakes.length < 2) {
                continue;
            }
            report({
                range: programme.nameRange,
                message: `The programme id ${programme.name} is used ${namesakes.length} times in the workspace. `
                    + 'Each programme is one agreement and one audit record, so its id must be unique. Rename one of them.',
                related: namesakes.filter(p => p !== programme).map(p => ({ uri: p.uri, range: p.nameRange, message: `Another programme ${p.name}.` }))
            });
        }
    }
});

export const portfolioRules = [budgetExceeded, duplicateProgrammeId];
