import type { CheckedFile, CheckOptions, DocumentSummary, InputProblem, PrefetchedBytes, WorkspaceFiles } from '@osa-policy/language';

/** A task for a worker thread: check files of a workspace, or summarize files checked by another shard. */
export type WorkerTask =
    | { id: number; kind: 'check'; workspace: WorkspaceFiles; files: string[]; sources?: PrefetchedBytes }
    | { id: number; kind: 'summarize'; files: string[]; sources?: PrefetchedBytes };

export type WorkerReply =
    | { id: number; kind: 'checked'; checked: CheckedFile[]; problems: InputProblem[] }
    | { id: number; kind: 'summaries'; summaries: DocumentSummary[] }
    | { id: number; kind: 'failed'; message: string };

export interface WorkerSetup {
    options: CheckOptions;
}
