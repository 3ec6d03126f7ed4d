/**
 * Declarations whose checks found nothing at the last validation of their document, and what that depended on.
 * An edit in a 5,000-line file changes one declaration (and the editor re-parses only that one when it can,
 * lsp/incremental-parse.ts): the others keep their text, and the checks of a declaration read nothing of the file
 * outside it (the language checks and the programme rules look at its own tree, at declarations in other files
 * through its references, and at the configuration).
 * Such a declaration, clean before, is clean again: its checks are skipped (the workspace rules and Langium's
 * parse and linking findings are not affected, they run as before).
 *
 * A declaration counts as the same when its text is, the file parsed without errors (so that equal text gives
 * an equal tree), every reference in it resolves to the same node as before, in another file and of a kind that
 * holds no references itself (templates and envelopes, whose content cannot change without a new node), and the
 * configuration, reference data, check date and validation categories are those of the last validation.
 */
import type { AstNode, AstReflection, GrammarAST, LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import { isAgreementTemplate, isBudgetEnvelope, isProgramme } from '../generated/ast.js';
import { forEachReference } from '../model/ast-walk.js';

/** What a clean declaration's checks depended on outside its text. */
interface Inputs {
    targets: readonly (AstNode | undefined)[];
    context: readonly unknown[];
}

export class CleanDeclarations {
    private readonly byDocument = new WeakMap<LangiumDocument, Map<string, Inputs>>();

    constructor(private readonly grammar: GrammarAST.Grammar, private readonly reflection: AstReflection) { }

    /**
     * The declarations of `root` that were clean at the last validation with the same inputs; `context` lists the
     * validation's other inputs (compared by identity).
     */
    cleanOnes(document: LangiumDocument, root: AstNode, context: readonly unknown[]): Set<AstNode> {
        const clean = new Set<AstNode>();
        const known = this.byDocument.get(document);
        if (!known || !parsedCleanly(document)) {
            return clean;
        }
        for (const declaration of declarationsOf(root)) {
            const text = declaration.$cstNode?.text;
            const before = text === undefined ? undefined : known.get(text);
            const targets = before && this.targetsOf(declaration, document);
            if (before && targets && sameList(before.targets, targets) && sameList(before.context, context)) {
                clean.add(declaration);
            }
        }
        return clean;
    }

    /** Remembers which declarations of `root` were clean: all but those with a finding (`withFindings`). */
    remember(document: LangiumDocument, root: AstNode, context: readonly unknown[], withFindings: ReadonlySet<AstNode>): void {
        const known = new Map<string, Inputs>();
        this.byDocument.set(document, known);
        if (!parsedCleanly(document)) {
            return;
        }
        // A text that one declaration with findings has is never taken for clean, whatever its twins found.
        const unclean = new Set<string>();
        for (const declaration of withFindings) {
            const text = declaration.$cstNode?.text;
            if (text !== undefined) {
                unclean.add(text);
            }
        }
        for (const declaration of declarationsOf(root)) {
            const text = declaration.$cstNode?.text;
            const targets = this.targetsOf(declaration, document);
            if (text !== undefined && targets && !withFindings.has(declaration) && !unclean.has(text)) {
                known.set(text, { targets, context });
            }
        }
    }

    /** Forgets the document's clean declarations (a validation that went wrong must not be relied on). */
    forget(document: LangiumDocument): void {
        this.byDocument.delete(document);
    }

    /** What the declaration's references resolve to; undefined when one resolves to something that may change unseen. */
    private targetsOf(declaration: AstNode, document: LangiumDocument): (AstNode | undefined)[] | undefined {
        const targets: (AstNode | undefined)[] = [];
        let stable = true;
        forEachReference(declaration, this.grammar, this.reflection, ({ reference }) => {
            if (!('ref' in reference)) {
                stable = false;
                return;
            }
            const target = reference.ref;
            if (target && (!(isAgreementTemplate(target) || isBudgetEnvelope(target)) || AstUtils.getDocument(target) === document)) {
                stable = false;
            }
            targets.push(target);
        });
        return stable ? targets : undefined;
    }
}

/** The top-level declarations whose checks read only themselves (not unknown top-level words, which look at their neighbours). */
function declarationsOf(root: AstNode): AstNode[] {
    const elements = (root as { elements?: unknown }).elements;
    return Array.isArray(elements) ? (elements as AstNode[]).filter(e => isProgramme(e) || isAgreementTemplate(e) || isBudgetEnvelope(e)) : [];
}

function parsedCleanly(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.length === 0 && document.parseResult.parserErrors.length === 0;
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
    return a.length === b.length && a.every((value, index) => value === b[index]);
}
