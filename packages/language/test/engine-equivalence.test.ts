/**
 * The editor and the CLI reach their findings by two routes: the language server validates every
 * loaded document with the workspace rules inside Langium's validation; the CLI checks files in
 * batches and runs the workspace rules on summaries afterwards. Both must give the same findings.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { byPosition, collectOsaFiles, findWorkspaceRoot, toReportedDiagnostic, validateWorkspace } from '../src/engine/workspace-checker.js';
import { validateFilesAsEditor } from './helpers.js';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples');

describe('editor route and CLI route', () => {
    it('give the same findings on every example file', async () => {
        const files = collectOsaFiles(EXAMPLES);
        expect(files.length).toBeGreaterThan(40);

        // Editor route: one set of services with every file loaded, as the language server has them.
        const documents = await validateFilesAsEditor(files);
        const editor = new Map(documents.map(d => [d.uri.fsPath, (d.diagnostics ?? []).map(toReportedDiagnostic).sort(byPosition)]));

        // CLI route: each workspace validated in batches of 3, so that batching is exercised too.
        const byRoot = new Map<string, string[]>();
        for (const file of files) {
            const root = findWorkspaceRoot(file, EXAMPLES);
            byRoot.set(root, [...(byRoot.get(root) ?? []), file]);
        }
        expect(byRoot.size).toBe(2); // examples/ and the OSA302 scenario with its own configuration
        const cli = new Map<string, unknown>();
        for (const [root, members] of byRoot) {
            const { reports, problems } = await validateWorkspace(root, members, { batchSize: 3 });
            expect(problems).toEqual([]);
            for (const report of reports) {
                cli.set(report.path, report.diagnostics);
            }
        }

        expect([...cli.keys()].sort()).toEqual([...editor.keys()].sort());
        for (const [file, diagnostics] of editor) {
            expect(cli.get(file), path.relative(EXAMPLES, file)).toEqual(diagnostics);
        }
        const rules = new Set([...editor.values()].flat().map(d => d.rule));
        expect(rules.has('OSA601') && rules.has('OSA602') && rules.has('OSA302')).toBe(true);
    });
});
