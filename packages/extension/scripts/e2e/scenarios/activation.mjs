// The extension activates on the workspace (workspaceContains:**/*.osa) and starts its language server.
import { activationFromLog, check, metrics, poll } from '../harness.mjs';

export default async function activation({ userDataDir, opened }) {
    await check('the extension activates on a workspace with .osa files and starts the language server', async () => {
        const activation = await poll(() => activationFromLog(userDataDir), 60_000, 200);
        if (!activation) {
            throw new Error('no "activated in" line in the OSA log within 60 s of opening the workbench');
        }
        metrics.activationMs = activation.ms;
        metrics.workbenchToActivatedMs = activation.at - opened;
        return { detail: `activate() took ${activation.ms} ms until the language server was ready; ${metrics.workbenchToActivatedMs} ms after the workbench was opened (${activation.context})` };
    });
}
