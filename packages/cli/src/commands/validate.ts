import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    ALL_RULES, collectOsaFiles, findWorkspaceRoot, validateWorkspace, type FileReport, type InputProblem, type ValidationRun
} from '@osa-policy/language';
import { choice, parseArgs } from '../args.js';
import { ExitCode } from '../exit-codes.js';
import { displayPath } from '../formatters/summary.js';
import { FORMAT_NAMES, FORMATTERS } from '../formatters/index.js';
import { TOOL_VERSION } from '../version.js';

/** Expands the paths given on the command line into `.osa` files; missing paths become problems. */
export function expandPaths(paths: readonly string[]): { files: string[]; problems: InputProblem[] } {
    const files: string[] = [];
    const problems: InputProblem[] = [];
    for (const given of paths) {
        const resolved = path.resolve(given);
        let stat: fs.Stats;
        try {
            stat = fs.statSync(resolved);
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            problems.push({ path: resolved, message: code === 'ENOENT' ? 'no such file or directory' : `cannot access: ${code}` });
            continue;
        }
        if (stat.isDirectory()) {
            files.push(...collectOsaFiles(resolved, problems));
        } else {
            files.push(resolved);
        }
    }
    return { files: [...new Set(files)].sort(), problems };
}

/** Validates the files, one build per workspace, and returns reports sorted by path. */
export async function validatePaths(paths: readonly string[]): Promise<ValidationRun> {
    const { files, problems } = expandPaths(paths);
    const byWorkspace = new Map<string, string[]>();
    for (const file of files) {
        const root = findWorkspaceRoot(file);
        const group = byWorkspace.get(root);
        if (group) {
            group.push(file);
        } else {
            byWorkspace.set(root, [file]);
        }
    }
    const reports: FileReport[] = [];
    for (const [root, requested] of byWorkspace) {
        const result = await validateWorkspace(root, requested);
        reports.push(...result.reports);
        problems.push(...result.problems);
    }
    reports.sort((a, b) => a.path.localeCompare(b.path));
    return { reports, problems };
}

export async function runValidate(argv: readonly string[], io: { out: (text: string) => void; err: (text: string) => void }): Promise<number> {
    const { positional, options } = parseArgs(argv, ['format']);
    const format = choice(options.get('format'), FORMAT_NAMES, 'stylish', 'format');
    const run = await validatePaths(positional.length > 0 ? positional : ['.']);
    for (const problem of run.problems) {
        io.err(`osa: ${displayPath(problem.path, process.cwd())}: ${problem.message}\n`);
    }
    io.out(FORMATTERS[format](run, { version: TOOL_VERSION, cwd: process.cwd(), rules: ALL_RULES, color: false }));
    if (run.problems.length > 0) {
        return ExitCode.UsageOrIo;
    }
    const errors = run.reports.some(r => r.diagnostics.some(d => d.severity === 'error'));
    return errors ? ExitCode.Findings : ExitCode.Ok;
}
