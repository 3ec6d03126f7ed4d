/**
 * Parse and lexer errors in the language's own words. The lenient grammar leaves few of them (a keyword
 * without its value, an unclosed block, a character the language never uses); when one happens the message
 * says what the statement takes instead of listing token sequences.
 */
import type { ILexerErrorMessageProvider, IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { LangiumParserErrorMessageProvider } from 'langium';
import { PROPERTIES, takesMessage } from '../model/properties.js';
import { Localizer } from '../i18n/localize.js';
import { msg, type Message, type MessageParam } from '../i18n/message.js';

const VALUE_TOKENS = new Set(['ID', 'NUMBER', 'DATE', 'STRING', 'BAD_STRING']);

/** What a keyword's statement takes, from the property table (the first property that uses the keyword). */
function takes(keyword: string): { takes: MessageParam; example: string } | undefined {
    for (const [type, specs] of Object.entries(PROPERTIES)) {
        const spec = specs.find(p => p.keyword === keyword);
        if (spec) {
            return { takes: takesMessage(type, spec), example: spec.example };
        }
    }
    return undefined;
}

function tokenName(type: TokenType): string {
    return type.name.endsWith(':KW') ? type.name.slice(0, -3) : type.name;
}

function shown(token: IToken): MessageParam {
    return token.tokenType?.name === 'EOF' ? msg('parse.endOfFile') : msg('language.code', { code: token.image });
}

function expectingValue(previous: IToken, actual: IToken, expected: readonly TokenType[]): Message | undefined {
    if (!expected.some(t => VALUE_TOKENS.has(t.name))) {
        return undefined;
    }
    const spec = takes(previous.image);
    return spec
        ? msg('parse.needsValue', { keyword: previous.image, takes: spec.takes, example: spec.example, found: shown(actual) })
        : msg('parse.valueMissing', { keyword: previous.image, found: shown(actual) });
}

/**
 * Remembers the catalogue id of each text rendered during one parse (Chevrotain and Langium carry only the text).
 * The parser (parser/osa-parser.ts) reads the ids right after its parse and puts them on the error objects, then
 * forgets them: an id never depends on what other documents were parsed in between (the fuzzer found a CLI run
 * whose ids had been dropped by a cache of all texts ever rendered, cleared when it grew).
 */
class RenderedIds {
    private readonly ids = new Map<string, string>();

    constructor(private readonly localizer: Localizer) { }

    render(message: Message): string {
        const text = this.localizer.text(message);
        this.ids.set(text, message.id);
        return text;
    }

    idOf(text: string): string | undefined {
        return this.ids.get(text);
    }

    clear(): void {
        this.ids.clear();
    }
}

/** What the parser needs of the error-message providers: the id of a text they rendered in this parse, and a reset. */
export interface RenderedMessageIds {
    messageIdOf(text: string): string | undefined;
    forgetRendered(): void;
}

export class OsaParserErrorMessages extends LangiumParserErrorMessageProvider implements IParserErrorMessageProvider, RenderedMessageIds {
    private readonly rendered: RenderedIds;

    constructor(localizer: Localizer = new Localizer()) {
        super();
        this.rendered = new RenderedIds(localizer);
    }

    /** The catalogue id of a parse error's text, when this provider wrote it during the current parse. */
    messageIdOf(text: string): string | undefined {
        return this.rendered.idOf(text);
    }

    forgetRendered(): void {
        this.rendered.clear();
    }

    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const { expected, actual, previous } = options;
        const value = expectingValue(previous, actual, [expected]);
        if (value) {
            return this.rendered.render(value);
        }
        const name = tokenName(expected);
        if (name === '}') {
            return this.rendered.render(msg('parse.expectedClose', { found: shown(actual) }));
        }
        if (name === '{') {
            return this.rendered.render(msg('parse.expectedOpen', { keyword: previous.image, found: shown(actual) }));
        }
        return this.rendered.render(msg('parse.expected', { expected: name, keyword: previous.image, found: shown(actual) }));
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const expected = options.expectedPathsPerAlt.flat().map(path => path[0]).filter((t): t is TokenType => t !== undefined);
        return this.rendered.render(expectingValue(options.previous, options.actual[0], expected)
            ?? msg('parse.cannotStand', { found: shown(options.actual[0]), keyword: options.previous.image }));
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const expected = options.expectedIterationPaths.map(path => path[0]).filter((t): t is TokenType => t !== undefined);
        return this.rendered.render(expectingValue(options.previous, options.actual[0], expected)
            ?? msg('parse.somethingMissing', { keyword: options.previous.image, found: shown(options.actual[0]) }));
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return this.rendered.render(msg('parse.outside', { found: shown(options.firstRedundant) }));
    }
}

export class OsaLexerErrorMessages implements ILexerErrorMessageProvider, RenderedMessageIds {
    private readonly rendered: RenderedIds;

    constructor(localizer: Localizer = new Localizer()) {
        this.rendered = new RenderedIds(localizer);
    }

    /** The catalogue id of a lexer error's text, when this provider wrote it during the current parse. */
    messageIdOf(text: string): string | undefined {
        return this.rendered.idOf(text);
    }

    forgetRendered(): void {
        this.rendered.clear();
    }

    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substring(startOffset, startOffset + length);
        const code = [...text].map(c => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
        const visible = /^[\p{L}\p{N}\p{P}\p{S}]+$/u.test(text) ? `\`${text}\` (${code})` : code;
        return this.rendered.render(msg('parse.unexpectedCharacter', { character: visible }));
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return this.rendered.render(msg('parse.unexpected', { token: token.image }));
    }
}
