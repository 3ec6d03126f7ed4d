// The @vscode/test-electron suite (test/electron/suite) in code-server's own extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../../code-server.mjs';
import { bundleSuite } from '../../test-electron.mjs';
import { ARTIFACTS, check, log, nextShot, poll, state, VIEWPORT } from '../harness.mjs';

/**
 * The integration suite of `npm run test:electron`, run by code-server's own extension host: a new
 * window on a fresh copy of examples/, with the installed extension as the development extension and
 * the bundled suite as the tests; the suite writes results.json beside itself.
 */
export default async function suite(browser, { port, tmp, extensionsDir }) {
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
            state.currentPage = page;
            await page.screenshot({ path: nextShot('test-suite') });
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
