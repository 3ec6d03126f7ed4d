/**
 * An index of every programme and budget envelope of a workspace, built from document summaries, for
 * the rules that look across files (budget per fiscal year, duplicate ids). The language server
 * builds it from its loaded documents; the CLI from the summaries of every file, batch by batch.
 */
import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { DocumentState } from 'langium';
import * as path from 'node:path';
import { summarizeDocument, type DocumentSummary, type EnvelopeSummary, type NamedSummary, type ProgrammeSummary, type ShareSummary } from './summary.js';

/** A programme's share of one fiscal year, with the programme it belongs to. */
export interface ProgrammeShare {
    programme: ProgrammeSummary;
    share: ShareSummary;
}

export class WorkspaceView {
    readonly summaries = new Map<string, DocumentSummary>();
    readonly programmesByName = new Map<string, ProgrammeSummary[]>();
    readonly programmesByFiscalYear = new Map<number, ProgrammeSummary[]>();
    readonly envelopesByFiscalYear = new Map<number, EnvelopeSummary[]>();
    /** Every programme's share of each fiscal year (a `funding` share, or `amount` in the programme's own year). */
    readonly sharesByFiscalYear = new Map<number, ProgrammeShare[]>();
    /** Declarations others refer to by name, in the order references resolve (first file by URI first). */
    readonly templatesByName = new Map<string, NamedSummary[]>();
    readonly envelopesByName = new Map<string, EnvelopeSummary[]>();

    constructor(summaries: Iterable<DocumentSummary>) {
        // Sorted by URI so that "the first" of several declarations does not depend on load order.
        for (const summary of [...summaries].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))) {
            this.summaries.set(summary.uri, summary);
            for (const programme of summary.programmes) {
                push(this.programmesByName, programme.name, programme);
                if (programme.fiscalYear !== undefined) {
                    push(this.programmesByFiscalYear, programme.fiscalYear, programme);
                }
                for (const share of programme.shares ?? []) {
                    push(this.sharesByFiscalYear, share.fiscalYear, { programme, share });
                }
            }
            for (const template of summary.templates) {
                push(this.templatesByName, template.name, template);
            }
            for (const envelope of summary.envelopes) {
                push(this.envelopesByName, envelope.name, envelope);
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

/**
 * Hands out the WorkspaceView of the documents loaded in the services, rebuilt once per build. Loaded
 * documents are grouped by workspace (the folder of the osa.config.json that governs them), so an
 * editor with several workspaces open checks each one's budgets and ids separately, as the CLI does.
 *
 * A rebuilt view whose summaries are all equal to the previous one's is the previous view itself: an
 * edit that moves no declaration (typing in a title) then costs no new index of a 1,000-file workspace,
 * and callers can tell by identity that nothing the workspace rules read has changed.
 */
export class WorkspaceViewProvider {
    private views: Map<string, WorkspaceView> | undefined;
    /** The views of the last rebuild, kept for reuse across builds. */
    private previous = new Map<string, WorkspaceView>();
    /** Workspace keys by folder, for one rebuild: the configuration that governs a file depends only on its folder. */
    private keys = new Map<string, string>();

    constructor(private readonly shared: LangiumSharedCoreServices, private readonly workspaceOf: (file: string) => string) {
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedContent, () => {
            this.views = undefined;
        });
        shared.workspace.DocumentBuilder.onUpdate(() => {
            this.views = undefined;
        });
    }

    /**
     * Summaries by parse result: every parse of an edit gives a new one (the editor may keep the tree and replace only
     * the edited declaration, lsp/incremental-parse.ts), so unchanged files are not summarized again.
     */
    private readonly summaries = new WeakMap<object, DocumentSummary>();

    private summaryOf(document: LangiumDocument): DocumentSummary {
        const parsed = document.parseResult;
        let summary = this.summaries.get(parsed);
        if (!summary) {
            summary = summarizeDocument(document);
            this.summaries.set(parsed, summary);
        }
        return summary;
    }

    private keyOf(file: string): string {
        const folder = path.dirname(file);
        let key = this.keys.get(folder);
        if (key === undefined) {
            key = this.workspaceOf(file);
            this.keys.set(folder, key);
        }
        return key;
    }

    /** The view of the workspace that `document` belongs to. */
    viewFor(document: LangiumDocument): WorkspaceView {
        if (!this.views) {
            this.keys = new Map();
            const groups = new Map<string, DocumentSummary[]>();
            for (const loaded of this.shared.workspace.LangiumDocuments.all) {
                const key = this.keyOf(loaded.uri.fsPath);
                const group = groups.get(key) ?? [];
                group.push(this.summaryOf(loaded));
                groups.set(key, group);
            }
            this.views = new Map([...groups].map(([key, summaries]) => {
                const previous = this.previous.get(key);
                return [key, previous && sameSummaries(previous, summaries) ? previous : new WorkspaceView(summaries)];
            }));
            this.previous = this.views;
        }
        return this.views.get(this.keyOf(document.uri.fsPath)) ?? new WorkspaceView([summarizeDocument(document)]);
    }
}

/** True when `summaries` are those of `view`: the same files, each summary the same object or equal to it. */
function sameSummaries(view: WorkspaceView, summaries: readonly DocumentSummary[]): boolean {
    return summaries.length === view.summaries.size && summaries.every(summary => {
        const known = view.summaries.get(summary.uri);
        return known === summary || (known !== undefined && equalData(known, summary));
    });
}

/** Structural equality of plain data (objects, arrays, primitives), as summaries are made of. */
function equalData(a: unknown, b: unknown): boolean {
    if (Object.is(a, b)) {
        return true;
    }
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
        return false;
    }
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return keysA.length === keysB.length
        && keysA.every(key => Object.prototype.hasOwnProperty.call(b, key)
            && equalData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
