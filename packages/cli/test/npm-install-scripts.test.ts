/**
 * npm 12 runs a dependency's install scripts only when the root package.json's `allowScripts` lists
 * it. The Node 24 pin (the `node` package's preinstall), esbuild and vsce-sign need theirs, so every
 * package the lockfile marks with an install script must be listed, and nothing else: a stale entry
 * would silently approve whatever later takes its name.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './lsp/lsp-client.js';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf-8')) as { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(fs.readFileSync(path.join(REPO, 'package-lock.json'), 'utf-8')) as {
    packages: Record<string, { hasInstallScript?: boolean; link?: boolean; resolved?: string }>;
};

/** Package names from lockfile keys such as `node_modules/a/node_modules/@scope/b`. */
function withInstallScripts(): string[] {
    const names = Object.entries(lock.packages)
        .filter(([key, entry]) => key.includes('node_modules/') && entry.hasInstallScript === true && !entry.link)
        .map(([key]) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));
    return [...new Set(names)].sort();
}

describe('allowScripts (npm 12)', () => {
    it('approves exactly the locked packages that have install scripts', () => {
        expect(withInstallScripts()).toEqual(['@vscode/vsce-sign', 'esbuild', 'node']);
        const approved = Object.entries(manifest.allowScripts ?? {}).filter(([, allowed]) => allowed).map(([name]) => name).sort();
        expect(approved).toEqual(withInstallScripts());
    });

    it('uses entries npm can match against this lockfile', () => {
        // npm takes a package's trusted version from its registry URL in the lockfile. Without URLs it
        // cannot verify a pinned entry (`esbuild@0.28.2`) and refuses it: entries must be bare names.
        const hasRegistryUrls = Object.values(lock.packages).some(entry => entry.resolved?.startsWith('https://'));
        if (hasRegistryUrls) {
            return;
        }
        for (const key of Object.keys(manifest.allowScripts ?? {})) {
            expect(key).toMatch(/^(@[a-z0-9._-]+\/)?[a-z0-9._-]+$/);
        }
    });
});
