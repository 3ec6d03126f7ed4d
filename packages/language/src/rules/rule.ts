/**
 * What a rule is. A rule is metadata (id, name, clause, default severity, summary) plus a check; the
 * same objects drive the validator, `osa rules`, the docs test and (later) SARIF and editor features.
 */
import type { AstNode, LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { Model, Programme } from '../generated/ast.js';
import type { ReferenceData } from '../reference/reference-data.js';
import type { Terms } from '../vocabulary.js';
import type { Message } from '../i18n/message.js';
import type { DocumentSummary } from '../workspace/summary.js';
import type { WorkspaceView } from '../workspace/workspace-view.js';

export type RuleSeverity = 'error' | 'warning' | 'info';

/** Families follow the guideline's sections; each has one module under src/rules/. */
export type RuleFamily =
    | 'reference-data'       // OSA1xx data coverage
    | 'recipient'            // §2(1)
    | 'fields'               // §2(2)
    | 'three-principles'     // §3(1)
    | 'considerations'       // §3(2)
    | 'agreement'            // §3(3)
    | 'implementation'       // §4
    | 'portfolio';           // across programmes

export interface RuleMeta {
    /** Stable id, never reused: OSA + three digits. */
    readonly id: string;
    /** Kebab-case name, also stable. */
    readonly name: string;
    readonly family: RuleFamily;
    readonly severity: RuleSeverity;
    /** The guideline clause, e.g. `§3(3)(c)`, or `data` / `portfolio` for the tool's own checks. */
    readonly clause: string;
    /** One sentence: what the rule finds. */
    readonly summary: string;
    /**
     * For rules a programme may answer with a recorded decision: the severity a finding takes when its
     * programme declares `exception <id> { justification "…" }`. Undefined: exceptions have no effect.
     */
    readonly exceptionSeverity?: RuleSeverity;
    /**
     * For a rule only some of whose findings a recorded decision may answer (those reported with a Finding-level
     * `exceptionSeverity`, such as OSA301's warnings on a country of operation): the severity they take under a
     * justified exception. The rule's other findings stay as they are. Undefined: no finding can be answered.
     */
    readonly partialExceptionSeverity?: RuleSeverity;
    /**
     * The first lifecycle stage (planned, decided, signed, delivered, completed) at which the rule applies;
     * before it, the compliance report shows the rule as not applicable. Undefined: from the start.
     */
    readonly appliesFrom?: string;
}

/**
 * What a person reads: a catalogue message (i18n/), rendered in the locale in force. Never a plain string:
 * the message id travels with the finding (`data.messageId`) and the text is rendered per locale.
 */
export type FindingText = Message;

export interface RelatedLocation {
    node: AstNode;
    property?: string;
    message: FindingText;
}

export interface Finding {
    node: AstNode;
    property?: string;
    index?: number;
    /** Marks this keyword of the node instead of a property (e.g. the `assessment` keyword of a block). */
    keyword?: string;
    /** What is wrong, why (citing the clause) and what to do. */
    message: FindingText;
    /** Overrides the rule's severity for this finding only (e.g. OSA101 under a justified exception). */
    severity?: RuleSeverity;
    /** Overrides the rule's exceptionSeverity for this finding only (a finding reported below the rule's severity). */
    exceptionSeverity?: RuleSeverity;
    related?: RelatedLocation[];
    /** What quick fixes need (suggestions, missing clause names, ...). */
    data?: Record<string, unknown>;
}

export type Report = (finding: Finding) => void;

/** What a programme rule may read: the programme's own document and the reference data. */
export interface RuleContext {
    readonly reference: ReferenceData;
    readonly document: LangiumDocument<Model>;
    /** The terms in force for the file: the built-in ones plus those its workspace adds (osa.config.json). */
    readonly terms: Terms;
    /** The check date, YYYY-MM-DD (engine/check-date.ts): today unless `--as-of`, `osa.asOf` or `asOf` fix it. */
    readonly asOf: string;
}

/** Checked once per programme. */
export interface ProgrammeRule extends RuleMeta {
    readonly scope: 'programme';
    check(programme: Programme, context: RuleContext, report: Report): void;
}

/** A finding located by range in the file being checked (workspace rules have no syntax tree at hand). */
export interface LocatedFinding {
    range: Range;
    message: FindingText;
    related?: { uri: string; range: Range; message: FindingText }[];
    data?: Record<string, unknown>;
}

/** Checked once per file against the summaries of the whole workspace (budgets, duplicate ids). */
export interface WorkspaceRule extends RuleMeta {
    readonly scope: 'workspace';
    check(file: DocumentSummary, workspace: WorkspaceView, report: (finding: LocatedFinding) => void): void;
}

export type Rule = ProgrammeRule | WorkspaceRule;

export function programmeRule(rule: Omit<ProgrammeRule, 'scope'>): ProgrammeRule {
    return { ...rule, scope: 'programme' };
}

export function workspaceRule(rule: Omit<WorkspaceRule, 'scope'>): WorkspaceRule {
    return { ...rule, scope: 'workspace' };
}
