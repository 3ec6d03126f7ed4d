/**
 * Langium's document validation plus what belongs to every file: the configuration's file ignores,
 * a readable diagnostic for an invalid osa.config.json, and inline suppressions.
 */
import { DefaultDocumentValidator, type LangiumCoreServices, type LangiumDocument, type ValidationOptions } from 'langium';
import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ConfigProvider } from '../config/config-provider.js';
import { ConfigError } from '../config/config.js';
import { ruleById } from '../rules/index.js';
import { summarizeDocument } from '../workspace/summary.js';
import { LANGUAGE_CODE } from './language-checks.js';
import { applySuppressions, type SuppressedFinding } from './suppressions.js';

export class OsaDocumentValidator extends DefaultDocumentValidator {
    /** False when the caller applies suppressions itself, after adding the workspace rules (CLI). */
    suppressionsInValidation = true;
    private readonly suppressed = new WeakMap<LangiumDocument, SuppressedFinding[]>();

    constructor(services: LangiumCoreServices, private readonly configs: () => ConfigProvider) {
        super(services);
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const file = document.uri.fsPath;
        try {
            if (this.configs().configFor(file).isFileIgnored(file)) {
                this.suppressed.delete(document);
                return [];
            }
        } catch (error) {
            if (error instanceof ConfigError) {
                return [{
                    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                    severity: 1,
                    code: LANGUAGE_CODE,
                    source: 'osa',
                    message: `The configuration is invalid, so this file was not checked: ${error.message}`
                }];
            }
            throw error;
        }
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        if (!this.suppressionsInValidation) {
            return diagnostics;
        }
        const { kept, suppressed } = applySuppressions(diagnostics, summarizeDocument(document).suppressions, id => ruleById(id) !== undefined);
        this.suppressed.set(document, suppressed);
        return kept;
    }

    /** The findings of the last validation that suppression comments silenced. */
    suppressedFindings(document: LangiumDocument): readonly SuppressedFinding[] {
        return this.suppressed.get(document) ?? [];
    }
}
