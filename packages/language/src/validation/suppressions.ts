/**
 * Inline suppressions, the audit trail of waivers:
 *   // osa-disable-next-line OSA501 -- reason     silences those rules on the next line (and on the
 *                                                 declaration that starts there)
 *   // osa-disable OSA502, OSA503 -- reason       silences those rules in the whole file
 * A reason is mandatory; a suppression without one does not apply and is itself reported, and so is
 * a suppression that silences nothing. Suppressed findings are kept and reported as suppressed.
 */
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { Locale } from '../i18n/locale.js';
import { localize } from '../i18n/localize.js';
import { msg, type Message } from '../i18n/message.js';

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
 * reason, naming unknown rules, or matching nothing. `isRuleId` tells rule ids from other words; the added
 * findings are in `locale` (English by default), with their catalogue id in `data.messageId`.
 */
export function applySuppressions(
    diagnostics: readonly Diagnostic[],
    directives: readonly SuppressionDirective[],
    isRuleId: (id: string) => boolean,
    locale: Locale = 'en'
): { kept: Diagnostic[]; suppressed: SuppressedFinding[] } {
    const kept: Diagnostic[] = [];
    const suppressed: SuppressedFinding[] = [];
    const used = new Set<SuppressionDirective>();
    const problems: Diagnostic[] = [];
    const valid = directives.filter(d => {
        const unknown = d.rules.filter(r => !isRuleId(r));
        if (d.rules.length === 0 || unknown.length > 0) {
            problems.push(problem(d, 'error', d.rules.length === 0
                ? msg('suppression.noRule', { directive: d.kind === 'file' ? 'disable' : 'disable-next-line' })
                : msg(unknown.length === 1 ? 'suppression.unknownRule' : 'suppression.unknownRules', { rules: unknown }), locale));
            return false;
        }
        if (!d.reason) {
            problems.push(problem(d, 'error', msg('suppression.noReason', { rules: d.rules }), locale));
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
            problems.push(problem(directive, 'warning', msg(directive.kind === 'next-line' ? 'suppression.unused.nextLine' : 'suppression.unused.file', { rules: directive.rules }), locale));
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

function problem(directive: SuppressionDirective, severity: 'error' | 'warning', message: Message, locale: Locale): Diagnostic {
    return {
        range: directive.range, severity: severity === 'error' ? 1 : 2, message: localize(message, locale), code: SUPPRESSION_CODE, source: 'osa',
        data: { messageId: message.id }
    };
}
