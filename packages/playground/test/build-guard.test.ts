/**
 * The playground's build makes the language package browser-safe by substitution, not by forking
 * (vite.config.ts): the configuration model's disk host becomes the in-memory workspace, node:path
 * becomes pathe, and any other Node built-in fails the build. These tests build small entries with
 * the real configuration and run the result.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';

const PLAYGROUND = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG = path.join(PLAYGROUND, 'vite.config.ts');
const roots: string[] = [];

/** A throw-away Vite root inside the package (so relative imports of ../../language/out resolve), with one entry. */
function root(entry: string): string {
    const dir = fs.mkdtempSync(path.join(PLAYGROUND, '.guard-'));
    roots.push(dir);
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>\n');
    fs.writeFileSync(path.join(dir, 'main.js'), entry);
    return dir;
}

async function buildIn(dir: string): Promise<string> {
    await build({ configFile: CONFIG, root: dir, logLevel: 'silent', build: { outDir: path.join(dir, 'out'), emptyOutDir: true, minify: false } });
    const assets = path.join(dir, 'out/assets');
    const script = fs.readdirSync(assets).find(f => f.endsWith('.js'))!;
    return path.join(assets, script);
}

afterEach(() => {
    for (const dir of roots.splice(0)) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
});

describe('the playground build', () => {
    it('type-checks (Vite does not: tsc -p packages/playground)', () => {
        const tsc = spawnSync(process.execPath, [path.join(PLAYGROUND, '../../node_modules/typescript/bin/tsc'), '-p', path.join(PLAYGROUND, 'tsconfig.json')], { encoding: 'utf-8' });
        expect(tsc.stdout + tsc.stderr).toBe('');
        expect(tsc.status).toBe(0);
    }, 120_000);

    it('fails on a Node built-in, naming it and the importer', async () => {
        const dir = root("import { readFileSync } from 'node:fs';\nglobalThis.read = readFileSync;\n");
        await expect(buildIn(dir)).rejects.toThrow(/"node:fs" is imported by .*main\.js: the playground must not need Node/);
    }, 60_000);

    it('gives the configuration model the in-memory workspace: the nearest osa.config.json is found and read from memory', async () => {
        const language = path.relative(path.join(PLAYGROUND, '.guard-x'), path.join(PLAYGROUND, '../language/out')).split(path.sep).join('/');
        const dir = root([
            `import { memoryFiles } from '${language}/io/memory-host.js';`,
            `import { findConfigFile, loadConfig } from '${language}/config/config.js';`,
            `import { DEFAULT_REFERENCE_DATA } from '${language}/reference/default-data.js';`,
            "memoryFiles.set('/workspace/osa.config.json', JSON.stringify({ rules: { OSA502: 'off' } }));",
            "const file = findConfigFile('/workspace/programmes');",
            'globalThis.osaGuard = { file, severity: loadConfig(file, DEFAULT_REFERENCE_DATA).severityOf(\'OSA502\') };',
            ''
        ].join('\n'));
        const bundle = await buildIn(dir);
        const code = fs.readFileSync(bundle, 'utf-8');
        // No Node module is imported or required, and nothing calls the file system.
        expect(code.match(/from ["']node:[^;]*|require\(["'](?:node:)?(?:fs|path)["']\)|\bfs\.\w+Sync\(/g)).toBeNull();
        await import(pathToFileURL(bundle).href);
        expect((globalThis as unknown as { osaGuard: unknown }).osaGuard).toEqual({ file: '/workspace/osa.config.json', severity: 'off' });
    }, 60_000);
});
