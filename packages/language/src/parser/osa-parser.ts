/**
 * Langium's parser, with the defaults of absent properties filled in once per tree instead of once per node.
 *
 * Every property of the lenient grammar is a `+=` list, so Langium would give every node one new empty array per
 * property it does not state (a Programme has twenty-odd): tens of thousands of arrays per parse of a large file,
 * each visited again when Langium links the tree to its containers. Here an absent list is one shared, frozen
 * empty array (a write to it throws instead of silently reaching every node), assigned as each node is constructed.
 */
import { LangiumParser, type AstNode, type AstReflection, type LangiumCoreServices, type ParseResult, type TypeMetaData } from 'langium';
import type { RenderedMessageIds } from '../validation/parse-messages.js';
import { buildOsaParserRules } from './osa-parser-builder.js';

/** A lexer or parser error with the catalogue id of its text (the document validator copies it into the diagnostic). */
export interface IdentifiedError {
    message: string;
    messageId?: string;
}

const NO_ITEMS: readonly never[] = Object.freeze([]);

/** The defaults of one AST type: lists become NO_ITEMS; any other default (a `?=` flag) is copied. */
interface Defaults {
    readonly lists: readonly string[];
    readonly others: ReadonlyArray<readonly [string, unknown]>;
}

export class OsaParser extends LangiumParser {
    private readonly defaults = new Map<string, Defaults>();
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
                this.assignDefaults(node as AstNode);
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
        const result = super.parse<T>(input.includes('\0') ? '' : input, options);
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

    private assignDefaults(node: AstNode): void {
        const record = node as unknown as Record<string, unknown>;
        const defaults = this.defaultsOf(node.$type);
        for (const list of defaults.lists) {
            if (record[list] === undefined) {
                record[list] = NO_ITEMS;
            }
        }
        for (const [name, value] of defaults.others) {
            if (record[name] === undefined) {
                record[name] = value;
            }
        }
    }

    private defaultsOf(type: string): Defaults {
        let defaults = this.defaults.get(type);
        if (!defaults) {
            const properties = Object.values(this.reflection.getTypeMetaData(type).properties).filter(p => p.defaultValue !== undefined);
            defaults = {
                lists: properties.filter(p => Array.isArray(p.defaultValue)).map(p => p.name),
                others: properties.filter(p => !Array.isArray(p.defaultValue)).map(p => [p.name, p.defaultValue] as const)
            };
            this.defaults.set(type, defaults);
        }
        return defaults;
    }
}

/** Langium's createLangiumParser, with OsaParser and its own rule builder (osa-parser-builder.ts). */
export function createOsaParser(services: LangiumCoreServices): LangiumParser {
    const parser = new OsaParser(services);
    buildOsaParserRules(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
