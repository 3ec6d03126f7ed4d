/**
 * Portfolio rules: checks across all programmes of the workspace (budget envelopes, unique ids). They
 * read document summaries, not syntax trees, so they give the same answer whether the workspace is
 * validated at once (editor) or in batches and workers (CLI).
 */
import { formatAmount } from '../util/text.js';
import { convertToYen } from '../model/values.js';
import type { EnvelopeSummary, NamedSummary, ProgrammeSummary } from '../workspace/summary.js';
import { workspaceRule } from './rule.js';

function fileName(uri: string): string {
    return decodeURIComponent(uri.split('/').pop() ?? uri);
}

/**
 * A programme's amount in the envelope's currency: as it is, or converted at a rate an envelope of that fiscal
 * year declares. Undefined when it cannot be counted (no rate): reported, never silently dropped.
 */
function countedAmount(programme: ProgrammeSummary, currency: string, envelopes: readonly EnvelopeSummary[]): bigint | undefined {
    if (!programme.amount) {
        return undefined;
    }
    if (programme.amount.currency === currency) {
        return BigInt(programme.amount.value);
    }
    const rate = envelopes.map(e => e.rates?.[programme.amount!.currency]).find(r => r !== undefined);
    return rate !== undefined ? convertToYen(programme.amount.value, BigInt(rate)) : undefined;
}

export const budgetExceeded = workspaceRule({
    id: 'OSA601',
    name: 'budget-envelope-exceeded',
    family: 'portfolio',
    severity: 'warning',
    clause: 'portfolio',
    summary: 'The programmes of one fiscal year exceed that year\'s declared budget envelope, or an amount cannot be counted against it.',
    check(file, workspace, report) {
        for (const envelope of file.envelopes) {
            if (envelope.fiscalYear === undefined || !envelope.amount || !envelope.amountRange) {
                continue;
            }
            const currency = envelope.amount.currency;
            const envelopes = (workspace.envelopesByFiscalYear.get(envelope.fiscalYear) ?? [])
                .filter(e => e.amount?.currency === currency);
            if (envelopes[0] !== envelope) {
                continue;
            }
            // Sums in bigint: exact whatever the number of programmes and the size of converted amounts.
            const budget = envelopes.reduce((sum, e) => sum + BigInt(e.amount!.value), 0n);
            const programmes = (workspace.programmesByFiscalYear.get(envelope.fiscalYear) ?? [])
                .filter(p => countedAmount(p, currency, envelopes) !== undefined);
            const committed = programmes.reduce((sum, p) => sum + countedAmount(p, currency, envelopes)!, 0n);
            if (committed <= budget) {
                continue;
            }
            const converted = (p: ProgrammeSummary) => p.amount!.currency === currency ? '' : ` = ${formatAmount(countedAmount(p, currency, envelopes)!, currency)} at the envelope's rate`;
            report({
                range: envelope.amountRange,
                message: `${programmes.length === 1 ? 'The one programme' : `The ${programmes.length} programmes`} of FY${envelope.fiscalYear} `
                    + `${programmes.length === 1 ? 'commits' : 'commit'} ${formatAmount(committed, currency)}, `
                    + `more than the ${formatAmount(budget, currency)} of the FY${envelope.fiscalYear} budget envelope${envelopes.length > 1 ? 's' : ''}`
                    + (programmes.some(p => converted(p)) ? ` (counting ${programmes.filter(p => converted(p)).map(p => `${p.name}'s ${formatAmount(p.amount!.value, p.amount!.currency)}${converted(p)}`).join(', ')})` : '')
                    + '. Programmes cannot be funded beyond the appropriation. Reduce or defer programmes, or record the supplementary budget as another envelope.',
                related: programmes.map(p => ({
                    uri: p.uri, range: p.amountRange ?? p.nameRange,
                    message: `${p.name}: ${formatAmount(p.amount!.value, p.amount!.currency)}${converted(p)} (${fileName(p.uri)})`
                })),
                data: { committed: committed.toString(), budget: budget.toString(), currency }
            });
        }
        // An amount in a currency no envelope of its year can convert is reported where it is written.
        for (const programme of file.programmes) {
            if (programme.fiscalYear === undefined || !programme.amount || !programme.amountRange) {
                continue;
            }
            const envelopes = workspace.envelopesByFiscalYear.get(programme.fiscalYear) ?? [];
            const currencies = [...new Set(envelopes.flatMap(e => e.amount ? [e.amount.currency] : []))];
            if (currencies.length === 0 || currencies.some(c => countedAmount(programme, c, envelopes.filter(e => e.amount?.currency === c)) !== undefined)) {
                continue;
            }
            report({
                range: programme.amountRange,
                message: `${programme.name}'s amount is in ${programme.amount.currency}, but the FY${programme.fiscalYear} budget envelope counts in ${currencies.join(' and ')} `
                    + `and declares no rate for ${programme.amount.currency}, so this programme is left out of the budget check. `
                    + `Declare the budget's rate in the envelope (\`exchange-rate ${programme.amount.currency} <yen per unit>\`), or state the amount in ${currencies[0]}.`,
                data: { excluded: true, currency: programme.amount.currency }
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

export const duplicateDeclarationName = workspaceRule({
    id: 'OSA603',
    name: 'duplicate-declaration-name',
    family: 'portfolio',
    severity: 'error',
    clause: 'portfolio',
    summary: 'Two agreement templates, or two budget envelopes, in the workspace share a name.',
    check(file, workspace, report) {
        const check = (what: string, declarations: readonly NamedSummary[], byName: ReadonlyMap<string, readonly NamedSummary[]>) => {
            for (const declaration of declarations) {
                const namesakes = byName.get(declaration.name) ?? [];
                if (namesakes.length < 2) {
                    continue;
                }
                const linked = namesakes[0];
                report({
                    range: declaration.nameRange,
                    message: `The ${what} name ${declaration.name} is declared ${namesakes.length} times in the workspace. `
                        + `Programmes that name it are linked to one of them only (the one in ${fileName(linked.uri)}, the first by file path), `
                        + `so the other${namesakes.length > 2 ? 's are' : ' is'} silently unused and a reader cannot tell which was meant. Rename or remove the copies.`,
                    related: namesakes.filter(d => d !== declaration).map(d => ({ uri: d.uri, range: d.nameRange, message: `Another ${what} ${d.name} (${fileName(d.uri)}).` }))
                });
            }
        };
        check('agreement template', file.templates, workspace.templatesByName);
        check('budget envelope', file.envelopes, workspace.envelopesByName);
    }
});

export const portfolioRules = [budgetExceeded, duplicateProgrammeId, duplicateDeclarationName];
