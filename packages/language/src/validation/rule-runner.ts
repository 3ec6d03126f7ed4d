/**
 * Runs the guideline rules, so the CLI, the language server and the tests get the same findings from
 * the same code. Programme rules run inside Langium's validation; workspace rules run from document
 * summaries (inside validation for the editor, after all batches for the CLI). Configuration applies
 * here: severities, per-rule path ignores and the workspace's reference data. A rule that throws is
 * contained: it becomes one diagnostic for that rule and the other rules still run.
 */
import { AstUtils, GrammarUtils, URI, type AstNode, type LangiumDocument, type ValidationAcceptor } from 'langium';
import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import type { ConfigProvider } from '../config/config-provider.js';
import { ConfigError, type ResolvedConfig } from '../config/config.js';
import { isProgramme, type Model } from '../generated/ast.js';
import { justificationOf } from '../model/facts.js';
import { ruleDocsUrl } from '../rules/docs.js';
import { declaredException, justifiedException } from '../rules/programme-facts.js';
import type { Finding, LocatedFinding, ProgrammeRule, RelatedLocation, Rule, RuleContext, RuleSeverity, WorkspaceRule } from '../rules/rule.js';
import type { DocumentSummary } from '../workspace/summary.js';
import type { WorkspaceView, WorkspaceViewProvider } from '../workspace/workspace-view.js';

/** What a rule diagnostic carries in `data`, for quick fixes and reports. */
export interface RuleDiagnosticData {
    rule: string;
    clause: string;
    [key: string]: unknown;
}

const TOP: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export class RuleRunner {
    /** False when the caller runs the workspace rules itself (the CLI, after all batches). */
    workspaceRulesInValidation = true;

    constructor(
        readonly rules: readonly Rule[],
        private readonly configs: ConfigProvider,
        private readonly workspace: WorkspaceViewProvider
    ) { }

    /** Called by Langium's validation for each document. */
    checkModel(model: Model, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(model) as LangiumDocument<Model>;
        const file = document.uri.fsPath;
        const config = this.configs.configFor(file);
        const context: RuleContext = { reference: this.configs.referenceFor(config), document, terms: config.terms, asOf: this.configs.checkDateFor(config) };
        const programmes = model.elements.filter(isProgramme);
        for (const rule of this.activeRules(config, file)) {
            if (rule.scope !== 'programme') {
                continue;
            }
            try {
                for (const programme of programmes) {
                    rule.check(programme, context, finding => this.acceptFinding(rule, config, finding, accept));
                }
            } catch (error) {
                accept('error', crashMessage(rule, error), { node: model, range: TOP, code: rule.id, data: crashData(rule) });
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
                    message: finding.message,
                    code: rule.id,
                    codeDescription: { href: ruleDocsUrl(rule.id) },
                    source: 'osa',
                    relatedInformation: finding.related?.map(r => ({ location: { uri: r.uri, range: r.range }, message: r.message })),
                    data: { rule: rule.id, clause: rule.clause, ...finding.data } satisfies RuleDiagnosticData
                }));
            } catch (error) {
                diagnostics.push({ range: TOP, severity: 1, message: crashMessage(rule, error), code: rule.id, source: 'osa', data: crashData(rule) });
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
        let message = finding.message;
        const related = [...(finding.related ?? [])];
        const exceptionSeverity = finding.exceptionSeverity ?? rule.exceptionSeverity;
        const programme = exceptionSeverity ? AstUtils.getContainerOfType(finding.node, isProgramme) : undefined;
        if (programme) {
            const justified = justifiedException(programme, rule.id);
            const declared = declaredException(programme, rule.id);
            if (justified) {
                severity = exceptionSeverity!;
                message += ` An exception with a written justification is declared ("${(justificationOf(justified) ?? '').trim()}"), so this is reported as ${severity === 'info' ? 'information' : `a ${severity}`}; keep the decision behind it on file.`;
                related.push({ node: justified, property: 'rule', message: `The exception declared for ${rule.id}.` });
            } else if (declared) {
                message += ` The exception declared for ${rule.id} has no written justification, so it does not apply: write the justification.`;
                related.push({ node: declared, property: 'rule', message: `The exception declared for ${rule.id}, without justification.` });
            }
        }
        accept(severity, message, {
            node: finding.node,
            property: finding.property,
            index: finding.index,
            keyword: finding.keyword,
            code: rule.id,
            codeDescription: { href: ruleDocsUrl(rule.id) },
            relatedInformation: related.map(toRelatedInformation).filter(r => r !== undefined),
            // The line the finding's declaration starts on, so that a suppression comment above a
            // declaration also covers findings marked on its later lines.
            data: { rule: rule.id, clause: rule.clause, nodeLine: finding.node.$cstNode?.range.start.line, ...finding.data } satisfies RuleDiagnosticData
        });
    }
}

function toLspSeverity(severity: RuleSeverity): 1 | 2 | 3 {
    return severity === 'error' ? 1 : severity === 'warning' ? 2 : 3;
}

function crashMessage(rule: Rule, error: unknown): string {
    return `Rule ${rule.id} (${rule.name}) failed on this file and could not check it: `
        + `${error instanceof Error ? error.message : String(error)}. The other rules still ran; please report this as a bug.`;
}

function crashData(rule: Rule): RuleDiagnosticData {
    return { rule: rule.id, clause: rule.clause, internalError: true };
}

function toRelatedInformation(related: RelatedLocation): DiagnosticRelatedInformation | undefined {
    const cst = related.property
        ? GrammarUtils.findNodeForProperty(related.node.$cstNode, related.property) ?? related.node.$cstNode
        : related.node.$cstNode;
    if (!cst) {
        return undefined;
    }
    return {
        location: { uri: AstUtils.getDocument(related.node as AstNode).uri.toString(), range: cst.range },
        message: related.message
    };
}
