/**
 * Langium's parser, with the work it does per node done once, as each node is constructed.
 *
 * - Defaults: every property of the lenient grammar is a `+=` list, so Langium would give every node one new empty
 *   array per property it does not state (a Programme has twenty-odd): tens of thousands of arrays per parse of a
 *   large file. Here an absent list is one shared, frozen empty array (a write to it throws instead of silently
 *   reaching every node).
 * - Containers: Langium links every node to its container in a walk over the finished tree that lists each node's
 *   properties (Object.entries) and makes a closure per list. Here a node links its children when it is constructed,
 *   reading only the properties its type declares, and the parse skips that walk.
 *
 * Both reach into Langium's parser (its private construct() and the steps of its parse()), which is why langium is
 * pinned to an exact version: test/parser/parser-builder.test.ts parses thousands of texts with this parser and with
 * Langium's own and fails on any difference in tree, containers, syntax nodes or errors, so an upgrade that changes
 * those internals is caught there.
 */
import { isAstNode, LangiumParser, type AstNode, type AstReflection, type LangiumCoreServices, type ParseResult, type TypeMetaData } from 'langium';
import type { ILexingError, IRecognitionException, IToken } from 'chevrotain';
import type { RenderedMessageIds } from '../validation/parse-messages.js';
import { buildOsaParserRules } from './osa-parser-builder.js';

/** A lexer or parser error with the catalogue id of its text (the document validator copies it into the diagnostic). */
export interface IdentifiedError {
    message: string;
    messageId?: string;
}

const NO_ITEMS: readonly never[] = Object.freeze([]);

/** What completing a constructed node of one AST type does: lists become NO_ITEMS, other defaults (`?=` flags) are copied, children are linked. */
interface NodeShape {
    readonly lists: readonly string[];
    readonly otherNames: readonly string[];
    readonly otherValues: readonly unknown[];
    /** Every property the type declares: the only places a child node can be. */
    readonly properties: readonly string[];
}

/** The parts of Langium's parser that its parse() uses (private in its typings; Langium 4.4). */
interface ParserInternals {
    nodeBuilder: { buildRootNode(input: string): unknown; addHiddenNodes(tokens: IToken[]): void };
    lexer: { tokenize(input: string): { tokens: IToken[]; hidden: IToken[]; errors: ILexingError[]; report?: unknown } };
    lexerResult: unknown;
    wrapper: { input: IToken[]; errors: IRecognitionException[] };
    allRules: Map<string, unknown>;
    mainRule: unknown;
    unorderedGroups: Map<string, boolean[]>;
    doParse(rule: unknown): AstNode;
}

export class OsaParser extends LangiumParser {
    private readonly shapes = new Map<string, NodeShape>();
    private readonly reflection: AstReflection;
    private readonly messageProviders: RenderedMessageIds[];

    constructor(services: LangiumCoreServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
        this.messageProviders = [services.parser.ParserErrorMessageProvider, services.parser.LexerErrorMessageProvider]
            .filter((p): p is typeof p & RenderedMessageIds => typeof (p as Partial<RenderedMessageIds>).forgetRendered === 'function');
        // What Langium's construct() reads to assign defaults per node: nothing to assign during the parse.
        const withoutProperties = new Map<string, TypeMetaData>();
        const getTypeMetaData = (type: string): TypeMetaData => {
            let metaData = withoutProperties.get(type);
            if (!metaData) {
                metaData = { ...this.reflection.getTypeMetaData(type), properties: {} };
                withoutProperties.set(type, metaData);
            }
            return metaData;
        };
        // Langium constructs every node in construct() once its rule is done, recovered ones included (it relies on this
        // for its own defaults): each node gets its defaults there, without a walk of the finished tree. The grammar has no
        // actions, so a node's type is final when it is constructed. (construct is private in Langium's typings.)
        const parser = this as unknown as { construct(): unknown };
        const construct = parser.construct.bind(this);
        parser.construct = () => {
            const node = construct();
            if (typeof node === 'object' && node !== null && typeof (node as AstNode).$type === 'string') {
                this.completeNode(node as AstNode);
            }
            return node;
        };
        (this as unknown as { astReflection: AstReflection }).astReflection = new Proxy(this.reflection, {
            get: (target, property, receiver) => property === 'getTypeMetaData' ? getTypeMetaData : Reflect.get(target, property, receiver)
        });
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: { rule?: string }): ParseResult<T> {
        // A text with a NUL byte is not a programme sheet. The CLI reads such a file as an empty document (io/safe-read.ts)
        // and the validator reports it once; an editor buffer with the same bytes must count for as little, or its
        // declarations would still resolve references in other files (found by the fuzzer: CLI and editor disagreed).
        const result = this.parseText<T>(input.includes('\0') ? '' : input, options ?? {});
        this.identifyErrors([...result.lexerErrors, ...result.parserErrors]);
        return result;
    }

    /** Puts on each error the catalogue id of its text, rendered during this parse, and forgets the texts. */
    private identifyErrors(errors: IdentifiedError[]): void {
        for (const error of errors) {
            for (const provider of this.messageProviders) {
                const id = provider.messageIdOf(error.message);
                if (id !== undefined) {
                    error.messageId = id;
                    break;
                }
            }
        }
        for (const provider of this.messageProviders) {
            provider.forgetRendered();
        }
    }

    /**
     * Langium's parse() (4.4) without its last step, a walk over the whole tree that links each node to its container:
     * completeNode has linked every node when it was constructed.
     */
    private parseText<T extends AstNode>(input: string, options: { rule?: string }): ParseResult<T> {
        const parser = this as unknown as ParserInternals;
        parser.nodeBuilder.buildRootNode(input);
        const lexerResult = parser.lexer.tokenize(input);
        parser.lexerResult = lexerResult;
        parser.wrapper.input = lexerResult.tokens;
        const rule = options.rule ? parser.allRules.get(options.rule) : parser.mainRule;
        if (!rule) {
            throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
        }
        const value = parser.doParse(rule);
        parser.nodeBuilder.addHiddenNodes(lexerResult.hidden);
        parser.unorderedGroups.clear();
        parser.lexerResult = undefined;
        return { value: value as T, lexerErrors: lexerResult.errors, lexerReport: lexerResult.report as ParseResult['lexerReport'], parserErrors: parser.wrapper.errors };
    }

    /** Gives a constructed node its defaults and links its children (all constructed before it) to it. */
    private completeNode(node: AstNode): void {
        const record = node as unknown as Record<string, unknown>;
        const shape = this.shapeOf(node.$type);
        for (const list of shape.lists) {
            if (record[list] === undefined) {
                record[list] = NO_ITEMS;
            }
        }
        for (let i = 0; i < shape.otherNames.length; i++) {
            const name = shape.otherNames[i];
            if (record[name] === undefined) {
                record[name] = shape.otherValues[i];
            }
        }
        for (const name of shape.properties) {
            const value = record[name];
            if (Array.isArray(value)) {
                for (let index = 0; index < value.length; index++) {
                    const item: unknown = value[index];
                    if (isAstNode(item)) {
                        const child = item as { -readonly [K in keyof AstNode]: AstNode[K] };
                        child.$container = node;
                        child.$containerProperty = name;
                        child.$containerIndex = index;
                    }
                }
            } else if (isAstNode(value)) {
                const child = value as { -readonly [K in keyof AstNode]: AstNode[K] };
                child.$container = node;
                child.$containerProperty = name;
            }
        }
    }

    private shapeOf(type: string): NodeShape {
        let shape = this.shapes.get(type);
        if (!shape) {
            const declared = Object.values(this.reflection.getTypeMetaData(type).properties);
            const lists = declared.filter(p => Array.isArray(p.defaultValue));
            const others = declared.filter(p => p.defaultValue !== undefined && !Array.isArray(p.defaultValue));
            shape = {
                lists: lists.map(p => p.name),
                otherNames: others.map(p => p.name),
                otherValues: others.map(p => p.defaultValue),
                properties: declared.map(p => p.name)
            };
            this.shapes.set(type, shape);
        }
        return shape;
    }
}

/** Langium's createLangiumParser, with OsaParser and its own rule builder (osa-parser-builder.ts). */
export function createOsaParser(services: LangiumCoreServices): LangiumParser {
    const parser = new OsaParser(services);
    buildOsaParserRules(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
