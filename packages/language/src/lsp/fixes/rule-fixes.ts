/**
 * The quick fixes of each rule. A fix is computed from the document as it is now (its syntax tree),
 * with the diagnostic's `data` only telling which fix is wanted: a diagnostic may be older than the
 * text, so every fix first checks that what it repairs is still there.
 *
 * Where a fix needs words only a person can write (a justification, a document reference), it
 * inserts an empty string: the finding then stays, with a message saying what to write, instead of
 * being silenced by placeholder text.
 */
import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { isItem, type Activity, type AgreementTemplate, type Clause, type Programme } from '../../generated/ast.js';
import {
    activityInfoOf, agreementOf, assessmentOf, clauseResultsOf, coordinationBodiesOf, fieldNameOf, modalityOf,
    recipientOf, templateOf, topicNameOf
} from '../../model/facts.js';
import { firstValue } from '../../model/values.js';
import type { ReferenceData } from '../../reference/reference-data.js';
import { declaredException, effectiveClauses } from '../../rules/programme-facts.js';
import { ruleById } from '../../rules/index.js';
import {
    ASSESSMENT_TOPICS, CORE_COORDINATION_BODIES, FIELDS, lookupTerm, MODALITIES, type AssessmentTopicName, type ClauseName,
    type CoordinationBody, type FieldName, type Terms
} from '../../vocabulary.js';
import { childIndent, closingBrace, indentStep, propertyNode, SourceText } from './source-text.js';
import { msg, type Message } from '../../i18n/index.js';

export interface Fix {
    /** The title, rendered in the server's locale when the action is offered. */
    title: Message;
    /** Text edits by document URI. */
    changes: Record<string, TextEdit[]>;
    isPreferred?: boolean;
}

export interface FixContext {
    document: LangiumDocument;
    text: SourceText;
    /** The diagnostic as the document has it now (range and data current). */
    diagnostic: Diagnostic;
    data: Record<string, unknown>;
    /** The programme the diagnostic lies in, if any. */
    programme?: Programme;
    /** The syntax node at the start of the diagnostic's range. */
    node?: AstNode;
    reference: ReferenceData;
    /** The terms in force for the document (its workspace may add some). */
    terms: Terms;
}

export type FixProvider = (context: FixContext) => Fix[];

/** The five clauses §3(3) requires, in the order of the guideline. */
export const REQUIRED_CLAUSES: readonly ClauseName[] = [
    'information-disclosure', 'monitoring-and-evaluation', 'no-extra-purpose-use', 'no-third-party-transfer', 'un-charter-conformity'
];

const CLAUSE_OF_RULE: Record<string, ClauseName> = {
    OSA402: 'information-disclosure',
    OSA403: 'monitoring-and-evaluation',
    OSA405: 'no-extra-purpose-use',
    OSA406: 'no-third-party-transfer',
    OSA407: 'un-charter-conformity'
};

const TOPICS = Object.keys(ASSESSMENT_TOPICS) as AssessmentTopicName[];

function clauseLine(name: ClauseName): string {
    return name === 'monitoring-and-evaluation' ? `clause ${name} results disclosed` : `clause ${name}`;
}

/** A fix of one document. */
export function fix(title: Message, uri: string, edits: TextEdit[], isPreferred = false): Fix {
    return { title, changes: { [uri]: edits }, ...(isPreferred ? { isPreferred } : {}) };
}

function fileName(node: AstNode): string {
    return AstUtils.getDocument(node).uri.path.split('/').pop() ?? '';
}

/**
 * Where a new programme-level declaration goes: above the first of `before` that the programme has
 * (and above the comments that belong to it), else before the programme's closing brace.
 */
function insertInProgramme(programme: Programme, text: SourceText, lines: string[], before: (AstNode | undefined)[]): TextEdit | undefined {
    const indent = childIndent(programme, text);
    const anchor = before.find(node => node?.$cstNode);
    if (anchor) {
        return text.insertLinesBefore(anchor.$cstNode!.range.start, lines, indent, { aboveComments: true });
    }
    const brace = closingBrace(programme);
    return brace ? text.insertLinesBefore(brace.range.start, lines, indent) : undefined;
}

// ---- §3(3) agreement ----------------------------------------------------------------------------

/** The required clauses the programme's agreement (with its template) lacks; empty when unknown. */
export function missingClauses(programme: Programme): ClauseName[] {
    const clauses = effectiveClauses(programme);
    if (!clauses || !clauses.known) {
        return [];
    }
    return REQUIRED_CLAUSES.filter(name => !clauses.byName.has(name));
}

/** Adds clause lines to the programme's inline agreement, after its last line. */
function addToAgreement(programme: Programme, text: SourceText, lines: string[]): TextEdit {
    const agreement = agreementOf(programme)!;
    return text.insertLinesAfter(agreement.$cstNode!.range.end, lines, childIndent(agreement, text));
}

/** Adds clause lines to a template: after its last clause, else before its closing brace. */
function addToTemplate(template: AgreementTemplate, lines: string[]): TextEdit | undefined {
    const text = SourceText.of(template);
    const indent = childIndent(template, text);
    const last = template.clauses.at(-1);
    if (last?.$cstNode) {
        return text.insertLinesAfter(last.$cstNode.range.end, lines, indent);
    }
    const brace = closingBrace(template);
    return brace ? text.insertLinesBefore(brace.range.start, lines, indent) : undefined;
}

const missingClause: FixProvider = ({ programme, text, data, diagnostic }) => {
    const clause = (typeof data.missingClause === 'string' ? data.missingClause : CLAUSE_OF_RULE[String(diagnostic.code)]) as ClauseName | undefined;
    const missing = programme ? missingClauses(programme) : [];
    const agreement = programme && agreementOf(programme);
    if (!programme || !agreement || !clause || !missing.includes(clause)) {
        return [];
    }
    const template = templateOf(agreement);
    const target = msg(template ? 'fix.target.programmeAgreement' : 'fix.target.agreement');
    const fixes = [fix(msg('fix.addClause', { line: clauseLine(clause), target }),
        text.uri, [addToAgreement(programme, text, [clauseLine(clause)])], true)];
    if (template) {
        const edit = addToTemplate(template, [clauseLine(clause)]);
        if (edit) {
            fixes.push(fix(msg('fix.addClauseToTemplate', { line: clauseLine(clause), template: template.name, file: fileName(template) }), SourceText.of(template).uri, [edit]));
        }
    }
    if (missing.length > 1) {
        fixes.push(fix(msg('fix.addAllClauses', { count: missing.length, target }),
            text.uri, [addToAgreement(programme, text, missing.map(clauseLine))]));
    }
    return fixes;
};

const noAgreement: FixProvider = ({ programme, text }) => {
    if (!programme || agreementOf(programme)) {
        return [];
    }
    const step = indentStep(programme, text);
    const lines = ['agreement kind exchange-of-notes', ...REQUIRED_CLAUSES.map(c => step + clauseLine(c))];
    const edit = insertInProgramme(programme, text, lines, [programme.coordination[0], programme.exceptions[0]]);
    return edit ? [fix(msg('fix.addAgreement'), text.uri, [edit], true)] : [];
};

/** Makes a monitoring-and-evaluation clause disclose its results, in whichever file it is. */
function discloseResults(clause: Clause): TextEdit | undefined {
    const text = SourceText.of(clause);
    if (clause.results.length > 0) {
        const results = propertyNode(clause, 'results', 0);
        return results ? text.replace(results.range, 'disclosed') : undefined;
    }
    const name = propertyNode(clause, 'name');
    return name ? { range: { start: name.range.end, end: name.range.end }, newText: ' results disclosed' } : undefined;
}

const resultsNotDisclosed: FixProvider = ({ programme, text }) => {
    const clauses = programme ? effectiveClauses(programme) : undefined;
    const clause = clauses?.byName.get('monitoring-and-evaluation');
    const agreement = programme && agreementOf(programme);
    if (!programme || !agreement || !clause || clauseResultsOf(clause) === 'disclosed') {
        return [];
    }
    const edit = discloseResults(clause);
    const title = msg(firstValue(clause, 'results')?.value === 'withheld' ? 'fix.disclose.change' : 'fix.disclose.add');
    if (clause.$container === agreement) {
        return edit ? [fix(title, text.uri, [edit], true)] : [];
    }
    // The clause comes from the template: disclose there (every programme using it), or override it here.
    const template = clause.$container as AgreementTemplate;
    const fixes: Fix[] = [];
    if (edit) {
        fixes.push(fix(msg('fix.inTemplate', { fix: title, template: template.name, file: fileName(template) }), SourceText.of(template).uri, [edit], true));
    }
    fixes.push(fix(msg('fix.disclose.override'), text.uri,
        [addToAgreement(programme, text, [clauseLine('monitoring-and-evaluation')])]));
    return fixes;
};

// ---- §2(1) recipient ----------------------------------------------------------------------------

const modalityNotGrant: FixProvider = ({ programme, text, data }) => {
    const replacement = typeof data.replacement === 'string' ? data.replacement : 'grant';
    const written = programme ? modalityOf(programme) : undefined;
    const modality = programme && written ? propertyNode(programme, 'modalities', 0) : undefined;
    if (!written || MODALITIES[written].grant || !modality) {
        return [];
    }
    return [fix(msg('fix.modality', { modality: replacement }), text.uri, [text.replace(modality.range, replacement)], true)];
};

const unknownCountry: FixProvider = (context) => {
    if (typeof context.data.area === 'string') {
        return unknownAreaCountry(context);
    }
    const { programme, text, data, reference } = context;
    const code = programme ? recipientOf(programme) : undefined;
    const recipient = programme && code ? propertyNode(programme, 'recipients', 0) : undefined;
    if (!code || !recipient || reference.country(code)) {
        return [];
    }
    const suggestions = Array.isArray(data.suggestions)
        ? data.suggestions.filter((s): s is string => typeof s === 'string')
        : reference.suggestCountries(code).map(c => c.alpha3);
    return suggestions.map((alpha3, i) => {
        const name = reference.country(alpha3)?.name;
        return fix(msg('fix.recipient', { code: alpha3, name: name ? ` (${name})` : '' }), text.uri, [text.replace(recipient.range, alpha3)], i === 0);
    });
};

/** An unknown country of operation (`in THA, KMH`): replaces that code, where the finding marks it, with each suggestion. */
function unknownAreaCountry({ document, text, diagnostic, data, reference }: FixContext): Fix[] {
    const code = data.area as string;
    // The finding marks the code itself; if the text there changed since, offer nothing rather than edit the wrong word.
    if (document.textDocument.getText(diagnostic.range) !== code || reference.country(code)) {
        return [];
    }
    const suggestions = Array.isArray(data.suggestions) ? data.suggestions.filter((s): s is string => typeof s === 'string') : [];
    return suggestions.map((alpha3, i) => {
        const name = reference.country(alpha3)?.name;
        return fix(msg('fix.area', { code: alpha3, name: name ? ` (${name})` : '' }), text.uri, [text.replace(diagnostic.range, alpha3)], i === 0);
    });
}

/**
 * For the rules a programme may answer with a recorded decision (those with an `exceptionSeverity`):
 * `exception <ID> { justification "" }`.
 */
export const recordException: FixProvider = ({ programme, text, diagnostic }) => {
    const rule = ruleById(String(diagnostic.code));
    if (!programme || !rule?.exceptionSeverity || declaredException(programme, rule.id)) {
        return [];
    }
    // An empty justification does not apply: the finding stays until the decision is written down.
    const edit = insertInProgramme(programme, text, [`exception ${rule.id} { justification "" }`], []);
    return edit ? [fix(msg('fix.exception', { rule: rule.id }), text.uri, [edit])] : [];
};

// ---- §2(2) fields -------------------------------------------------------------------------------

const activityInWrongField: FixProvider = ({ programme, text, node, data, terms }) => {
    const activity = node ? AstUtils.getContainerOfType(node, (n): n is Activity => n.$type === 'Activity') : undefined;
    const name = activity && activityInfoOf(activity, terms)?.name;
    const fieldOf = (a: Activity) => activityInfoOf(a, terms)?.info.field;
    const expected = (typeof data.expectedField === 'string' ? data.expectedField : activity && fieldOf(activity)) as FieldName | undefined;
    if (!programme || !activity?.$cstNode || !name || !expected || fieldOf(activity) !== expected || fieldNameOf(activity.$container) === expected) {
        return [];
    }
    const source = activity.$container;
    const target = programme.fields.find(f => fieldNameOf(f) === expected);
    const title = msg('fix.moveActivity', { name, field: expected });
    const activityText = activity.$cstNode.text;
    if (!target && source.activities.every(a => fieldOf(a) === expected)) {
        // Everything in the field belongs to the other one: the field itself was misnamed.
        const fieldName = propertyNode(source, 'name');
        return fieldName ? [fix(msg('fix.changeField', { from: String(firstValue(source, 'name')?.value), to: expected }), text.uri, [text.replace(fieldName.range, expected)], true)] : [];
    }
    const edits: TextEdit[] = [];
    const sourceEmptied = source.activities.length === 1 && source.operations.length === 0 && source.descriptions.length === 0 && source.unknown.length === 0;
    edits.push(text.remove(sourceEmptied && target ? source.$cstNode! : activity.$cstNode));
    if (target) {
        const last = target.activities.at(-1);
        const brace = closingBrace(target);
        if (last?.$cstNode) {
            edits.push(text.insertLinesAfter(last.$cstNode.range.end, [activityText], childIndent(target, text)));
        } else if (brace) {
            edits.push(text.insertLinesBefore(brace.range.start, [activityText], childIndent(target, text)));
        } else {
            const end = target.$cstNode!.range.end;
            edits.push({ range: { start: end, end }, newText: ` { ${activityText} }` });
        }
    } else {
        edits.push(text.insertLinesAfter(source.$cstNode!.range.end, [`field ${expected} { ${activityText} }`], text.indentOfLine(source.$cstNode!.range.start.line)));
    }
    return [fix(title, text.uri, edits, true)];
};

/**
 * OSA207: say which declared field the item serves, one fix per field. An item without `serves` gets it after its
 * category; an item whose `serves` names an undeclared field has that value replaced.
 */
const itemServes: FixProvider = ({ programme, text, node, data, diagnostic }) => {
    const item = node ? AstUtils.getContainerOfType(node, isItem) : undefined;
    const declared = new Set(programme?.fields.map(fieldNameOf));
    const fields = (Array.isArray(data.fields) ? data.fields : [])
        .filter((f): f is FieldName => typeof f === 'string' && lookupTerm(FIELDS, f)?.permitted === true && declared.has(f as FieldName));
    if (!item?.$cstNode || fields.length === 0) {
        return [];
    }
    const preferred = fields.length === 1;
    if (data.fix === 'replace-serves') {
        const index = item.serves.findIndex((_, i) => sameRange(propertyNode(item, 'serves', i)?.range, diagnostic.range));
        const value = index >= 0 ? propertyNode(item, 'serves', index) : undefined;
        return value ? fields.map(f => fix(msg('fix.changeServes', { field: f }), text.uri, [text.replace(value.range, f)], preferred)) : [];
    }
    const category = propertyNode(item, 'categories', 0);
    if (item.serves.length > 0 || !category) {
        return [];
    }
    const end = category.range.end;
    return fields.map(f => fix(msg('fix.addServes', { field: f }), text.uri, [{ range: { start: end, end }, newText: ` serves ${f}` }], preferred));
};

function sameRange(a: Range | undefined, b: Range): boolean {
    return a !== undefined && a.start.line === b.start.line && a.start.character === b.start.character
        && a.end.line === b.end.line && a.end.character === b.end.character;
}

// ---- §3(2) considerations -----------------------------------------------------------------------

function topicLine(topic: AssessmentTopicName): string {
    return `${topic} on-file ""`;
}

const noAssessment: FixProvider = ({ programme, text }) => {
    if (!programme || assessmentOf(programme)) {
        return [];
    }
    const step = indentStep(programme, text);
    const lines = ['assessment {', ...TOPICS.map(t => step + topicLine(t)), '}'];
    const edit = insertInProgramme(programme, text, lines, [agreementOf(programme), programme.coordination[0], programme.exceptions[0]]);
    return edit ? [fix(msg('fix.addAssessment'), text.uri, [edit], true)] : [];
};

const assessmentIncomplete: FixProvider = ({ programme, text }) => {
    const assessment = programme && assessmentOf(programme);
    if (!assessment?.$cstNode) {
        return [];
    }
    // Topics declared with blank text are missing too, but only their text can be written.
    const declared = new Set(assessment.topics.map(topicNameOf));
    const absent = TOPICS.filter(t => !declared.has(t));
    if (absent.length === 0) {
        return [];
    }
    const indent = childIndent(assessment, text);
    const last = assessment.topics.at(-1);
    const brace = closingBrace(assessment);
    const edit = last?.$cstNode
        ? text.insertLinesAfter(last.$cstNode.range.end, absent.map(topicLine), indent)
        : brace ? text.insertLinesBefore(brace.range.start, absent.map(topicLine), indent) : undefined;
    return edit ? [fix(msg(absent.length > 1 ? 'fix.addTopics.other' : 'fix.addTopics.one', { topics: absent.join(', ') }), text.uri, [edit], true)] : [];
};

// ---- §4 implementation --------------------------------------------------------------------------

const coreCoordinationMissing: FixProvider = ({ programme, text }) => {
    if (!programme) {
        return [];
    }
    const declared = coordinationBodiesOf(programme);
    const missing = CORE_COORDINATION_BODIES.filter(b => !declared.has(b));
    if (missing.length === 0) {
        return [];
    }
    const list = missing.length === 1 ? missing[0] : msg('fix.andList', { init: missing.slice(0, -1).join(', '), last: missing.at(-1)! });
    const first = programme.coordination[0];
    if (!first) {
        const edit = insertInProgramme(programme, text, [`coordination ${missing.join(', ')}`], [programme.exceptions[0]]);
        return edit ? [fix(msg('fix.addCoordination', { list }), text.uri, [edit], true)] : [];
    }
    // Each missing body goes after the core body before it in NSS, MOFA, MOD order, so the line reads in that order.
    const tokens = first.bodies.map((body, i) => ({ body, cst: propertyNode(first, 'bodies', i) }));
    if (tokens.some(t => !t.cst)) {
        return [];
    }
    const inserts = new Map<string, { at: 'before' | 'after'; index: number; bodies: CoordinationBody[] }>();
    for (const body of missing) {
        const rank = CORE_COORDINATION_BODIES.indexOf(body);
        let after = -1;
        tokens.forEach((t, i) => {
            const r = CORE_COORDINATION_BODIES.indexOf(t.body as CoordinationBody);
            if (r >= 0 && r < rank) {
                after = i;
            }
        });
        const key = after < 0 ? 'before:0' : `after:${after}`;
        const entry = inserts.get(key) ?? { at: after < 0 ? 'before' : 'after', index: Math.max(after, 0), bodies: [] };
        entry.bodies.push(body);
        inserts.set(key, entry);
    }
    const edits: TextEdit[] = [...inserts.values()].map(({ at, index, bodies }) => {
        const range = tokens[index].cst!.range;
        const position = at === 'before' ? range.start : range.end;
        return { range: { start: position, end: position }, newText: at === 'before' ? `${bodies.join(', ')}, ` : `, ${bodies.join(', ')}` };
    });
    return [fix(msg('fix.addToCoordination', { list }), text.uri, edits, true)];
};

// ---- lifecycle: monitoring (§3(3)(b)) and the date of signature ------------------------------------

/**
 * The placeholders a person fills in: `YYYY-MM-DD` is not a date, so the language checks keep asking for one and
 * OSA408 keeps counting no visit until it is written; the empty texts are what only the desk can say.
 */
const VISIT_LINE = 'visit YYYY-MM-DD ""';

function keywordNode(node: AstNode, keyword: string) {
    return GrammarUtils.findNodeForKeyword(node.$cstNode, keyword);
}

const monitoringNotRecorded: FixProvider = ({ programme, text, data }) => {
    if (!programme) {
        return [];
    }
    const monitoring = programme.monitorings[0];
    if (data.monitoringSkeleton && !monitoring) {
        const step = indentStep(programme, text);
        const lines = ['monitoring {', step + VISIT_LINE, step + 'results disclosed ""', '}'];
        const edit = insertInProgramme(programme, text, lines, [programme.exceptions[0], programme.sources[0] !== undefined ? propertyOwner(programme, 'sources') : undefined]);
        return edit ? [fix(msg('fix.monitoring.skeleton'), text.uri, [edit], true)] : [];
    }
    const brace = monitoring && closingBrace(monitoring);
    if (data.monitoringSkeleton && monitoring && brace) {
        const indent = childIndent(monitoring, text);
        const first = monitoring.results[0]?.$cstNode;
        const edit = first ? text.insertLinesBefore(first.range.start, [VISIT_LINE], indent) : text.insertLinesBefore(brace.range.start, [VISIT_LINE], indent);
        return [fix(msg('fix.monitoring.visit'), text.uri, [edit], true)];
    }
    if (data.addResults && monitoring && brace && monitoring.results.length === 0) {
        const indent = childIndent(monitoring, text);
        return [
            fix(msg('fix.results.disclosed'), text.uri, [text.insertLinesBefore(brace.range.start, ['results disclosed ""'], indent)], true),
            fix(msg('fix.results.withheld'), text.uri, [text.insertLinesBefore(brace.range.start, ['results withheld ""'], indent)])
        ];
    }
    return [];
};

/** A node standing for a programme property's first statement, for insertInProgramme (values are not nodes). */
function propertyOwner(programme: Programme, property: string): AstNode | undefined {
    const cst = propertyNode(programme, property, 0);
    return cst ? { $type: 'Anchor', $cstNode: cst } as unknown as AstNode : undefined;
}

const lifecycleInconsistent: FixProvider = ({ programme, text, data }) => {
    const agreement = programme && agreementOf(programme);
    if (!data.addSigned || !agreement || agreement.signedDates.length > 0) {
        return [];
    }
    // After the agreement's header (`agreement`, `uses …`, `kind …`), before its clauses.
    const header = [propertyNode(agreement, 'templates', 0), propertyNode(agreement, 'kinds', 0), keywordNode(agreement, 'agreement')]
        .filter((cst): cst is NonNullable<typeof cst> => cst !== undefined)
        .sort((a, b) => b.end - a.end)[0];
    if (!header) {
        return [];
    }
    const at = header.range.end;
    return [fix(msg('fix.signed'), text.uri, [{ range: { start: at, end: at }, newText: ' signed YYYY-MM-DD' }], true)];
};

/**
 * Fixes by rule id. Rules with an `exceptionSeverity` also get `recordException`, and every rule
 * finding a suppression and a documentation action (code-actions.ts).
 */
export const RULE_FIXES: Record<string, FixProvider> = {
    OSA103: modalityNotGrant,
    OSA105: unknownCountry,
    OSA204: activityInWrongField,
    OSA207: itemServes,
    OSA310: noAssessment,
    OSA311: assessmentIncomplete,
    OSA401: noAgreement,
    OSA402: missingClause,
    OSA403: missingClause,
    OSA404: resultsNotDisclosed,
    OSA405: missingClause,
    OSA406: missingClause,
    OSA407: missingClause,
    OSA408: monitoringNotRecorded,
    OSA409: lifecycleInconsistent,
    OSA501: coreCoordinationMissing
};
