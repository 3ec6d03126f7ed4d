/**
 * An index of every programme and budget envelope in the workspace, for the rules that look across
 * files (budget per fiscal year, duplicate ids). Built once per document build, not once per file.
 */
import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { DocumentState } from 'langium';
import { isModel, isBudgetEnvelope, isProgramme, type BudgetEnvelope, type Programme } from '../generated/ast.js';

export class WorkspaceView {
    readonly programmesByName = new Map<string, Programme[]>();
    readonly programmesByFiscalYear = new Map<number, Programme[]>();
    readonly envelopesByFiscalYear = new Map<number, BudgetEnvelope[]>();

    constructor(documents: Iterable<LangiumDocument>) {
        // Sorted by URI so that "the first" of several declarations does not depend on load order.
        const sorted = [...documents].sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
        for (const document of sorted) {
            const model = document.parseResult?.value;
            if (!isModel(model)) {
                continue;
            }
            for (const element of model.elements) {
                if (isProgramme(element)) {
                    push(this.programmesByName, element.name, element);
                    if (element.fiscalYear !== undefined) {
                        push(this.programmesByFiscalYear, element.fiscalYear, element);
                    }
                } else if (isBudgetEnvelope(element) && element.fiscalYear !== undefined) {
                    push(this.envelopesByFiscalYear, element.fiscalYear, element);
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

/** Hands out the current WorkspaceView, rebuilding it after each indexing phase of a build. */
export class WorkspaceViewProvider {
    private view: WorkspaceView | undefined;

    constructor(private readonly shared: LangiumSharedCoreServices) {
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedContent, () => {
            this.view = undefined;
        });
        shared.workspace.DocumentBuilder.onUpdate(() => {
            this.view = undefined;
        });
    }

    current(): WorkspaceView {
        this.view ??= new WorkspaceView(this.shared.workspace.LangiumDocuments.all);
        return this.view;
    }
}
