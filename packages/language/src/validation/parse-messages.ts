/**
 * Parse and lexer errors in the language's own words. The lenient grammar leaves few of them (a keyword
 * without its value, an unclosed block, a character the language never uses); when one happens the message
 * says what the statement takes instead of listing token sequences.
 */
import type { ILexerErrorMessageProvider, IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { LangiumParserErrorMessageProvider } from 'langium';
import { PROPERTIES } from '../model/properties.js';

const VALUE_TOKENS = new Set(['ID', 'NUMBER', 'DATE', 'STRING', 'BAD_STRING']);

/** What a keyword's statement takes, from the property table (the first property that uses the keyword). */
function takes(keyword: string): { takes: string; example: string } | undefined {
    for (const specs of Object.values(PROPERTIES)) {
        const spec = specs.find(p => p.keyword === keyword);
        if (spec) {
            return spec;
        }
    }
    return undefined;
}

function tokenName(type: TokenType): string {
    return type.name.endsWith(':KW') ? type.name.slice(0, -3) : type.name;
}

function shown(token: IToken): string {
    return token.tokenType?.name === 'EOF' ? 'the end of the file' : `\`${token.image}\``;
}

function expectingValue(previous: IToken, actual: IToken, expected: readonly TokenType[]): string | undefined {
    if (!expected.some(t => VALUE_TOKENS.has(t.name))) {
        return undefined;
    }
    const spec = takes(previous.image);
    return spec
        ? `\`${previous.image}\` needs a value: it takes ${spec.takes}, e.g. \`${spec.example}\`; found ${shown(actual)}.`
        : `A value is missing after \`${previous.image}\`; found ${shown(actual)}.`;
}

export class OsaParserErrorMessages extends LangiumParserErrorMessageProvider implements IParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const { expected, actual, previous } = options;
        const value = expectingValue(previous, actual, [expected]);
        if (value) {
            return value;
        }
        const name = tokenName(expected);
        if (name === '}') {
            return `Expected \`}\` to close the block before ${shown(actual)}: a brace is missing, or ${shown(actual)} does not belong inside this block.`;
        }
        if (name === '{') {
            return `Expected \`{\` to open the block after \`${previous.image}\`, but found ${shown(actual)}.`;
        }
        return `Expected \`${name}\` after \`${previous.image}\`, but found ${shown(actual)}.`;
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const expected = options.expectedPathsPerAlt.flat().map(path => path[0]).filter((t): t is TokenType => t !== undefined);
        return expectingValue(options.previous, options.actual[0], expected)
            ?? `${shown(options.actual[0])} cannot stand after \`${options.previous.image}\` here. The language reference (docs/language.md) shows what each declaration may contain.`;
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const expected = options.expectedIterationPaths.map(path => path[0]).filter((t): t is TokenType => t !== undefined);
        return expectingValue(options.previous, options.actual[0], expected)
            ?? `Something is missing after \`${options.previous.image}\` before ${shown(options.actual[0])}.`;
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return `${shown(options.firstRedundant)} stands outside any declaration: a file holds \`programme\`, \`agreement-template\` and \`budget-envelope\` declarations. Is a \`{\` or \`}\` missing?`;
    }
}

export class OsaLexerErrorMessages implements ILexerErrorMessageProvider {
    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substring(startOffset, startOffset + length);
        const code = [...text].map(c => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
        const visible = /^[\p{L}\p{N}\p{P}\p{S}]+$/u.test(text) ? `\`${text}\` (${code})` : code;
        return `The unexpected character ${visible} is not part of the language and was skipped: remove it, or put the text in quotes.`;
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return `Unexpected \`${token.image}\`.`;
    }
}
