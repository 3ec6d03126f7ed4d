// Packages the extension: production bundles (minified, no source maps), then
// `vsce package --no-dependencies` → packages/extension/osa-vscode-<version>.vsix (git-ignored).
//
// Everything is laid out in a temporary staging folder first (the manifest and the files the
// .vscodeignore allow-list names, plus bundles built there), so packaging never touches dist/ here,
// which the tests run, and nothing stray can slip into the .vsix.
//
//   npm run package                      (repository root: builds everything first)
//   npm run package -w packages/extension  (the language package must be built: npm run build)
//
// The bundles hold every dependency, so the .vsix carries no node_modules. Prints the file's path and
// size. Exported as packageExtension() for the tests and the end-to-end script.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
/** Relative links of the README point into the repository's extension folder once published. */
const REPOSITORY = 'https://github.com/osa-policy/osa-policy';

export function vsixPath() {
    const { name, version } = JSON.parse(fs.readFileSync(path.join(HERE, 'package.json'), 'utf-8'));
    return path.join(HERE, `${name}-${version}.vsix`);
}

/** Files and folders copied as they are into the staging folder; the rest is built there. */
const STATIC = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'language-configuration.json', 'snippets', 'images',
    'package.nls.json', 'package.nls.ja.json', 'l10n'];

function run(command, args, cwd = HERE) {
    const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf-8', env: { ...process.env, VSCE_TELEMETRY: 'off' } });
    if (result.status !== 0) {
        throw new Error(`${path.basename(command)} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
    return result.stdout + result.stderr;
}

export function packageExtension({ say = console.log } = {}) {
    const started = Date.now();
    if (!fs.existsSync(path.join(HERE, '../language/out/index.js'))) {
        throw new Error('packages/language is not built: run `npm run build` at the repository root first (or `npm run package` there)');
    }
    const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-vscode-package-'));
    const target = vsixPath();
    let log;
    try {
        for (const entry of STATIC) {
            fs.cpSync(path.join(HERE, entry), path.join(stage, entry), { recursive: true });
        }
        // The README's screenshot is shown from the repository (links are rewritten below), not shipped.
        fs.rmSync(path.join(stage, 'images/screenshot.png'), { force: true });
        run(process.execPath, ['esbuild.mjs', '--production', '--out', stage]);
        fs.rmSync(target, { force: true });
        const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
        log = run(process.execPath, [
            vsce, 'package', '--no-dependencies', '--no-update-package-json',
            '--baseContentUrl', `${REPOSITORY}/blob/HEAD/packages/extension`,
            '--baseImagesUrl', `${REPOSITORY}/raw/HEAD/packages/extension`,
            '--out', target
        ], stage);
    } finally {
        fs.rmSync(stage, { recursive: true, force: true });
    }
    const size = fs.statSync(target).size;
    say(`${path.relative(process.cwd(), target) || target}: ${(size / 1024).toFixed(0)} KiB (${size} bytes), packaged in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const line of log.split('\n').filter(l => /WARNING/i.test(l))) {
        say(`vsce: ${line.trim()}`);
    }
    return { path: target, size };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    try {
        packageExtension();
    } catch (error) {
        console.error(error instanceof Error ? error.message : String(error));
        process.exit(1);
    }
}
