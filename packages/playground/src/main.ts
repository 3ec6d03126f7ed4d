/**
 * The playground page: a workspace of files in tabs, one Monaco editor, the Problems list, the example
 * menu and the locale switch. Every text from a workspace (file names, messages, rule ids) reaches the
 * page through textContent or Monaco's own escaping, never as HTML.
 */
import './monaco-setup.js';
import * as monaco from 'monaco-editor/editor/editor.api.js';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol/browser';
import { DEFAULT_EXAMPLE, EXAMPLES, exampleWorkspace } from './examples.js';
import { LANGUAGE_ID, messageText, OsaLanguageClient, toMonacoRange, WORKSPACE_URI } from './lsp-client.js';
import { registerOsaLanguage } from './osa-language.js';
import { renderReport } from './report-panel.js';
import { readFiles } from './files-in.js';
import { decodeWorkspace, encodeWorkspace, LinkError, MAX_FILES } from './share.js';
import { zipFiles } from './zip.js';
import { applyPageTexts, PageMessage, pageLocale, setPageLocale, t, type TextKey } from './page-text.js';

// The rule pages are their own chunk, fetched while the page starts (see start()).
const rulePages = import('./rule-pages.js');

const CONFIG_FILE = 'osa.config.json';
const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'] as const;

function element<T extends HTMLElement>(id: string): T {
    const found = document.getElementById(id);
    if (!found) {
        throw new Error(`the page lacks #${id}`);
    }
    return found as T;
}

const statusLine = element<HTMLElement>('status');
const tabList = element<HTMLElement>('tabs');
const problemList = element<HTMLUListElement>('problems');
const problemCount = element<HTMLElement>('problem-count');
const exampleMenu = element<HTMLSelectElement>('examples');
const localeMenu = element<HTMLSelectElement>('locale');
const editorPanel = element<HTMLElement>('editor-panel');
const reportPanel = element<HTMLElement>('report-panel');
const reportView = element<HTMLElement>('report');
const rulePage = element<HTMLElement>('rule-page');
const panelHeading = element<HTMLElement>('panel-heading');
const panelBack = element<HTMLButtonElement>('panel-back');
const reportToggle = element<HTMLButtonElement>('report-toggle');
const notice = element<HTMLElement>('notice');
const outlinePanel = element<HTMLElement>('outline-panel');
const outlineList = element<HTMLUListElement>('outline');
const outlineToggle = element<HTMLButtonElement>('outline-toggle');

// The notice and the status line keep how to say their text, not the text, so that a locale switch says it again.
let noticeText: (() => string) | undefined;
let statusText: () => string = () => t('status.starting');

function showNotice(text: (() => string) | undefined, ok = false): void {
    noticeText = text;
    notice.hidden = text === undefined;
    notice.textContent = text?.() ?? '';
    notice.classList.toggle('ok', ok);
}

function showStatus(text: () => string): void {
    statusText = text;
    statusLine.textContent = text();
}

registerOsaLanguage();
const editor = monaco.editor.create(element('editor'), {
    automaticLayout: true,
    minimap: { enabled: false },
    'semanticHighlighting.enabled': true,
    fixedOverflowWidgets: true,
    ariaLabel: t('aria.editor')
});

interface WorkspaceFile {
    path: string;
    model: monaco.editor.ITextModel;
    isConfig: boolean;
    listener?: monaco.IDisposable;
}

let files: WorkspaceFile[] = [];

/** Changes to the workspace run one after another (a second menu choice waits for the first to finish). */
let changing: Promise<unknown> = Promise.resolve();
function serially<T>(change: () => Promise<T>): Promise<T> {
    const run = changing.then(change);
    changing = run.catch(() => undefined);
    return run;
}
let current: WorkspaceFile | undefined;

function uriOf(path: string): string {
    return `${WORKSPACE_URI}/${path}`;
}

function pathOf(uri: string): string {
    return uri.startsWith(`${WORKSPACE_URI}/`) ? decodeURIComponent(uri.slice(WORKSPACE_URI.length + 1)) : uri;
}

const worker = new Worker(new URL('./language-worker.ts', import.meta.url), { type: 'module', name: 'osa-language-server' });
worker.addEventListener('error', event => {
    showStatus(() => t('status.stopped', { message: event.message }));
});
const client = new OsaLanguageClient(worker);

// --- tabs ---

function renderTabs(): void {
    tabList.replaceChildren(...files.map((file, index) => {
        const tab = document.createElement('button');
        tab.type = 'button';
        tab.id = `tab-${index}`;
        tab.setAttribute('role', 'tab');
        tab.setAttribute('aria-controls', 'editor-panel');
        tab.setAttribute('aria-selected', String(file === current));
        tab.tabIndex = file === current ? 0 : -1;
        tab.textContent = file.path;
        tab.title = file.path;
        tab.addEventListener('click', () => select(file));
        tab.addEventListener('keydown', event => {
            const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
            if (step) {
                const next = files[(index + step + files.length) % files.length];
                select(next);
                document.getElementById(`tab-${files.indexOf(next)}`)?.focus();
            }
        });
        return tab;
    }));
    const selected = files.indexOf(current!);
    editorPanel.setAttribute('aria-labelledby', `tab-${selected}`);
}

function select(file: WorkspaceFile, at?: monaco.IRange): void {
    const changed = current !== file;
    current = file;
    editor.setModel(file.model);
    renderTabs();
    if (changed) {
        scheduleOutline(0);
    }
    if (at) {
        editor.setSelection(at);
        editor.revealRangeInCenter(at);
        editor.focus();
    }
}

// --- workspace ---


async function removeFile(file: WorkspaceFile): Promise<void> {
    file.listener?.dispose();
    if (file.isConfig) {
        await client.writeFile(file.model.uri.toString(), null);
    } else {
        client.close(file.model.uri.toString());
    }
    diagnostics.delete(file.model.uri.toString());
    file.model.dispose();
    files = files.filter(f => f !== file);
}

/** Adds files to the workspace (replacing those of the same path): configurations first, then the documents they govern. */
async function addFiles(contents: Map<string, string>): Promise<WorkspaceFile[]> {
    const added: WorkspaceFile[] = [];
    for (const [path, text] of contents) {
        const existing = files.find(f => f.path === path);
        if (existing) {
            await removeFile(existing);
        }
        const isConfig = path === CONFIG_FILE || path.endsWith(`/${CONFIG_FILE}`);
        const model = monaco.editor.createModel(text, isConfig ? 'json' : LANGUAGE_ID, monaco.Uri.parse(uriOf(path)));
        const file: WorkspaceFile = { path, model, isConfig };
        if (isConfig) {
            await client.writeFile(uriOf(path), text, true);
            // Written to the server once typing pauses (each configuration on its own timer).
            let timer: ReturnType<typeof setTimeout> | undefined;
            file.listener = model.onDidChangeContent(() => {
                clearTimeout(timer);
                timer = setTimeout(() => {
                    if (files.includes(file)) {
                        void client.writeFile(uriOf(path), model.getValue());
                    }
                }, 300);
            });
        }
        files.push(file);
        added.push(file);
    }
    for (const file of added.filter(f => !f.isConfig)) {
        client.open(file.model);
    }
    return added;
}

async function loadWorkspace(contents: Map<string, string>, active?: string): Promise<void> {
    for (const file of [...files]) {
        await removeFile(file);
    }
    diagnostics.clear();
    await addFiles(contents);
    select(files.find(f => f.path === active) ?? files[0]);
    renderProblems();
}

// --- files from the user's computer (drop, or the Add files picker) ---

async function takeFiles(list: Iterable<File>): Promise<void> {
    const { files: read, refused } = await readFiles(list);
    const room = MAX_FILES - files.filter(f => !read.has(f.path)).length;
    const taken = new Map([...read].slice(0, Math.max(room, 0)));
    const dropped = [...read.keys()].slice(Math.max(room, 0));
    const added = await addFiles(taken);
    if (added.length > 0) {
        exampleMenu.value = '';
        select(added.find(f => !f.isConfig) ?? added[0]);
        renderProblems();
    }
    const notes = [...refused, ...dropped.map(path => new PageMessage('notice.tooManyFiles', { path, max: MAX_FILES }))];
    const names = added.map(f => f.path).join(', ');
    showNotice(notes.length ? () => t('notice.notAdded', { reasons: notes.map(n => n.text()).join('; ') })
        : added.length ? () => t('notice.added', { files: names }) : undefined, notes.length === 0);
}

const picker = element<HTMLInputElement>('add-files');
element<HTMLButtonElement>('add-files-button').addEventListener('click', () => picker.click());
picker.addEventListener('change', () => {
    if (picker.files) {
        const chosen = [...picker.files];
        picker.value = '';
        void serially(() => takeFiles(chosen));
    }
});
document.addEventListener('dragover', event => {
    if (event.dataTransfer?.types.includes('Files')) {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
    }
});
document.addEventListener('drop', event => {
    if (event.dataTransfer?.files.length) {
        event.preventDefault();
        const dropped = [...event.dataTransfer.files];
        void serially(() => takeFiles(dropped));
    }
});

// --- problems ---

const diagnostics = new Map<string, readonly Diagnostic[]>();

client.onDiagnostics((uri, list) => {
    diagnostics.set(uri, list);
    renderProblems();
    scheduleReport();
    if (uri === current?.model.uri.toString()) {
        // The outline follows the text as the checks do: after each change the server has taken in.
        scheduleOutline(0);
    }
});

// --- report ---

let reportTimer: ReturnType<typeof setTimeout> | undefined;
let reportRequest = 0;

/** After the checks settle, asks the server for the report (each request supersedes the ones before). */
function scheduleReport(): void {
    clearTimeout(reportTimer);
    if (reportPanel.hidden) {
        return;
    }
    reportTimer = setTimeout(async () => {
        const request = ++reportRequest;
        try {
            const report = await client.complianceReport();
            if (request === reportRequest) {
                renderReport(reportView, report, path => path.startsWith('/workspace/') ? path.slice('/workspace/'.length) : path, goTo);
            }
        } catch (error) {
            if (request === reportRequest) {
                reportView.textContent = t('report.failed', { message: error instanceof Error ? error.message : String(error) });
            }
        }
    }, 250);
}

function goTo(path: string, line: number): void {
    const file = files.find(f => f.model.uri.path === path);
    if (file) {
        select(file, { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: 1 });
    }
}

function showReport(): void {
    rulePage.hidden = true;
    reportView.hidden = false;
    panelBack.hidden = true;
    panelHeading.textContent = t('panel.report');
}

reportToggle.addEventListener('click', () => {
    if (!reportPanel.hidden && !rulePage.hidden) {
        showReport();
    } else {
        reportPanel.hidden = !reportPanel.hidden;
    }
    reportToggle.setAttribute('aria-expanded', String(!reportPanel.hidden));
    scheduleReport();
});
panelBack.addEventListener('click', showReport);

// --- rule pages ---

/** The rule whose page the side panel shows (reopened in the new language when the locale changes). */
let shownRule: string | undefined;

async function openRule(id: string, locale = pageLocale()): Promise<void> {
    const pages = await rulePages;
    if (!pages.renderRulePage(rulePage, id, locale, (other, otherLocale) => void openRule(other, otherLocale))) {
        return;
    }
    const source = document.createElement('p');
    const github = document.createElement('a');
    github.href = pages.rulePageUrl(id, locale);
    github.target = '_blank';
    github.rel = 'noopener noreferrer';
    github.textContent = t('panel.onGitHub');
    source.append(github);
    rulePage.append(source);
    reportPanel.hidden = false;
    reportToggle.setAttribute('aria-expanded', 'true');
    reportView.hidden = true;
    rulePage.hidden = false;
    panelBack.hidden = false;
    panelHeading.textContent = t('panel.rule', { id });
    shownRule = id;
    reportPanel.scrollTop = 0;
}

function renderProblems(): void {
    const entries = [...diagnostics.entries()]
        .filter(([uri]) => files.some(f => f.model.uri.toString() === uri))
        // URIs are percent-encoded ASCII, so plain comparison is code-point order, the same on every machine.
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .flatMap(([uri, list]) => [...list].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character).map(d => ({ uri, d })));
    problemCount.textContent = `(${entries.length})`;
    problemList.replaceChildren(...entries.map(({ uri, d }) => problemItem(uri, d)));
    if (entries.length === 0) {
        const none = document.createElement('li');
        none.className = 'none';
        none.textContent = t('problems.none');
        problemList.append(none);
    }
}

function problemItem(uri: string, d: Diagnostic): HTMLLIElement {
    const item = document.createElement('li');
    const severity = SEVERITY_NAMES[d.severity ?? 1] ?? 'error';
    item.className = `problem ${severity}`;
    item.dataset.code = d.code === undefined ? '' : String(d.code);
    const go = document.createElement('button');
    go.type = 'button';
    go.className = 'go';
    const badge = document.createElement('span');
    badge.className = 'severity';
    badge.textContent = t(`severity.${severity}` as TextKey);
    const message = document.createElement('span');
    message.className = 'message';
    message.textContent = messageText(d);
    const where = document.createElement('span');
    where.className = 'where';
    where.textContent = `${pathOf(uri)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
    go.append(badge, message, where);
    go.addEventListener('click', () => {
        const file = files.find(f => f.model.uri.toString() === uri);
        if (file) {
            select(file, {
                startLineNumber: d.range.start.line + 1, startColumn: d.range.start.character + 1,
                endLineNumber: d.range.end.line + 1, endColumn: d.range.end.character + 1
            });
        }
    });
    item.append(go);
    if (d.code !== undefined) {
        const code = String(d.code);
        const rule = document.createElement('button');
        rule.type = 'button';
        rule.className = 'rule';
        rule.textContent = code;
        if (/^OSA\d{3}$/.test(code)) {
            rule.title = t('problems.ruleTitle', { code });
            rule.addEventListener('click', () => void openRule(code));
            item.append(rule);
        } else {
            const plain = document.createElement('span');
            plain.className = 'code';
            plain.textContent = code;
            item.append(plain);
        }
    }
    if (d.relatedInformation?.length) {
        item.append(relatedList(d.relatedInformation));
    }
    return item;
}

/** A finding's related locations: each one opens its file's tab at the place (plain text when the file is not in the workspace). */
function relatedList(related: NonNullable<Diagnostic['relatedInformation']>): HTMLUListElement {
    const list = document.createElement('ul');
    list.className = 'related';
    list.setAttribute('aria-label', t('problems.related'));
    for (const info of related) {
        const li = document.createElement('li');
        const where = `${pathOf(info.location.uri)}:${info.location.range.start.line + 1}:${info.location.range.start.character + 1}`;
        const text = `${info.message} — ${where}`;
        const file = files.find(f => f.model.uri.toString() === info.location.uri);
        if (file) {
            const go = document.createElement('button');
            go.type = 'button';
            go.textContent = text;
            go.title = t('problems.relatedTitle', { where });
            go.addEventListener('click', () => select(file, toMonacoRange(info.location.range)));
            li.append(go);
        } else {
            li.textContent = text;
        }
        list.append(li);
    }
    return list;
}

// --- outline ---

let outlineTimer: ReturnType<typeof setTimeout> | undefined;
let outlineRequest = 0;

/** Asks the server for the current file's symbols (each request supersedes the ones before). */
function scheduleOutline(delay: number): void {
    clearTimeout(outlineTimer);
    if (outlinePanel.hidden) {
        return;
    }
    outlineTimer = setTimeout(async () => {
        const request = ++outlineRequest;
        const file = current;
        if (!file) {
            return;
        }
        if (file.isConfig) {
            renderOutline(file, undefined);
            return;
        }
        // An overtaken request leaves the outline as it is (no flash of "no symbols"): the edit's own check asks again.
        const symbols = await client.documentSymbols(file.model.uri.toString()).catch(() => undefined);
        if (symbols && request === outlineRequest && file === current) {
            renderOutline(file, symbols);
        }
    }, delay);
}

let outlineShown: { file: WorkspaceFile; symbols: DocumentSymbol[] | undefined } | undefined;

function renderOutline(file: WorkspaceFile, symbols: DocumentSymbol[] | undefined): void {
    outlineShown = { file, symbols };
    const note = (text: string) => {
        const li = document.createElement('li');
        li.className = 'none';
        li.textContent = text;
        return li;
    };
    if (symbols === undefined) {
        outlineList.replaceChildren(note(t('outline.notOsa')));
    } else if (symbols.length === 0) {
        outlineList.replaceChildren(note(t('outline.none')));
    } else {
        outlineList.replaceChildren(...symbols.map(symbol => outlineItem(file, symbol)));
    }
}

function outlineItem(file: WorkspaceFile, symbol: DocumentSymbol): HTMLLIElement {
    const li = document.createElement('li');
    const go = document.createElement('button');
    go.type = 'button';
    go.textContent = symbol.name;
    if (symbol.detail) {
        const detail = document.createElement('span');
        detail.className = 'kind';
        detail.textContent = symbol.detail;
        go.append(detail);
    }
    go.addEventListener('click', () => select(file, toMonacoRange(symbol.selectionRange)));
    li.append(go);
    if (symbol.children?.length) {
        const list = document.createElement('ul');
        list.append(...symbol.children.map(child => outlineItem(file, child)));
        li.append(list);
    }
    return li;
}

outlineToggle.addEventListener('click', () => {
    outlinePanel.hidden = !outlinePanel.hidden;
    outlineToggle.setAttribute('aria-expanded', String(!outlinePanel.hidden));
    scheduleOutline(0);
});

// --- menus ---

function fillExampleMenu(): void {
    for (const group of ['Programmes', 'Violations'] as const) {
        const optgroup = document.createElement('optgroup');
        optgroup.dataset.group = group;
        optgroup.label = t(group === 'Programmes' ? 'examples.programmes' : 'examples.violations');
        for (const example of EXAMPLES.filter(e => e.group === group)) {
            const option = document.createElement('option');
            option.value = example.main;
            option.textContent = example.label;
            optgroup.append(option);
        }
        exampleMenu.append(optgroup);
    }
    const shared = document.createElement('option');
    shared.value = '';
    shared.id = 'shared-option';
    shared.dataset.text = 'examples.shared';
    shared.textContent = t('examples.shared');
    shared.hidden = true;
    exampleMenu.prepend(shared);
    exampleMenu.value = DEFAULT_EXAMPLE;
    exampleMenu.addEventListener('change', () => {
        if (exampleMenu.value !== '') {
            showNotice(undefined);
            const chosen = exampleMenu.value;
            void serially(() => loadWorkspace(exampleWorkspace(chosen)));
        }
    });
}

/** Everything the page says, said again in the chosen language; the server's messages follow through its Localizer. */
function applyLocale(): void {
    setPageLocale(localeMenu.value);
    applyPageTexts();
    editor.updateOptions({ ariaLabel: t('aria.editor') });
    for (const optgroup of exampleMenu.querySelectorAll('optgroup')) {
        optgroup.label = t(optgroup.dataset.group === 'Programmes' ? 'examples.programmes' : 'examples.violations');
    }
    statusLine.textContent = statusText();
    if (noticeText) {
        notice.textContent = noticeText();
    }
    renderProblems();
    if (outlineShown) {
        renderOutline(outlineShown.file, outlineShown.symbols);
    }
    if (!rulePage.hidden && shownRule) {
        void openRule(shownRule);
    } else {
        panelHeading.textContent = t('panel.report');
    }
    scheduleReport();
}

localeMenu.addEventListener('change', () => {
    applyLocale();
    void client.setLocale(localeMenu.value);
});

element<HTMLButtonElement>('format').addEventListener('click', () => {
    void editor.getAction('editor.action.formatDocument')?.run();
});

// --- zip download ---

element<HTMLButtonElement>('download').addEventListener('click', async () => {
    const blob = await zipFiles(new Map(files.map(f => [f.path, f.model.getValue()])));
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'osa-workspace.zip';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
});

// --- share by link ---

/** The fragment this page wrote itself (so that its hashchange is not read back as a new link). */
let ownFragment = '';

element<HTMLButtonElement>('share').addEventListener('click', async () => {
    try {
        const link = await encodeWorkspace({ files: new Map(files.map(f => [f.path, f.model.getValue()])), active: current?.path });
        ownFragment = link;
        history.replaceState(null, '', `#${link}`);
        let copied = false;
        try {
            await navigator.clipboard.writeText(location.href);
            copied = true;
        } catch {
            // No clipboard permission: the address bar has the link.
        }
        const length = location.href.length;
        showNotice(() => t(copied ? 'notice.sharedCopied' : 'notice.shared', { length }), true);
    } catch (error) {
        showNotice(() => t('notice.cannotShare', { reason: error instanceof LinkError ? error.detail.text() : String(error) }));
    }
});

/** Opens the workspace of the page's fragment; false when there is none or it cannot be used (a notice says why). */
async function openLink(): Promise<boolean> {
    const fragment = location.hash.slice(1);
    try {
        const shared = await decodeWorkspace(fragment);
        if (!shared) {
            return false;
        }
        ownFragment = fragment;
        exampleMenu.value = '';
        showNotice(undefined);
        await loadWorkspace(shared.files, shared.active);
        return true;
    } catch (error) {
        const key = files.length ? 'notice.badLinkKept' : 'notice.badLinkExample';
        showNotice(() => t(key, { reason: error instanceof LinkError ? error.detail.text() : String(error) }));
        return false;
    }
}

window.addEventListener('hashchange', () => {
    if (location.hash.slice(1) !== ownFragment) {
        void serially(openLink);
    }
});

async function start(): Promise<void> {
    fillExampleMenu();
    // Everything is fetched before the page says it is ready: the worker, the rule pages, and Monaco's icon
    // font (otherwise loaded when the first icon shows), so that from then on the page works offline.
    await Promise.all([client.start(), rulePages, document.fonts.load('16px codicon')]);
    // A browser that restores the form (back/forward) may have kept 日本語 chosen: the page and the server follow it.
    if (localeMenu.value !== 'en') {
        applyLocale();
        await client.setLocale(localeMenu.value);
    }
    let first = true;
    client.onDiagnostics(() => {
        if (first) {
            first = false;
            const ms = Math.round(performance.now());
            document.body.dataset.firstDiagnosticsMs = String(ms);
            showStatus(() => t('status.ready', { ms }));
        }
    });
    if (!await serially(openLink)) {
        await serially(() => loadWorkspace(exampleWorkspace(DEFAULT_EXAMPLE)));
    }
    document.body.dataset.ready = 'true';
}

start().catch((error: unknown) => {
    showStatus(() => t('status.failed', { message: error instanceof Error ? error.message : String(error) }));
    console.error(error);
});
