/**
 * OSA206 (§2(2)(c)): a peace-cooperation field names the peace operation it builds capacity for, and that is a
 * UN operation. Operations are references, not free text: `operation UNMISS` must be in the shipped list of UN
 * operations (an unknown name is a language error with suggestions), and an operation outside the UN is declared
 * as such (`operation "…" led-by ASEAN`), which this rule reports unless an exception records the decision.
 */
import type { FieldDeclaration, Operation, Programme } from '../generated/ast.js';
import { fieldNameOf, operationLeadOf } from '../model/facts.js';
import { firstValue } from '../model/values.js';
import type { ReferenceData } from '../reference/reference-data.js';
import type { PeaceOperation } from '../reference/types.js';
import { checkedSpan } from './programme-facts.js';
import { msg } from '../i18n/message.js';
import { programmeRule } from './rule.js';

export type OperationReference =
    | { kind: 'un'; operation: PeaceOperation }
    | { kind: 'non-un'; name: string; lead?: string }
    | { kind: 'unknown' };

/** What an `operation` statement refers to. */
export function resolveOperation(operation: Operation, reference: ReferenceData): OperationReference {
    const written = firstValue(operation, 'name');
    if (!written) {
        return { kind: 'unknown' };
    }
    if (written.kind === 'text') {
        return { kind: 'non-un', name: written.value, lead: operationLeadOf(operation) };
    }
    const found = written.kind === 'name' ? reference.peaceOperation(written.value) : undefined;
    return found ? { kind: 'un', operation: found } : { kind: 'unknown' };
}

function peaceFields(programme: Programme): FieldDeclaration[] {
    return programme.fields.filter(f => fieldNameOf(f) === 'peace-cooperation');
}

export const peaceCooperationWithoutMission = programmeRule({
    id: 'OSA206',
    name: 'peace-cooperation-without-un-mission',
    family: 'fields',
    severity: 'warning',
    clause: '§2(2)(c)',
    summary: 'A peace-cooperation field names no UN peace operation, names one outside the UN, or one that is not running during the programme.',
    exceptionSeverity: 'info',
    check(programme, { reference }, report) {
        for (const field of peaceFields(programme)) {
            if (field.operations.length === 0) {
                report({
                    node: field, property: 'name',
                    message: msg('OSA206.noOperation')
                });
                continue;
            }
            const span = checkedSpan(programme);
            for (const operation of field.operations) {
                const resolved = resolveOperation(operation, reference);
                if (resolved.kind === 'non-un') {
                    report({
                        node: operation, property: 'name',
                        message: resolved.lead
                            ? msg('OSA206.notUnLed', { name: resolved.name, lead: resolved.lead })
                            : msg('OSA206.notUn', { name: resolved.name })
                    });
                } else if (resolved.kind === 'un' && span) {
                    const op = resolved.operation;
                    const ended = op.ended !== null && op.ended < span.start;
                    const notYet = op.established > span.end;
                    if (ended || notYet) {
                        report({
                            node: operation, property: 'name',
                            message: msg(ended ? 'OSA206.ended' : 'OSA206.notYet', {
                                operation: op.id, name: op.name, date: ended ? op.ended! : op.established, start: span.start, end: span.end
                            }),
                            data: { operation: op.id }
                        });
                    }
                }
            }
        }
    }
});
