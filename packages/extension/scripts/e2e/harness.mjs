// The shared part of the real-editor end-to-end test (run.mjs): the list of checks and how one is run and
// recorded, the code-server process, and the helpers that drive VS Code's workbench in Chromium. Scenarios
// (scenarios/*.mjs) use these and nothing else of the runner.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_SERVER_VERSION, REPO, SYSTEM_NODE } from '../code-server.mjs';

export const EXTENSION = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(REPO, 'artifacts/e2e');
export const args = new Set(process.argv.slice(2));
export const STRICT = args.has('--strict') || process.env.OSA_E2E_STRICT === '1';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'];
export const VIEWPORT = { width: 1280, height: 800 };

export const OSA402_FILE = 'OSA402-missing-information-disclosure-clause.osa';
export const MNG_FILE = 'OSA-FY2024-MNG.osa';

/** @type {{ name: string, status: 'pass' | 'fail' | 'waiting', detail: string, feature?: string }[]} */
export const checks = [];
export const metrics = {};
/** Screenshots are numbered in the order they are taken; currentPage is the page of the run, for a screenshot when a check fails. */
export const state = { shotNumber: 0, currentPage: undefined };

export const log = (...parts) => console.log(`[e2e] ${parts.join(' ')}`);
export const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** The path of the next numbered screenshot in artifacts/e2e. */
export function nextShot(name) {
    state.shotNumber += 1;
    return path.join(ARTIFACTS, `${String(state.shotNumber).padStart(2, '0')}-${name}.png`);
}

export function record(name, status, detail, feature) {
    checks.push({ name, status, detail, feature });
    const mark = { pass: 'PASS', fail: 'FAIL', waiting: 'WAIT' }[status];
    log(`${mark}  ${name}: ${detail}`);
}

/** Runs a check; an exception is a failure with its message. */
export async function check(name, fn, feature) {
    try {
        const outcome = await fn();
        if (outcome && outcome.waiting) {
            record(name, STRICT ? 'fail' : 'waiting', outcome.waiting, feature);
        } else {
            record(name, 'pass', outcome?.detail ?? 'ok', feature);
        }
    } catch (error) {
        record(name, 'fail', error instanceof Error ? error.message.split('\n')[0] : String(error), feature);
        if (state.currentPage) {
            await state.currentPage.screenshot({ path: nextShot('FAILED') }).catch(() => undefined);
        }
    }
}

export async function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

export async function waitForHttp(url, timeoutMs, isAlive) {
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
export async function poll(fn, timeoutMs, intervalMs = 150) {
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
export function processesMentioning(text) {
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

/**
 * Starts code-server on 127.0.0.1 and a free port with the system Node 20, runs fn(port), and stops
 * the server by its pid whatever happens. With trust: false, workspace trust is off (the notes' way).
 */
export async function withCodeServer({ entry, env, userDataDir, extensionsDir, workspace, logName, trust, extraArgs = [] }, fn) {
    const port = await freePort();
    const serverLog = fs.openSync(path.join(ARTIFACTS, logName), 'w');
    const codeServer = spawn(SYSTEM_NODE, [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
        '--disable-update-check', ...(trust ? [] : ['--disable-workspace-trust']), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, ...extraArgs, workspace],
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

/**
 * Makes Japanese a display language this VS Code can take, the way a language pack does: an entry for `ja` in
 * the user data's languagepacks.json with a translation file of VS Code's own texts, here empty (the real pack
 * comes from the Marketplace, which this machine cannot reach), so the workbench keeps its English texts while
 * VS Code's language, which extensions see (vscode.env.language, package.nls.ja.json, l10n bundles, the LSP
 * `initialize` locale), is `ja`. A page is then opened in Japanese when User/argv.json says `"locale": "ja"`
 * (code-server reads it at every page load: no restart).
 */
export function allowJapaneseDisplayLanguage(userDataDir) {
    const translations = path.join(userDataDir, 'osa-e2e-ja.i18n.json');
    fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
    fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({
        ja: {
            hash: 'osa-e2e-ja', label: '日本語', translations: { vscode: translations },
            // The workbench looks the pack's extension up by this identifier (an entry without one breaks it).
            extensions: [{ extensionIdentifier: { id: 'osa-policy.osa-e2e-language-pack-ja' }, version: '0.0.1' }]
        }
    }, null, 2));
}

export function copyLogs(userDataDir) {
    const logs = path.join(userDataDir, 'logs');
    if (fs.existsSync(logs)) {
        fs.cpSync(logs, path.join(ARTIFACTS, 'vscode-logs'), { recursive: true });
    }
}

/** The extension's own log line: "2026-11-25 20:27:33.259 [info] OSA extension 0.1.0 activated in 629 ms (...)". */
export function activationFromLog(userDataDir) {
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

export function ui(page) {
    const shot = async name => {
        const file = nextShot(name);
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
        // Enter takes the focused row, which can still be one matching only part of the text while the list
        // catches up (Ctrl+P then opened another file): wait until the wanted row is the focused one.
        const wanted = rowText ?? text;
        await poll(async () => ((await page.locator(`${quickInput} .monaco-list-row.focused`).first().textContent().catch(() => '')) ?? '').includes(wanted), 5_000, 100);
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
        /**
         * The token spans of the first visible line of the active editor whose text, trimmed, starts with
         * `start`, with their colours, and the editor's own text colour (what an uncoloured word gets).
         */
        async lineTokens(start) {
            return page.evaluate(({ selector, start }) => {
                const editor = document.querySelector(selector);
                const lines = editor ? [...editor.querySelectorAll('.view-lines .view-line')] : [];
                const line = lines.find(l => (l.textContent ?? '').replace(/\u00a0/g, ' ').trim().startsWith(start));
                const plain = editor ? getComputedStyle(editor.querySelector('.view-lines')).color : undefined;
                const tokens = line ? [...line.querySelectorAll(':scope > span > span')].map(span => ({
                    text: (span.textContent ?? '').replace(/\u00a0/g, ' '),
                    color: getComputedStyle(span).color
                })) : undefined;
                return { tokens, plain };
            }, { selector: activeEditor, start });
        },
        /** The screen box of the first occurrence of `text` on a visible line of the active editor, whatever spans it is split into. */
        async textBox(text) {
            return page.evaluate(({ selector, text }) => {
                const editor = document.querySelector(selector);
                for (const line of editor ? editor.querySelectorAll('.view-lines .view-line') : []) {
                    const content = (line.textContent ?? '').replace(/\u00a0/g, ' ');
                    const at = content.indexOf(text);
                    if (at < 0) {
                        continue;
                    }
                    // Map the line's character offsets onto its text nodes for a DOM range over the text.
                    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
                    const range = document.createRange();
                    let offset = 0;
                    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                        const length = node.textContent.length;
                        if (at >= offset && at < offset + length) {
                            range.setStart(node, at - offset);
                        }
                        if (at + text.length > offset && at + text.length <= offset + length) {
                            range.setEnd(node, at + text.length - offset);
                            const { x, y, width, height } = range.getBoundingClientRect();
                            return { x, y, width, height };
                        }
                        offset += length;
                    }
                }
                return undefined;
            }, { selector: activeEditor, text });
        },
        /** Ctrl+. at the cursor: the code action menu and its items' labels (undefined when none is shown within timeoutMs). */
        async codeActions(timeoutMs) {
            await page.keyboard.press('Control+.');
            const menu = page.locator('.action-widget');
            const items = await poll(async () => {
                if (!(await menu.isVisible().catch(() => false))) {
                    return undefined;
                }
                const labels = await menu.locator('.monaco-list-row').allInnerTexts();
                return labels.length > 0 ? labels : undefined;
            }, timeoutMs);
            return { menu, items };
        },
        /**
         * Rests the mouse on the token `word` of a line (1-based) of the active editor; resolves to the hover's text,
         * or undefined when none is shown within 8 s.
         */
        async hoverWord(word, line) {
            await page.keyboard.press('Escape');
            await this.goTo(line, 5);
            const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            const span = page.locator(`${activeEditor} .view-line span > span`, { hasText: new RegExp(`^${escaped}$`) }).first();
            await span.waitFor({ state: 'visible', timeout: 5_000 });
            const box = await span.boundingBox();
            await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
            const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents, .monaco-hover:not(.hidden) .monaco-hover-content').first();
            const text = await poll(async () => (await hover.isVisible().catch(() => false)) ? (await hover.innerText()).trim() : undefined, 8_000);
            await sleep(300);
            return text;
        },
        /** Rests the mouse on the active editor's scrollbar, where nothing shows a hover (the status bar's items do). */
        async parkMouse() {
            const box = await page.locator(activeEditor).first().boundingBox();
            await page.mouse.move(box.x + box.width - 4, box.y + box.height / 2);
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
export async function chooseAction(page, menu, pattern) {
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
export function locate(file, text) {
    const lines = fs.readFileSync(file, 'utf-8').split('\n');
    const index = lines.findIndex(l => l.includes(text));
    if (index < 0) {
        throw new Error(`${text} not found in ${file}`);
    }
    return { line: index + 1, column: lines[index].indexOf(text) + 1 };
}

export function listOsaFiles(dir) {
    return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter(e => e.isFile() && e.name.endsWith('.osa'));
}
