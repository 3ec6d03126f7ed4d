/**
 * Langium's validation registry, with two changes:
 * - A check that throws is reported as what it is: a bug in osa, one diagnostic on the node it failed on that says
 *   how to report it, and no stack trace on the console (it would land in a CI log or the editor's output for every
 *   file) unless OSA_DEBUG asks for it. Rules have the same treatment in the rule runner; this covers the language
 *   checks and Langium's own.
 * - A synchronous check stays synchronous, and each node type's checks are looked up once: Langium wraps every
 *   check in an async function and builds a stream per node, two promises and a stream for each of the thousands
 *   of nodes a large file re-validates on every keystroke (see OsaDocumentValidator.validateAstNodes).
 */
import {
    isOperationCancelled, ValidationRegistry, type AstNode, type LangiumCoreServices, type MaybePromise, type ValidationAcceptor, type ValidationCategory,
    type ValidationCheck
} from 'langium';
import { Localizer } from '../i18n/localize.js';
import { msg } from '../i18n/message.js';
import { REPORT_BUGS_URL } from '../report-bugs.js';
import { LANGUAGE_CODE } from './language-checks.js';

type CheckEntry = Parameters<ValidationRegistry['addEntry']>[1];

export class OsaValidationRegistry extends ValidationRegistry {
    private readonly checksByType = new Map<string, readonly ValidationCheck[]>();

    constructor(services: LangiumCoreServices, private readonly localizer: Localizer = new Localizer()) {
        super(services);
    }

    /** The checks of a node type (and of every node), in registration order, filtered by category. */
    checksFor(type: string, categories?: ValidationCategory[]): readonly ValidationCheck[] {
        const key = categories ? `${type}\0${categories.join('\0')}` : type;
        let checks = this.checksByType.get(key);
        if (!checks) {
            checks = super.getChecks(type, categories).toArray();
            this.checksByType.set(key, checks);
        }
        return checks;
    }

    protected override addEntry(type: string, entry: CheckEntry): void {
        this.checksByType.clear();
        super.addEntry(type, entry);
    }

    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            try {
                const result = check.call(thisObj, node, accept, cancelToken);
                if (isPromiseLike(result)) {
                    return Promise.resolve(result).catch(error => this.reportFailure(error, accept, node));
                }
            } catch (error) {
                this.reportFailure(error, accept, node);
            }
            return undefined;
        };
    }

    protected override async handleException(functionality: () => MaybePromise<void>, _messageContext: string, accept: ValidationAcceptor, node: AstNode): Promise<void> {
        try {
            await functionality();
        } catch (error) {
            this.reportFailure(error, accept, node);
        }
    }

    private reportFailure(error: unknown, accept: ValidationAcceptor, node: AstNode): void {
        if (isOperationCancelled(error)) {
            throw error;
        }
        if (globalThis.process?.env.OSA_DEBUG && error instanceof Error) {
            console.error(error.stack);
        }
        const message = msg('language.checkFailed', { error: error instanceof Error ? error.message : String(error), url: REPORT_BUGS_URL });
        accept('error', this.localizer.text(message), { node, code: LANGUAGE_CODE, data: { internalError: true, messageId: message.id } });
    }
}

export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
    return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
