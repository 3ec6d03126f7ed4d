/**
 * Workspace-level diagnostics in the editor. Per-document rules run on every change (Langium's
 * update build). Workspace rules (budget per fiscal year, duplicate ids) depend on other files: after
 * each build, the documents whose workspace findings changed are revalidated so that their Problems
 * entries follow, e.g. the envelope file when a programme's amount changes elsewhere.
 *
 * The `osa.validation.scope` setting chooses what the Problems panel shows: `openFiles` (the default:
 * closed files only when a workspace finding involves them) or `workspace` (every file, from start-up).
 * The `osa.validateWorkspace` command validates every file on demand, closed ones included. A change
 * to an osa.config.json (reported by the client's file watcher) reloads configurations and rechecks.
 */
import { DocumentState, UriUtils, type LangiumDocument } from 'langium';
import { MessageType, ShowMessageNotification, type CancellationToken } from 'vscode-languageserver';
import type { LangiumSharedServices } from 'langium/lsp';
import { CONFIG_FILE_NAME, forgetConfigLookups } from '../config/config.js';
import { ALL_RULES } from '../rules/index.js';
import { checkDateProblem } from '../engine/check-date.js';
import { DEFAULT_LOCALE, isLocale, localeFromTag, msg, type Locale, type Message } from '../i18n/index.js';
import type { OsaDocumentBuilder } from '../workspace/performance.js';
import type { WorkspaceView } from '../workspace/workspace-view.js';
import { neutralise } from '../util/neutralise.js';
import type { OsaLspServices } from './osa-lsp-module.js';

export type ValidationScope = 'openFiles' | 'workspace';

/** The rules that look across files, from the registry (a new one is followed without a change here). */
const WORKSPACE_RULES = new Set(ALL_RULES.filter(rule => rule.scope === 'workspace').map(rule => rule.id));

/** A file's workspace findings, with the other places they point at (those move when another file is edited). */
function workspaceKey(diagnostics: readonly { code?: unknown; message: unknown; range: unknown; relatedInformation?: unknown[] }[] | undefined): string {
    return JSON.stringify((diagnostics ?? []).filter(d => WORKSPACE_RULES.has(String(d.code))).map(d => [d.code, d.message, d.range, d.relatedInformation ?? []]));
}

export class WorkspaceDiagnostics {
    scope: ValidationScope = 'openFiles';
    private refreshing = false;
    /** The editor's display language (the `initialize` request's `locale`), else the server's default; `osa.locale` overrides it. */
    private editorLocale: Locale = DEFAULT_LOCALE;
    /** The last valid `osa.locale` value: '' follows the editor. */
    private localeSetting: '' | Locale = '';
    /** The invalid `osa.locale` value last reported, so that the same one is not reported at every settings update. */
    private reportedLocale?: string;
    /**
     * Documents found up to date by refreshAffected, with what that depended on: their workspace's view (the same
     * object while no summary in it changes), their findings and state, and the settings in force (`settings`
     * counts changes of locale, check date and configuration). While all are the same, they are still up to date.
     */
    private readonly upToDate = new WeakMap<LangiumDocument, { view: WorkspaceView; diagnostics: unknown; count?: number; state: DocumentState; settings: number }>();
    private settings = 0;

    constructor(private readonly shared: LangiumSharedServices, private readonly osa: () => OsaLspServices) {
        // With `openFiles`, Langium's updates would still validate every loaded file: keep them to open
        // files (documents the server builds explicitly, e.g. for workspace findings, are always validated).
        (shared.workspace.DocumentBuilder as unknown as OsaDocumentBuilder).validationFilter = document =>
            this.scope === 'workspace' || this.isOpen(document);
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, async (documents, cancelToken) => {
            if (!this.refreshing) {
                // The build's own token: when a newer update cancels this build, the recheck stops with it
                // instead of running alongside the newer build on the same documents.
                await this.refreshAffected(new Set(documents.map(d => d.uri.toString())), cancelToken);
            }
        });
        // A deleted file leaves the other files' budget and id findings behind unless they are rechecked.
        (shared.workspace.DocumentBuilder as unknown as OsaDocumentBuilder).afterDeletion = async () => {
            if (!this.refreshing) {
                await this.refreshAffected(new Set());
            }
        };
        shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(async update => {
            if (update.section === 'osa') {
                await this.applyLocale((update.configuration as { locale?: unknown } | undefined)?.locale);
                await this.applyCheckDate((update.configuration as { asOf?: unknown } | undefined)?.asOf);
                const scope = (update.configuration as { validation?: { scope?: string } } | undefined)?.validation?.scope;
                const previous = this.scope;
                this.scope = scope === 'workspace' ? 'workspace' : 'openFiles';
                if (this.scope === 'workspace' && previous !== 'workspace') {
                    await this.validateAll();
                }
            }
        });
        // An osa.config.json created, changed or deleted: reload configurations and recheck what was checked.
        shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(async params => {
            if (params.changes.some(change => change.uri.endsWith(`/${CONFIG_FILE_NAME}`))) {
                forgetConfigLookups();
                this.osa().osa.Config.clear();
                await this.revalidateAll();
            }
        });
        // The initial settings are fetched without an update event: read them once the workspace is loaded.
        void shared.workspace.WorkspaceManager.ready.then(async () => {
            await this.applyLocale(await shared.workspace.ConfigurationProvider.getConfiguration('osa', 'locale'));
            await this.applyCheckDate(await shared.workspace.ConfigurationProvider.getConfiguration('osa', 'asOf'));
            const validation = await shared.workspace.ConfigurationProvider.getConfiguration('osa', 'validation') as { scope?: string } | undefined;
            if (validation?.scope === 'workspace') {
                this.scope = 'workspace';
                await this.validateAll();
            }
        });
    }

    /** Documents' URIs as the open text documents are keyed (normalized), worked out once per document. */
    private readonly normalizedUris = new WeakMap<LangiumDocument, string>();

    /**
     * Whether the editor has the document open: TextDocuments.get, without parsing the URI again for each of the
     * workspace's files at each build (the builder asks this of every closed file).
     */
    private isOpen(document: LangiumDocument): boolean {
        let uri = this.normalizedUris.get(document);
        if (uri === undefined) {
            uri = UriUtils.normalize(document.uri);
            this.normalizedUris.set(document, uri);
        }
        return this.shared.workspace.TextDocuments.keys().includes(uri);
    }

    /**
     * The `osa.asOf` setting: the check date for every file, over the configurations' `asOf` (empty: theirs, else
     * today). A value that is not a calendar date is reported to the user and ignored, never half-applied.
     */
    private async applyCheckDate(setting: unknown): Promise<void> {
        const text = typeof setting === 'string' ? setting.trim() : '';
        const problem = text === '' ? undefined : checkDateProblem(text, this.locale);
        if (problem) {
            const current = this.osa().osa.Config.asOf;
            this.notifyError(msg('settings.asOf.invalid', { problem, current: current ?? msg('settings.asOf.today') }));
            return;
        }
        const asOf = text === '' ? undefined : text;
        const config = this.osa().osa.Config;
        if (config.asOf !== asOf) {
            config.asOf = asOf;
            await this.revalidateAll();
        }
    }

    /** The editor's display language, from the `initialize` request: in force unless `osa.locale` names one. */
    setEditorLocale(tag: string | undefined): void {
        // A client that names no supported language keeps the server's own default (`osa lsp --locale`, the environment).
        this.editorLocale = localeFromTag(tag) ?? this.locale;
        this.setLocale(this.localeSetting || this.editorLocale);
    }

    /**
     * The `osa.locale` setting: '' (or absent) follows the editor, `en` and `ja` choose. Another value is
     * reported and ignored: the locale in force stays. A change re-validates, so that the Problems panel
     * shows the findings in the new language.
     */
    private async applyLocale(setting: unknown): Promise<void> {
        const text = typeof setting === 'string' ? setting.trim() : setting === undefined || setting === null ? '' : undefined;
        if (text === undefined || (text !== '' && !isLocale(text))) {
            // The value comes from settings a workspace may carry: shown escaped and cut short.
            const value = neutralise(truncate(JSON.stringify(setting) ?? String(setting), 40));
            if (value !== this.reportedLocale) {
                this.reportedLocale = value;
                this.notifyError(msg('settings.locale.invalid', { value, current: msg(`locale.name.${this.locale}`) }));
            }
            return;
        }
        this.reportedLocale = undefined;
        this.localeSetting = text;
        if (this.setLocale(text || this.editorLocale)) {
            await this.revalidateAll();
        }
    }

    /** The locale in force. */
    get locale(): Locale {
        return this.osa().osa.Localizer.locale;
    }

    /** Sets the locale of every language service; true when it changed. */
    private setLocale(locale: Locale): boolean {
        const changed = this.locale !== locale;
        for (const services of this.shared.ServiceRegistry.all) {
            (services as OsaLspServices).osa.Localizer.locale = locale;
        }
        return changed;
    }

    /** A notification, not a request: nothing waits for the user to close the message. */
    private notifyError(message: Message): void {
        void this.shared.lsp.Connection?.sendNotification(ShowMessageNotification.type, {
            type: MessageType.Error,
            message: this.osa().osa.Localizer.text(message)
        });
    }

    /** Validates every loaded document of the workspace (the `osa.validateWorkspace` command). */
    async validateAll(): Promise<number> {
        await this.shared.workspace.WorkspaceManager.ready;
        const documents = [...this.shared.workspace.LangiumDocuments.all];
        await this.rebuild(documents);
        return documents.length;
    }

    /**
     * Revalidates documents, not just built, whose workspace findings would now differ: validated ones
     * whose findings changed, and (with `openFiles`) closed ones that a workspace finding now involves.
     */
    private async refreshAffected(justBuilt: Set<string>, cancelToken?: CancellationToken): Promise<void> {
        const services = this.osa();
        const stale: LangiumDocument[] = [];
        for (const document of this.shared.workspace.LangiumDocuments.all) {
            const uri = document.uri.toString();
            if (justBuilt.has(uri) || document.state < DocumentState.IndexedContent) {
                continue;
            }
            const validated = document.state >= DocumentState.Validated;
            const view = services.osa.WorkspaceView.viewFor(document);
            const known = this.upToDate.get(document);
            // Langium appends to a document's findings when it runs further validation categories: the count too.
            if (known && known.view === view && known.diagnostics === document.diagnostics && known.count === document.diagnostics?.length
                && known.state === document.state && known.settings === this.settings) {
                continue;
            }
            const summary = view.summaries.get(uri);
            const expected = workspaceKey(summary ? services.osa.RuleRunner.workspaceDiagnostics(summary, view) : []);
            const current = workspaceKey(validated ? document.diagnostics : []);
            if (expected !== current && (validated || expected !== '[]')) {
                stale.push(document);
            } else {
                this.upToDate.set(document, { view, diagnostics: document.diagnostics, count: document.diagnostics?.length, state: document.state, settings: this.settings });
            }
        }
        await this.rebuild(stale, cancelToken);
    }

    /**
     * Re-checks every document after a change that alters findings everywhere (the locale, the check date, a
     * configuration). It waits for the workspace lock, cancelling a build in progress: a document validated while
     * the change happened would otherwise keep what was computed before it (half its findings in the old
     * language). What was validated is checked again, and so is every open file, which a cancelled build may
     * have left half-done.
     */
    private revalidateAll(): Promise<void> {
        this.settings++;
        return this.shared.workspace.WorkspaceLock.write(token => this.rebuild([...this.shared.workspace.LangiumDocuments.all].filter(document =>
            document.state >= DocumentState.Validated || this.shared.workspace.TextDocuments.get(document.uri.toString()) !== undefined), token));
    }

    private async rebuild(documents: LangiumDocument[], cancelToken?: CancellationToken): Promise<void> {
        if (documents.length === 0) {
            return;
        }
        this.refreshing = true;
        try {
            await this.shared.workspace.DocumentBuilder.build(documents, { validation: true }, cancelToken);
        } finally {
            this.refreshing = false;
        }
    }
}

function truncate(text: string, max: number): string {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}
