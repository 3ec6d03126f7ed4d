/** The language server over the real protocol: diagnostics, workspace checks, settings, shutdown. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LspTestClient, REPO } from './lsp-client.js';

const EXAMPLES = path.join(REPO, 'examples');
let client: LspTestClient | undefined;

afterEach(async () => {
    if (client && client.process.exitCode === null) {
        client.process.kill();
    }
    client = undefined;
});

function copyExamples(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-lsp-'));
    fs.cpSync(EXAMPLES, dir, { recursive: true });
    return dir;
}

describe('osa lsp --stdio', () => {
    it('publishes diagnostics with rule id, docs link, source and data', async () => {
        client = await LspTestClient.start(EXAMPLES);
        const file = path.join(EXAMPLES, 'violations/OSA402-missing-information-disclosure-clause.osa');
        await client.open(file);
        const diagnostics = await client.diagnostics(file, d => d.length > 0);
        const finding = diagnostics.find(d => d.code === 'OSA402')!;
        expect(finding.source).toBe('osa');
        expect(finding.codeDescription?.href).toMatch(/docs\/rules\/OSA402\.md$/);
        expect(finding.data).toMatchObject({ rule: 'OSA402', clause: '§3(3)(a)', missingClause: 'information-disclosure' });
        expect(client.serverRequests).toContain('workspace/configuration');
        expect(await client.shutdown()).toBe(0);
    });

    it('points at the other side of a cross-file problem', async () => {
        client = await LspTestClient.start(EXAMPLES);
        const file = path.join(EXAMPLES, 'violations/OSA602-duplicate-programme-id.osa');
        await client.open(file);
        const diagnostics = await client.diagnostics(file, d => d.some(x => x.code === 'OSA602'));
        const duplicate = diagnostics.find(d => d.code === 'OSA602')!;
        expect(duplicate.relatedInformation?.length).toBeGreaterThan(0);
        await client.shutdown();
    });

    it('gives the same findings as the CLI on every example', async () => {
        const { spawnSync } = await import('node:child_process');
        const cli = JSON.parse(spawnSync(process.execPath, [path.join(REPO, 'packages/cli/bin/osa.js'), 'validate', 'examples', '--format', 'json'], { cwd: REPO, encoding: 'utf-8' }).stdout) as {
            files: { path: string; diagnostics: { rule: string; range: { start: { line: number; column: number } }; message: string }[] }[];
        };
        client = await LspTestClient.start(EXAMPLES);
        for (const file of cli.files) {
            const absolute = path.join(REPO, file.path);
            await client.open(absolute);
            const diagnostics = await client.diagnostics(absolute, d => d.length === file.diagnostics.length);
            const fromServer = diagnostics.map(d => `${d.code ?? 'syntax'} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).sort();
            const fromCli = file.diagnostics.map(d => `${d.rule} ${d.range.start.line}:${d.range.start.column} ${d.message}`).sort();
            expect(fromServer.map(s => s.replace(/^undefined /, 'syntax ')), file.path).toEqual(fromCli);
        }
        await client.shutdown();
    });

    it('updates a closed file\'s workspace findings when another file changes', async () => {
        const dir = copyExamples();
        client = await LspTestClient.start(dir);
        const budgets = path.join(dir, 'shared/budgets.osa');
        const phl = path.join(dir, 'programmes/OSA-FY2024-PHL.osa');
        await client.open(phl);
        await client.diagnostics(phl);
        // Raise FY2024's Philippine programme by ten billion yen: FY2024's envelope is now exceeded.
        await client.change(phl, client.text(phl).replace('amount 1_600_000_000 JPY', 'amount 11_600_000_000 JPY'));
        const envelope = await client.diagnostics(budgets, d => d.some(x => x.code === 'OSA601'));
        expect(envelope.find(d => d.code === 'OSA601')!.message).toContain('FY2024');
        // And back: the finding disappears again.
        await client.change(phl, client.text(phl).replace('amount 11_600_000_000 JPY', 'amount 1_600_000_000 JPY'));
        await client.diagnostics(budgets, d => !d.some(x => x.code === 'OSA601'));
        await client.shutdown();
    });

    it('validates the whole workspace on demand, closed files included', async () => {
        client = await LspTestClient.start(EXAMPLES);
        const result = await client.request<{ validated: number }>('workspace/executeCommand', { command: 'osa.validateWorkspace', arguments: [] });
        expect(result.validated).toBeGreaterThan(40);
        const closed = path.join(EXAMPLES, 'violations/OSA103-modality-not-grant.osa');
        const diagnostics = await client.diagnostics(closed, d => d.length > 0);
        expect(diagnostics.map(d => d.code)).toContain('OSA103');
        await client.shutdown();
    });

    it('the code lens command lists a programme\'s findings', async () => {
        client = await LspTestClient.start(EXAMPLES);
        const file = path.join(EXAMPLES, 'violations/OSA103-modality-not-grant.osa');
        const uri = await client.open(file);
        await client.diagnostics(file, d => d.length > 0);
        const lenses = await client.request<{ command: { command: string; arguments: unknown[] } }[]>('textDocument/codeLens', { textDocument: { uri } });
        const result = await client.request<{ programme: string; findings: { rule: string; line: number }[] }>('workspace/executeCommand', lenses[0].command);
        expect(result.programme).toBe('VIOLATION-OSA103');
        expect(result.findings.map(f => f.rule)).toContain('OSA103');
        await client.shutdown();
    });

    it('a rule that throws costs one diagnostic, not the server', async () => {
        client = await LspTestClient.start(EXAMPLES, { env: { OSA_FAULT_INJECTION: 'throwing-rule' } });
        const file = path.join(EXAMPLES, 'violations/OSA103-modality-not-grant.osa');
        await client.open(file);
        const diagnostics = await client.diagnostics(file, d => d.length > 0);
        const crash = diagnostics.filter(d => d.code === 'OSA999');
        expect(crash).toHaveLength(1);
        expect(crash[0].message).toContain('injected fault');
        expect(diagnostics.map(d => d.code)).toContain('OSA103');
        // The server still answers afterwards.
        const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: `file://${file}` } });
        expect(Array.isArray(symbols)).toBe(true);
        expect(await client.shutdown()).toBe(0);
    });

    it('reloads an osa.config.json that changed', async () => {
        const dir = copyExamples();
        client = await LspTestClient.start(dir);
        const file = path.join(dir, 'programmes/OSA-FY2024-IDN.osa');
        await client.open(file);
        await client.diagnostics(file, d => d.some(x => x.code === 'OSA305' && x.severity === 2));
        fs.writeFileSync(path.join(dir, 'osa.config.json'), JSON.stringify({ rules: { OSA305: 'error', OSA502: 'off' } }));
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${path.join(dir, 'osa.config.json')}`, type: 2 }] });
        const after = await client.diagnostics(file, d => d.some(x => x.code === 'OSA305' && x.severity === 1));
        expect(after.map(d => d.code)).toEqual(['OSA305']);
        await client.shutdown();
    });

    it('with scope "openFiles" (the default), closed files get no diagnostics unless a workspace finding involves them', async () => {
        client = await LspTestClient.start(EXAMPLES);
        const open = path.join(EXAMPLES, 'violations/OSA402-missing-information-disclosure-clause.osa');
        await client.open(open);
        await client.diagnostics(open, d => d.length > 0);
        await client.open(path.join(EXAMPLES, 'programmes/OSA-FY2024-MNG.osa'));
        await client.diagnostics(path.join(EXAMPLES, 'programmes/OSA-FY2024-MNG.osa'));
        await new Promise(resolve => setTimeout(resolve, 1000));
        expect(client.published(path.join(EXAMPLES, 'violations/OSA103-modality-not-grant.osa'))).toBeUndefined();
        // The duplicate-id file is closed but involved in a workspace finding: it is checked.
        const duplicates = await client.diagnostics(path.join(EXAMPLES, 'violations/OSA602-duplicate-programme-id.osa'), d => d.length > 0);
        expect(duplicates.map(d => d.code)).toContain('OSA602');
        await client.shutdown();
    });

    it('survives an invalid osa.config.json: reports it, keeps answering, and recovers when it is fixed', async () => {
        const dir = copyExamples();
        client = await LspTestClient.start(dir);
        const file = path.join(dir, 'programmes/OSA-FY2024-IDN.osa');
        const uri = await client.open(file);
        await client.diagnostics(file, d => d.some(x => x.code === 'OSA305'));
        const config = path.join(dir, 'osa.config.json');
        const notify = () => client!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${config}`, type: 2 }] });
        fs.writeFileSync(config, JSON.stringify({ rules: { OSA502: 'sometimes' } }));
        await notify();
        const broken = await client.diagnostics(file, d => d.some(x => x.message.includes('configuration is invalid')));
        expect(broken).toHaveLength(1);
        const completion = await client.request<{ items: unknown[] } | unknown[]>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
        expect(completion).toBeDefined();
        const validated = await client.request<{ validated: number }>('workspace/executeCommand', { command: 'osa.validateWorkspace', arguments: [] });
        expect(validated.validated).toBeGreaterThan(40);
        fs.writeFileSync(config, '{}');
        await notify();
        await client.diagnostics(file, d => d.some(x => x.code === 'OSA305'));
        await client.shutdown();
    });

    it('with scope "workspace", closed files are validated from the start', async () => {
        client = await LspTestClient.start(EXAMPLES, { settings: { validation: { scope: 'workspace' } } });
        const closed = path.join(EXAMPLES, 'violations/OSA201-no-field-declared.osa');
        const diagnostics = await client.diagnostics(closed, d => d.length > 0);
        expect(diagnostics.map(d => d.code)).toContain('OSA201');
        await client.shutdown();
    });
});
