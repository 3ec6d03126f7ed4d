/**
 * Langium's validation registry, with a check that throws reported as what it is: a bug in osa, one
 * diagnostic on the node it failed on that says how to report it, and no stack trace on the console (it would
 * land in a CI log or the editor's output for every file) unless OSA_DEBUG asks for it. Rules have the same
 * treatment in the rule runner; this covers the language checks and Langium's own.
 */
import { ValidationRegistry, isOperationCancelled, type AstNode, type MaybePromise, type ValidationAcceptor } from 'langium';
import { REPORT_BUGS_URL } from '../report-bugs.js';
import { LANGUAGE_CODE } from './language-checks.js';

export class OsaValidationRegistry extends ValidationRegistry {
    protected override async handleException(functionality: () => MaybePromise<void>, _messageContext: string, accept: ValidationAcceptor, node: AstNode): Promise<void> {
        try {
            await functionality();
        } catch (error) {
            if (isOperationCancelled(error)) {
                throw error;
            }
            if (process.env.OSA_DEBUG && error instanceof Error) {
                console.error(error.stack);
            }
            accept('error', `Internal error: a language check failed on this file (${error instanceof Error ? error.message : String(error)}). `
                + `The other checks still ran. This is a bug in osa, not in the file: please report it at ${REPORT_BUGS_URL} with the file.`, {
                node, code: LANGUAGE_CODE, data: { internalError: true }
            });
        }
    }
}
