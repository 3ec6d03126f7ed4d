/**
 * The engine's own tree walks and parser defaults (model/ast-walk.ts, parser/osa-parser.ts) replace Langium's
 * streams for speed; they must see exactly what Langium's would, on every example and on broken input.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AstUtils, EmptyFileSystem, GrammarUtils, URI, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { firstNodeForProperty, forEachNode, forEachReference } from '../../src/model/ast-walk.js';
import { createOsaServices } from '../../src/osa-module.js';
import type { Model, Programme } from '../../src/generated/ast.js';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');
const osaFiles = (dir: string): string[] => fs.readdirSync(dir, { recursive: true, encoding: 'utf-8' }).filter(f => f.endsWith('.osa')).map(f => path.join(dir, f));

const BROKEN = [
    'programme P { title "unterminated\n recipient PHL fiscal-year FY2025 provide "x" category nonsense quantity -3 }',
    'programme { } agreement-template T { clause } budget-envelope { amount }',
    'programme P { agreement uses Missing uses AlsoMissing funded-by Nowhere continues Elsewhere',
    'garbage words { nested { more } } programme Q { field peace-cooperation { operation "x" led-by ASEAN in THA, KHM } }'
];

const { Osa } = createOsaServices(EmptyFileSystem);
const parse = (text: string) => ({ value: Osa.parser.LangiumParser.parse<Model>(text).value, reflection: Osa.shared.AstReflection, grammar: Osa.Grammar });

describe('the engine\'s tree walks', () => {
    const sources = [...osaFiles(EXAMPLES).map(f => fs.readFileSync(f, 'utf-8')), ...BROKEN];

    it('visit the nodes Langium\'s streamAst visits, in the same order', () => {
        for (const source of sources) {
            const { value } = parse(source);
            const ours: AstNode[] = [];
            forEachNode(value, node => ours.push(node));
            expect(ours).toEqual(AstUtils.streamAst(value).toArray());
        }
    });

    it('find the cross-references Langium\'s streamReferences finds', () => {
        let total = 0;
        for (const source of sources) {
            const { value, reflection, grammar } = parse(source);
            // Each reference with where it is held.
            const ours = new Map<unknown, unknown[]>();
            forEachReference(value, grammar, reflection, info => ours.set(info.reference, [info.container, info.property, info.index]));
            const langium = new Map(AstUtils.streamAst(value).flatMap(node => AstUtils.streamReferences(node)).map(info => [info.reference, [info.container, info.property, info.index]] as const).toArray());
            // The same references (within one node, in the grammar's order of properties rather than the order written).
            expect(ours).toEqual(langium);
            total += ours.size;
        }
        expect(total).toBeGreaterThan(40);
    });

    it('find the CST node Langium\'s findNodeForProperty finds, for every property of every node', () => {
        let found = 0;
        for (const source of sources) {
            const { value } = parse(source);
            forEachNode(value, node => {
                const properties = Object.keys(Osa.shared.AstReflection.getTypeMetaData(node.$type).properties);
                for (const property of [...properties, 'name', 'no-such-property']) {
                    const langium = GrammarUtils.findNodeForProperty(node.$cstNode, property);
                    expect(firstNodeForProperty(node.$cstNode, property), `${node.$type}.${property}`).toBe(langium);
                    found += langium ? 1 : 0;
                }
            });
        }
        expect(found).toBeGreaterThan(1000);
    });
});

describe('the parser\'s defaults', () => {
    it('give an absent list one shared, frozen empty array, and a stated list its own', () => {
        const { value } = parse('programme A { title "a" }\nprogramme B { title "b" provide "x" category patrol-boat }');
        const [a, b] = value.elements as Programme[];
        expect(a.items).toEqual([]);
        expect(a.items).toBe(b.fields);
        expect(Object.isFrozen(a.items)).toBe(true);
        expect(() => (a.items as unknown[]).push(1)).toThrow(TypeError);
        expect(b.items).toHaveLength(1);
        expect(Object.isFrozen(b.items)).toBe(false);
        expect(b.items[0].$container).toBe(b);
        // Every list property of every node is an array, as Langium's own defaults would make it.
        forEachNode(value, node => {
            for (const property of Object.values(Osa.shared.AstReflection.getTypeMetaData(node.$type).properties)) {
                if (Array.isArray(property.defaultValue)) {
                    expect(Array.isArray((node as unknown as Record<string, unknown>)[property.name]), `${node.$type}.${property.name}`).toBe(true);
                }
            }
        });
    });

    it('leave documents that link and validate as before', async () => {
        const { shared } = createOsaServices(EmptyFileSystem);
        const uri = URI.file('/w/a.osa');
        const document = shared.workspace.LangiumDocumentFactory.fromString('programme P { agreement uses Missing }', uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        expect(document.references.map(r => r.$refText)).toEqual(['Missing']);
        expect(document.diagnostics?.some(d => /Missing/.test(d.message))).toBe(true);
    });
});
