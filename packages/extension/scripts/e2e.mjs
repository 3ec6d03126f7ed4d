// End-to-end test of the packaged extension in a real VS Code: code-server 4.100.3 (VS Code 1.100.3's
// workbench and extension host) driven by Debian's Chromium through playwright-core.
//
//   npm run test:e2e                       (repository root: builds, then runs this)
//   node scripts/e2e.mjs [--update-screenshot] [--strict] [--keep]
//
//   --update-screenshot   also write the README's images/screenshot.png
//   --strict              count checks that wait for a language feature (hover, quick fix,
//                         completion) as failures instead of "waiting"; also OSA_E2E_STRICT=1
//   --keep                keep the temporary folder (workspace copy, user data, logs)
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
// It measures the .vsix size, the extension's activation time (the line the extension writes to its
// "OSA" log at activation) and the time to first diagnostics in the editor, and prints them.
// code-server is stopped by its pid at the end. Nothing is downloaded but npm packages.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CODE_SERVER_VERSION, ensureCodeServer, missingPrerequisites, REPO, SYSTEM_NODE, systemEnv } from './code-server.mjs';
import { packageExtension } from './package.mjs';
import { shrinkScreenshot } from './png.mjs';
import { bundleSuite } from './test-electron.mjs';

const EXTENSION = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARTIFACTS = path.join(REPO, 'artifacts/e2e');
const args = new Set(process.argv.slice(2));
const STRICT = args.has('--strict') || process.env.OSA_E2E_STRICT === '1';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1280, height: 800 };

const OSA402_FILE = 'OSA402-missing-information-disclosure-clause.osa';
const MNG_FILE = 'OSA-FY2024-MNG.osa';

/** @type {{ name: string, status: 'pass' | 'fail' | 'waiting', detail: string, feature?: string }[]} */
const checks = [];
const metrics = {};
let shotNumber = 0;
/** The page of the run, for a screenshot when a check fails. */
let currentPage;

const log = (...parts) => console.log(`[e2e] ${parts.join(' ')}`);
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

function record(name, status, detail, feature) {
    checks.push({ name, status, detail, feature });
    const mark = { pass: 'PASS', fail: 'FAIL', waiting: 'WAIT' }[status];
    log(`${mark}  ${name}: ${detail}`);
}

/** Runs a check; an exception is a failure with its message. */
async function check(name, fn, feature) {
    try {
        const outcome = await fn();
        if (outcome && outcome.waiting) {
            record(name, STRICT ? 'fail' : 'waiting', outcome.waiting, feature);
        } else {
            record(name, 'pass', outcome?.detail ?? 'ok', feature);
        }
    } catch (error) {
        record(name, 'fail', error instanceof Error ? error.message.split('\n')[0] : String(error), feature);
        if (currentPage) {
            shotNumber += 1;
            await currentPage.screenshot({ path: path.join(ARTIFACTS, `${String(shotNumber).padStart(2, '0')}-FAILED.png`) }).catch(() => undefined);
        }
    }
}

async function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

async function waitForHttp(url, timeoutMs, isAlive) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (!isAlive()) {
            throw new Error('code-server exited during start-up');
        }
        try {
            const response = await fetch(url);
            if (response.ok) {
                return;
            }
        } catch {
            // not listening yet
        }
        await sleep(200);
    }
    throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Polls fn until it returns a truthy value or the time is up (then returns undefined). */
async function poll(fn, timeoutMs, intervalMs = 150) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await fn();
        if (value) {
            return value;
        }
        if (Date.now() > deadline) {
            return undefined;
        }
        await sleep(intervalMs);
    }
}

/** Processes whose command line mentions a path: what is left of this run after code-server stops. */
function processesMentioning(text) {
    const found = [];
    for (const entry of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) {
            continue;
        }
        try {
            const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf-8').replace(/\0/g, ' ');
            if (cmdline.includes(text)) {
                found.push({ pid: Number(entry), cmdline: cmdline.trim() });
            }
        } catch {
            // gone
        }
    }
    return found;
}

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
            const page = await browser.newPage({ viewport: VIEWPORT });
            currentPage = page;
            await runChecks(page, { port, workspace, userDataDir });
            await page.close();
            await runSuite(browser, { port, tmp, extensionsDir });
        });
        // Restricted Mode: workspace trust on, the folder not trusted.
        const restricted = path.join(tmp, 'restricted');
        const restrictedUserData = path.join(restricted, 'user-data');
        fs.cpSync(path.join(REPO, 'examples'), path.join(restricted, 'examples'), { recursive: true });
        fs.mkdirSync(path.join(restrictedUserData, 'User'), { recursive: true });
        const settings = JSON.parse(fs.readFileSync(path.join(userDataDir, 'User/settings.json'), 'utf-8'));
        fs.writeFileSync(path.join(restrictedUserData, 'User/settings.json'), JSON.stringify({
            ...settings, 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never',
            'security.workspace.trust.untrustedFiles': 'open', 'security.workspace.trust.banner': 'always'
        }, null, 2));
        await withCodeServer({ entry, env, userDataDir: restrictedUserData, extensionsDir, workspace: path.join(restricted, 'examples'), logName: 'code-server-restricted.log', trust: true }, async port => {
            const page = await browser.newPage({ viewport: VIEWPORT });
            currentPage = page;
            await runRestricted(page, { port, workspace: path.join(restricted, 'examples'), userDataDir: restrictedUserData });
            await page.close();
        });
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
 * Starts code-server on 127.0.0.1 and a free port with the system Node 20, runs fn(port), and stops
 * the server by its pid whatever happens. With trust: false, workspace trust is off (the notes' way).
 */
async function withCodeServer({ entry, env, userDataDir, extensionsDir, workspace, logName, trust }, fn) {
    const port = await freePort();
    const serverLog = fs.openSync(path.join(ARTIFACTS, logName), 'w');
    const codeServer = spawn(SYSTEM_NODE, [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
        '--disable-update-check', ...(trust ? [] : ['--disable-workspace-trust']), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, workspace],
    { env, stdio: ['ignore', serverLog, serverLog] });
    let exited = false;
    codeServer.on('exit', () => {
        exited = true;
    });
    log(`code-server ${CODE_SERVER_VERSION} started: pid ${codeServer.pid}, http://127.0.0.1:${port}/ (Node ${SYSTEM_NODE}${trust ? ', workspace trust on' : ''})`);
    try {
        await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, () => !exited);
        await fn(port);
    } finally {
        await stopCodeServer(codeServer, () => exited);
        fs.closeSync(serverLog);
    }
}

async function stopCodeServer(child, isExited) {
    if (isExited()) {
        return;
    }
    process.kill(child.pid, 'SIGTERM');
    if (!(await poll(() => isExited(), 10_000, 100))) {
        log(`code-server (pid ${child.pid}) did not stop on SIGTERM; SIGKILL`);
        process.kill(child.pid, 'SIGKILL');
        await poll(() => isExited(), 5_000, 100);
    }
    log(`code-server stopped (pid ${child.pid})`);
}

function copyLogs(userDataDir) {
    const logs = path.join(userDataDir, 'logs');
    if (fs.existsSync(logs)) {
        fs.cpSync(logs, path.join(ARTIFACTS, 'vscode-logs'), { recursive: true });
    }
}

/** The extension's own log line: "2026-11-25 20:27:33.259 [info] OSA extension 0.1.0 activated in 629 ms (...)". */
function activationFromLog(userDataDir) {
    const found = [];
    const walk = dir => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                walk(full);
            } else if (entry.name === 'OSA.log') {
                found.push(fs.readFileSync(full, 'utf-8'));
            }
        }
    };
    const logs = path.join(userDataDir, 'logs');
    if (fs.existsSync(logs)) {
        walk(logs);
    }
    const match = found.join('\n').match(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}\.\d{3}) .*activated in (\d+) ms \(([^)]*)\)/m);
    // The log's time is local time, like Date.parse of a date-time without a zone.
    return match ? { ms: Number(match[3]), context: match[4], at: Date.parse(`${match[1]}T${match[2]}`) } : undefined;
}

// ---- driving the workbench ------------------------------------------------------------------------

function ui(page) {
    const shot = async name => {
        shotNumber += 1;
        const file = path.join(ARTIFACTS, `${String(shotNumber).padStart(2, '0')}-${name}.png`);
        await page.screenshot({ path: file });
        return file;
    };
    const quickInput = '.quick-input-widget';
    const quickOpen = async (keys, text, rowText) => {
        await page.keyboard.press('Escape');
        await page.keyboard.press(keys);
        await page.waitForSelector(`${quickInput} .quick-input-box input`, { state: 'visible', timeout: 10_000 });
        await page.keyboard.type(text, { delay: 10 });
        const row = page.locator(`${quickInput} .monaco-list-row`, { hasText: rowText ?? text }).first();
        await row.waitFor({ state: 'visible', timeout: 15_000 });
        return row;
    };
    const activeEditor = '.editor-group-container.active .monaco-editor:not(.inline-editor):not(.peekview-widget .monaco-editor)';
    return {
        shot,
        activeEditor,
        /** Opens a file with Ctrl+P; resolves, when its tab is active, to the time Enter was pressed. */
        async openFile(name) {
            await quickOpen('Control+P', name);
            const entered = Date.now();
            await page.keyboard.press('Enter');
            await page.locator('.tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: 15_000 });
            await page.locator(`${activeEditor} .view-lines`).first().waitFor({ state: 'visible', timeout: 15_000 });
            return entered;
        },
        /** Runs a command from the command palette (F1) by its title. */
        async runCommand(title) {
            await quickOpen('F1', title, title);
            await page.keyboard.press('Enter');
        },
        async openProblems() {
            if (!(await page.locator('.markers-panel').first().isVisible().catch(() => false))) {
                await page.keyboard.press('Control+Shift+M');
            }
            await page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout: 10_000 });
        },
        /** Types into the Problems panel's filter box. */
        async filterProblems(text) {
            // Right after start-up the panel can still be settling and drop the text: try a few times.
            let value = '';
            for (let attempt = 0; attempt < 5; attempt++) {
                await this.openProblems();
                const input = page.locator('.panel input[placeholder^="Filter (e.g."]:visible').first();
                await input.fill(text);
                await sleep(400);
                // Leave the box (Escape there would clear the filter): back to the editor group.
                await page.keyboard.press('Control+1');
                await sleep(150);
                value = await input.inputValue();
                if (value === text) {
                    return;
                }
                await sleep(1000);
            }
            throw new Error(`the Problems filter holds "${value}" instead of "${text}"`);
        },
        /** The Problems panel's visible rows: files (level 1) and markers (level 2). */
        async problemRows() {
            return page.evaluate(() => [...document.querySelectorAll('.markers-panel .monaco-list-row')]
                .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
                .map(row => ({
                    level: Number(row.getAttribute('aria-level')),
                    label: row.getAttribute('aria-label') ?? '',
                    file: row.querySelector('.label-name')?.textContent ?? undefined,
                    severity: ['error', 'warning', 'info'].find(s => row.querySelector(`.marker-icon.${s}`)) ?? undefined,
                    code: row.querySelector('.marker-code')?.textContent ?? undefined,
                    text: row.textContent ?? ''
                })));
        },
        /** Markers of one file in the (filtered) Problems panel. */
        async markersOf(fileName) {
            const rows = await this.problemRows();
            const markers = [];
            let inFile = false;
            for (const row of rows) {
                if (row.level === 1) {
                    inFile = row.file === fileName;
                } else if (inFile) {
                    markers.push(row);
                }
            }
            return { fileListed: rows.some(r => r.level === 1 && r.file === fileName), markers };
        },
        /** Squiggles drawn in the active editor, by severity. */
        async squiggles() {
            return page.evaluate(selector => {
                const editor = document.querySelector(selector);
                const count = cls => editor ? editor.querySelectorAll(`.${cls}`).length : 0;
                return { error: count('squiggly-error'), warning: count('squiggly-warning'), info: count('squiggly-info') };
            }, activeEditor);
        },
        /** The token spans of the active editor's visible lines with their computed colours. */
        async tokens() {
            return page.evaluate(selector => {
                const editor = document.querySelector(selector);
                if (!editor) {
                    return [];
                }
                return [...editor.querySelectorAll('.view-lines .view-line > span > span')].map(span => ({
                    text: (span.textContent ?? '').replace(/\u00a0/g, ' '),
                    className: span.className,
                    color: getComputedStyle(span).color,
                    textDecoration: getComputedStyle(span).textDecorationLine
                }));
            }, activeEditor);
        },
        /** Focuses the editor (Ctrl+1: no click, which sticky scroll or a widget could catch). */
        async focusEditor() {
            await page.keyboard.press('Escape');
            await page.keyboard.press('Control+1');
            await sleep(150);
        },
        /** Puts the cursor at a line and column (1-based) with Ctrl+G. */
        async goTo(line, column) {
            await this.focusEditor();
            await page.keyboard.press('Control+G');
            await page.waitForSelector(`${quickInput} .quick-input-box input`, { state: 'visible', timeout: 10_000 });
            await page.keyboard.type(`${line}:${column}`);
            await page.keyboard.press('Enter');
            await sleep(200);
        },
        /** "Showing 46 problems" from the Problems panel (it must be open). */
        async problemsCount() {
            const label = await page.locator('#markers-panel-arialabel').first().getAttribute('aria-label').catch(() => null);
            const match = label?.match(/(\d+)/);
            return match ? Number(match[1]) : 0;
        }
    };
}

/** Moves the code action menu's focus to the first item matching `pattern` with the arrow keys and applies it. */
async function chooseAction(page, menu, pattern) {
    for (let i = 0; i < 30; i++) {
        const focused = await menu.locator('.monaco-list-row.focused').first().innerText().catch(() => '');
        if (pattern.test(focused)) {
            await page.keyboard.press('Enter');
            return;
        }
        await page.keyboard.press('ArrowDown');
        await sleep(60);
    }
    throw new Error(`no item of the code action menu matches ${pattern}`);
}

/** The 1-based line and column of the first occurrence of `text` in a file. */
function locate(file, text) {
    const lines = fs.readFileSync(file, 'utf-8').split('\n');
    const index = lines.findIndex(l => l.includes(text));
    if (index < 0) {
        throw new Error(`${text} not found in ${file}`);
    }
    return { line: index + 1, column: lines[index].indexOf(text) + 1 };
}

async function runChecks(page, { port, workspace, userDataDir }) {
    const u = ui(page);
    /** The README's picture: the editor with its colours, the hover and the Problems panel. */
    let readmeShot;
    const opened = Date.now();
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    // A workbench that has just appeared is still restoring views; give it a moment before driving it.
    await page.locator('.part.statusbar').first().waitFor({ state: 'visible', timeout: 30_000 });
    await sleep(2000);
    await u.shot('workbench');

    // -- the extension activates on the workspace (workspaceContains:**/*.osa) and starts its server
    await check('the extension activates on a workspace with .osa files and starts the language server', async () => {
        const activation = await poll(() => activationFromLog(userDataDir), 60_000, 200);
        if (!activation) {
            throw new Error('no "activated in" line in the OSA log within 60 s of opening the workbench');
        }
        metrics.activationMs = activation.ms;
        metrics.workbenchToActivatedMs = activation.at - opened;
        return { detail: `activate() took ${activation.ms} ms until the language server was ready; ${metrics.workbenchToActivatedMs} ms after the workbench was opened (${activation.context})` };
    });

    // -- OSA402 in the Problems panel
    const osa402Path = path.join(workspace, 'violations', OSA402_FILE);
    await check(`opening violations/${OSA402_FILE} shows OSA402 in the Problems panel`, async () => {
        await u.filterProblems('OSA402');
        const started = await u.openFile(OSA402_FILE);
        const found = await poll(async () => {
            const { markers } = await u.markersOf(OSA402_FILE);
            return markers.find(m => m.code === 'OSA402');
        }, 30_000, 50);
        if (found) {
            metrics.firstDiagnosticsMs = Date.now() - started;
        }
        await u.shot('osa402-problems');
        if (!found) {
            throw new Error(`no OSA402 marker under ${OSA402_FILE} in the Problems panel: ${JSON.stringify(await u.problemRows()).slice(0, 300)}`);
        }
        if (found.severity !== 'error') {
            throw new Error(`OSA402 is shown as ${found.severity}, expected error`);
        }
        // The squiggle: F8 goes to the problem in the editor.
        await u.focusEditor();
        await page.keyboard.press('Control+Home');
        await page.keyboard.press('F8');
        await sleep(400);
        await page.keyboard.press('Escape');
        const squiggles = await poll(async () => {
            const count = await u.squiggles();
            return count.error > 0 ? count : undefined;
        }, 5_000);
        if (!squiggles) {
            throw new Error('the editor shows no error squiggle at the OSA402 finding');
        }
        return { detail: `error "${found.label.slice(0, 90)}…" ${metrics.firstDiagnosticsMs} ms after Enter in Ctrl+P opened the file; error squiggle in the editor` };
    });

    // -- syntax colouring by the TextMate grammar
    await check('syntax colouring is applied (TextMate grammar)', async () => {
        await page.keyboard.press('Control+Home');
        await sleep(500);
        const tokens = await u.tokens();
        const colourOf = text => tokens.find(t => t.text.trim() === text)?.color;
        const wanted = {
            comment: tokens.find(t => t.text.includes('missing-information-disclosure-clause'))?.color,
            'rule id in a comment': colourOf('OSA402'),
            declaration: colourOf('programme'),
            keyword: colourOf('title'),
            string: tokens.find(t => t.text.includes('AIS equipment'))?.color,
            number: colourOf('2025'),
            'country code': colourOf('VNM'),
            vocabulary: colourOf('related-organisation')
        };
        const missingTokens = Object.entries(wanted).filter(([, c]) => !c).map(([k]) => k);
        if (missingTokens.length > 0) {
            throw new Error(`tokens not found in the editor: ${missingTokens.join(', ')}`);
        }
        const distinct = new Set(tokens.map(t => t.color));
        const clause = tokens.find(t => t.text.includes('§3(3)(a)'));
        const pairs = [['comment', 'rule id in a comment'], ['keyword', 'string'], ['keyword', 'number'], ['string', 'number'], ['comment', 'keyword'], ['keyword', 'country code']];
        const same = pairs.filter(([a, b]) => wanted[a] === wanted[b]);
        await u.shot('syntax-colouring');
        if (distinct.size < 5 || same.length > 0) {
            throw new Error(`too few colours: ${distinct.size} distinct; same colour for ${same.map(p => p.join(' / ')).join(', ')}`);
        }
        return { detail: `${distinct.size} colours on screen; ${Object.entries(wanted).map(([k, c]) => `${k} ${c}`).join(', ')}; clause reference ${clause?.textDecoration || 'not underlined'}` };
    });

    // -- hover on the recipient code
    await check('hovering the recipient code shows the country\'s facts', async () => {
        await page.keyboard.press('Escape');
        const { line } = locate(osa402Path, 'recipient VNM');
        await u.goTo(line, 5);
        const span = page.locator(`${u.activeEditor} .view-line span > span`, { hasText: /^VNM$/ }).first();
        await span.waitFor({ state: 'visible', timeout: 5_000 });
        const box = await span.boundingBox();
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents, .monaco-hover:not(.hidden) .monaco-hover-content').first();
        const text = await poll(async () => (await hover.isVisible().catch(() => false)) ? (await hover.innerText()).trim() : undefined, 8_000);
        await sleep(300);
        readmeShot = await u.shot('hover-recipient');
        if (!text) {
            return { waiting: 'no hover appeared on `VNM` within 8 s (the server\'s hover provider returns nothing yet)' };
        }
        if (!/Viet ?Nam/i.test(text)) {
            throw new Error(`the hover does not name the country: "${text.slice(0, 160)}"`);
        }
        const facts = ['DAC', 'embargo', 'combat'].filter(word => text.toLowerCase().includes(word.toLowerCase()));
        return { detail: `"${text.replace(/\s+/g, ' ').slice(0, 140)}…" (mentions ${facts.join(', ') || 'no DAC/embargo facts'})` };
    }, 'the hover provider (packages/language/src/lsp/hover*.ts)');
    await page.mouse.move(5, VIEWPORT.height - 5);
    await page.keyboard.press('Escape');


    // -- quick fix with Ctrl+.
    await check('Ctrl+. on the missing-clause finding applies the fix and the finding goes away', async () => {
        await u.focusEditor();
        await page.keyboard.press('Control+Home');
        await page.keyboard.press('F8'); // the next problem in the file: the cursor goes to the OSA402 range
        await sleep(500);
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+.');
        const menu = page.locator('.action-widget');
        const items = await poll(async () => {
            if (!(await menu.isVisible().catch(() => false))) {
                return undefined;
            }
            const labels = await menu.locator('.monaco-list-row').allInnerTexts();
            return labels.length > 0 ? labels : undefined;
        }, 6_000);
        await u.shot('quick-fix-menu');
        if (!items) {
            const message = await page.locator('.monaco-editor-overlaymessage, .message-widget').first().innerText().catch(() => '');
            return { waiting: `no code action menu for OSA402 (${message.trim() || 'nothing shown'}): the server offers no quick fix yet` };
        }
        const fix = items.find(label => /information-disclosure/.test(label));
        if (!fix) {
            return { waiting: `the code action menu has no information-disclosure fix: ${items.join(' | ')}` };
        }
        const started = Date.now();
        fs.writeFileSync(path.join(ARTIFACTS, 'quick-fix-menu.html'), await menu.first().innerHTML().catch(() => ''));
        await chooseAction(page, menu, /information-disclosure/);
        const gone = await poll(async () => !(await u.markersOf(OSA402_FILE)).markers.some(m => m.code === 'OSA402'), 20_000, 50);
        if (gone) {
            metrics.fixToClearMs = Date.now() - started;
        }
        const squiggles = await poll(async () => {
            const count = await u.squiggles();
            return count.error === 0 ? count : undefined;
        }, 10_000, 100) ?? await u.squiggles();
        await u.shot('quick-fix-applied');
        await page.keyboard.press('Control+S');
        const saved = await poll(() => /clause information-disclosure/.test(fs.readFileSync(osa402Path, 'utf-8')), 5_000);
        if (!gone || squiggles.error > 0) {
            throw new Error(`after "${fix.trim()}" the OSA402 finding is still shown (editor squiggles: ${JSON.stringify(squiggles)})`);
        }
        return { detail: `applied "${fix.trim()}": OSA402 gone from the Problems panel ${metrics.fixToClearMs} ms later, no error squiggle left; the saved file ${saved ? 'has' : 'LACKS'} \`clause information-disclosure\`` };
    }, 'code actions (packages/language/src/lsp/code-actions.ts, fixes/)');

    // -- a real programme: no errors
    const mngPath = path.join(workspace, 'programmes', MNG_FILE);
    await check(`a real programme (programmes/${MNG_FILE}) shows no errors`, async () => {
        await u.openFile(MNG_FILE);
        await u.filterProblems(MNG_FILE.replace('.osa', ''));
        // Its one expected finding is the informational OSA502: wait until the file's findings are shown.
        const listed = await poll(async () => {
            const { fileListed, markers } = await u.markersOf(MNG_FILE);
            return fileListed && markers.length > 0 ? markers : undefined;
        }, 30_000);
        const squiggles = await u.squiggles();
        await u.shot('real-programme-no-errors');
        const markers = listed ?? [];
        const errors = markers.filter(m => m.severity === 'error');
        if (errors.length > 0 || squiggles.error > 0) {
            throw new Error(`errors shown: ${errors.map(e => `${e.code} ${e.label.slice(0, 80)}`).join('; ') || `${squiggles.error} error squiggles`}`);
        }
        if (!listed) {
            throw new Error('no findings of the file appeared (expected the informational OSA502), so "no errors" proves nothing');
        }
        return { detail: `findings: ${markers.map(m => `${m.code} (${m.severity})`).join(', ')}; error squiggles: ${squiggles.error}` };
    });

    // -- osa.config.json: the client's file watcher tells the server, which reloads it
    const config = path.join(workspace, 'osa.config.json');
    const original = fs.readFileSync(config, 'utf-8');
    await check('editing osa.config.json on disk re-checks open files (file watcher → didChangeWatchedFiles)', async () => {
        await u.filterProblems(MNG_FILE.replace('.osa', ''));
        const has502 = async () => (await u.markersOf(MNG_FILE)).markers.some(m => m.code === 'OSA502');
        if (!(await poll(has502, 10_000))) {
            throw new Error('OSA502 (info) is not shown for the programme to begin with');
        }
        const started = Date.now();
        fs.writeFileSync(config, JSON.stringify({ rules: { OSA502: 'off' } }, null, 2) + '\n');
        const off = await poll(async () => !(await has502()), 20_000, 100);
        const offMs = Date.now() - started;
        await u.shot('config-rule-off');
        fs.writeFileSync(config, original);
        const back = await poll(has502, 20_000, 100);
        if (!off) {
            throw new Error('OSA502 still shown 20 s after "OSA502": "off" was written to osa.config.json');
        }
        if (!back) {
            throw new Error('OSA502 did not come back after osa.config.json was restored');
        }
        return { detail: `"OSA502": "off" hid the finding ${offMs} ms after the file was written; restoring the file brought it back` };
    });

    // -- completion after `recipient `
    await check('completion after `recipient ` offers country codes', async () => {
        const { line, column } = locate(mngPath, 'recipient MNG');
        await u.goTo(line, column + 'recipient MNG'.length);
        await page.keyboard.press('Backspace');
        await page.keyboard.press('Backspace');
        await page.keyboard.press('Backspace');
        await sleep(300);
        await page.keyboard.press('Control+Space');
        const widget = page.locator('.suggest-widget.visible');
        const labels = await poll(async () => {
            if (!(await widget.isVisible().catch(() => false))) {
                return undefined;
            }
            const rows = await widget.locator('.monaco-list-row .label-name').allInnerTexts();
            const loading = await widget.locator('.message').innerText().catch(() => '');
            return rows.length > 0 ? rows : (/no suggestions/i.test(loading) ? [] : undefined);
        }, 8_000);
        await u.shot('completion-recipient');
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Z');
        await page.keyboard.press('Control+Z');
        await page.keyboard.press('Control+Z');
        if (!labels || labels.length === 0) {
            return { waiting: 'no completion items after `recipient ` (the server\'s completion offers none here yet)' };
        }
        const countries = labels.filter(l => /^[A-Z]{3}\b/.test(l.trim()));
        if (countries.length === 0) {
            return { waiting: `completion after \`recipient \` offers no country codes yet: ${labels.slice(0, 8).join(', ')}` };
        }
        return { detail: `${labels.length} items shown, country codes first: ${countries.slice(0, 6).join(', ')}` };
    }, 'the completion provider (packages/language/src/lsp/completion.ts)');

    // -- the extension's commands, from the command palette
    await check('"OSA: Validate Workspace" validates every file (workspace/executeCommand osa.validateWorkspace)', async () => {
        await u.runCommand('OSA: Validate Workspace');
        const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /OSA: validated \d+ files?/ }).first();
        await toast.waitFor({ state: 'visible', timeout: 60_000 });
        const text = (await toast.innerText()).match(/OSA: validated \d+ files?[^\n]*/)[0];
        await u.shot('validate-workspace');
        const count = Number(text.match(/validated (\d+)/)[1]);
        const expected = listOsaFiles(workspace).length;
        if (count < expected) {
            throw new Error(`validated ${count} files, the workspace has ${expected}`);
        }
        await page.keyboard.press('Escape');
        return { detail: `"${text}" (the workspace has ${expected} .osa files)` };
    });

    await check('"OSA: Show Rule Documentation" opens a rule\'s page', async () => {
        await u.runCommand('OSA: Show Rule Documentation');
        const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'OSA402' }).first();
        await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 10_000 });
        await page.keyboard.type('OSA402');
        await row.waitFor({ state: 'visible', timeout: 10_000 });
        const items = await page.locator('.quick-input-widget .monaco-list-row').count();
        await page.keyboard.press('Enter');
        const tab = page.locator('.tab', { hasText: /OSA402\.md/ }).first();
        await tab.waitFor({ state: 'visible', timeout: 20_000 });
        await sleep(1500);
        await u.shot('rule-documentation');
        return { detail: `picked OSA402 (${items} item(s) matched); tab "${(await tab.innerText()).trim()}" opened` };
    });

    if (readmeShot && (args.has('--update-screenshot') || !fs.existsSync(path.join(EXTENSION, 'images/screenshot.png')))) {
        // 256 colours: about a third of the browser's PNG, and still sharp (scripts/png.mjs).
        const small = shrinkScreenshot(fs.readFileSync(readmeShot));
        fs.writeFileSync(path.join(EXTENSION, 'images/screenshot.png'), small);
        log(`images/screenshot.png updated from ${path.basename(readmeShot)} (${(small.length / 1024).toFixed(0)} KiB)`);
    }

    // -- last, because it leaves an invalid osa.config.json on disk for a moment and the server then
    //    re-checks every file twice: the checks above must not run while that happens
    await check('osa.config.json is validated against the bundled JSON Schema (jsonValidation)', async () => {
        fs.writeFileSync(config, JSON.stringify({ rules: { OSA502: 'sometimes' } }, null, 2) + '\n');
        await u.openFile('osa.config.json');
        // VS Code's JSON language features mark the value with a squiggle; its hover says why.
        const squiggles = await poll(async () => {
            const count = await u.squiggles();
            return count.warning + count.error > 0 ? count : undefined;
        }, 20_000, 200);
        let message = '';
        if (squiggles) {
            const value = page.locator(`${u.activeEditor} .view-line span > span`, { hasText: 'sometimes' }).first();
            const box = await value.boundingBox();
            await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
            const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents, .monaco-hover:not(.hidden) .monaco-hover-content').first();
            message = await poll(async () => (await hover.isVisible().catch(() => false)) ? (await hover.innerText()).trim() : undefined, 8_000) ?? '';
        }
        await u.shot('config-schema');
        await page.mouse.move(5, VIEWPORT.height - 5);
        fs.writeFileSync(config, original);
        await u.focusEditor();
        await page.keyboard.press('Control+W');
        if (!squiggles) {
            throw new Error('no squiggle on "OSA502": "sometimes" in osa.config.json within 20 s');
        }
        if (!/error|warning|info|off/.test(message)) {
            throw new Error(`the problem on "sometimes" does not come from the schema: "${message.slice(0, 160)}"`);
        }
        return { detail: `"OSA502": "sometimes" is marked (${JSON.stringify(squiggles)}): "${message.replace(/\s+/g, ' ').slice(0, 110)}"` };
    });

}

/**
 * The integration suite of `npm run test:electron`, run by code-server's own extension host: a new
 * window on a fresh copy of examples/, with the installed extension as the development extension and
 * the bundled suite as the tests; the suite writes results.json beside itself.
 */
async function runSuite(browser, { port, tmp, extensionsDir }) {
    await check('the @vscode/test-electron suite passes in code-server\'s extension host', async () => {
        const suiteDir = path.join(tmp, 'suite');
        fs.mkdirSync(suiteDir, { recursive: true });
        fs.copyFileSync(await bundleSuite(), path.join(suiteDir, 'suite.cjs'));
        const workspace = path.join(tmp, 'suite-examples');
        fs.cpSync(path.join(REPO, 'examples'), workspace, { recursive: true });
        const extension = path.join(extensionsDir, fs.readdirSync(extensionsDir).find(d => d.startsWith('osa-policy.osa-vscode-')));
        const authority = `127.0.0.1:${port}`;
        const payload = JSON.stringify([
            ['extensionDevelopmentPath', `vscode-remote://${authority}${extension}`],
            ['extensionTestsPath', `vscode-remote://${authority}${suiteDir}/suite.cjs`],
            ['skipWelcome', 'true']
        ]);
        const page = await browser.newPage({ viewport: VIEWPORT });
        try {
            await page.goto(`http://${authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
            await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
            const resultsFile = path.join(suiteDir, 'results.json');
            const results = await poll(() => fs.existsSync(resultsFile) && JSON.parse(fs.readFileSync(resultsFile, 'utf-8')), 180_000, 500);
            currentPage = page;
            await page.screenshot({ path: path.join(ARTIFACTS, `${String(++shotNumber).padStart(2, '0')}-test-suite.png`) });
            if (!results) {
                throw new Error('the suite wrote no results within 180 s');
            }
            fs.copyFileSync(resultsFile, path.join(ARTIFACTS, 'test-suite-results.json'));
            const failed = results.results.filter(r => !r.ok);
            for (const r of results.results) {
                log(`    ${r.ok ? '✓' : '✗'} ${r.name} (${r.ms} ms)${r.ok ? '' : `: ${r.error}`}`);
            }
            if (failed.length > 0) {
                throw new Error(`${failed.length} of ${results.results.length} suite tests failed: ${failed.map(f => `${f.name}: ${f.error}`).join('; ')}`);
            }
            return { detail: `${results.results.length} of ${results.results.length} suite tests passed (VS Code ${results.vscode}, extension host on Node ${results.node})` };
        } finally {
            await page.close().catch(() => undefined);
        }
    });
}

/** Restricted Mode: the extension is enabled in an untrusted folder and works there. */
async function runRestricted(page, { port, workspace, userDataDir }) {
    const u = ui(page);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    await check('in an untrusted folder (Restricted Mode) the extension runs and checks files', async () => {
        const activation = await poll(() => activationFromLog(userDataDir), 60_000, 200);
        if (!activation) {
            throw new Error('the extension did not activate in Restricted Mode within 60 s');
        }
        if (!/workspace trusted: false/.test(activation.context)) {
            throw new Error(`the folder was expected to be untrusted: ${activation.context}`);
        }
        await u.openProblems();
        await u.filterProblems('OSA402');
        await u.openFile(OSA402_FILE);
        const found = await poll(async () => (await u.markersOf(OSA402_FILE)).markers.find(m => m.code === 'OSA402'), 30_000, 100);
        const banner = await page.locator('.monaco-workbench', { hasText: /Restricted Mode/i }).count();
        await u.shot('restricted-mode');
        if (!found) {
            throw new Error('no OSA402 finding in Restricted Mode');
        }
        return { detail: `activated (${activation.context}); OSA402 shown${banner ? '; the Restricted Mode indicator is on screen' : ''}` };
    });
}

function listOsaFiles(dir) {
    return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter(e => e.isFile() && e.name.endsWith('.osa'));
}

await main();
