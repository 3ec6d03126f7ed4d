// End-to-end test of the packaged extension in a real VS Code: code-server 4.100.3 (VS Code 1.100.3's
// workbench and extension host) driven by Debian's Chromium through playwright-core.
//
//   npm run test:e2e                       (repository root: builds, then runs this)
//   node scripts/e2e/run.mjs [--update-screenshot] [--strict] [--keep]
//
//   --update-screenshot   also write the README's images/screenshot.png
//   --strict              count checks that wait for a language feature (hover, quick fix,
//                         completion) as failures instead of "waiting"; also OSA_E2E_STRICT=1
//   --keep                keep the temporary folder (workspace copy, user data, logs)
//   --only-ja             run only the Japanese pass (while working on it)
//
// What it does, following /work/shared/notes/real-vscode-e2e.md: installs code-server into a
// git-ignored cache (.cache/code-server, or $OSA_CODE_SERVER_CACHE) or reuses it; packages the .vsix;
// installs it with `code-server --install-extension` into a temporary extensions folder; starts
// code-server on 127.0.0.1 and a free port, on the system Node 20, on a temporary copy of examples/;
// and checks in the real UI, with a screenshot at each step in artifacts/e2e/:
//   - opening examples/violations/OSA402-….osa shows OSA402 in the Problems panel
//   - the TextMate grammar colours the editor (token spans with different colours)
//   - hovering the recipient code shows the country's facts                    (hover provider)
//   - Ctrl+. on the missing-clause diagnostic applies the fix, the finding goes  (code actions)
//   - a real programme (examples/programmes/OSA-FY2024-MNG.osa) shows no errors
//   - completion after `recipient ` offers country codes                       (completion provider)
//   - "OSA: Validate Workspace" and "OSA: Show Rule Documentation" work from the command palette
//   - editing osa.config.json re-checks files (the client's watcher); the file is schema-checked
//   - the @vscode/test-electron suite (test/electron/suite) passes in code-server's extension host,
//     loaded through the workbench's `payload` (extensionDevelopmentPath, extensionTestsPath), the
//     way VS Code's own browser integration tests run; on a fresh copy of examples/
//   - with workspace trust on and the folder untrusted (Restricted Mode), the extension still runs
//   - issue 10's constructs: violations/OSA408-….osa shows OSA408 and Ctrl+. inserts the `monitoring { … }`
//     skeleton; hovering the programme after `continues` shows the predecessor's facts; the lifecycle stage
//     after `status` is coloured
//   - issue 11: "OSA: Open Compliance Report" shows the report in a webview, follows an edit, and an evidence
//     link reveals the line
//   - issue 12, a second pass in Japanese (same code-server, a new window on a fresh copy of examples/, VS Code's
//     display language ja and `"osa.locale": "ja"`): the Problems panel, a hover and a quick-fix title in
//     Japanese, the commands (package.nls.ja.json), a notification, the log and the report (l10n bundle);
//     screenshots artifacts/e2e/ja-<n>-<what>.png
// It measures the .vsix size, the extension's activation time (the line the extension writes to its
// "OSA" log at activation) and the time to first diagnostics in the editor, and prints them.
// code-server is stopped by its pid at the end. Nothing is downloaded but npm packages.//
// Layout: this file runs everything in order and prints the summary; e2e/harness.mjs holds what the checks
// share (check/record/poll, the code-server process, the workbench driver `ui`, locate); each scenario is a
// file of e2e/scenarios/ that records its checks with `check`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CODE_SERVER_VERSION, CHROMIUM, ensureCodeServer, missingPrerequisites, REPO, SYSTEM_NODE, systemEnv } from '../code-server.mjs';
import { packageExtension } from '../package.mjs';
import { shrinkScreenshot } from '../png.mjs';
import {
    allowJapaneseDisplayLanguage, ARTIFACTS, args, check, checks, CHROMIUM_ARGS, copyLogs, EXTENSION, log, metrics, MNG_FILE, OSA402_FILE, poll, processesMentioning,
    record, sleep, state, ui, VIEWPORT, withCodeServer
} from './harness.mjs';
import activation from './scenarios/activation.mjs';
import colouring from './scenarios/colouring.mjs';
import commands from './scenarios/commands.mjs';
import completion from './scenarios/completion.mjs';
import configSchema from './scenarios/config-schema.mjs';
import complianceReport from './scenarios/compliance-report.mjs';
import configWatcher from './scenarios/config-watcher.mjs';
import continuesHover from './scenarios/continues-hover.mjs';
import hoverRecipient from './scenarios/hover-recipient.mjs';
import japanese from './scenarios/japanese.mjs';
import lifecycleColouring from './scenarios/lifecycle-colouring.mjs';
import monitoringFix from './scenarios/monitoring-fix.mjs';
import osa402Problems from './scenarios/osa402-problems.mjs';
import osa402QuickFix from './scenarios/osa402-quick-fix.mjs';
import realProgramme from './scenarios/real-programme.mjs';
import restrictedMode from './scenarios/restricted.mjs';
import testSuite from './scenarios/suite.mjs';

function summaryAndExit(extra = []) {
    const count = status => checks.filter(c => c.status === status).length;
    console.log('\n== OSA extension in a real VS Code (code-server ' + CODE_SERVER_VERSION + ' = VS Code 1.100.3, Chromium, Node 20)');
    for (const c of checks) {
        const mark = { pass: 'PASS', fail: 'FAIL', waiting: 'WAIT' }[c.status];
        console.log(`  ${mark}  ${c.name}${c.status === 'waiting' ? ` (waits for: ${c.feature})` : ''}\n        ${c.detail}`);
    }
    console.log('\n== measurements');
    const rows = [
        ['.vsix size', metrics.vsixBytes !== undefined ? `${(metrics.vsixBytes / 1024).toFixed(0)} KiB (${metrics.vsixBytes} bytes)` : 'n/a'],
        ['code-server install', metrics.codeServerInstall ?? 'n/a'],
        ['extension activation (activate() until the language server is ready, from the extension\'s log)', metrics.activationMs !== undefined ? `${metrics.activationMs} ms` : 'n/a'],
        ['workbench opened → extension activated', metrics.workbenchToActivatedMs !== undefined ? `${metrics.workbenchToActivatedMs} ms` : 'n/a'],
        ['time to first diagnostics: Enter in Ctrl+P on the OSA402 file → OSA402 in the Problems panel', metrics.firstDiagnosticsMs !== undefined ? `${metrics.firstDiagnosticsMs} ms` : 'n/a'],
        ['quick fix chosen → OSA402 gone from the Problems panel', metrics.fixToClearMs !== undefined ? `${metrics.fixToClearMs} ms` : 'n/a'],
        ['English pass (one window and the test-electron suite)', metrics.englishPassMs !== undefined ? `${(metrics.englishPassMs / 1000).toFixed(0)} s` : 'n/a'],
        ['Japanese pass (one more window on the same code-server)', metrics.japanesePassMs !== undefined ? `${(metrics.japanesePassMs / 1000).toFixed(0)} s` : 'n/a'],
        ['whole run', `${((Date.now() - metrics.started) / 1000).toFixed(0)} s`],
        ...extra
    ];
    for (const [what, value] of rows) {
        console.log(`  ${what}: ${value}`);
    }
    console.log(`\nscreenshots and logs: ${path.relative(process.cwd(), ARTIFACTS) || ARTIFACTS}`);
    // Deliberately not the "N passed, N failed" shape: CI's closing line stays the unit tests' count.
    console.log(`e2e (real VS Code): ${count('pass')} checks ok, ${count('fail')} failing, ${count('waiting')} waiting for language features`);
    process.exitCode = count('fail') > 0 ? 1 : 0;
}

async function main() {
    metrics.started = Date.now();
    fs.rmSync(ARTIFACTS, { recursive: true, force: true });
    fs.mkdirSync(ARTIFACTS, { recursive: true });

    const missing = missingPrerequisites({ forInstall: false });
    if (missing.length > 0) {
        console.error(`[e2e] cannot run: missing\n  - ${missing.join('\n  - ')}`);
        process.exitCode = 1;
        return;
    }
    const installStarted = Date.now();
    const { entry, installedNow } = ensureCodeServer({ say: line => log(line) });
    metrics.codeServerInstall = installedNow ? `installed in ${((Date.now() - installStarted) / 1000).toFixed(0)} s` : 'reused from the cache';

    const vsix = packageExtension({ say: line => log(line) });
    metrics.vsixBytes = vsix.size;

    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-e2e-'));
    const extensionsDir = path.join(tmp, 'extensions');
    const userDataDir = path.join(tmp, 'user-data');
    const workspace = path.join(tmp, 'examples');
    fs.cpSync(path.join(REPO, 'examples'), workspace, { recursive: true });
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'User/settings.json'), JSON.stringify({
        'workbench.startupEditor': 'none',
        'workbench.colorTheme': 'Default Dark Modern',
        'workbench.tips.enabled': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'update.mode': 'none',
        'chat.commandCenter.enabled': false,
        'git.enabled': false,
        'editor.minimap.enabled': false,
        'editor.hover.delay': 200,
        'security.workspace.trust.enabled': false
    }, null, 2));
    allowJapaneseDisplayLanguage(userDataDir);
    // code-server writes its config under XDG folders: keep them inside the temporary folder.
    const env = systemEnv({ XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache') });

    const install = spawnSync(SYSTEM_NODE, [entry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix.path],
        { env, encoding: 'utf-8', timeout: 120_000 });
    const installOutput = `${install.stdout}${install.stderr}`;
    fs.writeFileSync(path.join(ARTIFACTS, 'install-extension.log'), installOutput);
    await check('the .vsix installs with code-server --install-extension', async () => {
        if (install.status !== 0 || !/successfully installed/i.test(installOutput)) {
            throw new Error(`code-server --install-extension failed (exit ${install.status}): ${installOutput.trim().split('\n').slice(-3).join(' | ')}`);
        }
        const installed = fs.readdirSync(extensionsDir).filter(d => d.startsWith('osa-policy.osa-vscode-'));
        if (installed.length !== 1) {
            throw new Error(`expected one osa-policy.osa-vscode-* folder in the extensions folder, found ${installed.join(', ') || 'none'}`);
        }
        return { detail: `${installed[0]} (${(vsix.size / 1024).toFixed(0)} KiB .vsix)` };
    });
    if (checks.some(c => c.status === 'fail')) {
        return summaryAndExit();
    }

    let browser;
    try {
        const { chromium } = await import('playwright-core');
        browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
        await withCodeServer({ entry, env, userDataDir, extensionsDir, workspace, logName: 'code-server.log', trust: false }, async port => {
            if (!args.has('--only-ja')) {
                const englishStarted = Date.now();
                const page = await browser.newPage({ viewport: VIEWPORT });
                state.currentPage = page;
                await runChecks(page, { port, workspace, userDataDir });
                await page.close();
                await testSuite(browser, { port, tmp, extensionsDir });
                metrics.englishPassMs = Date.now() - englishStarted;
            }
            const japaneseStarted = Date.now();
            await japanesePass(browser, { port, tmp, userDataDir });
            metrics.japanesePassMs = Date.now() - japaneseStarted;
        });
        // Restricted Mode: workspace trust on, the folder not trusted.
        if (!args.has('--only-ja')) {
            const restricted = path.join(tmp, 'restricted');
            const restrictedUserData = path.join(restricted, 'user-data');
            fs.cpSync(path.join(REPO, 'examples'), path.join(restricted, 'examples'), { recursive: true });
            fs.mkdirSync(path.join(restrictedUserData, 'User'), { recursive: true });
            // The first pass's settings, in English again (the Japanese pass added osa.locale).
            const { 'osa.locale': _locale, ...settings } = JSON.parse(fs.readFileSync(path.join(userDataDir, 'User/settings.json'), 'utf-8'));
            fs.writeFileSync(path.join(restrictedUserData, 'User/settings.json'), JSON.stringify({
                ...settings, 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never',
                'security.workspace.trust.untrustedFiles': 'open', 'security.workspace.trust.banner': 'always'
            }, null, 2));
            await withCodeServer({ entry, env, userDataDir: restrictedUserData, extensionsDir, workspace: path.join(restricted, 'examples'), logName: 'code-server-restricted.log', trust: true }, async port => {
                const page = await browser.newPage({ viewport: VIEWPORT });
                state.currentPage = page;
                await restrictedMode(page, { port, workspace: path.join(restricted, 'examples'), userDataDir: restrictedUserData });
                await page.close();
            });
        }
    } catch (error) {
        record('the end-to-end run', 'fail', error instanceof Error ? error.stack ?? error.message : String(error));
    } finally {
        await browser?.close().catch(() => undefined);
        // The language servers exit by themselves once they see their editor gone (checked every few seconds).
        await poll(() => processesMentioning(tmp).length === 0, 8_000, 250);
        for (const leftover of processesMentioning(tmp)) {
            log(`stopping leftover process ${leftover.pid}: ${leftover.cmdline.slice(0, 120)}`);
            try {
                process.kill(leftover.pid, 'SIGKILL');
            } catch {
                // already gone
            }
        }
        copyLogs(userDataDir);
        if (args.has('--keep')) {
            log(`kept ${tmp}`);
        } else {
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    }
    summaryAndExit();
}

/**
 * The second pass, in the same code-server: VS Code in Japanese (User/argv.json's locale, read at each page
 * load) with `"osa.locale": "ja"` in the user settings, a new window on a fresh copy of examples/ (the first
 * pass edited its copy).
 */
async function japanesePass(browser, { port, tmp, userDataDir }) {
    const workspace = path.join(tmp, 'examples-ja');
    fs.cpSync(path.join(REPO, 'examples'), workspace, { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'User/argv.json'), JSON.stringify({ locale: 'ja' }, null, 2));
    const settingsFile = path.join(userDataDir, 'User/settings.json');
    fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(settingsFile, 'utf-8')), 'osa.locale': 'ja' }, null, 2));
    const page = await browser.newPage({ viewport: VIEWPORT, locale: 'ja-JP' });
    state.currentPage = page;
    try {
        await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
        await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
        await page.locator('.part.statusbar').first().waitFor({ state: 'visible', timeout: 30_000 });
        await check('ja: VS Code runs in Japanese (its display language, which the extension and the server are told)', async () => {
            // code-server gives a Japanese page the language pack's texts (clp/<hash>.ja/…/nls.messages.js).
            const scripts = await page.evaluate(() => [...document.scripts].map(script => decodeURIComponent(script.src)));
            const texts = scripts.find(src => /\/clp\/osa-e2e-ja\.ja\//.test(src));
            if (!texts) {
                throw new Error(`the workbench loaded no Japanese texts: ${scripts.filter(src => /nls/.test(src)).join(', ')}`);
            }
            return { detail: `the workbench loaded ${texts.slice(texts.indexOf('/clp/'))}; osa.locale "ja" in the user settings` };
        });
        await sleep(2000);
        await japanese({ page, u: ui(page), workspace, userDataDir });
    } finally {
        await page.close();
    }
}

/** The checks in one VS Code window on the temporary copy of examples/, in this order (later ones rely on the state earlier ones leave). */
async function runChecks(page, { port, workspace, userDataDir }) {
    const u = ui(page);
    const config = path.join(workspace, 'osa.config.json');
    const ctx = {
        page, u, port, workspace, userDataDir,
        osa402Path: path.join(workspace, 'violations', OSA402_FILE),
        mngPath: path.join(workspace, 'programmes', MNG_FILE),
        config,
        configOriginal: fs.readFileSync(config, 'utf-8'),
        /** The README's picture: the editor with its colours, the hover and the Problems panel (set by hover-recipient). */
        readmeShot: undefined,
        opened: Date.now()
    };
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    // A workbench that has just appeared is still restoring views; give it a moment before driving it.
    await page.locator('.part.statusbar').first().waitFor({ state: 'visible', timeout: 30_000 });
    await sleep(2000);
    await u.shot('workbench');

    for (const scenario of [activation, osa402Problems, colouring, hoverRecipient, osa402QuickFix, realProgramme, configWatcher, completion, commands]) {
        await scenario(ctx);
    }

    if (ctx.readmeShot && (args.has('--update-screenshot') || !fs.existsSync(path.join(EXTENSION, 'images/screenshot.png')))) {
        // 256 colours: about a third of the browser's PNG, and still sharp (scripts/png.mjs).
        const small = shrinkScreenshot(fs.readFileSync(ctx.readmeShot));
        fs.writeFileSync(path.join(EXTENSION, 'images/screenshot.png'), small);
        log(`images/screenshot.png updated from ${path.basename(ctx.readmeShot)} (${(small.length / 1024).toFixed(0)} KiB)`);
    }

    for (const scenario of [monitoringFix, lifecycleColouring, continuesHover, configSchema, complianceReport]) {
        await scenario(ctx);
    }
}

await main();
