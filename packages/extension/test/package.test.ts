/**
 * The .vsix that `npm run package` produces: packaged here (about 2 s, in a staging folder, so dist/
 * is untouched), then read with a small zip reader. It must hold what the extension needs and
 * nothing else, stay small, declare only files it contains, and its language server must run on the
 * editor's Node 20 straight out of the archive.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    createProtocolConnection, DidOpenTextDocumentNotification, ExitNotification, InitializeRequest, PublishDiagnosticsNotification,
    ShutdownRequest, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';
// @ts-expect-error: a plain ES module script without type declarations
import { packageExtension } from '../scripts/package.mjs';
import { englishManifest } from './nls.js';
import { readZipEntries, readZipEntry, type ZipEntry } from './zip.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const EDITOR_NODE = process.env.OSA_EDITOR_NODE ?? '/usr/bin/node';

let vsix: { path: string; size: number };
let zip: Buffer;
let entries: ZipEntry[];
let names: string[];
let unpacked: string;

beforeAll(() => {
    vsix = packageExtension({ say: () => undefined });
    zip = fs.readFileSync(vsix.path);
    entries = readZipEntries(zip);
    names = entries.map(e => e.name);
    unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-vsix-'));
    for (const entry of entries.filter(e => !e.name.endsWith('/'))) {
        const target = path.join(unpacked, entry.name);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, readZipEntry(zip, entry));
    }
}, 120_000);

afterAll(() => {
    if (unpacked) {
        fs.rmSync(unpacked, { recursive: true, force: true });
    }
});

/** The packaged manifest in English: its `%key%` strings resolved from the packaged package.nls.json. */
const manifest = () => englishManifest(path.join(unpacked, 'extension'));

describe('the packaged extension (.vsix)', () => {
    it('is written as packages/extension/osa-vscode-<version>.vsix and is small', () => {
        const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'packages/extension/package.json'), 'utf-8'));
        expect(path.relative(REPO, vsix.path)).toBe(`packages/extension/osa-vscode-${version}.vsix`);
        const unpackedBytes = entries.reduce((n, e) => n + e.size, 0);
        console.log(`[package] ${path.basename(vsix.path)}: ${(vsix.size / 1024).toFixed(0)} KiB packed, `
            + `${(unpackedBytes / 1024).toFixed(0)} KiB unpacked, ${entries.length} entries; `
            + entries.filter(e => e.size > 100_000).map(e => `${e.name} ${(e.size / 1024).toFixed(0)} KiB`).join(', '));
        expect(vsix.size).toBeLessThan(2 * 1024 * 1024);
    });

    it('holds the bundles, grammar, schema, snippets, docs, icon, README, CHANGELOG and LICENSE', () => {
        for (const required of [
            'extension.vsixmanifest',
            'extension/package.json',
            'extension/readme.md',
            'extension/changelog.md',
            'extension/LICENSE.txt',
            'extension/THIRD-PARTY-NOTICES.md',
            'extension/dist/extension.cjs',
            'extension/dist/language-server.cjs',
            'extension/dist/rules.json',
            'extension/syntaxes/osa.tmLanguage.json',
            'extension/schemas/osa.config.schema.json',
            'extension/snippets/osa.json',
            'extension/language-configuration.json',
            'extension/images/icon.png',
            'extension/docs/rules/OSA402.md'
        ]) {
            expect(names, required).toContain(required);
        }
        // The minified bundles keep no license comments: the notices name what they contain.
        const notices = fs.readFileSync(path.join(unpacked, 'extension/THIRD-PARTY-NOTICES.md'), 'utf-8');
        for (const bundled of ['langium', 'chevrotain', 'vscode-languageclient', 'vscode-languageserver']) {
            expect(notices).toMatch(new RegExp(`^## ${bundled} \\d`, 'm'));
        }
        // One page per rule, and the rule list the "Show Rule Documentation" command reads.
        const rules = JSON.parse(fs.readFileSync(path.join(unpacked, 'extension/dist/rules.json'), 'utf-8')) as { id: string }[];
        expect(rules.length).toBeGreaterThanOrEqual(30);
        for (const { id } of rules) {
            expect(names).toContain(`extension/docs/rules/${id}.md`);
        }
        // The grammar and schema are the repository's.
        expect(fs.readFileSync(path.join(unpacked, 'extension/syntaxes/osa.tmLanguage.json'), 'utf-8'))
            .toBe(fs.readFileSync(path.join(REPO, 'syntaxes/osa.tmLanguage.json'), 'utf-8'));
        expect(fs.readFileSync(path.join(unpacked, 'extension/schemas/osa.config.schema.json'), 'utf-8'))
            .toBe(fs.readFileSync(path.join(REPO, 'packages/language/src/config/osa.config.schema.json'), 'utf-8'));
    });

    it('holds the localisation: package.nls.json, package.nls.ja.json and the l10n bundle its manifest names, as in the repository', () => {
        for (const file of ['package.nls.json', 'package.nls.ja.json', 'l10n/bundle.l10n.ja.json']) {
            expect(names, file).toContain(`extension/${file}`);
            expect(fs.readFileSync(path.join(unpacked, 'extension', file), 'utf-8'), file)
                .toBe(fs.readFileSync(path.join(REPO, 'packages/extension', file), 'utf-8'));
        }
        const raw = JSON.parse(fs.readFileSync(path.join(unpacked, 'extension/package.json'), 'utf-8'));
        expect(raw.l10n).toBe('./l10n');
        expect(raw.contributes.commands[0].title).toBe('%command.validateWorkspace%');
        // vsce resolved the English texts for the Marketplace's listing.
        const listing = fs.readFileSync(path.join(unpacked, 'extension.vsixmanifest'), 'utf-8');
        expect(listing).toContain('<DisplayName>OSA Policy Language</DisplayName>');
        // The Japanese rule pages written so far go with the English ones, with the rule list's Japanese summaries.
        const japanesePages = path.join(REPO, 'docs/rules/ja');
        for (const page of fs.existsSync(japanesePages) ? fs.readdirSync(japanesePages).filter(f => /^OSA\d{3}\.md$/.test(f)) : []) {
            expect(names).toContain(`extension/docs/rules/ja/${page}`);
        }
        const rules = JSON.parse(fs.readFileSync(path.join(unpacked, 'extension/dist/rules.json'), 'utf-8')) as { id: string; ja: { summary: string; docs: string } }[];
        expect(rules.find(r => r.id === 'OSA402')?.ja.docs).toMatch(/docs\/rules\/ja\/OSA402\.md$/);
        expect(rules.every(r => r.ja.summary.length > 0)).toBe(true);
    });

    it('holds no sources, tests, source maps, node_modules, TypeScript or scripts', () => {
        const forbidden = names.filter(name =>
            /(^|\/)(src|test|scripts|node_modules|out)\//.test(name)
            || /\.(map|ts|tsx|mts|cts|mjs|vsix|tsbuildinfo)$/.test(name)
            || /(^|\/)(tsconfig\.json|esbuild\.mjs|\.gitignore|\.vscodeignore)$/.test(name)
            || name.endsWith('images/screenshot.png'));
        expect(forbidden).toEqual([]);
        // Minified, and no inline source map either.
        const server = fs.readFileSync(path.join(unpacked, 'extension/dist/language-server.cjs'), 'utf-8');
        expect(server).not.toContain('sourceMappingURL');
        // Minified: a few hundred lines at most (the line breaks left are inside template literals), long on average.
        const lines = server.split('\n');
        expect(lines.length).toBeLessThan(400);
        expect(server.length / lines.length).toBeGreaterThan(1000);
    });

    it('declares only files it contains, with the manifest fields of the issue', () => {
        const pkg = manifest();
        const has = (relative: string) => names.includes(`extension/${relative.replace(/^\.\//, '')}`);
        expect(pkg.name).toBe('osa-vscode');
        expect(pkg.license).toBe('MIT');
        expect(pkg.engines.vscode).toBe('^1.100.0');
        expect(pkg.activationEvents).toEqual(['onLanguage:osa', 'workspaceContains:**/*.osa']);
        expect(pkg.capabilities.untrustedWorkspaces).toEqual({
            supported: true,
            description: 'The OSA language server reads .osa files and osa.config.json as data and executes nothing from the workspace.'
        });
        expect(has(pkg.main)).toBe(true);
        expect(has(pkg.icon)).toBe(true);
        const contributes = pkg.contributes;
        expect(has(contributes.languages[0].configuration)).toBe(true);
        expect(has(contributes.languages[0].icon.light)).toBe(true);
        expect(has(contributes.grammars[0].path)).toBe(true);
        expect(has(contributes.snippets[0].path)).toBe(true);
        expect(has(contributes.jsonValidation[0].url)).toBe(true);
        expect(contributes.jsonValidation[0].fileMatch).toBe('osa.config.json');
        expect(Object.keys(contributes.configuration.properties).sort()).toEqual(['osa.asOf', 'osa.locale', 'osa.trace.server', 'osa.validation.scope']);
        expect(contributes.commands.map((c: { title: string; category: string }) => `${c.category}: ${c.title}`)).toEqual([
            'OSA: Validate Workspace', 'OSA: Show Rule Documentation', 'OSA: Restart Language Server', 'OSA: Open Compliance Report'
        ]);
        expect(contributes.problemMatchers[0].name).toBe('osa');
        // The bundles leave `vscode` to the editor and bring everything else.
        expect(pkg.dependencies ?? {}).not.toHaveProperty('vscode');
        const client = fs.readFileSync(path.join(unpacked, 'extension/dist/extension.cjs'), 'utf-8');
        expect(client).toMatch(/require\("vscode"\)/);
        expect(client).not.toMatch(/require\("vscode-languageclient/);
    });

    describe('its language server, run from the archive on the editor\'s Node 20', () => {
        let server: ChildProcess | undefined;
        afterAll(() => {
            server?.kill();
        });

        it('publishes the example programme\'s findings', async () => {
            server = spawn(EDITOR_NODE, [path.join(unpacked, 'extension/dist/language-server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
            const connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
            connection.listen();
            const examples = path.join(REPO, 'examples');
            const file = path.join(examples, 'programmes/OSA-FY2024-MNG.osa');
            const uri = pathToFileURL(file).toString();
            const published = new Promise<PublishDiagnosticsParams>(resolve => {
                connection.onNotification(PublishDiagnosticsNotification.type, params => {
                    if (params.uri === uri) {
                        resolve(params);
                    }
                });
            });
            await connection.sendRequest(InitializeRequest.type, {
                processId: process.pid,
                rootUri: pathToFileURL(examples).toString(),
                capabilities: {},
                workspaceFolders: [{ uri: pathToFileURL(examples).toString(), name: 'examples' }]
            });
            await connection.sendNotification('initialized', {});
            await connection.sendNotification(DidOpenTextDocumentNotification.type, {
                textDocument: { uri, languageId: 'osa', version: 1, text: fs.readFileSync(file, 'utf-8') }
            });
            const { diagnostics } = await published;
            // A real programme: no errors; its one expected finding is informational (see the file's header).
            expect(diagnostics.map(d => d.code)).toEqual(['OSA502']);
            expect(diagnostics[0].severity).toBe(3);
            await connection.sendRequest(ShutdownRequest.type);
            // The server exits on this notification; its pipe may close before the write completes.
            await connection.sendNotification(ExitNotification.type).catch(() => undefined);
            connection.dispose();
        });
    });
});
