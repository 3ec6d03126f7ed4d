/**
 * Portfolio rules: checks across all programmes of the workspace (budget envelopes, unique ids). They
 * read document summaries, not syntax trees, so they give the same answer whether the workspace is
 * validated at once (editor) or in batches and workers (CLI).
 */
import { formatAmount } from '../util/text.js';
import { convertToYen } from '../model/values.js';
import type { EnvelopeSummary, NamedSummary, ShareSummary } from '../workspace/summary.js';
import type { ProgrammeShare } from '../workspace/workspace-view.js';
import { msg, type Message } from '../i18n/message.js';
import { workspaceRule } from './rule.js';
import { eachOf } from '../i18n/lists.js';

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

/** "The 2 programmes of FY2025 commit 9,000 JPY", "The one decided programme of FY2025 commits …". */
function committedPhrase(count: number, year: number, sum: string, decided: boolean): Message {
    const id = decided
        ? (count === 1 ? 'OSA601.committedDecided.one' : 'OSA601.committedDecided.many')
        : (count === 1 ? 'OSA601.committed.one' : 'OSA601.committed.many');
    return msg(id, { count, year, sum });
}

/** How a share is named in messages: "A's amount", "A's FY2025 share". */
function shareName({ programme, share }: ProgrammeShare): Message {
    return share.funding
        ? msg('OSA601.shareName.year', { programme: programme.name, year: share.fiscalYear })
        : msg('OSA601.shareName.amount', { programme: programme.name });
}

/** A share as a related location: "A (planned): 100 USD = 15,000 JPY at the envelope's rate, its FY2025 share (a.osa)". */
function shareLine(e: Counted, currency: string, year: number): Message {
    const converted = e.share.amount.currency !== currency;
    const planned = e.programme.planned;
    const variant = e.share.funding ? (planned ? '.plannedOfYear' : '.ofYear') : (planned ? '.planned' : '');
    return msg(`${converted ? 'OSA601.shareConverted' : 'OSA601.share'}${variant}`, {
        programme: e.programme.name, amount: formatAmount(e.share.amount.value, e.share.amount.currency),
        ...(converted ? { counted: formatAmount(e.counted, currency) } : {}),
        ...(e.share.funding ? { year } : {}),
        file: fileName(e.programme.uri)
    });
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
            const envelopeText = msg(envelopes.length > 1 ? 'OSA601.envelopes' : 'OSA601.envelope', { budget: formatAmount(budget, currency), year });
            const conversions = counted.filter(e => e.share.amount.currency !== currency);
            const counting = conversions.length > 0
                ? msg('OSA601.counting', {
                    conversions: conversions.map(e => msg('OSA601.conversion', {
                        share: shareName(e), amount: formatAmount(e.share.amount.value, e.share.amount.currency), counted: formatAmount(e.counted, currency)
                    }))
                })
                : '';
            const plannedText = msg(planned.length === 1 ? 'OSA601.planned.one' : 'OSA601.planned.many', { count: planned.length });
            let message: Message;
            if (planned.length === 0) {
                message = msg('OSA601.over', { committed: committedPhrase(decided.length, year, formatAmount(decidedSum, currency), false), envelope: envelopeText, counting });
            } else if (decidedSum > budget) {
                message = msg('OSA601.overWithPlanned', {
                    committed: committedPhrase(decided.length, year, formatAmount(decidedSum, currency), true), envelope: envelopeText, counting,
                    planned: plannedText, plannedSum: formatAmount(plannedSum, currency)
                });
            } else {
                const over = { envelope: envelopeText, counting, planned: plannedText, plannedSum: formatAmount(plannedSum, currency), total: formatAmount(decidedSum + plannedSum, currency) };
                message = decided.length === 0
                    ? msg('OSA601.plannedOverNoneDecided', { year, ...over })
                    : msg('OSA601.plannedOver', { committed: committedPhrase(decided.length, year, formatAmount(decidedSum, currency), true), ...over });
            }
            report({
                range: envelope.amountRange,
                message,
                related: counted.map(e => ({ uri: e.programme.uri, range: e.share.range, message: shareLine(e, currency, year) })),
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
                report({
                    range: share.range,
                    message: msg(share.funding ? 'OSA601.noRateShare' : 'OSA601.noRateProgramme', {
                        share: shareName({ programme, share }), currency: share.amount.currency, year: share.fiscalYear,
                        currencies: eachOf(currencies), firstCurrency: currencies[0]
                    }),
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
                message: programme.status
                    ? msg('OSA601.noMoney', { programme: programme.name, year: programme.fiscalYear, status: programme.status })
                    : msg('OSA601.noMoneyNoStatus', { programme: programme.name, year: programme.fiscalYear }),
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
                message: msg('OSA602.duplicate', { programme: programme.name, count: namesakes.length }),
                related: namesakes.filter(p => p !== programme).map(p => ({ uri: p.uri, range: p.nameRange, message: msg('OSA602.another', { programme: p.name }) }))
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
        const check = (what: 'Template' | 'Envelope', declarations: readonly NamedSummary[], byName: ReadonlyMap<string, readonly NamedSummary[]>) => {
            for (const declaration of declarations) {
                const namesakes = byName.get(declaration.name) ?? [];
                if (namesakes.length < 2) {
                    continue;
                }
                const linked = namesakes[0];
                report({
                    range: declaration.nameRange,
                    message: msg(`OSA603.duplicate${what}${namesakes.length > 2 ? 's' : ''}`, { name: declaration.name, count: namesakes.length, file: fileName(linked.uri) }),
                    related: namesakes.filter(d => d !== declaration).map(d => ({ uri: d.uri, range: d.nameRange, message: msg(`OSA603.another${what}`, { name: d.name, file: fileName(d.uri) }) }))
                });
            }
        };
        check('Template', file.templates, workspace.templatesByName);
        check('Envelope', file.envelopes, workspace.envelopesByName);
    }
});

export const portfolioRules = [budgetExceeded, duplicateProgrammeId, duplicateDeclarationName];
