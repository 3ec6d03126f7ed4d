/**
 * OsaParser does per call less than Langium's own parser: its rules come from our builder (osa-parser-builder.ts),
 * which allocates nothing per call, and it links each node to its container as the node is constructed instead of
 * in a walk after the parse. It must parse exactly as Langium's parser built by Langium's createParser: the same
 * tree, the same containers, the same syntax nodes and the same errors (messages, positions and recovery), for the
 * examples, the malformed-input table and thousands of seeded random corruptions of real programmes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AstUtils, createParser, EmptyFileSystem, GrammarAST, LangiumParser, type AstNode, type CstNode, type ParseResult } from 'langium';
import { describe, expect, it } from 'vitest';
import { createOsaServices } from '../../src/osa-module.js';
import { OsaParser } from '../../src/parser/osa-parser.js';
import { buildOsaParserRules } from '../../src/parser/osa-parser-builder.js';
import { MALFORMED_CASES } from '../malformed-cases.js';
import { programme, seededRandom, STANDARD_TEMPLATE } from '../helpers.js';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

const { Osa: services } = createOsaServices(EmptyFileSystem);
const ours = services.parser.LangiumParser;
/** Langium's parser as Langium builds it: the reference. */
const langiums: LangiumParser = createParser(services.Grammar, new LangiumParser(services), services.parser.Lexer.definition);
langiums.finalize();

function osaFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const file = path.join(dir, entry.name);
        return entry.isDirectory() ? osaFiles(file) : entry.name.endsWith('.osa') ? [file] : [];
    });
}

const PIECES = ['{', '}', '"', '\n', ' ', ',', 'to', 'programme', 'agreement', 'clause', 'field', 'provide', 'funding', '2024-01-01',
    '5_000', 'JPY', '/*', '*/', '//', '#', 'x', '"text"', 'budget-envelope', 'uses', 'exception', 'monitoring', 'on-file', 'dated'];

/** A real text with a few random insertions, deletions and swaps: every recovery path of the parser gets exercised. */
function corrupt(text: string, next: () => number): string {
    let result = text;
    const edits = 1 + Math.floor(next() * 4);
    for (let i = 0; i < edits; i++) {
        const at = Math.floor(next() * (result.length + 1));
        const kind = next();
        if (kind < 0.4) {
            result = result.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + result.slice(at);
        } else if (kind < 0.8) {
            result = result.slice(0, at) + result.slice(at + 1 + Math.floor(next() * 12));
        } else {
            const other = Math.floor(next() * result.length);
            const [a, b] = at < other ? [at, other] : [other, at];
            result = result.slice(0, a) + result.slice(b, b + 8) + result.slice(a + 8, b) + result.slice(a, a + 8) + result.slice(b + 8);
        }
    }
    return result;
}

/** The tree as plain data: every property but the links back to syntax nodes and containers, which are checked apart. */
function tree(node: unknown): unknown {
    if (Array.isArray(node)) {
        return node.map(tree);
    }
    if (typeof node !== 'object' || node === null) {
        return node;
    }
    if ('$refText' in node) {
        // A cross-reference: its text and where it sits (its resolver and node are the services and the container).
        const reference = node as { $refText: string; property: string; $refNode?: CstNode };
        return { $refText: reference.$refText, property: reference.property, at: reference.$refNode?.offset };
    }
    const ast = node as AstNode & Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(ast).sort()) {
        if (key === '$cstNode') {
            out.$range = ast.$cstNode ? [ast.$cstNode.offset, ast.$cstNode.length] : undefined;
        } else if (!key.startsWith('$container')) {
            out[key] = tree(ast[key]);
        }
    }
    return out;
}

function syntaxNodes(root: CstNode): unknown[] {
    const out: unknown[] = [];
    const visit = (node: CstNode, depth: number): void => {
        const grammar = node.grammarSource;
        out.push([depth, node.offset, node.length, node.hidden, node.astNode?.$type, grammar?.$type,
            GrammarAST.isKeyword(grammar) ? grammar.value : undefined, 'tokenType' in node ? (node as { tokenType: { name: string } }).tokenType.name : 'composite']);
        if ('content' in node) {
            for (const child of (node as { content: CstNode[] }).content) {
                visit(child, depth + 1);
            }
        }
    };
    visit(root, 0);
    return out;
}

function errors(result: ParseResult): unknown {
    return {
        lexer: result.lexerErrors.map(e => [e.offset, e.length, e.message]),
        parser: result.parserErrors.map(e => [e.name, e.message, e.token.startOffset, e.token.image, e.token.tokenType?.name, e.resyncedTokens?.length ?? 0])
    };
}

/** Each node's container, as the index of the container in a walk of the tree (so that two trees can be compared). */
function containers(root: AstNode): unknown[] {
    const nodes = [root, ...AstUtils.streamAllContents(root)];
    const index = new Map(nodes.map((node, i) => [node, i]));
    return nodes.map(node => [node.$type, node.$container ? index.get(node.$container) : undefined, node.$containerProperty, node.$containerIndex]);
}

function expectSameParse(text: string): void {
    const a = ours.parse(text);
    const b = langiums.parse(text);
    expect(errors(a)).toEqual(errors(b));
    expect(tree(a.value)).toEqual(tree(b.value));
    expect(containers(a.value)).toEqual(containers(b.value));
    expect(syntaxNodes(a.value.$cstNode!)).toEqual(syntaxNodes(b.value.$cstNode!));
}

describe('the OSA parser builder', () => {
    const examples = osaFiles(EXAMPLES).map(file => [path.relative(EXAMPLES, file), fs.readFileSync(file, 'utf-8')] as const);

    it('finds the examples to compare with', () => {
        expect(examples.length).toBeGreaterThan(10);
    });

    it.each(examples)('parses %s as Langium\'s builder does', (_, text) => {
        expectSameParse(text);
    });

    it.each(MALFORMED_CASES.map(c => [c.name, c.code] as const))('parses the malformed case "%s" as Langium\'s builder does', (_, text) => {
        expectSameParse(text);
    });

    it('parses 3,000 seeded corruptions of real programmes as Langium\'s builder does, errors and recovery included', () => {
        const texts = [...examples.map(([, text]) => text), programme(), STANDARD_TEMPLATE];
        const next = seededRandom(20261129);
        let withErrors = 0;
        for (let i = 0; i < 3000; i++) {
            const text = corrupt(texts[i % texts.length], next);
            const result = ours.parse(text);
            if (result.parserErrors.length + result.lexerErrors.length > 0) {
                withErrors++;
            }
            try {
                expectSameParse(text);
            } catch (error) {
                throw new Error(`case ${i} differs:\n${text}\n${String(error)}`);
            }
        }
        // The corruptions must reach the parser's recovery, not only its happy path.
        expect(withErrors).toBeGreaterThan(1000);
    }, 120_000);

    it('refuses a grammar feature it cannot build without allocating per call, instead of parsing differently', () => {
        const funding = services.Grammar.rules.find((r): r is GrammarAST.ParserRule => GrammarAST.isParserRule(r) && r.name === 'Funding')!;
        const group = funding.definition as GrammarAST.Group;
        expect(GrammarAST.isGroup(group)).toBe(true);
        group.guardCondition = { $type: 'BooleanLiteral', true: true } as unknown as GrammarAST.Condition;
        try {
            expect(() => buildOsaParserRules(services.Grammar, new OsaParser(services), services.parser.Lexer.definition)).toThrow(/guard condition/);
        } finally {
            group.guardCondition = undefined;
        }
        funding.parameters.push({ $type: 'Parameter', name: 'p' } as unknown as GrammarAST.Parameter);
        try {
            expect(() => buildOsaParserRules(services.Grammar, new OsaParser(services), services.parser.Lexer.definition)).toThrow(/parameters of rule Funding/);
        } finally {
            funding.parameters.pop();
        }
    });
});
