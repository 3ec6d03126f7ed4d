/**
 * Walks over a parsed tree without the allocations of Langium's streams (an iterator per node, a key list per
 * node, a promise per node when awaited): the linker, the index of references and the validator visit every node
 * of a large file on every keystroke. Children are visited in the order Langium's streamAst visits them
 * (property insertion order, then list order), so findings come out in the same order.
 */
import { AstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, isMultiReference, isReference, type AstNode, type AstReflection, type CstNode, type ReferenceInfo } from 'langium';

const isAnyReference = (value: unknown) => isReference(value) || isMultiReference(value);

export function isAstNodeValue(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

/** Calls `visit` on `node` and every node it contains, parents before children. */
export function forEachNode(node: AstNode, visit: (node: AstNode) => void): void {
    visit(node);
    const record = node as unknown as Record<string, unknown>;
    for (const key in record) {
        if (key.charCodeAt(0) !== 36 /* $ */) {
            const value = record[key];
            if (Array.isArray(value)) {
                for (const element of value) {
                    if (isAstNodeValue(element)) {
                        forEachNode(element, visit);
                    }
                }
            } else if (isAstNodeValue(value)) {
                forEachNode(value, visit);
            }
        }
    }
}

/**
 * Where cross-references can be, read from the grammar: the properties of each type that hold references, and the
 * properties that lead to a node that may hold one. A walk for references visits only those (in OSA: the
 * declarations, their agreements and nothing below), not the thousands of other nodes of a large file.
 */
interface ReferencePaths {
    readonly references: ReadonlyMap<string, readonly string[]>;
    readonly descend: ReadonlyMap<string, readonly string[]>;
}

const pathsByGrammar = new WeakMap<GrammarAST.Grammar, ReferencePaths>();

function referencePaths(grammar: GrammarAST.Grammar, reflection: AstReflection): ReferencePaths {
    let paths = pathsByGrammar.get(grammar);
    if (paths) {
        return paths;
    }
    const references = new Map<string, string[]>();
    const children = new Map<string, Map<string, string>>();
    for (const rule of grammar.rules) {
        if (!GrammarAST.isParserRule(rule) || GrammarUtils.isDataTypeRule(rule)) {
            continue;
        }
        const type = GrammarUtils.getTypeName(rule);
        for (const assignment of AstUtils.streamAllContents(rule).filter(GrammarAST.isAssignment)) {
            const terminal = assignment.terminal;
            if (GrammarAST.isCrossReference(terminal)) {
                references.set(type, [...new Set([...references.get(type) ?? [], assignment.feature])]);
            } else if (GrammarAST.isRuleCall(terminal) && GrammarAST.isParserRule(terminal.rule.ref) && !GrammarUtils.isDataTypeRule(terminal.rule.ref)) {
                const target = GrammarUtils.getTypeName(terminal.rule.ref);
                children.set(type, (children.get(type) ?? new Map()).set(assignment.feature, target));
            }
        }
    }
    // A type may hold references if it, a subtype, or a type one of its properties contains, holds one.
    const holds = new Map<string, boolean>();
    const mayHold = (type: string): boolean => {
        const known = holds.get(type);
        if (known !== undefined) {
            return known;
        }
        holds.set(type, false);
        const subtypes = reflection.getAllSubTypes(type);
        const result = subtypes.some(t => (references.get(t)?.length ?? 0) > 0)
            || subtypes.some(t => [...children.get(t)?.values() ?? []].some(mayHold));
        holds.set(type, result);
        return result;
    };
    const descend = new Map<string, string[]>();
    for (const [type, features] of children) {
        descend.set(type, [...features].filter(([, target]) => mayHold(target)).map(([feature]) => feature));
    }
    paths = { references, descend };
    pathsByGrammar.set(grammar, paths);
    return paths;
}

/**
 * Calls `visit` on every cross-reference held by `root` or a node below it, as Langium's streamReferences describes
 * them, visiting only the nodes that can hold one (see referencePaths).
 */
export function forEachReference(root: AstNode, grammar: GrammarAST.Grammar, reflection: AstReflection, visit: (reference: ReferenceInfo) => void): void {
    const paths = referencePaths(grammar, reflection);
    const walk = (node: AstNode) => {
        const record = node as unknown as Record<string, unknown>;
        for (const property of paths.references.get(node.$type) ?? []) {
            const value = record[property];
            if (Array.isArray(value)) {
                for (let index = 0; index < value.length; index++) {
                    if (isAnyReference(value[index])) {
                        visit({ reference: value[index] as ReferenceInfo['reference'], container: node, property, index });
                    }
                }
            } else if (isAnyReference(value)) {
                visit({ reference: value as ReferenceInfo['reference'], container: node, property });
            }
        }
        for (const property of paths.descend.get(node.$type) ?? []) {
            const value = record[property];
            if (Array.isArray(value)) {
                for (const element of value) {
                    if (isAstNodeValue(element)) {
                        walk(element);
                    }
                }
            } else if (isAstNodeValue(value)) {
                walk(value);
            }
        }
    };
    walk(root);
}

const assignments = new WeakMap<object, GrammarAST.Assignment | null>();

/** The assignment a grammar element belongs to, looked up once per element of the grammar. */
function assignmentOf(source: GrammarAST.AbstractElement | undefined): GrammarAST.Assignment | undefined {
    if (!source) {
        return undefined;
    }
    let assignment = assignments.get(source);
    if (assignment === undefined) {
        assignment = AstUtils.getContainerOfType(source, GrammarAST.isAssignment) ?? null;
        assignments.set(source, assignment);
    }
    return assignment ?? undefined;
}

/**
 * The first CST node of `node`'s own syntax that is assigned to `property`: what GrammarUtils.findNodeForProperty
 * gives without an index, but stopping at the first match instead of collecting every one (a programme's `name`
 * comes second of its many statements; the summaries look it up for every declaration at every keystroke).
 */
export function firstNodeForProperty(node: CstNode | undefined, property: string): CstNode | undefined {
    return node ? firstBelow(node, property, node.astNode) : undefined;
}

function firstBelow(node: CstNode, property: string, element: AstNode): CstNode | undefined {
    if (isCompositeCstNode(node) && node.astNode === element) {
        for (const child of node.content) {
            if (assignmentOf(child.grammarSource)?.feature === property) {
                return child;
            }
            const found = firstBelow(child, property, element);
            if (found) {
                return found;
            }
        }
    }
    return undefined;
}
