/**
 * Quick fixes and actions for OSA diagnostics. For each language finding (code `syntax`) in the request, the
 * fixes its data allows (fixes/language-fixes.ts): remove a repeat, replace an unknown word with a suggestion,
 * correct a value's form, add a missing property. For each rule finding:
 *   - the rule's fixes (fixes/rule-fixes.ts): missing clauses, topics and coordination bodies,
 *     modality, country code, results disclosure, misplaced activities, exception skeletons;
 *   - "Suppress OSAxxx on this line": a `// osa-disable-next-line` comment whose reason is left for a
 *     person to write (without one it does not apply, and says so);
 *   - "Show documentation for OSAxxx", a command opening the rule's page.
 * The client's diagnostics may be older than the document: each is matched to the document's current
 * diagnostics and the fixes are computed from the current syntax tree, or none is offered.
 */
import { AstUtils, CstUtils, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type Range } from 'vscode-languageserver';
import { isProgramme, type Model } from '../generated/ast.js';
import type { ReferenceData } from '../reference/reference-data.js';
import { ruleDocsUrl } from '../rules/docs.js';
import { ruleById } from '../rules/index.js';
import { LANGUAGE_CODE } from '../validation/language-checks.js';
import { languageDataOf, languageFixes } from './fixes/language-fixes.js';
import { recordException, RULE_FIXES, type Fix, type FixContext } from './fixes/rule-fixes.js';
import { isNextLineSuppression, SourceText } from './fixes/source-text.js';
import type { OsaLspServices } from './osa-lsp-module.js';
import { localize, type Locale } from '../i18n/index.js';
import { sayer } from './editor-text.js';

const RULE_CODE = /^OSA\d{3}$/;

export class OsaCodeActionProvider implements CodeActionProvider {
    constructor(protected readonly services: OsaLspServices) { }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const only = params.context.only;
        if (only && !only.some(kind => kind === CodeActionKind.Empty || kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`))) {
            return [];
        }
        const actions: CodeAction[] = [];
        const seen = new Set<string>();
        const add = (action: CodeAction) => {
            const key = JSON.stringify([action.title, action.edit, action.command]);
            if (!seen.has(key)) {
                seen.add(key);
                actions.push(action);
            }
        };
        const text = new SourceText(document);
        const locale = this.services.osa.Localizer.locale;
        const say = sayer(locale);
        for (const diagnostic of params.context.diagnostics) {
            if (diagnostic.code === LANGUAGE_CODE) {
                const current = currentDiagnostic(document, diagnostic);
                if (current && languageDataOf(current)) {
                    for (const fix of languageFixes({ document, text, diagnostic: current })) {
                        add(toAction(fix, diagnostic, locale));
                    }
                }
                continue;
            }
            const id = typeof diagnostic.code === 'string' && RULE_CODE.test(diagnostic.code) ? diagnostic.code : undefined;
            const rule = id ? ruleById(id) : undefined;
            if (!rule) {
                continue;
            }
            const current = currentDiagnostic(document, diagnostic);
            if (!current) {
                continue; // the finding is gone from the document as it is now
            }
            const data = (current.data ?? {}) as Record<string, unknown>;
            if (!data.internalError) {
                const context = this.fixContext(document, text, current, data);
                const fixes = [...(RULE_FIXES[rule.id]?.(context) ?? []), ...(rule.exceptionSeverity ? recordException(context) : [])];
                for (const fix of fixes) {
                    add(toAction(fix, diagnostic, locale));
                }
                const suppression = suppressionAction(text, context, rule.id, diagnostic, locale);
                if (suppression) {
                    add(suppression);
                }
            }
            const docs = say('fix.showDocs', { rule: rule.id });
            add({
                title: docs,
                kind: CodeActionKind.QuickFix,
                diagnostics: [diagnostic],
                command: { title: docs, command: 'vscode.open', arguments: [ruleDocsUrl(rule.id, locale)] }
            });
        }
        return actions;
    }

    protected fixContext(document: LangiumDocument, text: SourceText, diagnostic: Diagnostic, data: Record<string, unknown>): FixContext {
        const root = (document.parseResult.value as Model).$cstNode;
        const offset = document.textDocument.offsetAt(diagnostic.range.start);
        const node = root ? CstUtils.findLeafNodeAtOffset(root, offset)?.astNode : undefined;
        const programme = node ? AstUtils.getContainerOfType(node, isProgramme) : undefined;
        return { document, text, diagnostic, data, node, programme, reference: this.referenceFor(document), terms: this.services.osa.Config.termsFor(document.uri.fsPath) };
    }

    /** The reference data the document is checked against (its workspace's configuration may extend it). */
    protected referenceFor(document: LangiumDocument): ReferenceData {
        try {
            const configs = this.services.osa.Config;
            return configs.referenceFor(configs.configFor(document.uri.fsPath));
        } catch {
            return this.services.osa.ReferenceData;
        }
    }
}

function toAction(fix: Fix, diagnostic: Diagnostic, locale: Locale): CodeAction {
    return {
        title: localize(fix.title, locale),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        ...(fix.isPreferred ? { isPreferred: true } : {}),
        edit: { changes: fix.changes }
    };
}

/**
 * The document's current diagnostic for one the client sent: same rule and message (the nearest, if
 * several), else same rule at the same place. Undefined when the finding is no longer there.
 */
function currentDiagnostic(document: LangiumDocument, sent: Diagnostic): Diagnostic | undefined {
    const candidates = (document.diagnostics ?? []).filter(d => d.code === sent.code);
    const distance = (d: Diagnostic) => Math.abs(d.range.start.line - sent.range.start.line) * 10_000 + Math.abs(d.range.start.character - sent.range.start.character);
    const sameMessage = candidates.filter(d => d.message === sent.message).sort((a, b) => distance(a) - distance(b));
    return sameMessage[0] ?? candidates.find(d => sameRange(d.range, sent.range));
}

function sameRange(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * `// osa-disable-next-line <ID> -- ` above the line the finding's declaration starts on (its
 * `nodeLine`); for a finding on one of a programme's own properties (`modality loan`), above that
 * property's line rather than above `programme`. The reason is left empty: the suppression does not
 * apply until someone writes why the finding is accepted.
 */
function suppressionAction(text: SourceText, context: FixContext, ruleId: string, sent: Diagnostic, locale: Locale): CodeAction | undefined {
    const own = context.diagnostic.range.start.line;
    const nodeLine = typeof context.data.nodeLine === 'number' ? context.data.nodeLine : undefined;
    const programmeLine = context.programme?.$cstNode?.range.start.line;
    const preferred = nodeLine === undefined || (nodeLine === programmeLine && own !== nodeLine) ? own : nodeLine;
    // A comment right above the line that is already a next-line suppression must stay there: a
    // second one in between would take its place.
    const line = [preferred, own].find(l => l >= 0 && l < text.lines.length && !(l > 0 && isNextLineSuppression(text, l - 1)));
    if (line === undefined) {
        return undefined;
    }
    const at = { line, character: 0 };
    return {
        title: sayer(locale)('fix.suppress', { rule: ruleId }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [sent],
        edit: { changes: { [text.uri]: [{ range: { start: at, end: at }, newText: `${text.indentOfLine(line)}// osa-disable-next-line ${ruleId} -- ${text.eol}` }] } }
    };
}
