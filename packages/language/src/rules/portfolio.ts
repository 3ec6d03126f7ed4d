/**
 * Portfolio rules: checks across all programmes of the workspace (budget envelopes, unique ids). They
 * read document summaries, not syntax trees, so they give the same answer whether the workspace is
 * validated at once (editor) or in batches and workers (CLI).
 */
import { formatAmount } from '../util/text.js';
import { convertToYen } from '../model/values.js';
import type { EnvelopeSummary, NamedSummary, ShareSummary } from '../workspace/summary.js';
import type { ProgrammeShare } from '../workspace/workspace-view.js';
import { workspaceRule } from './rule.js';

function fileName(uri: string): string {
    return decodeURIComponent(uri.split('/').pop() ?? uri);
}

/**
 * A share in the envelope's currency: as it is, or converted at a rate an envelope of that fiscal year declares.
 * Undefined when it cannot be counted (no rate): reported, never silently dropped.
 */
function countedAmount(share: ShareSummary, currency: string, envelopes: readonly EnvelopeSummary[]): bigint | undefined {
    if (share.amount.currency === currency) {
        return BigInt(share.amount.value);
    }
    const rate = envelopes.map(e => e.rates?.[share.amount.currency]).find(r => r !== undefined);
    return rate !== undefined ? convertToYen(share.amount.value, BigInt(rate)) : undefined;
}

interface Counted extends ProgrammeShare {
    counted: bigint;
}

function sum(entries: readonly Counted[]): bigint {
    return entries.reduce((total, e) => total + e.counted, 0n);
}

/** "The 2 programmes", "The one decided programme". */
function programmesPhrase(count: number, qualifier = ''): string {
    const what = `${qualifier}programme${count === 1 ? '' : 's'}`;
    return count === 1 ? `The one ${what}` : `The ${count} ${what}`;
}

/** How a share is named in messages: "A's amount", "A's FY2025 share". */
function shareName({ programme, share }: ProgrammeShare): string {
    return share.funding ? `${programme.name}'s FY${share.fiscalYear} share` : `${programme.name}'s amount`;
}

export const budgetExceeded = workspaceRule({
    id: 'OSA601',
    name: 'budget-envelope-exceeded',
    family: 'portfolio',
    severity: 'warning',
    clause: 'portfolio',
    summary: 'The programmes of one fiscal year exceed that year\'s declared budget envelope, or a programme\'s money cannot be counted against it.',
    check(file, workspace, report) {
        for (const envelope of file.envelopes) {
            if (envelope.fiscalYear === undefined || !envelope.amount || !envelope.amountRange) {
                continue;
            }
            const year = envelope.fiscalYear;
            const currency = envelope.amount.currency;
            const envelopes = (workspace.envelopesByFiscalYear.get(year) ?? []).filter(e => e.amount?.currency === currency);
            if (envelopes[0] !== envelope) {
                continue;
            }
            // Sums in bigint: exact whatever the number of programmes and the size of converted amounts.
            const budget = envelopes.reduce((total, e) => total + BigInt(e.amount!.value), 0n);
            const counted: Counted[] = [];
            for (const entry of workspace.sharesByFiscalYear.get(year) ?? []) {
                const amount = countedAmount(entry.share, currency, envelopes);
                if (amount !== undefined) {
                    counted.push({ ...entry, counted: amount });
                }
            }
            // Planned programmes are counted apart: the decided ones are commitments, the planned ones intentions.
            const decided = counted.filter(e => !e.programme.planned);
            const planned = counted.filter(e => e.programme.planned);
            const decidedSum = sum(decided);
            const plannedSum = sum(planned);
            if (decidedSum + plannedSum <= budget) {
                continue;
            }
            const fy = `FY${year}`;
            const envelopeText = `the ${formatAmount(budget, currency)} of the ${fy} budget envelope${envelopes.length > 1 ? 's' : ''}`;
            const converted = (e: Counted) => e.share.amount.currency === currency ? '' : ` = ${formatAmount(e.counted, currency)} at the envelope's rate`;
            const conversions = counted.filter(e => converted(e));
            const conversionText = conversions.length > 0
                ? ` (counting ${conversions.map(e => `${shareName(e)} ${formatAmount(e.share.amount.value, e.share.amount.currency)}${converted(e)}`).join(', ')})`
                : '';
            let message: string;
            if (planned.length === 0) {
                message = `${programmesPhrase(decided.length)} of ${fy} ${decided.length === 1 ? 'commits' : 'commit'} ${formatAmount(decidedSum, currency)}, `
                    + `more than ${envelopeText}${conversionText}. Programmes cannot be funded beyond the appropriation. `
                    + 'Reduce or defer programmes, or record the supplementary budget as another envelope.';
            } else if (decidedSum > budget) {
                message = `${programmesPhrase(decided.length, 'decided ')} of ${fy} ${decided.length === 1 ? 'commits' : 'commit'} ${formatAmount(decidedSum, currency)}, `
                    + `more than ${envelopeText}${conversionText}; the ${planned.length} planned programme${planned.length === 1 ? '' : 's'} (status planned) would add ${formatAmount(plannedSum, currency)} more. `
                    + 'Programmes cannot be funded beyond the appropriation. Reduce or defer programmes, or record the supplementary budget as another envelope.';
            } else {
                message = `${decided.length === 0 ? 'No decided programme of ' + fy + ' commits anything yet' : `${programmesPhrase(decided.length, 'decided ')} of ${fy} ${decided.length === 1 ? 'commits' : 'commit'} ${formatAmount(decidedSum, currency)}`}, `
                    + `within ${envelopeText}, but with the ${planned.length} planned programme${planned.length === 1 ? '' : 's'} (status planned, ${formatAmount(plannedSum, currency)}) the year would commit `
                    + `${formatAmount(decidedSum + plannedSum, currency)}, more than the envelope${conversionText}. `
                    + 'Only the planned part is over: reduce or defer planned programmes before they are decided, or record the supplementary budget as another envelope.';
            }
            report({
                range: envelope.amountRange,
                message,
                related: counted.map(e => ({
                    uri: e.programme.uri, range: e.share.range,
                    message: `${e.programme.name}${e.programme.planned ? ' (planned)' : ''}: ${formatAmount(e.share.amount.value, e.share.amount.currency)}${converted(e)}`
                        + `${e.share.funding ? `, its ${fy} share` : ''} (${fileName(e.programme.uri)})`
                })),
                data: {
                    committed: (decidedSum + plannedSum).toString(), decided: decidedSum.toString(), planned: plannedSum.toString(),
                    budget: budget.toString(), currency
                }
            });
        }
        for (const programme of file.programmes) {
            // A share in a currency no envelope of its year can convert is reported where it is written.
            for (const share of programme.shares ?? []) {
                const envelopes = workspace.envelopesByFiscalYear.get(share.fiscalYear) ?? [];
                const currencies = [...new Set(envelopes.flatMap(e => e.amount ? [e.amount.currency] : []))];
                if (currencies.length === 0 || currencies.some(c => countedAmount(share, c, envelopes.filter(e => e.amount?.currency === c)) !== undefined)) {
                    continue;
                }
                const what = shareName({ programme, share });
                report({
                    range: share.range,
                    message: `${what} is in ${share.amount.currency}, but the FY${share.fiscalYear} budget envelope counts in ${currencies.join(' and ')} `
                        + `and declares no rate for ${share.amount.currency}, so ${share.funding ? 'this share' : 'this programme'} is left out of the budget check. `
                        + `Declare the budget's rate in the envelope (\`exchange-rate ${share.amount.currency} <yen per unit>\`), or state the amount in ${currencies[0]}.`,
                    data: { excluded: true, currency: share.amount.currency }
                });
            }
            // A decided programme with no money at all would silently cost nothing: reported when its year has a budget.
            if (programme.planned || programme.moneyStated || programme.fiscalYear === undefined) {
                continue;
            }
            const envelopes = workspace.envelopesByFiscalYear.get(programme.fiscalYear) ?? [];
            if (!envelopes.some(e => e.amount)) {
                continue;
            }
            report({
                range: programme.nameRange,
                message: `${programme.name} states no \`amount\` and no \`funding\`, so it is left out of the FY${programme.fiscalYear} budget check, `
                    + (programme.status ? `although it is at status ${programme.status}. ` : 'although it counts as decided (it declares no `status`). ')
                    + 'Add `amount … JPY` for money in its fiscal year, or a `funding { … }` block by year; '
                    + 'if the programme is still under consideration, say so with `status planned`.',
                data: { excluded: true, reason: 'no-amount' }
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
