/** A worker thread of `osa validate --jobs N`: checks the chunks of files the main thread sends. */
import '@osa-policy/language/compat';
import { parentPort, workerData } from 'node:worker_threads';
import { WorkspaceChecker } from '@osa-policy/language';
import type { WorkerReply, WorkerSetup, WorkerTask } from './protocol.js';

const { options } = workerData as WorkerSetup;
const checker = new WorkspaceChecker(options);
const port = parentPort!;

port.on('message', async (task: WorkerTask) => {
    const reply = (message: WorkerReply) => port.postMessage(message);
    try {
        if (task.sources) {
            checker.acceptPrefetched(task.files, task.sources);
        }
        if (task.kind === 'check') {
            const result = await checker.check(task.workspace, task.files);
            reply({ id: task.id, kind: 'checked', ...result });
        } else {
            reply({ id: task.id, kind: 'summaries', summaries: checker.summarize(task.files) });
        }
    } catch (error) {
        reply({ id: task.id, kind: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
});
