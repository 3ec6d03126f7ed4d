/**
 * Inline suppressions, the audit trail of waivers:
 *   // osa-disable-next-line OSA501 -- reason     silences those rules on the next line (and on the
 *                                                 declaration that starts there)
 *   // osa-disable OSA502, OSA503 -- reason       silences those rules in the whole file
 * A reason is mandatory; a suppression without one does not apply and is itself reported, and so is
 * a suppression that silences nothing. Suppressed findings are kept and reported as suppressed.
 */
import type { Diagnostic, Range } from 'vscode-languageserver-types';

export const SUPPRESSION_CODE = 'suppression';

export interface SuppressionDirective {
    kind: 'next-line' | 'file';
    rules: string[];
    /** Trimmed text after `--`; empty when missing. */
    reason: string;
    /** Range of the comment (0-based). */
    range: Range;
}

export interface SuppressedFinding {
    diagnostic: Diagnostic;
    directive: SuppressionDirective;
}

const DIRECTIVE = /^\s*(?:\/\/|\/\*)\s*osa-(disable-next-line|disable)\b([\s\S]*?)(?:\*\/\s*)?$/;

/** Parses the directive in one comment's text, if it is one. */
export function parseSuppressionComment(text: string, range: Range): SuppressionDirective | undefined {
    const match = DIRECTIVE.exec(text);
    if (!match) {
        return undefined;
    }
    const [rulesPart, ...reasonParts] = match[2].split('--');
    return {
        kind: match[1] === 'disable' ? 'file' : 'next-line',
        rules: rulesPart.split(/[\s,]+/).filter(r => r.length > 0),
        reason: reasonParts.join('--').trim(),
        range
    };
}

/**
 * Splits a file's diagnostics into kept and suppressed, and adds findings for suppressions without a
 * reason, naming unknown rules, or matching nothing. `isRuleId` tells rule ids from other words.
 */
export function applySuppressions(
    diagnostics: readonly Diagnostic[],
    directives: readonly SuppressionDirective[],
    isRuleId: (id: string) => boolean
): { kept: Diagnostic[]; suppressed: SuppressedFinding[] } {
    const kept: Diagnostic[] = [];
    const suppressed: SuppressedFinding[] = [];
    const used = new Set<SuppressionDirective>();
    const problems: Diagnostic[] = [];
    const valid = directives.filter(d => {
        const unknown = d.rules.filter(r => !isRuleId(r));
        if (d.rules.length === 0 || unknown.length > 0) {
            problems.push(problem(d, 'error', d.rules.length === 0
                ? `This suppression names no rule. Write the rule ids it silences, e.g. \`// osa-${d.kind === 'file' ? 'disable' : 'disable-next-line'} OSA501 -- reason\`.`
                : `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a rule id' : 'are not rule ids'}, so this suppression does not apply. Run \`osa rules\` for the list.`));
            return false;
        }
        if (!d.reason) {
            problems.push(problem(d, 'error', `This suppression of ${d.rules.join(', ')} gives no reason, so it does not apply. `
                + 'A waiver is part of the audit trail: add `-- <why this finding is accepted>` after the rule ids.'));
            return false;
        }
        return true;
    });
    for (const diagnostic of diagnostics) {
        const rule = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
        const directive = rule && isRuleId(rule)
            ? valid.find(d => d.rules.includes(rule) && (d.kind === 'file' || coversNextLine(d, diagnostic)))
            : undefined;
        if (directive) {
            used.add(directive);
            suppressed.push({ diagnostic, directive });
        } else {
            kept.push(diagnostic);
        }
    }
    for (const directive of valid) {
        if (!used.has(directive)) {
            problems.push(problem(directive, 'warning', `This suppression of ${directive.rules.join(', ')} matches no finding`
                + `${directive.kind === 'next-line' ? ' on the next line' : ' in this file'}. Remove it, so that the audit trail lists only waivers in use.`));
        }
    }
    return { kept: [...kept, ...problems], suppressed };
}

/** A next-line suppression covers findings marked on that line or on a declaration starting there. */
function coversNextLine(directive: SuppressionDirective, diagnostic: Diagnostic): boolean {
    const next = directive.range.end.line + 1;
    const nodeLine = (diagnostic.data as { nodeLine?: number } | undefined)?.nodeLine;
    return diagnostic.range.start.line === next || nodeLine === next;
}

function problem(directive: SuppressionDirective, severity: 'error' | 'warning', message: string): Diagnostic {
    return { range: directive.range, severity: severity === 'error' ? 1 : 2, message, code: SUPPRESSION_CODE, source: 'osa' };
}
