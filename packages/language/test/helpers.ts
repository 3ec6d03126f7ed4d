/**
 * Test helpers: validate in-memory workspaces through the real services (parser, linker, rules),
 * and build programme sheets from a compliant baseline so each test changes only what it is about.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { expect } from 'vitest';
import { createOsaServices, type OsaModuleOptions } from '../src/osa-module.js';
import { readSource, toReportedDiagnostic, type ReportedDiagnostic } from '../src/engine/workspace-checker.js';

export const WORKSPACE = '/workspace';

/** The shared agreement template every baseline programme uses; it has all §3(3) clauses. */
export const STANDARD_TEMPLATE = `agreement-template StandardExchangeOfNotes {
    title "Exchange of notes with the standard OSA clauses"
    kind exchange-of-notes
    clause information-disclosure
    clause monitoring-and-evaluation results disclosed
    clause no-extra-purpose-use
    clause no-third-party-transfer
    clause un-charter-conformity
}
`;

export interface ValidatedFile {
    source: string;
    diagnostics: ReportedDiagnostic[];
}

/**
 * Validates files that form one workspace (names are paths below /workspace). By default the
 * standard template is added as `templates.osa`; pass `templates.osa: null` to leave it out.
 */
export async function validateWorkspaceSources(
    files: Record<string, string | null>,
    options: OsaModuleOptions = {}
): Promise<Record<string, ValidatedFile>> {
    const all: Record<string, string | null> = { 'templates.osa': STANDARD_TEMPLATE, ...files };
    const { shared } = createOsaServices(EmptyFileSystem, options);
    const documents = Object.entries(all)
        .filter((entry): entry is [string, string] => entry[1] !== null)
        .map(([name, source]) => {
            const document = shared.workspace.LangiumDocumentFactory.fromString(source, URI.file(`${WORKSPACE}/${name}`));
            shared.workspace.LangiumDocuments.addDocument(document);
            return [name, source, document] as const;
        });
    await shared.workspace.DocumentBuilder.build(documents.map(d => d[2]), { validation: true });
    return Object.fromEntries(documents.map(([name, source, document]) =>
        [name, { source, diagnostics: (document.diagnostics ?? []).map(toReportedDiagnostic) }]));
}

/** Validates one programme file (plus the standard template) and returns its diagnostics. */
/**
 * The editor's route: the files read from disk into one set of services, as the language server has them,
 * and validated together.
 */
export async function validateFilesAsEditor(files: readonly string[], options: OsaModuleOptions = {}): Promise<LangiumDocument[]> {
    const { shared } = createOsaServices(NodeFileSystem, options);
    const documents = files.map(file => {
        const source = readSource(file);
        if (!('text' in source)) {
            throw new Error(source.problem);
        }
        const document = shared.workspace.LangiumDocumentFactory.fromString(source.text, URI.file(file));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return documents;
}

export async function validateSource(source: string, options: OsaModuleOptions = {}): Promise<ValidatedFile> {
    return (await validateWorkspaceSources({ 'programme.osa': source }, options))['programme.osa'];
}

/** The source text a diagnostic's range covers. */
export function markedText(source: string, diagnostic: ReportedDiagnostic): string {
    const lines = source.split(/\r?\n/);
    const { start, end } = diagnostic.range;
    if (start.line === end.line) {
        return lines[start.line - 1].slice(start.column - 1, end.column - 1);
    }
    return [lines[start.line - 1].slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1].slice(0, end.column - 1)].join('\n');
}

/** Sections of the baseline programme; each can be replaced (string) or removed (null). */
export interface ProgrammeParts {
    id: string;
    title: string | null;
    fiscalYear: string | null;
    recipient: string | null;
    beneficiary: string | null;
    modality: string | null;
    amount: string | null;
    fields: string | null;
    items: string | null;
    assessment: string | null;
    agreement: string | null;
    coordination: string | null;
    /** Extra lines before the closing brace (exceptions, funded-by, ...). */
    extra: string | null;
}

export const BASELINE: ProgrammeParts = {
    id: 'TEST-2024-001',
    title: 'title "Coastal surveillance radars for the Philippine Navy"',
    fiscalYear: 'fiscal-year 2024',
    recipient: 'recipient PHL',
    beneficiary: 'beneficiary "Philippine Navy" kind armed-forces',
    modality: 'modality grant',
    amount: 'amount 600_000_000 JPY',
    fields: 'field rule-of-law { activity maritime-surveillance }',
    items: 'provide "Coastal surveillance radar" quantity 5 category coastal-radar',
    assessment: `assessment {
        democracy on-file "Recipient review 2024-10"
        rule-of-law on-file "Recipient review 2024-10"
        human-rights on-file "Recipient review 2024-10"
        socio-economic "Lower-middle-income country on the DAC list"
        security-needs "Maritime domain awareness in the South China Sea"
        bilateral-relations "Strategic partnership"
    }`,
    agreement: 'agreement uses StandardExchangeOfNotes signed 2024-12-05',
    coordination: 'coordination NSS, MOFA, MOD, JICA',
    extra: null
};

/** A programme sheet: the compliant baseline with the given parts replaced or removed. */
export function programme(overrides: Partial<ProgrammeParts> = {}): string {
    const parts = { ...BASELINE, ...overrides };
    const body = (['title', 'fiscalYear', 'recipient', 'beneficiary', 'modality', 'amount', 'fields', 'items',
        'assessment', 'agreement', 'coordination', 'extra'] as const)
        .map(key => parts[key])
        .filter((part): part is string => part !== null)
        .map(part => `    ${part}`);
    return `programme ${parts.id} {\n${body.join('\n')}\n}\n`;
}

export interface ExpectedFinding {
    severity?: 'error' | 'warning' | 'info';
    /** The exact source text the diagnostic marks. */
    marked?: string;
    /** Words the message must contain. */
    messageIncludes?: string[];
}

export interface RuleCase {
    name: string;
    /** A programme file, or several files of one workspace. */
    code: string | Record<string, string | null>;
    /** Which file of a multi-file case the findings are read from (default: programme.osa). */
    file?: string;
    options?: OsaModuleOptions;
}

export interface InvalidRuleCase extends RuleCase {
    findings: ExpectedFinding[];
}

/** Validates a case and returns the file's source and its diagnostics. */
export async function runCase(testCase: RuleCase): Promise<ValidatedFile> {
    const files = typeof testCase.code === 'string' ? { 'programme.osa': testCase.code } : testCase.code;
    const validated = await validateWorkspaceSources(files, testCase.options);
    return validated[testCase.file ?? 'programme.osa'];
}

/** Asserts a case: the rule's findings match exactly (count, severity, marked text, message words). */
export function expectFindings(ruleId: string, validated: ValidatedFile, expected: ExpectedFinding[]): void {
    const syntax = validated.diagnostics.filter(d => d.rule === 'syntax' && d.severity === 'error');
    expect(syntax, 'the fixture itself must be well-formed').toEqual([]);
    const actual = validated.diagnostics.filter(d => d.rule === ruleId);
    expect(actual.map(d => d.message), `findings of ${ruleId}`).toHaveLength(expected.length);
    expected.forEach((e, i) => {
        const d = actual[i];
        if (e.severity) {
            expect(d.severity).toBe(e.severity);
        }
        if (e.marked !== undefined) {
            expect(markedText(validated.source, d)).toBe(e.marked);
        }
        for (const word of e.messageIncludes ?? []) {
            expect(d.message).toContain(word);
        }
        expect(d.clause).not.toBeNull();
    });
}

/** A deterministic pseudo-random sequence in [0, 1) (mulberry32): a failing seeded test can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
