/**
 * Where a token stands in the language, for the editor features: terms are plain names in the grammar, so a
 * hover or a completion finds the vocabulary of a value by its position (the declaration, the property and
 * which statement of it), read from the property table (model/properties.ts), never from the token itself.
 */
import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type CstNode } from 'langium';
import { propertySpec, type PropertySpec } from '../model/properties.js';
import { writtenValues, type WrittenValue } from '../model/values.js';
import type { VocabularyId } from '../vocabulary.js';

export interface ValuePosition {
    node: AstNode;
    /** The AST feature the token is assigned to (`categories`, `name`, ...). */
    feature: string;
    /** Which statement of the property (0 for the first). */
    index: number;
    /** What the property takes; undefined for a feature the table does not describe (an unknown statement's values). */
    spec?: PropertySpec;
    /** The value as written, when the token is one. */
    written?: WrittenValue;
}

/** The grammar assignment (`categories+=Value`, `name=Identifier`, `envelopes+=[…]`) a token belongs to. */
export function assignedFeature(leaf: CstNode): string | undefined {
    for (let node: CstNode | undefined = leaf; node && node.astNode === leaf.astNode; node = node.container) {
        const assignment = AstUtils.getContainerOfType(node.grammarSource, GrammarAST.isAssignment);
        if (assignment) {
            return assignment.feature;
        }
    }
    return undefined;
}

/** The value position of a token, if it is a value of a property. */
export function valuePositionOf(leaf: CstNode): ValuePosition | undefined {
    const feature = assignedFeature(leaf);
    if (!feature) {
        return undefined;
    }
    const node = leaf.astNode;
    // By syntax node, so that references (`funded-by`, `uses`) are counted too.
    const statements = GrammarUtils.findNodesForProperty(node.$cstNode, feature);
    const index = Math.max(0, statements.findIndex(cst => cst.offset <= leaf.offset && leaf.end <= cst.end));
    const written = writtenValues(node, feature).find(w => w.cst === statements[index]);
    return { node, feature, index, spec: propertySpec(node.$type, feature), written };
}

/** The vocabulary a property's values come from, if they are terms. */
export function vocabularyOf(spec: PropertySpec | undefined): VocabularyId | undefined {
    return spec?.value.type === 'term' ? spec.value.vocabulary : undefined;
}

/**
 * The property whose value is being typed, told from the last grammar element the completion parser consumed
 * before it: a keyword followed by an assignment in its group (`category |` is Item.categories, `kind |` after
 * `beneficiary "…"` is Beneficiary.kinds, `,` in a coordination line is Coordination.bodies); for the values
 * that follow no keyword, the property Langium's completion names (`AssessmentTopic.name`, `Amount.currency`).
 * Undefined when the position takes no value the table describes.
 */
export function valueTypedAfter(last: GrammarAST.AbstractElement | undefined, property: string): { type: string; feature: string; spec?: PropertySpec } | undefined {
    const rule = last ? AstUtils.getContainerOfType(last, GrammarAST.isParserRule) : undefined;
    const group: AstNode | undefined = last?.$container;
    if (GrammarAST.isKeyword(last) && GrammarAST.isGroup(group) && rule) {
        const next = group.elements[group.elements.indexOf(last) + 1];
        if (GrammarAST.isAssignment(next) && next.feature === property) {
            return { type: rule.name, feature: property, spec: propertySpec(rule.name, property) };
        }
    }
    const within = (type: string) => ({ type, feature: property, spec: propertySpec(type, property) });
    if (property === 'name' && (rule?.name === 'Assessment' || rule?.name === 'AssessmentTopic')) {
        return within('AssessmentTopic');
    }
    if (property === 'currency') {
        return within('Amount');
    }
    return undefined;
}
