/**
 * Where a programme stands: its lifecycle stages and their dates (OSA409), monitoring after delivery
 * (§3(3)(b), OSA408), and the follow-on links between programmes (OSA410). The "now" of these rules is the
 * check date of the run (RuleContext.asOf), never the clock, so that a run can be reproduced.
 */
import type { Programme } from '../generated/ast.js';
import {
    agreementOf, closestKeyword, decidedOf, deliveredOf, isStated, monitoringOf, monitoringResultsOf, monitoringVisitsOf, resultsDisclosureOf,
    resultsTextOf, signedOf, statusOf
} from '../model/facts.js';
import { monthsBefore } from '../engine/check-date.js';
import { LIFECYCLE_STATUSES, type LifecycleStatus } from '../vocabulary.js';
import type { ProgrammeSummary } from '../workspace/summary.js';
import type { WorkspaceView } from '../workspace/workspace-view.js';
import { msg, type Message } from '../i18n/message.js';
import { programmeRule, workspaceRule, type Finding } from './rule.js';

const rank = (status: LifecycleStatus) => LIFECYCLE_STATUSES[status].rank;
const SIGNED = rank('signed');
const DELIVERED = rank('delivered');

/** A stage date of the programme, with the stage it records and where it is written. */
interface StageDate {
    stage: 'decided' | 'signed' | 'delivered';
    date: string;
    /** The stage and its date in words ("the Cabinet decision (`decided 2024-04-01`)"). */
    what: Message;
    at: Pick<Finding, 'node' | 'property'>;
}

function stageDates(programme: Programme): StageDate[] {
    const dates: StageDate[] = [];
    const decided = decidedOf(programme);
    if (decided) {
        dates.push({ stage: 'decided', date: decided, what: msg('OSA409.stageDate.decided', { date: decided }), at: { node: programme, property: 'decidedDates' } });
    }
    const agreement = agreementOf(programme);
    const signed = agreement && signedOf(agreement);
    if (agreement && signed) {
        dates.push({ stage: 'signed', date: signed, what: msg('OSA409.stageDate.signed', { date: signed }), at: { node: agreement, property: 'signedDates' } });
    }
    const delivered = deliveredOf(programme);
    if (delivered) {
        dates.push({ stage: 'delivered', date: delivered, what: msg('OSA409.stageDate.delivered', { date: delivered }), at: { node: programme, property: 'deliveredDates' } });
    }
    return dates;
}

export const lifecycleInconsistent = programmeRule({
    id: 'OSA409',
    name: 'lifecycle-inconsistent',
    family: 'agreement',
    severity: 'error',
    clause: '§3(3)',
    summary: 'The programme\'s status and the dates of its stages contradict each other.',
    check(programme, context, report) {
        const status = statusOf(programme);
        const agreement = agreementOf(programme);
        // From `signed` on the agreement is concluded, so it carries its date; a planned or decided programme may hold a draft.
        // No agreement at all is OSA401's finding; a malformed date is the language checks'.
        if (status && rank(status) >= SIGNED && agreement && !isStated(agreement, 'signedDates')) {
            report({
                node: programme, property: 'statuses',
                message: msg('OSA409.unsigned', { programme: programme.name, status }),
                data: { addSigned: true }
            });
        }
        const dates = stageDates(programme);
        const byStage = new Map(dates.map(d => [d.stage, d]));
        // Order: decided ≤ signed ≤ delivered (decided ≤ delivered when no signature is dated).
        const pairs: [StageDate | undefined, StageDate | undefined][] = [
            [byStage.get('decided'), byStage.get('signed')],
            [byStage.get('signed'), byStage.get('delivered')],
            ...(byStage.has('signed') ? [] : [[byStage.get('decided'), byStage.get('delivered')] as [StageDate | undefined, StageDate | undefined]])
        ];
        for (const [earlier, later] of pairs) {
            if (earlier && later && earlier.date > later.date) {
                report({
                    ...later.at,
                    message: msg('OSA409.order', { programme: programme.name, later: later.what, earlier: earlier.what })
                });
            }
        }
        if (!status) {
            return; // Without a status nothing is claimed done: the dates alone contradict nothing but their order.
        }
        for (const stageDate of dates) {
            if (rank(stageDate.stage) > rank(status)) {
                report({
                    ...stageDate.at,
                    message: msg('OSA409.aheadOfStatus', { programme: programme.name, what: stageDate.what, status, stage: stageDate.stage })
                });
            } else if (stageDate.date > context.asOf) {
                report({
                    ...stageDate.at,
                    message: msg('OSA409.afterCheckDate', {
                        programme: programme.name, status, event: msg(`OSA409.stage.${stageDate.stage}`), what: stageDate.what, asOf: context.asOf
                    })
                });
            }
        }
    }
});

/**
 * A `delivered` date is written, even malformed or misspelt (the language checks report those). Not isStated: the
 * keyword `delivered` also stands in `status delivered`.
 */
function deliveryDateWritten(programme: Programme): boolean {
    return programme.deliveredDates.length > 0 || programme.unknown.some(u => closestKeyword(u.keyword, ['delivered']) === 'delivered');
}

const MONITORING_SKELETON = 'monitoring { visit YYYY-MM-DD "what was checked" results disclosed "where they are published" }';

export const monitoringNotRecorded = programmeRule({
    id: 'OSA408',
    name: 'monitoring-not-recorded',
    family: 'agreement',
    severity: 'warning',
    clause: '§3(3)(b)',
    // In the compliance report, monitoring is not yet applicable before delivery (a finding still shows).
    appliesFrom: 'delivered',
    summary: 'A programme delivered more than 12 months ago records no monitoring visit, or no disclosure or reasoned withholding of the results.',
    check(programme, context, report) {
        const status = statusOf(programme);
        const delivered = deliveredOf(programme);
        const monitoring = monitoringOf(programme);
        const results = monitoring && monitoringResultsOf(monitoring);
        // A results line that is written must say where (disclosed) or why (withheld), whenever it is written.
        const disclosure = results && resultsDisclosureOf(results);
        const resultsText = results && resultsTextOf(results);
        // An empty text (`""`, as a quick fix leaves it) says nothing either; a malformed one is the language checks'.
        if (results && disclosure && (resultsText === undefined ? !isStated(results, 'texts') : resultsText.trim() === '')) {
            report({
                node: results, property: 'disclosures',
                message: msg(disclosure === 'disclosed' ? 'OSA408.disclosedWhere' : 'OSA408.withheldWhy', { programme: programme.name })
            });
        }
        if (status && rank(status) < DELIVERED) {
            return; // Not delivered yet (a delivery date with this status is OSA409's finding).
        }
        const deliveredAgo = delivered !== undefined && delivered <= context.asOf;
        if (!delivered && status === 'delivered' && !deliveryDateWritten(programme) && monitoringVisitsOf(programme).length === 0) {
            report({
                node: programme, property: 'statuses',
                message: msg('OSA408.noDeliveryDate', { programme: programme.name })
            });
            return;
        }
        const overdue = deliveredAgo && delivered! < monthsBefore(context.asOf, 12);
        if (!overdue && status !== 'completed') {
            return;
        }
        const facts = { programme: programme.name, ...(overdue ? { delivered: delivered!, asOf: context.asOf } : {}) };
        const at: Pick<Finding, 'node' | 'property'> = overdue ? { node: programme, property: 'deliveredDates' } : { node: programme, property: 'statuses' };
        const visits = monitoringVisitsOf(programme).filter(v => v.date <= context.asOf);
        if (visits.length === 0) {
            report({
                ...at,
                message: msg(overdue ? 'OSA408.noVisitOverdue' : 'OSA408.noVisitCompleted', { ...facts, skeleton: MONITORING_SKELETON }),
                data: { monitoringSkeleton: true }
            });
            return;
        }
        if (!results || !disclosure) {
            if (results && isStated(results, 'disclosures')) {
                return; // A misspelt `results` term is reported by the language checks.
            }
            report({
                ...(monitoring ? { node: monitoring, property: 'visits' } : at),
                message: msg(overdue ? 'OSA408.noResultsOverdue' : 'OSA408.noResultsCompleted', facts),
                data: { addResults: true }
            });
        }
    }
});

/** The programme a name leads to, as references resolve: the first declaration by file path. */
function programmeNamed(view: WorkspaceView, name: string): ProgrammeSummary | undefined {
    return view.programmesByName.get(name)?.[0];
}

export const continuesChainBroken = workspaceRule({
    id: 'OSA410',
    name: 'continues-chain-broken',
    family: 'portfolio',
    severity: 'error',
    clause: 'portfolio',
    summary: 'A programme continues a programme the workspace does not declare, or its chain of predecessors leads back to itself.',
    check(file, workspace, report) {
        for (const programme of file.programmes) {
            const link = programme.continues;
            if (!link) {
                continue;
            }
            const predecessor = programmeNamed(workspace, link.name);
            if (!predecessor) {
                report({
                    range: link.range,
                    message: msg('OSA410.missing', { programme: programme.name, predecessor: link.name })
                });
                continue;
            }
            // Follow the chain; report only a cycle through this programme (the others report their own place in it).
            const chain = [programme.name];
            const seen = new Set<ProgrammeSummary>();
            for (let next: ProgrammeSummary | undefined = predecessor; next && !seen.has(next); next = next.continues && programmeNamed(workspace, next.continues.name)) {
                chain.push(next.name);
                if (next === programme || (next.name === programme.name && next.uri === programme.uri)) {
                    report({
                        range: link.range,
                        message: msg('OSA410.cycle', { programme: programme.name, predecessor: link.name, chain: chain.join(' → ') }),
                        related: predecessor === programme ? [] : [{ uri: predecessor.uri, range: predecessor.nameRange, message: msg('OSA410.predecessor', { programme: predecessor.name }) }]
                    });
                    break;
                }
                seen.add(next);
            }
        }
    }
});

export const lifecycleRules = [monitoringNotRecorded, lifecycleInconsistent, continuesChainBroken];
