/**
 * Runs the guideline rules, so the CLI, the language server and the tests get the same findings from
 * the same code. Programme rules run inside Langium's validation; workspace rules run from document
 * summaries (inside validation for the editor, after all batches for the CLI). Configuration applies
 * here: severities, per-rule path ignores and the workspace's reference data. A rule that throws is
 * contained: it becomes one diagnostic for that rule and the other rules still run.
 */
import { AstUtils, URI, type AstNode, type LangiumDocument, type ValidationAcceptor } from 'langium';
import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import type { ConfigProvider } from '../config/config-provider.js';
import { ConfigError, type ResolvedConfig } from '../config/config.js';
import { isProgramme, type Model, type Programme } from '../generated/ast.js';
import { firstNodeForProperty } from '../model/ast-walk.js';
import { justificationOf } from '../model/facts.js';
import { ruleDocsUrl } from '../rules/docs.js';
import { declaredException, justifiedException } from '../rules/programme-facts.js';
import type { Finding, FindingText, LocatedFinding, ProgrammeRule, RelatedLocation, Rule, RuleContext, RuleSeverity, WorkspaceRule } from '../rules/rule.js';
import type { Localizer } from '../i18n/localize.js';
import { msg, type Message } from '../i18n/message.js';
import type { DocumentSummary } from '../workspace/summary.js';
import type { WorkspaceView, WorkspaceViewProvider } from '../workspace/workspace-view.js';

/** What a rule diagnostic carries in `data`, for quick fixes and reports. */
export interface RuleDiagnosticData {
    rule: string;
    clause: string;
    /** The catalogue id of the message (i18n/), stable across locales. */
    messageId: string;
    [key: string]: unknown;
}

const TOP: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export class RuleRunner {
    /** False when the caller runs the workspace rules itself (the CLI, after all batches). */
    workspaceRulesInValidation = true;
    /** Programmes whose rules are known to find nothing this time (set by the document validator for one validation). */
    cleanProgrammes: ReadonlySet<AstNode> | undefined;

    constructor(
        readonly rules: readonly Rule[],
        private readonly configs: ConfigProvider,
        private readonly workspace: WorkspaceViewProvider,
        private readonly localizer: Localizer
    ) { }

    /** Called by Langium's validation for each document. */
    checkModel(model: Model, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(model) as LangiumDocument<Model>;
        const file = document.uri.fsPath;
        const config = this.configs.configFor(file);
        const context: RuleContext = { reference: this.configs.referenceFor(config), document, terms: config.terms, asOf: this.configs.checkDateFor(config) };
        const programmes = model.elements.filter(element => isProgramme(element) && !this.cleanProgrammes?.has(element)) as Programme[];
        for (const rule of this.activeRules(config, file)) {
            if (rule.scope !== 'programme') {
                continue;
            }
            try {
                for (const programme of programmes) {
                    rule.check(programme, context, finding => this.acceptFinding(rule, config, finding, accept));
                }
            } catch (error) {
                accept('error', this.localizer.text(crashMessage(rule, error)), { node: model, range: TOP, code: rule.id, data: crashData(rule) });
            }
        }
        if (this.workspaceRulesInValidation) {
            const view = this.workspace.viewFor(document);
            const summary = view.summaries.get(document.uri.toString());
            if (summary) {
                for (const diagnostic of this.workspaceDiagnostics(summary, view)) {
                    accept(diagnostic.severity === 1 ? 'error' : diagnostic.severity === 2 ? 'warning' : 'info', diagnostic.message as string, {
                        node: model, range: diagnostic.range, code: diagnostic.code, codeDescription: diagnostic.codeDescription,
                        relatedInformation: diagnostic.relatedInformation, data: diagnostic.data
                    });
                }
            }
        }
    }

    /** The workspace rules' findings for one file, from summaries alone. */
    workspaceDiagnostics(summary: DocumentSummary, view: WorkspaceView): Diagnostic[] {
        const file = URI.parse(summary.uri).fsPath;
        let config: ResolvedConfig;
        try {
            config = this.configs.configFor(file);
        } catch (error) {
            if (error instanceof ConfigError) {
                return []; // the file's own diagnostics already report the invalid configuration
            }
            throw error;
        }
        const diagnostics: Diagnostic[] = [];
        for (const rule of this.activeRules(config, file)) {
            if (rule.scope !== 'workspace') {
                continue;
            }
            const severity = (config.severityOf(rule.id) as RuleSeverity | undefined) ?? rule.severity;
            try {
                (rule as WorkspaceRule).check(summary, view, (finding: LocatedFinding) => diagnostics.push({
                    range: finding.range,
                    severity: toLspSeverity(severity),
                    message: this.localizer.text(finding.message),
                    code: rule.id,
                    codeDescription: { href: ruleDocsUrl(rule.id, this.localizer.locale) },
                    source: 'osa',
                    relatedInformation: finding.related?.map(r => ({ location: { uri: r.uri, range: r.range }, message: this.localizer.text(r.message) })),
                    data: { rule: rule.id, clause: rule.clause, ...messageIdOf(finding.message), ...finding.data } satisfies RuleDiagnosticData
                }));
            } catch (error) {
                diagnostics.push({ range: TOP, severity: 1, message: this.localizer.text(crashMessage(rule, error)), code: rule.id, source: 'osa', data: crashData(rule) });
            }
        }
        return diagnostics;
    }

    private activeRules(config: ResolvedConfig, file: string): readonly Rule[] {
        if (!config.narrowsRules) {
            return this.rules;
        }
        return this.rules.filter(rule => config.severityOf(rule.id) !== 'off' && !config.isRuleIgnored(rule.id, file));
    }

    private acceptFinding(rule: ProgrammeRule, config: ResolvedConfig, finding: Finding, accept: ValidationAcceptor): void {
        let severity: RuleSeverity = (config.severityOf(rule.id) as RuleSeverity | undefined) ?? finding.severity ?? rule.severity;
        let message: FindingText = finding.message;
        const related = [...(finding.related ?? [])];
        const exceptionSeverity = finding.exceptionSeverity ?? rule.exceptionSeverity;
        const programme = exceptionSeverity ? AstUtils.getContainerOfType(finding.node, isProgramme) : undefined;
        if (programme) {
            const justified = justifiedException(programme, rule.id);
            const declared = declaredException(programme, rule.id);
            if (justified) {
                severity = exceptionSeverity!;
                message = msg('runner.exceptionJustified', { message, justification: (justificationOf(justified) ?? '').trim(), severity: msg(`severity.${severity}`) });
                related.push({ node: justified, property: 'rule', message: msg('runner.exceptionJustified.related', { rule: rule.id }) });
            } else if (declared) {
                message = msg('runner.exceptionUnjustified', { message, rule: rule.id });
                related.push({ node: declared, property: 'rule', message: msg('runner.exceptionUnjustified.related', { rule: rule.id }) });
            }
        }
        accept(severity, this.localizer.text(message), {
            node: finding.node,
            property: finding.property,
            index: finding.index,
            keyword: finding.keyword,
            code: rule.id,
            codeDescription: { href: ruleDocsUrl(rule.id, this.localizer.locale) },
            relatedInformation: related.map(r => toRelatedInformation(r, this.localizer)).filter(r => r !== undefined),
            // The line the finding's declaration starts on, so that a suppression comment above a
            // declaration also covers findings marked on its later lines.
            data: {
                rule: rule.id, clause: rule.clause, ...messageIdOf(finding.message), nodeLine: finding.node.$cstNode?.range.start.line, ...finding.data
            } satisfies RuleDiagnosticData
        });
    }
}

function toLspSeverity(severity: RuleSeverity): 1 | 2 | 3 {
    return severity === 'error' ? 1 : severity === 'warning' ? 2 : 3;
}

/** The stable id of the finding's own message (an exception note wraps it but keeps the id of what was found). */
function messageIdOf(text: FindingText): { messageId: string } {
    return { messageId: text.id };
}

function crashMessage(rule: Rule, error: unknown): Message {
    return msg('runner.ruleFailed', { rule: rule.id, name: rule.name, error: error instanceof Error ? error.message : String(error) });
}

function crashData(rule: Rule): RuleDiagnosticData {
    return { rule: rule.id, clause: rule.clause, messageId: 'runner.ruleFailed', internalError: true };
}

function toRelatedInformation(related: RelatedLocation, localizer: Localizer): DiagnosticRelatedInformation | undefined {
    const cst = related.property
        ? firstNodeForProperty(related.node.$cstNode, related.property) ?? related.node.$cstNode
        : related.node.$cstNode;
    if (!cst) {
        return undefined;
    }
    return {
        location: { uri: AstUtils.getDocument(related.node as AstNode).uri.toString(), range: cst.range },
        message: localizer.text(related.message)
    };
}
