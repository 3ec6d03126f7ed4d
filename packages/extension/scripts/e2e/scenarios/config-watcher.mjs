// Editing osa.config.json on disk re-checks open files: the client's file watcher tells the server, which reloads it.
import * as fs from 'node:fs';
import { check, MNG_FILE, poll } from '../harness.mjs';

export default async function configWatcher({ u, config, configOriginal: original }) {
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
}
