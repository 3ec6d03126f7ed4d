/**
 * Walks over a parsed tree without the allocations of Langium's streams (an iterator per node, a key list per
 * node, a promise per node when awaited): the linker, the index of references and the validator visit every node
 * of a large file on every keystroke. Children are visited in the order Langium's streamAst visits them
 * (property insertion order, then list order), so findings come out in the same order.
 */
import { isMultiReference, isReference, type AstNode, type AstReflection, type ReferenceInfo } from 'langium';

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

const referencePropertiesByType = new WeakMap<AstReflection, Map<string, readonly string[]>>();

/** The properties of an AST type that hold cross-references (none for most types). */
function referenceProperties(reflection: AstReflection, type: string): readonly string[] {
    let byType = referencePropertiesByType.get(reflection);
    if (!byType) {
        byType = new Map();
        referencePropertiesByType.set(reflection, byType);
    }
    let properties = byType.get(type);
    if (!properties) {
        properties = Object.values(reflection.getTypeMetaData(type).properties).filter(p => p.referenceType !== undefined).map(p => p.name);
        byType.set(type, properties);
    }
    return properties;
}

/** Calls `visit` on every cross-reference held by `root` or a node it contains, as Langium's streamReferences describes them. */
export function forEachReference(root: AstNode, reflection: AstReflection, visit: (reference: ReferenceInfo) => void): void {
    forEachNode(root, node => {
        const record = node as unknown as Record<string, unknown>;
        for (const property of referenceProperties(reflection, node.$type)) {
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
    });
}
