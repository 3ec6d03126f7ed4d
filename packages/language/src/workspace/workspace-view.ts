/**
 * An index of every programme and budget envelope of a workspace, built from document summaries, for
 * the rules that look across files (budget per fiscal year, duplicate ids). The language server
 * builds it from its open workspace; the CLI from the summaries of every file, batch by batch.
 */
import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { DocumentState } from 'langium';
import { summarizeDocument, type DocumentSummary, type EnvelopeSummary, type ProgrammeSummary } from './summary.js';

export class WorkspaceView {
    readonly summaries = new Map<string, DocumentSummary>();
    readonly programmesByName = new Map<string, ProgrammeSummary[]>();
    readonly programmesByFiscalYear = new Map<number, ProgrammeSummary[]>();
    readonly envelopesByFiscalYear = new Map<number, EnvelopeSummary[]>();

    constructor(summaries: Iterable<DocumentSummary>) {
        // Sorted by URI so that "the first" of several declarations does not depend on load order.
        for (const summary of [...summaries].sort((a, b) => a.uri.localeCompare(b.uri))) {
            this.summaries.set(summary.uri, summary);
            for (const programme of summary.programmes) {
                push(this.programmesByName, programme.name, programme);
                if (programme.fiscalYear !== undefined) {
                    push(this.programmesByFiscalYear, programme.fiscalYear, programme);
                }
            }
            for (const envelope of summary.envelopes) {
                if (envelope.fiscalYear !== undefined) {
                    push(this.envelopesByFiscalYear, envelope.fiscalYear, envelope);
                }
            }
        }
    }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) {
        list.push(value);
    } else {
        map.set(key, [value]);
    }
}

/** Hands out the WorkspaceView of the documents loaded in the services, rebuilt once per build. */
export class WorkspaceViewProvider {
    private view: WorkspaceView | undefined;
    /** When set (CLI batches), the view over the whole workspace, including files not loaded. */
    private fixed: WorkspaceView | undefined;

    constructor(private readonly shared: LangiumSharedCoreServices) {
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedContent, () => {
            this.view = undefined;
        });
        shared.workspace.DocumentBuilder.onUpdate(() => {
            this.view = undefined;
        });
    }

    /** Use a view computed elsewhere (from summaries of files that are not all loaded at once). */
    setFixedView(view: WorkspaceView | undefined): void {
        this.fixed = view;
    }

    current(): WorkspaceView {
        if (this.fixed) {
            return this.fixed;
        }
        this.view ??= new WorkspaceView([...this.shared.workspace.LangiumDocuments.all].map((d: LangiumDocument) => summarizeDocument(d)));
        return this.view;
    }
}
