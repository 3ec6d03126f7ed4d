// Installs code-server (VS Code's own workbench and extension host, served to a browser) into a
// git-ignored cache folder, the way /work/shared/notes/real-vscode-e2e.md describes, and reuses it.
//
//   node scripts/code-server.mjs            install (or reuse) and print the entry point
//
// code-server 4.100.3 = VS Code 1.100.3. It needs the system Node 20 (/usr/bin/node): every npm
// step below runs on that Node with the system npm, so that native modules are built for Node 20's
// ABI (the project's pinned Node 24 would build them for the wrong one). Nothing is downloaded from
// outside the npm registry: ripgrep comes from Debian, browsers are never downloaded.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The editor's Node: code-server 4.100 runs on Node 20. Override with OSA_EDITOR_NODE. */
export const SYSTEM_NODE = process.env.OSA_EDITOR_NODE ?? '/usr/bin/node';
export const CHROMIUM = process.env.OSA_CHROMIUM ?? '/usr/bin/chromium';
const APT_HINT = 'apt-get update && apt-get install -y chromium ripgrep libkrb5-dev';
/** Bumped when the install steps change, so that an old cache is redone. */
const RECIPE = 1;

export function cacheRoot() {
    return path.resolve(process.env.OSA_CODE_SERVER_CACHE ?? path.join(REPO, '.cache/code-server'));
}

function which(command) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/bin'])) {
        const candidate = path.join(dir, command);
        if (dir && fs.existsSync(candidate)) {
            return candidate;
        }
    }
    return undefined;
}

/** What the machine lacks to install and run code-server here, each with how to get it. */
export function missingPrerequisites({ forInstall }) {
    const missing = [];
    if (!fs.existsSync(CHROMIUM)) {
        missing.push(`Debian's Chromium (${CHROMIUM}): ${APT_HINT}`);
    }
    if (!which('rg')) {
        missing.push(`ripgrep (rg): ${APT_HINT}`);
    }
    if (forInstall && !fs.existsSync('/usr/include/gssapi/gssapi.h')) {
        missing.push(`libkrb5-dev (gssapi headers for the kerberos native module): ${APT_HINT}`);
    }
    const version = fs.existsSync(SYSTEM_NODE) ? spawnSync(SYSTEM_NODE, ['--version'], { encoding: 'utf-8' }).stdout.trim() : '';
    if (!/^v20\./.test(version)) {
        missing.push(`Node 20 at ${SYSTEM_NODE} (found ${version || 'nothing'}); code-server ${CODE_SERVER_VERSION} runs on Node 20 (set OSA_EDITOR_NODE)`);
    }
    return missing;
}

/** The system npm, run on the system Node: `npm rebuild` then builds native modules for Node 20. */
function systemNpm() {
    const candidates = [path.join(path.dirname(SYSTEM_NODE), '../lib/node_modules/npm/bin/npm-cli.js'), '/usr/lib/node_modules/npm/bin/npm-cli.js'];
    const cli = candidates.find(c => fs.existsSync(c));
    if (!cli) {
        throw new Error(`no npm next to ${SYSTEM_NODE} (looked for ${candidates.join(', ')})`);
    }
    return cli;
}

/** An environment without the project's npm-script settings and pinned Node on PATH. */
export function systemEnv(extra = {}) {
    const env = {};
    for (const [key, value] of Object.entries(process.env)) {
        if (!/^npm_/i.test(key) && key !== 'NODE' && key !== 'INIT_CWD' && key !== 'NODE_OPTIONS') {
            env[key] = value;
        }
    }
    const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(d => d && !d.includes('node_modules'));
    env.PATH = [path.dirname(SYSTEM_NODE), ...dirs.filter(d => d !== path.dirname(SYSTEM_NODE))].join(path.delimiter);
    return { ...env, ...extra };
}

function run(log, cwd, args, extraEnv = {}) {
    const started = Date.now();
    fs.appendFileSync(log, `\n$ (cd ${cwd} && npm ${args.join(' ')})\n`);
    const result = spawnSync(SYSTEM_NODE, [systemNpm(), ...args], {
        cwd, env: systemEnv({ npm_config_yes: 'true', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false', ...extraEnv }),
        encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024
    });
    fs.appendFileSync(log, (result.stdout ?? '') + (result.stderr ?? ''));
    if (result.status !== 0) {
        const tail = ((result.stdout ?? '') + (result.stderr ?? '')).split('\n').slice(-30).join('\n');
        throw new Error(`npm ${args.join(' ')} failed in ${cwd} (exit ${result.status}; full log: ${log}):\n${tail}`);
    }
    return Date.now() - started;
}

function symlink(target, linkPath) {
    fs.rmSync(linkPath, { force: true, recursive: false });
    fs.mkdirSync(path.dirname(linkPath), { recursive: true });
    fs.symlinkSync(target, linkPath);
}

/**
 * Installs code-server once into `<cache>/<version>` (40 s here, up to 3 minutes on a slow machine) and reuses it.
 * Returns the entry script to run with the system Node.
 */
export function ensureCodeServer({ say = console.log } = {}) {
    const dir = path.join(cacheRoot(), CODE_SERVER_VERSION);
    const entry = path.join(dir, 'node_modules/code-server/out/node/entry.js');
    const marker = path.join(dir, '.osa-installed');
    if (fs.existsSync(marker) && fs.existsSync(entry) && fs.readFileSync(marker, 'utf-8').trim() === String(RECIPE)) {
        say(`code-server ${CODE_SERVER_VERSION}: cached in ${path.relative(REPO, dir) || dir}`);
        return { dir, entry, installedNow: false };
    }
    const missing = missingPrerequisites({ forInstall: true });
    if (missing.length > 0) {
        throw new Error(`cannot install code-server: missing\n  - ${missing.join('\n  - ')}`);
    }
    say(`code-server ${CODE_SERVER_VERSION}: installing into ${dir} (under a minute here, up to 3 minutes on a slow machine; once; log: ${path.join(dir, 'install.log')})`);
    const started = Date.now();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const log = path.join(dir, 'install.log');
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'osa-code-server-cache', private: true }, null, 2));
    const step = (label, fn) => {
        const t = Date.now();
        fn();
        say(`  ${label} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
    };
    // 2. The package itself, without its install scripts (they need the steps below).
    step(`npm install --ignore-scripts code-server@${CODE_SERVER_VERSION}`, () =>
        run(log, dir, ['install', '--ignore-scripts', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`]));
    const codeServer = path.join(dir, 'node_modules/code-server');
    // 3. argon2 (password hashing; unused with --auth none but loaded at start).
    step('npm rebuild argon2 --build-from-source', () => run(log, dir, ['rebuild', 'argon2', '--build-from-source']));
    // 4. VS Code's own dependencies, then each native module for Node 20.
    const vscode = path.join(codeServer, 'lib/vscode');
    step('lib/vscode: npm install --omit=dev --ignore-scripts', () => run(log, vscode, ['install', '--omit=dev', '--ignore-scripts']));
    for (const native of ['kerberos', 'node-pty', '@parcel/watcher', '@vscode/spdlog', 'native-watchdog', '@vscode/deviceid']) {
        step(`lib/vscode: npm rebuild ${native}`, () => run(log, vscode, ['rebuild', native]));
    }
    // 5. ripgrep: Debian's binary instead of a download from GitHub.
    const rg = which('rg');
    symlink(rg, path.join(vscode, 'node_modules/@vscode/ripgrep/bin/rg'));
    // 6. What code-server's postinstall.sh would do.
    symlink('node_modules', path.join(vscode, 'node_modules.asar'));
    symlink('code-linux.sh', path.join(vscode, 'bin/remote-cli/code-server'));
    symlink('browser-linux.sh', path.join(vscode, 'bin/helpers/browser.sh'));
    step('lib/vscode/extensions: npm install --omit=dev --ignore-scripts', () =>
        run(log, path.join(vscode, 'extensions'), ['install', '--omit=dev', '--ignore-scripts']));
    fs.writeFileSync(marker, `${RECIPE}\n`);
    say(`code-server ${CODE_SERVER_VERSION}: installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return { dir, entry, installedNow: true };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    try {
        const { entry } = ensureCodeServer();
        console.log(entry);
    } catch (error) {
        console.error(String(error instanceof Error ? error.message : error));
        process.exit(1);
    }
}
