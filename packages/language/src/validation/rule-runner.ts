/**
 * Runs the guideline rules inside Langium's validation, so the CLI, the language server and the tests
 * get the same diagnostics from the same code. A rule that throws is contained: it becomes one
 * diagnostic for that rule and the other rules still run.
 */
import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument, type ValidationAcceptor } from 'langium';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { isProgramme, type Model } from '../generated/ast.js';
import type { ReferenceData } from '../reference/reference-data.js';
import type { Finding, RelatedLocation, Rule, RuleContext, RuleSeverity } from '../rules/rule.js';
import { declaredException, justifiedException } from '../rules/programme-facts.js';
import type { WorkspaceViewProvider } from '../workspace/workspace-view.js';
import { ruleDocsUrl } from '../rules/docs.js';

export type SeverityOverride = RuleSeverity | 'off';

/** What a rule diagnostic carries in `data`, for quick fixes and reports. */
export interface RuleDiagnosticData {
    rule: string;
    clause: string;
    [key: string]: unknown;
}

export class RuleRunner {
    /** Per-rule severity overrides (from configuration); rules not named keep their defaults. */
    severityOverrides: ReadonlyMap<string, SeverityOverride> = new Map();

    constructor(
        readonly rules: readonly Rule[],
        private readonly reference: () => ReferenceData,
        private readonly workspace: WorkspaceViewProvider
    ) { }

    checkModel(model: Model, accept: ValidationAcceptor): void {
        const context: RuleContext = {
            reference: this.reference(),
            workspace: this.workspace.current(),
            document: AstUtils.getDocument(model) as LangiumDocument<Model>
        };
        const programmes = model.elements.filter(isProgramme);
        for (const rule of this.rules) {
            const configured = this.severityOverrides.get(rule.id);
            if (configured === 'off') {
                continue;
            }
            const report = (finding: Finding) => this.accept(rule, configured, finding, accept);
            try {
                if (rule.scope === 'programme') {
                    for (const programme of programmes) {
                        rule.check(programme, context, report);
                    }
                } else {
                    rule.check(model, context, report);
                }
            } catch (error) {
                accept('error', `Rule ${rule.id} (${rule.name}) failed on this file and could not check it: `
                    + `${error instanceof Error ? error.message : String(error)}. The other rules still ran; please report this as a bug.`, {
                    node: model,
                    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                    code: rule.id,
                    data: { rule: rule.id, clause: rule.clause, internalError: true } satisfies RuleDiagnosticData
                });
            }
        }
    }

    private accept(rule: Rule, configured: RuleSeverity | undefined, finding: Finding, accept: ValidationAcceptor): void {
        let severity = configured ?? finding.severity ?? rule.severity;
        let message = finding.message;
        const related = [...(finding.related ?? [])];
        const programme = rule.exceptionSeverity ? AstUtils.getContainerOfType(finding.node, isProgramme) : undefined;
        if (programme) {
            const justified = justifiedException(programme, rule.id);
            const declared = declaredException(programme, rule.id);
            if (justified) {
                severity = rule.exceptionSeverity!;
                message += ` An exception with a written justification is declared ("${justified.justification!.trim()}"), so this is reported as ${severity === 'info' ? 'information' : `a ${severity}`}; keep the decision behind it on file.`;
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
            data: { rule: rule.id, clause: rule.clause, ...finding.data } satisfies RuleDiagnosticData
        });
    }
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
