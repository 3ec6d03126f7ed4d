/**
 * Finding the top-level declaration at an offset of a sheet, for the editor's shortcuts that work on one
 * declaration (completion parses from its start, an edit re-parses only it): declarations are in text order.
 */
import type { Model } from '../generated/ast.js';

/**
 * The index of the last top-level declaration whose syntax starts before `offset`, or undefined when there is none
 * or a declaration has no syntax node (a tree that cannot be trusted for such a shortcut).
 */
export function lastDeclarationStartingBefore(root: Model, offset: number): number | undefined {
    const elements = root.elements;
    let low = 0;
    let high = elements.length - 1;
    let found: number | undefined;
    while (low <= high) {
        const middle = (low + high) >> 1;
        const cst = elements[middle].$cstNode;
        if (!cst) {
            return undefined;
        }
        if (cst.offset < offset) {
            found = middle;
            low = middle + 1;
        } else {
            high = middle - 1;
        }
    }
    return found;
}
