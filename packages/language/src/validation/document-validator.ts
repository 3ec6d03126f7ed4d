/**
 * Langium's document validation plus what belongs to every file: what reading the file found (a file
 * that could not be read, bytes that are not UTF-8 or not text), the configuration's file ignores, a
 * readable diagnostic for an invalid osa.config.json, and inline suppressions.
 */
import {
    AstUtils, Cancellation, DefaultDocumentValidator, interruptAndCheck, type AstNode, type LangiumCoreServices, type LangiumDocument, type ParseResult, type ValidationAcceptor,
    type ValidationOptions
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ConfigProvider } from '../config/config-provider.js';
import { ConfigError } from '../config/config.js';
import type { SourceIssue } from '../io/osa-file-system.js';
import { binaryMessage, invalidUtf8, type TextPosition } from '../io/text.js';
import { Localizer } from '../i18n/localize.js';
import { msg, type Message } from '../i18n/message.js';
import type { IdentifiedError } from '../parser/osa-parser.js';
import { UNRESOLVED_REFERENCE } from '../workspace/performance.js';
import { ruleById } from '../rules/index.js';
import { suppressionsOf } from '../workspace/summary.js';
import { LANGUAGE_CODE } from './language-checks.js';
import { forEachNode } from '../model/ast-walk.js';
import { applySuppressions, type SuppressedFinding } from './suppressions.js';
import { CleanDeclarations } from './clean-declarations.js';
import type { RuleRunner } from './rule-runner.js';
import { isPromiseLike, OsaValidationRegistry } from './validation-registry.js';

export class OsaDocumentValidator extends DefaultDocumentValidator {
    /** False when the caller applies suppressions itself, after adding the workspace rules (CLI). */
    suppressionsInValidation = true;
    private readonly suppressed = new WeakMap<LangiumDocument, SuppressedFinding[]>();

    private readonly files: LangiumCoreServices['shared']['workspace']['FileSystemProvider'];


    /**
     * Skip declarations found clean at the document's last validation (the editor, which validates a file at every
     * edit). The CLI validates each file once, so it turns this off rather than record what it never reads again.
     */
    reuseCleanDeclarations = true;
    private readonly clean: CleanDeclarations;

    constructor(
        services: LangiumCoreServices,
        private readonly configs: () => ConfigProvider,
        /** The locale of the file-level findings (the services' Localizer); English when not given. */
        private readonly localizer: Localizer = new Localizer(),
        /** The rule runner registered with the validation, told which programmes need no check (see CleanDeclarations). */
        private readonly ruleRunner: () => RuleRunner | undefined = () => undefined
    ) {
        super(services);
        this.files = services.shared.workspace.FileSystemProvider;
        this.clean = new CleanDeclarations(services.Grammar, services.shared.AstReflection);
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const file = document.uri.fsPath;
        // The Node file system provider remembers what reading found wrong; the playground's in-memory one has nothing to tell.
        const issue = hasSourceIssues(this.files) ? this.files.issueOf(document) : undefined;
        if (issue?.problem) {
            return [this.fileDiagnostic(msg('file.notChecked', { problem: issue.detail ?? issue.problem }))];
        }
        // Text with a NUL byte (from disk, or opened in an editor) is not a programme sheet: one finding, not a flood of syntax errors.
        const nul = document.textDocument.getText().indexOf('\0');
        if (nul >= 0) {
            const at = document.textDocument.positionAt(nul);
            return [this.fileDiagnostic(msg('file.notChecked', { problem: binaryMessage({ line: at.line + 1, column: at.character + 1 }) }))];
        }
        try {
            if (this.configs().configFor(file).isFileIgnored(file)) {
                this.suppressed.delete(document);
                return [];
            }
        } catch (error) {
            if (error instanceof ConfigError) {
                return [this.fileDiagnostic(msg('file.configInvalid', { error: error.text }))];
            }
            throw error;
        }
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        if (issue?.invalid) {
            diagnostics.unshift(this.invalidUtf8Diagnostic(issue.invalid));
        }
        if (!this.suppressionsInValidation) {
            return diagnostics;
        }
        const { kept, suppressed } = applySuppressions(diagnostics, suppressionsOf(document), id => ruleById(id) !== undefined, this.localizer.locale);
        this.suppressed.set(document, suppressed);
        return kept;
    }

    /**
     * Langium's per-node validation, without a promise per node and per check: the checks run synchronously in
     * tree order (awaiting only a check that returns a promise), and cancellation is looked at between top-level
     * declarations. Findings come out in the same order as Langium's.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const registry = this.validationRegistry;
        if (!(registry instanceof OsaValidationRegistry)) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        const pending: PromiseLike<unknown>[] = [];
        // Looked up once per node type of this document, not once per node.
        const checksByType = new Map<string, ReturnType<OsaValidationRegistry['checksFor']>>();
        const checksOf = (type: string) => {
            let checks = checksByType.get(type);
            if (!checks) {
                checks = registry.checksFor(type, options.categories);
                checksByType.set(type, checks);
            }
            return checks;
        };
        // Declarations clean at the last validation with the same inputs are not checked again (clean-declarations.ts);
        // every finding is put down to the declaration it is in, to know which are clean this time.
        const document = AstUtils.getDocument(rootNode);
        const inputs = this.reuseCleanDeclarations ? this.inputsOf(document, options) : undefined;
        const clean = inputs ? this.clean.cleanOnes(document, rootNode, inputs) : new Set<AstNode>();
        const withFindings = new Set<AstNode>();
        let ruleFailed = false;
        const accept: ValidationAcceptor = (severity, message, info) => {
            const declaration = declarationOf(info.node, rootNode);
            if (declaration) {
                withFindings.add(declaration);
            } else if ((info.data as { internalError?: unknown } | undefined)?.internalError) {
                ruleFailed = true; // a rule that threw stopped before the later programmes: they were not found clean
            }
            acceptor(severity, message, info);
        };
        const validate = (node: AstNode) => {
            for (const check of checksOf(node.$type)) {
                const result = check(node, accept, cancelToken);
                if (isPromiseLike(result)) {
                    pending.push(result);
                }
            }
        };
        const declarations = (rootNode as { elements?: unknown }).elements;
        if (!Array.isArray(declarations)) {
            forEachNode(rootNode, validate);
        } else {
            const runner = this.ruleRunner();
            if (runner) {
                runner.cleanProgrammes = clean;
            }
            try {
                validate(rootNode);
            } finally {
                if (runner) {
                    runner.cleanProgrammes = undefined;
                }
            }
            for (const declaration of declarations as AstNode[]) {
                await interruptAndCheck(cancelToken);
                if (!clean.has(declaration)) {
                    forEachNode(declaration, validate);
                }
            }
        }
        await Promise.all(pending);
        if (inputs && !ruleFailed) {
            this.clean.remember(document, rootNode, inputs, withFindings);
        } else if (this.reuseCleanDeclarations) {
            this.clean.forget(document);
        }
    }

    /**
     * What the checks of a declaration read besides its own tree: the configuration (terms, severities), its reference
     * data, the check date and the categories asked for. Undefined when the configuration is invalid.
     */
    private inputsOf(document: LangiumDocument, options: ValidationOptions): unknown[] | undefined {
        try {
            const configs = this.configs();
            const config = configs.configFor(document.uri.fsPath);
            return [config, configs.referenceFor(config), configs.checkDateFor(config), (options.categories ?? []).join(' '), this.ruleRunner()];
        } catch {
            return undefined;
        }
    }

    /** Parse and lexer errors carry the catalogue id of their text, like every other language finding. */
    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        this.addMessageIds(diagnostics, start, parseResult.lexerErrors);
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        this.addMessageIds(diagnostics, start, parseResult.parserErrors);
    }

    /** Copies the catalogue id the parser put on each lexer or parser error into its diagnostic (matched by text). */
    private addMessageIds(diagnostics: Diagnostic[], start: number, errors: readonly IdentifiedError[]): void {
        const ids = new Map(errors.filter(e => e.messageId !== undefined).map(e => [e.message, e.messageId!]));
        for (let i = start; i < diagnostics.length; i++) {
            const text = diagnostics[i].message;
            const messageId = typeof text === 'string' ? ids.get(text) : undefined;
            if (messageId) {
                diagnostics[i].data = { ...(diagnostics[i].data as object | undefined), messageId };
            }
        }
    }

    /**
     * An unresolved `continues` is OSA410's finding, from the workspace's summaries: the CLI checks files in batches,
     * so the predecessor's file may simply not be loaded, and Langium's generic linking error would be false.
     */
    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const linking: Diagnostic[] = [];
        super.processLinkingErrors(document, linking, options);
        for (const diagnostic of linking) {
            if (!(diagnostic.data?.containerType === 'Programme' && diagnostic.data?.property === 'predecessors')) {
                diagnostic.data = { ...diagnostic.data, messageId: UNRESOLVED_REFERENCE };
                diagnostics.push(diagnostic);
            }
        }
    }

    /** The findings of the last validation that suppression comments silenced. */
    suppressedFindings(document: LangiumDocument): readonly SuppressedFinding[] {
        return this.suppressed.get(document) ?? [];
    }

    private fileDiagnostic(message: Message): Diagnostic {
        return {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, code: LANGUAGE_CODE, source: 'osa',
            message: this.localizer.text(message), data: { messageId: message.id }
        };
    }

    /** An error: the text checked is not the text written, so every other finding about it is in doubt. */
    private invalidUtf8Diagnostic(at: TextPosition): Diagnostic {
        const start = { line: at.line - 1, character: at.column - 1 };
        const message = invalidUtf8(at);
        return {
            range: { start, end: { line: start.line, character: start.character + 1 } }, severity: 1, code: LANGUAGE_CODE, source: 'osa',
            message: this.localizer.text(message), data: { messageId: message.id }
        };
    }
}

/** The top-level declaration `node` is in (itself when it is one); undefined for the root. */
function declarationOf(node: AstNode, root: AstNode): AstNode | undefined {
    let current: AstNode | undefined = node;
    while (current && current.$container !== root) {
        current = current.$container;
    }
    return current;
}

function hasSourceIssues(files: object): files is { issueOf(document: LangiumDocument): SourceIssue | undefined } {
    return typeof (files as { issueOf?: unknown }).issueOf === 'function';
}
