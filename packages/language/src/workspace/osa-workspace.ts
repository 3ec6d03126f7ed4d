/**
 * The CLI's notion of a workspace. A file's workspace is the nearest folder above it that holds an
 * `osa.config.json`; without one, the current directory when it contains the file, else the file's own
 * folder. Every `.osa` file of the workspace is loaded, so validating one file reports exactly what
 * validating the whole workspace reports for that file (templates, budgets and duplicate ids included).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createOsaServices, type OsaModuleOptions } from '../osa-module.js';
import { DEFAULT_REFERENCE_DATA } from '../reference/default-data.js';
import { ruleById } from '../rules/index.js';
import { ConfigError, extendReferenceData, loadConfig } from './config.js';
import type { FileReport, InputProblem, Position1, ReportedDiagnostic, Severity } from './report.js';
import { LANGUAGE_CODE } from '../validation/language-checks.js';

export const CONFIG_FILE_NAME = 'osa.config.json';
export const OSA_EXTENSION = '.osa';
/** Files above this size are refused with a clear message instead of exhausting memory. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export type { FileReport, InputProblem, Position1, ReportedDiagnostic, Severity, SuppressedDiagnostic } from './report.js';

export function findWorkspaceRoot(file: string, cwd = process.cwd()): string {
    let dir = path.dirname(path.resolve(file));
    for (;;) {
        if (fs.existsSync(path.join(dir, CONFIG_FILE_NAME))) {
            return dir;
        }
        const parent = path.dirname(dir);
        if (parent === dir) {
            break;
        }
        dir = parent;
    }
    const resolvedCwd = path.resolve(cwd);
    const relative = path.relative(resolvedCwd, path.resolve(file));
    return !relative.startsWith('..') && !path.isAbsolute(relative) ? resolvedCwd : path.dirname(path.resolve(file));
}

/**
 * All `.osa` files under `dir`, sorted; dependency and hidden folders are never walked. With
 * `workspaceOnly`, sub-folders holding their own osa.config.json are left out: they are other workspaces.
 */
export function collectOsaFiles(dir: string, problems: InputProblem[] = [], workspaceOnly = false): string[] {
    const found: string[] = [];
    const walk = (current: string) => {
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(current, { withFileTypes: true });
        } catch (error) {
            problems.push({ path: current, message: `cannot read directory: ${(error as Error).message}` });
            return;
        }
        for (const entry of entries) {
            if (entry.name === 'node_modules' || entry.name.startsWith('.')) {
                continue;
            }
            const full = path.join(current, entry.name);
            if (entry.isDirectory()) {
                if (!(workspaceOnly && fs.existsSync(path.join(full, CONFIG_FILE_NAME)))) {
                    walk(full);
                }
            } else if (entry.isFile() && entry.name.endsWith(OSA_EXTENSION)) {
                found.push(full);
            }
        }
    };
    walk(dir);
    return found.sort();
}

/** Reads a file as UTF-8 text, refusing what cannot be a programme sheet. */
export function readSource(file: string): { text: string } | { problem: string } {
    try {
        const stat = fs.statSync(file);
        if (stat.size > MAX_FILE_BYTES) {
            return { problem: `file is too large (${(stat.size / 1024 / 1024).toFixed(1)} MiB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MiB)` };
        }
        return { text: fs.readFileSync(file, 'utf-8') };
    } catch (error) {
        return { problem: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
    }
}

function severityOf(diagnostic: Diagnostic): Severity {
    switch (diagnostic.severity) {
        case 1: return 'error';
        case 2: return 'warning';
        default: return 'info';
    }
}

function toPosition1(position: { line: number; character: number }): Position1 {
    return { line: position.line + 1, column: position.character + 1 };
}

export function toReportedDiagnostic(diagnostic: Diagnostic): ReportedDiagnostic {
    const rule = typeof diagnostic.code === 'string' ? ruleById(diagnostic.code) : undefined;
    const reported: ReportedDiagnostic = {
        rule: rule?.id ?? LANGUAGE_CODE,
        severity: severityOf(diagnostic),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        clause: rule?.clause ?? null,
        range: { start: toPosition1(diagnostic.range.start), end: toPosition1(diagnostic.range.end) }
    };
    if (diagnostic.relatedInformation?.length) {
        reported.related = diagnostic.relatedInformation.map(r => ({
            path: URI.parse(r.location.uri).fsPath,
            range: { start: toPosition1(r.location.range.start), end: toPosition1(r.location.range.end) },
            message: r.message
        }));
    }
    return reported;
}

function byPosition(a: ReportedDiagnostic, b: ReportedDiagnostic): number {
    return a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column
        || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);
}

/**
 * Validates one workspace: loads every `.osa` file under `root` (plus any `extraFiles`), builds them
 * together and returns the reports of the files asked for, in the order asked.
 */
export async function validateWorkspace(
    root: string,
    requested: readonly string[],
    options: OsaModuleOptions & { extraFiles?: readonly string[] } = {}
): Promise<{ reports: FileReport[]; problems: InputProblem[] }> {
    const problems: InputProblem[] = [];
    const configFile = path.join(root, CONFIG_FILE_NAME);
    let referenceData = options.referenceData ?? DEFAULT_REFERENCE_DATA;
    if (fs.existsSync(configFile)) {
        try {
            referenceData = extendReferenceData(referenceData, loadConfig(configFile));
        } catch (error) {
            if (!(error instanceof ConfigError)) {
                throw error;
            }
            // Results computed without the workspace's own data would mislead: report, skip the workspace.
            problems.push({ path: configFile, message: `invalid configuration, the workspace's files were not validated: ${error.message.slice(configFile.length + 2)}` });
            return { reports: [], problems };
        }
    }
    const files = [...new Set([...collectOsaFiles(root, problems, true), ...requested.map(f => path.resolve(f)), ...(options.extraFiles ?? [])])];
    const { shared } = createOsaServices(NodeFileSystem, { ...options, referenceData });
    const documents = new Map<string, LangiumDocument>();
    const unreadable = new Set<string>();
    for (const file of files) {
        const source = readSource(file);
        if ('problem' in source) {
            unreadable.add(file);
            if (requested.some(r => path.resolve(r) === file)) {
                problems.push({ path: file, message: source.problem });
            }
            continue;
        }
        const document = shared.workspace.LangiumDocumentFactory.fromString(source.text, URI.file(file));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(file, document);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    const reports: FileReport[] = [];
    for (const file of requested.map(f => path.resolve(f))) {
        const document = documents.get(file);
        if (!document) {
            continue; // reported as a problem above
        }
        reports.push({
            path: file,
            diagnostics: (document.diagnostics ?? []).map(toReportedDiagnostic).sort(byPosition),
            suppressed: []
        });
    }
    return { reports, problems };
}
