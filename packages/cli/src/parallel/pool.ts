/**
 * A fixed pool of worker threads. Each worker keeps its own parser and services (and the workspace's
 * loaded definitions) for the whole run; the caller decides which worker takes which task. Results are plain data, so the main thread can merge them in a
 * fixed order and the output does not depend on the number of workers.
 */
import { Worker } from 'node:worker_threads';
import type { CheckedFile, CheckOptions, DocumentSummary, InputProblem, PrefetchedBytes, WorkspaceFiles } from '@osa-policy/language';
import type { WorkerReply, WorkerSetup, WorkerTask } from './protocol.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A young generation this size keeps each worker's peak memory flat on large workspaces. */
const YOUNG_GENERATION_MB = 16;
/**
 * A worker keeps little between tasks (the workspace's definitions); a modest old generation makes
 * it collect the batches it has finished instead of growing (measured on 10,000 files with --jobs 2:
 * peak RSS about 410 MiB without it). A workspace whose definitions alone outgrow it would fail.
 */
const OLD_GENERATION_MB = 256;

interface Pending {
    resolve: (reply: WorkerReply) => void;
    reject: (error: Error) => void;
}

export class WorkerPool {
    private readonly workers: { worker: Worker }[] = [];
    private readonly pending = new Map<number, Pending>();
    private nextId = 1;

    constructor(size: number, options: CheckOptions) {
        const setup: WorkerSetup = { options };
        for (let i = 0; i < size; i++) {
            const worker = new Worker(new URL('./worker.js', import.meta.url), {
                workerData: setup,
                resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: OLD_GENERATION_MB }
            });
            worker.on('message', (reply: WorkerReply) => this.onReply(reply));
            worker.on('error', error => this.failAll(error));
            this.workers.push({ worker });
        }
    }

    /** One handle per worker, so a caller can keep each worker busy with its own loop. */
    threads(): number[] {
        return this.workers.map((_, i) => i);
    }

    /** `sources`: the bytes the main thread's listing already read for `files`, so that the worker does not read them again. */
    async check(workspace: WorkspaceFiles, files: string[], thread: number, sources?: PrefetchedBytes): Promise<{ checked: CheckedFile[]; problems: InputProblem[] }> {
        // Only what checking needs: the root and the definitions. Not the member list nor (in a result cache run) the
        // listing's content hashes: a worker hashes what it reads itself, and copying an entry per member of a
        // 10,000-file workspace into every task of 100 files costs more than the task.
        const { root, configFile, definitions } = workspace;
        const reply = await this.run({ kind: 'check', workspace: { root, configFile, definitions, members: [] }, files, ...(sources ? { sources } : {}) }, thread);
        if (reply.kind !== 'checked') {
            throw new Error('unexpected reply from worker');
        }
        return { checked: reply.checked, problems: reply.problems };
    }

    async summarize(files: string[], thread: number, sources?: PrefetchedBytes): Promise<DocumentSummary[]> {
        const reply = await this.run({ kind: 'summarize', files, ...(sources ? { sources } : {}) }, thread);
        if (reply.kind !== 'summaries') {
            throw new Error('unexpected reply from worker');
        }
        return reply.summaries;
    }

    async close(): Promise<void> {
        await Promise.all(this.workers.map(w => w.worker.terminate()));
    }

    private run(task: DistributiveOmit<WorkerTask, 'id'>, thread: number): Promise<WorkerReply> {
        const id = this.nextId++;
        return new Promise<WorkerReply>((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            this.workers[thread].worker.postMessage({ ...task, id } as WorkerTask);
        });
    }

    private onReply(reply: WorkerReply): void {
        const pending = this.pending.get(reply.id);
        if (!pending) {
            return;
        }
        this.pending.delete(reply.id);
        if (reply.kind === 'failed') {
            pending.reject(new Error(`worker failed: ${reply.message}`));
        } else {
            pending.resolve(reply);
        }
    }

    private failAll(error: Error): void {
        for (const pending of this.pending.values()) {
            pending.reject(error);
        }
        this.pending.clear();
    }
}
