/**
 * The environment every test process (and so every `osa` it spawns) starts in:
 * - without the machine's locale: LC_ALL, LC_MESSAGES and LANG choose the CLI's language, so a developer with
 *   LANG=ja_JP.UTF-8 would otherwise see English expectations fail. A test that wants a locale sets it in the
 *   child's environment.
 * - with a cache folder of its own: `osa validate --cache` keeps its signing key in the user's cache folder, and
 *   tests must neither write to the developer's nor depend on a key a previous run left behind.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    delete process.env[name];
}
process.env.XDG_CACHE_HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-test-cache-home-'));
