// A real programme shows no errors, only its informational finding.
import { check, MNG_FILE, poll } from '../harness.mjs';

export default async function realProgramme({ u }) {
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
}
