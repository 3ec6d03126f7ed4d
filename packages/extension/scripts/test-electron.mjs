// Runs the integration suite (test/electron/suite) in a desktop VS Code with @vscode/test-electron.
//
//   npm run test:electron -w packages/extension
//
//   VSCODE_EXECUTABLE=/path/to/code   use this VS Code (e.g. an installed one, or one unpacked by hand)
//   VSCODE_VERSION=1.100.3            the version to download otherwise (default: 1.100.3, the oldest
//                                     that engines.vscode accepts)
//
// Without VSCODE_EXECUTABLE, @vscode/test-electron downloads VS Code from Microsoft's update server.
// Where that server cannot be reached (as on the project's build machines), this prints that the
// suite was NOT run and exits 0: nothing is reported as passed. It is not part of `npm test`.
// On Linux a desktop VS Code needs a display (e.g. `xvfb-run -a npm run test:electron ...`).
//
// The same suite also runs in code-server, VS Code's workbench served to a browser, as part of
// `npm run test:e2e` (scripts/e2e/run.mjs), where no download is needed.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const EXTENSION = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPO = path.resolve(EXTENSION, '../..');
const UPDATE_SERVER = 'https://update.code.visualstudio.com';

/** Bundles the suite to one CommonJS file that the extension host can load. */
export async function bundleSuite() {
    const outfile = path.join(EXTENSION, 'out-test/electron/suite.cjs');
    await esbuild.build({
        entryPoints: [path.join(EXTENSION, 'test/electron/suite/index.ts')],
        outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], sourcemap: 'inline', logLevel: 'warning'
    });
    return outfile;
}

async function reachable(url) {
    try {
        await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(5_000) });
        return true;
    } catch {
        return false;
    }
}

function notRun(reason) {
    console.log(`test:electron: NOT RUN: ${reason}`);
    console.log('test:electron: the @vscode/test-electron suite was not executed; nothing is counted as passed.');
    console.log('test:electron: set VSCODE_EXECUTABLE=/path/to/code to run it with an installed VS Code.');
}

async function main() {
    const executable = process.env.VSCODE_EXECUTABLE;
    if (executable && !fs.existsSync(executable)) {
        console.error(`test:electron: VSCODE_EXECUTABLE=${executable} does not exist`);
        process.exit(1);
    }
    if (!executable && !(await reachable(UPDATE_SERVER))) {
        notRun(`no VS Code executable (VSCODE_EXECUTABLE is not set, and ${UPDATE_SERVER} cannot be reached to download one)`);
        return;
    }
    if (!fs.existsSync(path.join(EXTENSION, 'dist/extension.cjs'))) {
        console.error('test:electron: the extension is not built: run `npm run build` at the repository root');
        process.exit(1);
    }
    const suite = await bundleSuite();
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-electron-'));
    fs.cpSync(path.join(REPO, 'examples'), path.join(workspace, 'examples'), { recursive: true });
    const results = path.join(path.dirname(suite), 'results.json');
    fs.rmSync(results, { force: true });
    const { runTests } = await import('@vscode/test-electron');
    try {
        await runTests({
            ...(executable ? { vscodeExecutablePath: executable } : { version: process.env.VSCODE_VERSION ?? '1.100.3' }),
            extensionDevelopmentPath: EXTENSION,
            extensionTestsPath: suite,
            extensionTestsEnv: { OSA_TEST_RESULTS: results },
            launchArgs: [path.join(workspace, 'examples'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
                '--user-data-dir', path.join(workspace, 'user-data')]
        });
        console.log('test:electron: the suite passed in VS Code');
    } catch (error) {
        console.error(`test:electron: the suite failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
    } finally {
        fs.rmSync(workspace, { recursive: true, force: true });
    }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    await main();
}
