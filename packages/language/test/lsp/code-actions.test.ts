/**
 * Quick fixes, in process: the editor services on an in-memory workspace. The core property is that
 * applying a fix removes the diagnostic it fixes, with nothing else in the file changed than the lines
 * it inserts or the token it replaces. Fixes that need words only a person can write (justifications,
 * document references, suppression reasons) leave the finding in place until those words are written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { createOsaLspServices, type OsaLspServices } from '../../src/lsp/osa-lsp-module.js';
import { BASELINE, programme, STANDARD_TEMPLATE } from '../helpers.js';

const ROOT = 'file:///ws/';
const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');

type Files = Record<string, string>;

interface Built {
    services: OsaLspServices;
    documents: Record<string, LangiumDocument>;
    diagnostics(file: string): Diagnostic[];
}

/** Builds a workspace of in-memory files (names are paths below file:///ws/) with validation. */
async function build(files: Files): Promise<Built> {
    const { shared, Osa } = createOsaLspServices({ ...EmptyFileSystem, connection: undefined });
    const documents: Record<string, LangiumDocument> = {};
    for (const [name, text] of Object.entries(files)) {
        documents[name] = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(ROOT + name));
        shared.workspace.LangiumDocuments.addDocument(documents[name]);
    }
    await shared.workspace.DocumentBuilder.build(Object.values(documents), { validation: true });
    return { services: Osa, documents, diagnostics: file => documents[file].diagnostics ?? [] };
}

async function codeActions(built: Built, file: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const document = built.documents[file];
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const result = await built.services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range, context: { diagnostics }
    });
    return (result ?? []) as CodeAction[];
}

/** The code actions offered for the (first) finding of `rule` in `file`. */
async function actionsFor(files: Files, rule: string, file = 'programme.osa'): Promise<{ built: Built; diagnostic: Diagnostic; actions: CodeAction[] }> {
    const built = await build(files);
    const diagnostic = built.diagnostics(file).find(d => d.code === rule);
    expect(diagnostic, `${rule} in ${file}: ${JSON.stringify(built.diagnostics(file).map(d => d.code))}`).toBeDefined();
    return { built, diagnostic: diagnostic!, actions: await codeActions(built, file, [diagnostic!]) };
}

/** Applies LSP text edits (any order, not overlapping; inserts at one position keep their order). */
function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '\n') {
            lineStarts.push(i + 1);
        }
    }
    const offset = (p: { line: number; character: number }) => Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character);
    const sorted = edits.map((edit, index) => ({ edit, index }))
        .sort((a, b) => offset(b.edit.range.start) - offset(a.edit.range.start) || b.index - a.index);
    let result = text;
    for (const { edit } of sorted) {
        result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
    }
    return result;
}

/** The files after a code action's edit; asserts that lines no edit touches are all still there, in order. */
function apply(files: Files, action: CodeAction): Files {
    const result = { ...files };
    expect(action.edit?.changes, `${action.title} has an edit`).toBeDefined();
    for (const [uri, edits] of Object.entries(action.edit!.changes!)) {
        const name = uri.slice(ROOT.length);
        expect(files[name], `edited file ${uri}`).toBeDefined();
        result[name] = applyTextEdits(files[name], edits);
        expectUntouchedLinesKept(files[name], result[name], edits);
    }
    return result;
}

function expectUntouchedLinesKept(before: string, after: string, edits: readonly TextEdit[]): void {
    const lines = before.split('\n');
    const touched = new Set<number>();
    for (const { range: { start, end }, newText } of edits) {
        if (start.line === end.line && start.character === end.character) {
            // Whole lines inserted at the start or the end of a line leave that line as it was.
            const wholeLines = (start.character === 0 && newText.endsWith('\n'))
                || (start.character === lines[start.line].replace(/\r$/, '').length && /^\r?\n/.test(newText));
            if (!wholeLines) {
                touched.add(start.line);
            }
            continue;
        }
        for (let line = start.line; line <= end.line; line++) {
            if (!(line === end.line && end.character === 0 && line > start.line)) {
                touched.add(line);
            }
        }
    }
    const afterLines = after.split('\n');
    let j = 0;
    lines.forEach((line, i) => {
        if (touched.has(i)) {
            return;
        }
        while (j < afterLines.length && afterLines[j] !== line) {
            j++;
        }
        expect(j, `line ${i + 1} ${JSON.stringify(line)} is kept`).toBeLessThan(afterLines.length);
        j++;
    });
}

/** Lines in `after` that are not in `before` (a multiset difference), to see exactly what a fix added. */
function addedLines(before: string, after: string): string[] {
    const remaining = before.split('\n');
    return after.split('\n').filter(line => {
        const i = remaining.indexOf(line);
        if (i >= 0) {
            remaining.splice(i, 1);
            return false;
        }
        return true;
    });
}

function codes(diagnostics: Diagnostic[]): string[] {
    return diagnostics.map(d => String(d.code ?? 'syntax'));
}

function byTitle(actions: CodeAction[], title: string | RegExp): CodeAction {
    const action = actions.find(a => typeof title === 'string' ? a.title === title : title.test(a.title));
    expect(action, `action ${title} among ${JSON.stringify(actions.map(a => a.title))}`).toBeDefined();
    return action!;
}

/** Applies an action and revalidates: the file's diagnostics after the fix. */
async function applyAndValidate(files: Files, action: CodeAction, file = 'programme.osa'): Promise<{ files: Files; diagnostics: Diagnostic[]; built: Built }> {
    const edited = apply(files, action);
    const built = await build(edited);
    const syntax = built.diagnostics(file).filter(d => d.code === 'syntax' || d.code === undefined);
    expect(syntax.map(d => d.message), 'the fixed file parses').toEqual([]);
    return { files: edited, diagnostics: built.diagnostics(file), built };
}

function ws(programmeText: string, template = STANDARD_TEMPLATE): Files {
    return { 'templates.osa': template, 'programme.osa': programmeText };
}

const INLINE_AGREEMENT = (clauses: string[]) => ['agreement', '        kind exchange-of-notes', '        signed 2024-12-05',
    ...clauses.map(c => `        clause ${c}`)].join('\n');

const ALL_CLAUSES = ['information-disclosure', 'monitoring-and-evaluation results disclosed', 'no-extra-purpose-use', 'no-third-party-transfer', 'un-charter-conformity'];

const TEMPLATE_WITHOUT = (clause: string) => STANDARD_TEMPLATE.split('\n').filter(l => !l.includes(`clause ${clause}`)).join('\n');

describe('agreement clauses (OSA402, OSA403, OSA405, OSA406, OSA407)', () => {
    const cases = [
        { rule: 'OSA402', clause: 'information-disclosure', line: 'clause information-disclosure' },
        { rule: 'OSA403', clause: 'monitoring-and-evaluation', line: 'clause monitoring-and-evaluation results disclosed' },
        { rule: 'OSA405', clause: 'no-extra-purpose-use', line: 'clause no-extra-purpose-use' },
        { rule: 'OSA406', clause: 'no-third-party-transfer', line: 'clause no-third-party-transfer' },
        { rule: 'OSA407', clause: 'un-charter-conformity', line: 'clause un-charter-conformity' }
    ];

    it.each(cases)('$rule: adds `$line` to an inline agreement, after its last clause and indented like it', async ({ rule, clause, line }) => {
        const files = ws(programme({ agreement: INLINE_AGREEMENT(ALL_CLAUSES.filter(c => !c.startsWith(clause))) }));
        const { actions } = await actionsFor(files, rule);
        const action = byTitle(actions, `Add \`${line}\` to the agreement`);
        expect(action.isPreferred).toBe(true);
        expect(action.kind).toBe('quickfix');
        const after = await applyAndValidate(files, action);
        expect(codes(after.diagnostics)).not.toContain(rule);
        expect(codes(after.diagnostics)).toEqual([]);
        expect(addedLines(files['programme.osa'], after.files['programme.osa'])).toEqual([`        ${line}`]);
        // Right after the agreement's last line, before `coordination`.
        const lines = after.files['programme.osa'].split('\n');
        expect(lines[lines.indexOf(`        ${line}`) + 1]).toMatch(/^ {4}coordination/);
    });

    it.each(cases)('$rule: with a template from another file, offers the programme\'s agreement (preferred) and the template', async ({ rule, clause, line }) => {
        const files = ws(programme(), TEMPLATE_WITHOUT(clause));
        const { actions } = await actionsFor(files, rule);
        const inline = byTitle(actions, `Add \`${line}\` to the programme's agreement`);
        const template = byTitle(actions, `Add \`${line}\` to the template StandardExchangeOfNotes (templates.osa)`);
        expect(inline.isPreferred).toBe(true);
        expect(template.isPreferred).toBeUndefined();
        expect(Object.keys(template.edit!.changes!)).toEqual([`${ROOT}templates.osa`]);
        expect(Object.keys(inline.edit!.changes!)).toEqual([`${ROOT}programme.osa`]);

        const viaAgreement = await applyAndValidate(files, inline);
        expect(codes(viaAgreement.diagnostics)).toEqual([]);
        // The agreement is written on one line: the clause goes on the next, one step deeper.
        expect(viaAgreement.files['programme.osa']).toContain(`    agreement uses StandardExchangeOfNotes signed 2024-12-05\n        ${line}\n    coordination`);

        const viaTemplate = await applyAndValidate(files, template);
        expect(codes(viaTemplate.diagnostics)).toEqual([]);
        expect(viaTemplate.files['programme.osa']).toBe(files['programme.osa']);
        expect(addedLines(files['templates.osa'], viaTemplate.files['templates.osa'])).toEqual([`    ${line}`]);
        expect(viaTemplate.built.diagnostics('templates.osa')).toEqual([]);
    });

    it('adds all missing clauses at once, on any of their findings', async () => {
        const files = ws(programme({ agreement: INLINE_AGREEMENT(['no-extra-purpose-use']) }));
        const built = await build(files);
        const findings = built.diagnostics('programme.osa');
        expect(codes(findings).sort()).toEqual(['OSA402', 'OSA403', 'OSA406', 'OSA407']);
        for (const finding of findings) {
            const actions = await codeActions(built, 'programme.osa', [finding]);
            const all = byTitle(actions, 'Add all 4 missing agreement clauses to the agreement');
            const after = await applyAndValidate(files, all);
            expect(codes(after.diagnostics)).toEqual([]);
            expect(addedLines(files['programme.osa'], after.files['programme.osa'])).toEqual([
                '        clause information-disclosure',
                '        clause monitoring-and-evaluation results disclosed',
                '        clause no-third-party-transfer',
                '        clause un-charter-conformity'
            ]);
        }
        // Asked for several findings at once, the shared action is offered once.
        const together = await codeActions(built, 'programme.osa', findings);
        expect(together.filter(a => a.title.startsWith('Add all')).length).toBe(1);
    });

    it('does not offer "add all" when one clause is missing (it would be the same edit)', async () => {
        const { actions } = await actionsFor(ws(programme(), TEMPLATE_WITHOUT('un-charter-conformity')), 'OSA407');
        expect(actions.filter(a => a.title.startsWith('Add all'))).toEqual([]);
    });

    it('keeps an agreement written on one line with other declarations on one line', async () => {
        const files = ws(programme({ agreement: 'agreement kind exchange-of-notes clause no-extra-purpose-use coordination NSS, MOFA, MOD, JICA', coordination: null }));
        const { actions } = await actionsFor(files, 'OSA402');
        const after = await applyAndValidate(files, byTitle(actions, 'Add `clause information-disclosure` to the agreement'));
        expect(after.files['programme.osa']).toContain('    agreement kind exchange-of-notes clause no-extra-purpose-use clause information-disclosure coordination NSS, MOFA, MOD, JICA\n');
        expect(codes(after.diagnostics)).not.toContain('OSA402');
    });

    it('OSA401: adds an agreement with all five clauses before the coordination line', async () => {
        const files = ws(programme({ agreement: null }));
        const { actions } = await actionsFor(files, 'OSA401');
        const action = byTitle(actions, 'Add an agreement with all the clauses of §3(3)');
        const after = await applyAndValidate(files, action);
        expect(codes(after.diagnostics)).toEqual([]);
        expect(after.files['programme.osa']).toContain([
            '    agreement kind exchange-of-notes',
            '        clause information-disclosure',
            '        clause monitoring-and-evaluation results disclosed',
            '        clause no-extra-purpose-use',
            '        clause no-third-party-transfer',
            '        clause un-charter-conformity',
            '    coordination NSS, MOFA, MOD, JICA'
        ].join('\n'));
    });

    it('OSA401: keeps a suppression comment on the line above the declaration it belongs to', async () => {
        const files = ws(programme({ agreement: null, coordination: '// osa-disable-next-line OSA502 -- Frameworks recorded in the MOFA file\n    coordination NSS, MOFA, MOD' }));
        const { actions } = await actionsFor(files, 'OSA401');
        const after = await applyAndValidate(files, byTitle(actions, /^Add an agreement/));
        expect(after.files['programme.osa']).toContain('        clause un-charter-conformity\n    // osa-disable-next-line OSA502');
        expect(codes(after.diagnostics)).toEqual([]);
    });

    it('OSA404: discloses withheld results in the agreement\'s own clause', async () => {
        const files = ws(programme({ agreement: 'agreement uses StandardExchangeOfNotes signed 2024-12-05\n        clause monitoring-and-evaluation results withheld "Reviewed yearly"' }));
        const { actions } = await actionsFor(files, 'OSA404');
        const after = await applyAndValidate(files, byTitle(actions, 'Change `results withheld` to `results disclosed`'));
        expect(codes(after.diagnostics)).toEqual([]);
        expect(after.files['programme.osa']).toContain('\n        clause monitoring-and-evaluation results disclosed "Reviewed yearly"\n');
    });

    it('OSA404: adds ` results disclosed` after the clause name when no results are stated', async () => {
        const files = ws(programme({ agreement: INLINE_AGREEMENT([...ALL_CLAUSES.filter(c => !c.startsWith('monitoring')), 'monitoring-and-evaluation "Yearly, with the recipient"']) }));
        const { actions } = await actionsFor(files, 'OSA404');
        const after = await applyAndValidate(files, byTitle(actions, 'Add `results disclosed` to the monitoring-and-evaluation clause'));
        expect(codes(after.diagnostics)).toEqual([]);
        expect(after.files['programme.osa']).toContain('\n        clause monitoring-and-evaluation results disclosed "Yearly, with the recipient"\n');
    });

    it('OSA404: a template clause is fixed in the template\'s file, or overridden in the agreement', async () => {
        const files = ws(programme(), STANDARD_TEMPLATE.replace('results disclosed', 'results withheld'));
        const { actions } = await actionsFor(files, 'OSA404');
        const inTemplate = byTitle(actions, 'Change `results withheld` to `results disclosed` in the template StandardExchangeOfNotes (templates.osa)');
        expect(inTemplate.isPreferred).toBe(true);
        const viaTemplate = await applyAndValidate(files, inTemplate);
        expect(codes(viaTemplate.diagnostics)).toEqual([]);
        expect(viaTemplate.files['templates.osa']).toBe(STANDARD_TEMPLATE);

        const override = byTitle(actions, 'Add `clause monitoring-and-evaluation results disclosed` to the programme\'s agreement');
        const viaOverride = await applyAndValidate(files, override);
        expect(codes(viaOverride.diagnostics)).toEqual([]);
        expect(viaOverride.files['templates.osa']).toBe(files['templates.osa']);
    });
});

describe('recipient (OSA103, OSA105) and exceptions (OSA101, OSA104, OSA303, OSA305)', () => {
    it('OSA103: replaces the modality with grant and nothing else', async () => {
        const files = ws(programme({ modality: 'modality loan' }));
        const { actions } = await actionsFor(files, 'OSA103');
        const after = await applyAndValidate(files, byTitle(actions, 'Change the modality to grant'));
        expect(codes(after.diagnostics)).toEqual([]);
        expect(after.files['programme.osa']).toBe(files['programme.osa'].replace('modality loan', 'modality grant'));
    });

    it('OSA105: one action per suggestion, the first preferred; each removes the finding', async () => {
        const files = ws(programme({ recipient: 'recipient PHI' }));
        const { actions } = await actionsFor(files, 'OSA105');
        const changes = actions.filter(a => a.title.startsWith('Change the recipient to '));
        expect(changes.map(a => a.title)).toContain('Change the recipient to PHL (Philippines)');
        expect(changes.length).toBeGreaterThan(1);
        expect(changes.map(a => a.isPreferred ?? false)).toEqual(changes.map((_, i) => i === 0));
        for (const action of changes) {
            const code = /to ([A-Z]{3})/.exec(action.title)![1];
            const after = await applyAndValidate(files, action);
            expect(codes(after.diagnostics)).not.toContain('OSA105');
            expect(after.files['programme.osa']).toBe(files['programme.osa'].replace('recipient PHI', `recipient ${code}`));
        }
    });

    it('OSA105: a lower-case slip suggests the code itself', async () => {
        const files = ws(programme({ recipient: 'recipient phl' }));
        const { actions } = await actionsFor(files, 'OSA105');
        const after = await applyAndValidate(files, byTitle(actions, 'Change the recipient to PHL (Philippines)'));
        expect(codes(after.diagnostics)).toEqual([]);
    });

    const exceptionCases = [
        { rule: 'OSA101', parts: { recipient: 'recipient SGP', fiscalYear: 'fiscal-year 2025' }, severity: 1, relaxed: 2 },
        { rule: 'OSA305', parts: { items: 'provide "Patrol boat" quantity 1 category patrol-boat armed-after-delivery' }, severity: 2, relaxed: 3 }
    ];

    it.each(exceptionCases)('$rule: records an exception whose empty justification keeps the finding until it is written', async ({ rule, parts, severity, relaxed }) => {
        const files = ws(programme(parts));
        const { actions, diagnostic } = await actionsFor(files, rule);
        expect(diagnostic.severity).toBe(severity);
        const action = byTitle(actions, `Record an exception to ${rule} (write the justification)`);
        const after = await applyAndValidate(files, action);
        expect(addedLines(files['programme.osa'], after.files['programme.osa'])).toEqual([`    exception ${rule} { justification "" }`]);
        expect(after.files['programme.osa'].endsWith(`    exception ${rule} { justification "" }\n}\n`)).toBe(true);
        const unjustified = after.diagnostics.find(d => d.code === rule)!;
        expect(unjustified.severity).toBe(severity);
        expect(unjustified.message).toContain('has no written justification');
        // No second exception is offered once one is declared.
        const again = await codeActions(after.built, 'programme.osa', [unjustified]);
        expect(again.filter(a => a.title.startsWith('Record an exception'))).toEqual([]);
        // Written, it applies.
        const written = await build({ ...after.files, 'programme.osa': after.files['programme.osa'].replace('justification ""', 'justification "NSC decision of 2025-03-01"') });
        expect(written.diagnostics('programme.osa').find(d => d.code === rule)!.severity).toBe(relaxed);
    });

    it('offers exceptions only for the rules that have an exception severity', async () => {
        const { actions } = await actionsFor(ws(programme({ modality: 'modality loan' })), 'OSA103');
        expect(actions.filter(a => a.title.startsWith('Record an exception'))).toEqual([]);
    });
});

describe('assessment (OSA310, OSA311)', () => {
    it('OSA310: adds an assessment with the six topics, before the agreement; the references stay to be written', async () => {
        const files = ws(programme({ assessment: null }));
        const { actions } = await actionsFor(files, 'OSA310');
        const after = await applyAndValidate(files, byTitle(actions, 'Add an assessment with the six topics of §3(2) (write the references)'));
        expect(codes(after.diagnostics)).not.toContain('OSA310');
        expect(after.files['programme.osa']).toContain([
            '    assessment {',
            '        democracy on-file ""',
            '        rule-of-law on-file ""',
            '        human-rights on-file ""',
            '        socio-economic on-file ""',
            '        security-needs on-file ""',
            '        bilateral-relations on-file ""',
            '    }',
            '    agreement uses'
        ].join('\n'));
        // Empty references do not count: OSA311 now asks for all six, and goes once they are written.
        expect(after.diagnostics.find(d => d.code === 'OSA311')!.message).toContain('democracy, rule-of-law, human-rights, socio-economic, security-needs, bilateral-relations');
        const written = await build({ ...after.files, 'programme.osa': after.files['programme.osa'].replaceAll('on-file ""', 'on-file "Country assessment 2024"') });
        expect(codes(written.diagnostics('programme.osa'))).toEqual([]);
    });

    it('OSA311: adds the absent topics after the last one, indented like it', async () => {
        const assessment = BASELINE.assessment!.split('\n').filter(l => !/human-rights|security-needs/.test(l)).join('\n');
        const files = ws(programme({ assessment }));
        const { actions } = await actionsFor(files, 'OSA311');
        const after = await applyAndValidate(files, byTitle(actions, 'Add the assessment topics human-rights, security-needs (write the references)'));
        expect(addedLines(files['programme.osa'], after.files['programme.osa'])).toEqual(['        human-rights on-file ""', '        security-needs on-file ""']);
        expect(after.files['programme.osa']).toContain('        bilateral-relations "Strategic partnership"\n        human-rights on-file ""\n        security-needs on-file ""\n    }');
        const written = await build({ ...after.files, 'programme.osa': after.files['programme.osa'].replaceAll('on-file ""', 'on-file "Country assessment 2024"') });
        expect(codes(written.diagnostics('programme.osa'))).toEqual([]);
    });

    it('OSA311: into an empty block written on one line', async () => {
        const files = ws(programme({ assessment: 'assessment { }' }));
        const { actions } = await actionsFor(files, 'OSA311');
        const after = await applyAndValidate(files, byTitle(actions, /^Add the assessment topics democracy,/));
        expect(after.files['programme.osa']).toContain('    assessment { democracy on-file "" rule-of-law on-file "" human-rights on-file "" socio-economic on-file "" security-needs on-file "" bilateral-relations on-file "" }\n');
    });

    it('OSA311: a topic declared with blank text gets no fix, only its text can be written', async () => {
        const assessment = BASELINE.assessment!.replace('human-rights on-file "Recipient review 2024-10"', 'human-rights ""');
        const { actions } = await actionsFor(ws(programme({ assessment })), 'OSA311');
        expect(actions.filter(a => a.title.startsWith('Add the assessment'))).toEqual([]);
    });
});

describe('coordination (OSA501)', () => {
    it.each([
        { line: 'coordination MOFA, MOD, JICA', fixed: 'coordination NSS, MOFA, MOD, JICA', title: 'Add NSS to the coordination line' },
        { line: 'coordination NSS, JICA', fixed: 'coordination NSS, MOFA, MOD, JICA', title: 'Add MOFA and MOD to the coordination line' },
        { line: 'coordination NSS, MOFA, JICA', fixed: 'coordination NSS, MOFA, MOD, JICA', title: 'Add MOD to the coordination line' },
        { line: 'coordination JICA', fixed: 'coordination NSS, MOFA, MOD, JICA', title: 'Add NSS, MOFA and MOD to the coordination line' },
        { line: 'coordination MOD, JICA\n    coordination MOFA', fixed: 'coordination NSS, MOD, JICA\n    coordination MOFA', title: 'Add NSS to the coordination line' }
    ])('$line → $fixed', async ({ line, fixed, title }) => {
        const files = ws(programme({ coordination: line }));
        const { actions } = await actionsFor(files, 'OSA501');
        const after = await applyAndValidate(files, byTitle(actions, title));
        expect(codes(after.diagnostics)).not.toContain('OSA501');
        expect(after.files['programme.osa']).toBe(files['programme.osa'].replace(line, fixed));
    });

    it('adds a coordination line when there is none', async () => {
        const files = ws(programme({ coordination: null, extra: 'exception OSA305 { justification "Reviewed" }' }));
        const { actions } = await actionsFor(files, 'OSA501');
        const after = await applyAndValidate(files, byTitle(actions, 'Add a coordination line with NSS, MOFA and MOD'));
        expect(codes(after.diagnostics)).not.toContain('OSA501');
        expect(after.files['programme.osa']).toContain('signed 2024-12-05\n    coordination NSS, MOFA, MOD\n    exception OSA305');
    });
});

describe('fields (OSA204)', () => {
    it('renames the field when everything in it belongs to the other field', async () => {
        // A rescue boat: once the field is humanitarian, the item serves it (OSA207 stays silent).
        const files = ws(programme({ fields: 'field rule-of-law { activity search-and-rescue }', items: 'provide "Rescue boat" category rescue-boat' }));
        const { actions } = await actionsFor(files, 'OSA204');
        const after = await applyAndValidate(files, byTitle(actions, 'Change field rule-of-law to humanitarian'));
        expect(codes(after.diagnostics)).toEqual([]);
        expect(after.files['programme.osa']).toBe(files['programme.osa'].replace('field rule-of-law', 'field humanitarian'));
    });

    it('moves the activity into the field it belongs to, removing the emptied field', async () => {
        const fields = 'field humanitarian {\n        activity disaster-response\n    }\n    field rule-of-law { activity search-and-rescue "Sea rescue" }';
        const files = ws(programme({ fields, items: 'provide "Rescue boat" category rescue-boat' }));
        const { actions } = await actionsFor(files, 'OSA204');
        const after = await applyAndValidate(files, byTitle(actions, 'Move activity search-and-rescue under field humanitarian'));
        expect(codes(after.diagnostics)).toEqual([]);
        expect(after.files['programme.osa']).toContain('    field humanitarian {\n        activity disaster-response\n        activity search-and-rescue "Sea rescue"\n    }\n    provide');
        expect(after.files['programme.osa']).not.toContain('rule-of-law {');
    });

    it('moves the activity into a new field line when its field keeps other activities', async () => {
        const files = ws(programme({ fields: 'field rule-of-law { activity maritime-surveillance activity search-and-rescue }' }));
        const { actions } = await actionsFor(files, 'OSA204');
        const after = await applyAndValidate(files, byTitle(actions, 'Move activity search-and-rescue under field humanitarian'));
        expect(codes(after.diagnostics)).toEqual([]);
        expect(after.files['programme.osa']).toContain('    field rule-of-law { activity maritime-surveillance }\n    field humanitarian { activity search-and-rescue }\n');
    });
});

describe('fields (OSA207)', () => {
    const BOTH = 'field rule-of-law { activity maritime-surveillance }\n    field humanitarian { activity search-and-rescue }';

    it('offers `serves` with each declared field for an item that serves none; none is preferred when there are two', async () => {
        const files = ws(programme({ fields: BOTH, items: 'provide "Clothing" category clothing-and-personal-equipment' }));
        const { actions } = await actionsFor(files, 'OSA207');
        const offered = actions.filter(a => a.title.startsWith('Add `serves'));
        expect(offered.map(a => a.title)).toEqual(['Add `serves rule-of-law`', 'Add `serves humanitarian`']);
        expect(offered.some(a => a.isPreferred)).toBe(false);
        const after = await applyAndValidate(files, byTitle(actions, 'Add `serves humanitarian`'));
        expect(codes(after.diagnostics)).toEqual([]);
        expect(after.files['programme.osa']).toContain('provide "Clothing" category clothing-and-personal-equipment serves humanitarian\n');
    });

    it('replaces a `serves` value that names an undeclared field', async () => {
        const files = ws(programme({ items: 'provide "Vessel" category support-vessel serves humanitarian' }));
        const { actions } = await actionsFor(files, 'OSA207');
        const fix = byTitle(actions, 'Change to `serves rule-of-law`');
        expect(fix.isPreferred).toBe(true);
        const after = await applyAndValidate(files, fix);
        expect(codes(after.diagnostics)).toEqual([]);
        expect(after.files['programme.osa']).toContain('provide "Vessel" category support-vessel serves rule-of-law\n');
    });

    it('offers no field outside the permitted three, even when the programme declares one', async () => {
        const files = ws(programme({ fields: 'field rule-of-law { activity maritime-surveillance }\n    field intelligence', items: 'provide "Clothing" category clothing-and-personal-equipment' }));
        const { actions } = await actionsFor(files, 'OSA207');
        expect(actions.filter(a => a.title.startsWith('Add `serves')).map(a => a.title)).toEqual(['Add `serves rule-of-law`']);
    });
});

/** The example workspace in memory: shared files, real programmes and one-file violations. */
function exampleFiles(): Files {
    const files: Files = {};
    for (const dir of ['shared', 'programmes', 'violations']) {
        for (const name of fs.readdirSync(path.join(EXAMPLES, dir)).filter(n => n.endsWith('.osa'))) {
            files[`${dir}/${name}`] = fs.readFileSync(path.join(EXAMPLES, dir, name), 'utf-8');
        }
    }
    return files;
}

function violationFile(files: Files, rule: string): string {
    const file = Object.keys(files).find(f => f.startsWith(`violations/${rule}-`));
    expect(file, rule).toBeDefined();
    return file!;
}

describe('the examples: each violation\'s preferred fix', () => {
    it.each(['OSA103', 'OSA105', 'OSA204', 'OSA310', 'OSA401', 'OSA402', 'OSA403', 'OSA404', 'OSA405', 'OSA406', 'OSA407', 'OSA501'])(
        '%s: applying it removes the finding and adds no other', async rule => {
            const files = exampleFiles();
            const file = violationFile(files, rule);
            const { actions, built } = await actionsFor(files, rule, file);
            const preferred = actions.filter(a => a.isPreferred);
            expect(preferred.length, JSON.stringify(actions.map(a => a.title))).toBe(1);
            const after = await applyAndValidate(files, preferred[0], file);
            expect(codes(after.diagnostics)).not.toContain(rule);
            // OSA310's new assessment has its references still to write (OSA311); nothing else is new.
            const before = new Set(codes(built.diagnostics(file)));
            expect(codes(after.diagnostics).filter(c => !before.has(c))).toEqual(rule === 'OSA310' ? ['OSA311'] : []);
        });

    it.each(['OSA101', 'OSA104', 'OSA303', 'OSA305'])('%s: the exception skeleton stays a finding until its justification is written', async rule => {
        const files = exampleFiles();
        const file = violationFile(files, rule);
        const { actions } = await actionsFor(files, rule, file);
        const after = await applyAndValidate(files, byTitle(actions, `Record an exception to ${rule} (write the justification)`), file);
        expect(after.diagnostics.find(d => d.code === rule)?.message).toContain('has no written justification');
        const written = await build({ ...after.files, [file]: after.files[file].replace('justification ""', 'justification "Decided by the NSC"') });
        expect(written.diagnostics(file).find(d => d.code === rule)?.message).toContain('"Decided by the NSC"');
    });
});

describe('every rule finding: suppression and documentation', () => {
    it('the suppression waits for a reason; with one written, the finding is suppressed', async () => {
        const files = exampleFiles();
        const built = await build(files);
        const findings = Object.keys(files).flatMap(file => built.diagnostics(file).filter(d => /^OSA\d{3}$/.test(String(d.code))).map(d => ({ file, d })));
        const rules = new Set(findings.map(f => String(f.d.code)));
        expect(rules.size).toBeGreaterThan(25);
        // One finding of each rule, in its violation file where there is one.
        const sample = [...rules].map(rule => findings.find(f => f.d.code === rule && f.file.startsWith(`violations/${rule}`)) ?? findings.find(f => f.d.code === rule)!);
        for (const { file, d } of sample) {
            const rule = String(d.code);
            const actions = await codeActions(built, file, [d]);
            const docs = byTitle(actions, `Show documentation for ${rule}`);
            expect(docs.command).toEqual({ title: `Show documentation for ${rule}`, command: 'vscode.open', arguments: [`https://github.com/osa-policy/osa-policy/blob/main/docs/rules/${rule}.md`] });
            expect(docs.edit).toBeUndefined();
            const suppress = byTitle(actions, `Suppress ${rule} on this line (write the reason)`);
            const edited = apply(files, suppress);
            const [comment] = addedLines(files[file], edited[file]);
            expect(comment, `${rule} in ${file}`).toMatch(new RegExp(`^\\s*// osa-disable-next-line ${rule} -- $`));
            // The comment is indented like the line below it.
            const lines = edited[file].split('\n');
            const below = lines[lines.indexOf(comment) + 1];
            expect(/^\s*/.exec(comment)![0]).toBe(/^\s*/.exec(below)![0]);
            const pending = await build(edited);
            expect(codes(pending.diagnostics(file)), `${rule} in ${file} without a reason`).toContain(rule);
            expect(pending.diagnostics(file).find(x => x.code === 'suppression')!.message).toContain('gives no reason');
            const reasoned = await build({ ...edited, [file]: edited[file].replace(comment, `${comment}Accepted in review`) });
            // That finding is gone (a file may have others of the same rule and message, e.g. both duplicates of OSA602).
            const same = (list: Diagnostic[]) => list.filter(x => x.code === rule && x.message === d.message).length;
            expect(same(reasoned.diagnostics(file)), `${rule} in ${file} with a reason`).toBe(same(built.diagnostics(file)) - 1);
            expect(codes(reasoned.diagnostics(file))).not.toContain('suppression');
        }
    });

    it('for a finding on a programme\'s own property, the comment goes above that property, not above `programme`', async () => {
        const files = ws(programme({ modality: 'modality loan' }));
        const { actions } = await actionsFor(files, 'OSA103');
        const edited = apply(files, byTitle(actions, 'Suppress OSA103 on this line (write the reason)'));
        expect(edited['programme.osa']).toContain('    // osa-disable-next-line OSA103 -- \n    modality loan');
    });

    it('for a declaration spanning lines, the comment goes above its first line', async () => {
        const files = ws(programme({ items: 'provide "Patrol boat"\n        quantity 1 category patrol-boat armed-after-delivery' }));
        const { actions } = await actionsFor(files, 'OSA305');
        const edited = apply(files, byTitle(actions, 'Suppress OSA305 on this line (write the reason)'));
        expect(edited['programme.osa']).toContain('    // osa-disable-next-line OSA305 -- \n    provide "Patrol boat"\n');
    });

    it('does not put a comment between a suppression and its line', async () => {
        const files = ws(programme({ modality: '// osa-disable-next-line OSA999 -- not a rule\n    modality loan' }));
        const { actions } = await actionsFor(files, 'OSA103');
        expect(actions.filter(a => a.title.startsWith('Suppress'))).toEqual([]);
        expect(actions.map(a => a.title)).toContain('Change the modality to grant');
    });
});

describe('layout', () => {
    it('keeps CRLF line endings', async () => {
        const files = ws(programme({ agreement: INLINE_AGREEMENT(ALL_CLAUSES.slice(1)) }).replaceAll('\n', '\r\n'));
        const { actions } = await actionsFor(files, 'OSA402');
        const after = await applyAndValidate(files, byTitle(actions, 'Add `clause information-disclosure` to the agreement'));
        expect(codes(after.diagnostics)).toEqual([]);
        expect(after.files['programme.osa']).toContain('        clause un-charter-conformity\r\n        clause information-disclosure\r\n    coordination');
        expect(after.files['programme.osa'].replaceAll('\r\n', '')).not.toContain('\n');
    });

    it('inserts after a trailing line comment, not into it', async () => {
        const files = ws(programme({ agreement: 'agreement uses StandardExchangeOfNotes signed 2024-12-05 // signed in Manila' }), TEMPLATE_WITHOUT('un-charter-conformity'));
        const { actions } = await actionsFor(files, 'OSA407');
        const after = await applyAndValidate(files, byTitle(actions, 'Add `clause un-charter-conformity` to the programme\'s agreement'));
        expect(codes(after.diagnostics)).toEqual([]);
        expect(after.files['programme.osa']).toContain('// signed in Manila\n        clause un-charter-conformity\n    coordination');
    });

    it('indents with tabs in a file indented with tabs', async () => {
        const files = ws(programme({ agreement: null }).replaceAll('    ', '\t'));
        const { actions } = await actionsFor(files, 'OSA401');
        const after = await applyAndValidate(files, byTitle(actions, /^Add an agreement/));
        expect(after.files['programme.osa']).toContain('\tagreement kind exchange-of-notes\n\t\tclause information-disclosure\n');
        expect(codes(after.diagnostics)).toEqual([]);
    });

    it('OSA204: gives a field declared without braces its first activity', async () => {
        const files = ws(programme({ fields: 'field humanitarian\n    field rule-of-law { activity maritime-surveillance activity search-and-rescue }' }));
        const { actions } = await actionsFor(files, 'OSA204');
        const after = await applyAndValidate(files, byTitle(actions, 'Move activity search-and-rescue under field humanitarian'));
        expect(codes(after.diagnostics)).toEqual([]);
        expect(after.files['programme.osa']).toContain('    field humanitarian { activity search-and-rescue }\n    field rule-of-law { activity maritime-surveillance }\n');
    });

    it('keeps a block-comment suppression above its line', async () => {
        const files = ws(programme({ agreement: null, coordination: '/* osa-disable-next-line OSA502 -- Frameworks recorded elsewhere */\n    coordination NSS, MOFA, MOD' }));
        const { actions } = await actionsFor(files, 'OSA401');
        const after = await applyAndValidate(files, byTitle(actions, /^Add an agreement/));
        expect(after.files['programme.osa']).toContain('        clause un-charter-conformity\n    /* osa-disable-next-line OSA502');
        expect(codes(after.diagnostics)).toEqual([]);
    });

    it('inserts into a programme written on one line without breaking it', async () => {
        const oneLine = programme({ coordination: 'coordination MOFA, MOD' }).replace(/\n\s*/g, ' ').trim() + '\n';
        const files = ws(oneLine.replace('recipient PHL', 'recipient SGP').replace('fiscal-year 2024', 'fiscal-year 2025'));
        const built = await build(files);
        for (const rule of ['OSA101', 'OSA501']) {
            const finding = built.diagnostics('programme.osa').find(d => d.code === rule)!;
            for (const action of (await codeActions(built, 'programme.osa', [finding])).filter(a => a.edit)) {
                const after = await applyAndValidate(files, action);
                expect(after.files['programme.osa'].split('\n').length, action.title).toBe(action.title.startsWith('Suppress') ? 3 : 2);
            }
        }
    });
});

describe('the language\'s own findings (code `syntax`)', () => {
    /** The code actions offered for the language finding whose message matches. */
    async function languageActions(files: Files, message: RegExp): Promise<{ diagnostic: Diagnostic; actions: CodeAction[] }> {
        const built = await build(files);
        const all = built.diagnostics('programme.osa');
        const diagnostic = all.find(d => d.code === 'syntax' && message.test(String(d.message)));
        expect(diagnostic, `${message} among ${JSON.stringify(all.map(d => d.message))}`).toBeDefined();
        return { diagnostic: diagnostic!, actions: await codeActions(built, 'programme.osa', [diagnostic!]) };
    }

    // Each case breaks the compliant baseline in one way; its preferred fix restores the baseline exactly.
    const restoring = [
        { what: 'removes a repeated property, with its line', parts: { extra: 'modality loan' }, message: /more than once/, title: 'Remove the repeated `modality`' },
        {
            what: 'removes a repeat written on the line of another statement, keeping the line', message: /more than once/, title: 'Remove the repeated `category`',
            parts: { items: 'provide "Coastal surveillance radar" quantity 5 category coastal-radar category patrol-boat' }
        },
        {
            what: 'replaces an unknown term with the closest suggestion', message: /Unknown item category/, title: 'Replace with `coastal-radar`',
            parts: { items: 'provide "Coastal surveillance radar" quantity 5 category costal-radar' }
        },
        { what: 'replaces an alias with the term it stands for', parts: { beneficiary: 'beneficiary "Philippine Navy" kind navy' }, message: /Unknown beneficiary kind/, title: 'Replace with `armed-forces`' },
        { what: 'replaces an unknown property name with the property it stands for', parts: { recipient: 'recipeint PHL' }, message: /`recipeint` is not a property/, title: 'Replace with `recipient`' },
        { what: 'writes a fiscal year in four digits', parts: { fiscalYear: 'fiscal-year FY2024' }, message: /takes/, title: 'Replace with `2024`' },
        { what: 'writes digit groups with `_`', parts: { amount: 'amount 600,000,000 JPY' }, message: /takes/, title: 'Replace with `600_000_000`' },
        { what: 'writes a date as YYYY-MM-DD', parts: { agreement: 'agreement uses StandardExchangeOfNotes signed 2024/12/05' }, message: /takes/, title: 'Replace with `2024-12-05`' },
        { what: 'adds a missing modality (grant is the only one OSA uses) after the property before it, indented like its neighbours', parts: { modality: null }, message: /has no modality/, title: 'Add `modality grant`' }
    ];

    it.each(restoring)('$what', async ({ parts, message, title }) => {
        const files = ws(programme(parts));
        const { actions } = await languageActions(files, message);
        const action = byTitle(actions, title);
        expect(action).toMatchObject({ kind: 'quickfix', isPreferred: true });
        const after = await applyAndValidate(files, action);
        expect(after.files['programme.osa']).toBe(programme());
        expect(codes(after.diagnostics)).toEqual([]);
    });

    it('offers to remove a second declaration of a field, not preferred: it may say more than the first', async () => {
        const files = ws(programme({ fields: 'field rule-of-law { activity maritime-surveillance }\n    field rule-of-law { activity maritime-surveillance }' }));
        const { actions } = await languageActions(files, /twice/);
        const action = byTitle(actions, 'Remove the repeated `field`');
        expect(action.isPreferred).toBeUndefined();
        const after = await applyAndValidate(files, action);
        expect(after.files['programme.osa']).toBe(programme());
    });

    it('offers one replacement per suggestion, only the first preferred', async () => {
        const { actions } = await languageActions(ws(programme({ beneficiary: 'beneficiary "Philippine Navy" kind related' })), /Unknown beneficiary kind/);
        const replacements = actions.filter(a => a.title.startsWith('Replace with'));
        expect(replacements.map(a => a.title)).toContain('Replace with `related-organisation`');
        expect(replacements.filter(a => a.isPreferred)).toEqual([replacements[0]]);
    });

    it('replaces an unknown UN operation with the operation it most likely is', async () => {
        const peace = (operation: string) => programme({ fields: `field peace-cooperation { activity peacekeeping-training operation ${operation} }` });
        const files = ws(peace('UNMIS'));
        const { actions } = await languageActions(files, /Unknown UN peace operation/);
        const after = await applyAndValidate(files, byTitle(actions, 'Replace with `UNMISS`'));
        expect(after.files['programme.osa']).toBe(peace('UNMISS'));
        expect(codes(after.diagnostics)).not.toContain('syntax');
    });

    it('offers no replacement for a malformed value it cannot correct', async () => {
        const { actions } = await languageActions(ws(programme({ items: 'provide "Coastal surveillance radar" quantity many category coastal-radar' })), /takes/);
        expect(actions).toEqual([]);
    });

    it('guesses no fact only a person knows: no value is inserted for a missing recipient or item category', async () => {
        for (const [parts, message] of [[{ recipient: null }, /has no recipient/], [{ items: 'provide "Coastal surveillance radar" quantity 5' }, /has no category/]] as const) {
            const { actions } = await languageActions(ws(programme(parts)), message);
            expect(actions.filter(a => a.title.startsWith('Add'))).toEqual([]);
        }
    });

    it('adds an empty text to a topic without one: the finding moves to OSA311 until a person writes it', async () => {
        const assessment = (democracy: string) => `assessment {\n        ${democracy}\n        rule-of-law "a"\n        human-rights "a"\n        socio-economic "a"\n        security-needs "a"\n        bilateral-relations "a"\n    }`;
        const files = ws(programme({ assessment: assessment('democracy on-file') }));
        const { actions } = await languageActions(files, /has no text/);
        const after = await applyAndValidate(files, byTitle(actions, 'Add `""`'));
        expect(after.files['programme.osa']).toBe(programme({ assessment: assessment('democracy on-file ""') }));
        expect(codes(after.diagnostics)).toEqual(['OSA311']);
    });

    it('offers nothing for a language finding the document no longer has', async () => {
        const before = await build(ws(programme({ extra: 'modality loan' })));
        const stale = before.diagnostics('programme.osa').find(d => d.code === 'syntax')!;
        const now = await build(ws(programme()));
        expect(await codeActions(now, 'programme.osa', [stale])).toEqual([]);
    });
});

describe('stale and foreign diagnostics', () => {
    it('offers nothing for a finding the document no longer has', async () => {
        const before = await build(ws(programme({ modality: 'modality loan' })));
        const stale = before.diagnostics('programme.osa').find(d => d.code === 'OSA103')!;
        const now = await build(ws(programme()));
        expect(await codeActions(now, 'programme.osa', [stale])).toEqual([]);
    });

    it('uses the current range when the finding has moved', async () => {
        const files = ws(programme({ modality: 'modality loan' }));
        const before = await build(files);
        const stale = before.diagnostics('programme.osa').find(d => d.code === 'OSA103')!;
        const moved = { ...files, 'programme.osa': files['programme.osa'].replace('    title', '    description "Two lines"\n    title') };
        const now = await build(moved);
        const action = byTitle(await codeActions(now, 'programme.osa', [stale]), 'Change the modality to grant');
        const after = await applyAndValidate(moved, action);
        expect(codes(after.diagnostics)).toEqual([]);
        expect(after.files['programme.osa']).toBe(moved['programme.osa'].replace('modality loan', 'modality grant'));
    });

    it('ignores parse errors and diagnostics of other sources, and honours context.only', async () => {
        const built = await build(ws(programme({ modality: 'modality loan' })));
        const document = built.documents['programme.osa'];
        const provider = built.services.lsp.CodeActionProvider!;
        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
        const foreign = { range, message: 'x', code: 'syntax' };
        expect(await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range, context: { diagnostics: [foreign] } })).toEqual([]);
        const finding = built.diagnostics('programme.osa').find(d => d.code === 'OSA103')!;
        expect(await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range, context: { diagnostics: [finding], only: ['refactor'] } })).toEqual([]);
        expect((await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range, context: { diagnostics: [finding], only: ['quickfix'] } }))!.length).toBeGreaterThan(0);
    });
});

describe('lifecycle fixes: placeholders a person fills in', () => {
    /** Replaces placeholders as a person would, then revalidates. */
    async function written(files: Files, replacements: [string, string][]): Promise<Built> {
        let text = files['programme.osa'];
        for (const [from, to] of replacements) {
            expect(text, from).toContain(from);
            text = text.replace(from, to);
        }
        return build({ ...files, 'programme.osa': text });
    }

    it('OSA408: "Add a monitoring skeleton" inserts the block; the finding stays until the visit is dated, then goes', async () => {
        const files = ws(programme({ extra: 'status delivered\n    delivered 2025-01-15' }));
        const { actions } = await actionsFor(files, 'OSA408');
        const skeleton = byTitle(actions, /^Add a monitoring skeleton/);
        expect(skeleton.isPreferred).toBe(true);
        const edited = apply(files, skeleton);
        expect(addedLines(files['programme.osa'], edited['programme.osa'])).toEqual([
            '    monitoring {', '        visit YYYY-MM-DD ""', '        results disclosed ""', '    }'
        ]);
        const placeholders = await build(edited);
        expect(codes(placeholders.diagnostics('programme.osa'))).toContain('OSA408');
        expect(placeholders.diagnostics('programme.osa').filter(d => d.code === 'syntax').map(d => d.message).join(' ')).toContain('YYYY-MM-DD');
        const done = await written(edited, [["YYYY-MM-DD \"\"", "2025-09-01 \"On-site check\""], ['disclosed ""', 'disclosed "https://www.mofa.go.jp/"']]);
        expect(codes(done.diagnostics('programme.osa'))).toEqual([]);
    });

    it('OSA408: a block without a dated visit gets a visit line; visits without results get disclosed or withheld', async () => {
        const noVisit = ws(programme({ extra: 'status delivered\n    delivered 2025-01-15\n    monitoring {\n        results disclosed "https://example.org/"\n    }' }));
        const visit = apply(noVisit, byTitle((await actionsFor(noVisit, 'OSA408')).actions, /^Add a monitoring visit/));
        expect(addedLines(noVisit['programme.osa'], visit['programme.osa'])).toEqual(['        visit YYYY-MM-DD ""']);
        expect(visit['programme.osa'].indexOf('visit YYYY')).toBeLessThan(visit['programme.osa'].indexOf('results disclosed'));

        const noResults = ws(programme({ extra: 'status delivered\n    delivered 2025-01-15\n    monitoring {\n        visit 2025-03-01 "Check"\n    }' }));
        const { actions } = await actionsFor(noResults, 'OSA408');
        const withheld = apply(noResults, byTitle(actions, /^Add `results withheld ""`/));
        expect(addedLines(noResults['programme.osa'], withheld['programme.osa'])).toEqual(['        results withheld ""']);
        const stillMissing = await build(withheld);
        expect(stillMissing.diagnostics('programme.osa').find(d => d.code === 'OSA408')?.message).toContain('without a reason');
        const done = await written(withheld, [['withheld ""', 'withheld "The sites are classified"']]);
        expect(codes(done.diagnostics('programme.osa'))).toEqual([]);
    });

    it('OSA409: "Add the date of signature" writes `signed` after the agreement\'s header, for the date to be written', async () => {
        const files = ws(programme({ agreement: 'agreement uses StandardExchangeOfNotes', extra: 'status signed' }));
        const { actions } = await actionsFor(files, 'OSA409');
        const add = byTitle(actions, /^Add the date of signature/);
        const edited = apply(files, add);
        expect(edited['programme.osa']).toContain('    agreement uses StandardExchangeOfNotes signed YYYY-MM-DD\n');
        const placeholder = await build(edited);
        expect(codes(placeholder.diagnostics('programme.osa'))).toEqual(['syntax']);
        const done = await written(edited, [['signed YYYY-MM-DD', 'signed 2024-12-05']]);
        expect(codes(done.diagnostics('programme.osa'))).toEqual([]);
    });
});
