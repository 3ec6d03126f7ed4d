/**
 * The @vscode/test-electron suite (test/electron/suite) needs a VS Code to run: `npm run
 * test:electron -w packages/extension` runs it in a desktop VS Code, `npm run test:e2e` in
 * code-server. Here it is only compiled: it must type-check against the VS Code 1.100 API and bundle
 * into the one CommonJS file the extension host loads. Nothing here counts as running it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { bundleSuite } from '../scripts/test-electron.mjs';

const EXTENSION = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

describe('the @vscode/test-electron suite (compiled only)', () => {
    it('type-checks against the VS Code API of engines.vscode', () => {
        const tsc = require.resolve('typescript/bin/tsc');
        const result = spawnSync(process.execPath, [tsc, '-p', path.join(EXTENSION, 'test/electron/tsconfig.json')], { encoding: 'utf-8' });
        expect(result.stdout + result.stderr).toBe('');
        expect(result.status).toBe(0);
    });

    it('bundles into one CommonJS module that exports run() and leaves `vscode` to the editor', async () => {
        const file: string = await bundleSuite();
        const text = fs.readFileSync(file, 'utf-8');
        expect(text).toMatch(/require\("vscode"\)/);
        expect(text).toMatch(/run: \(\) => run/);
    });
});
