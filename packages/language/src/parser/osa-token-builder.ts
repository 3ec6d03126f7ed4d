/**
 * Langium's token builder, with a cheaper answer to "which terminals may continue this keyword" (a keyword's
 * LONGER_ALT: `programmes` is an ID, not the keyword `programme` and an `s`). Langium asks, for every keyword and
 * terminal, whether the keyword partially matches the terminal's regular expression, through a regular-expression
 * parser: a few milliseconds of every start of the CLI, each worker thread and the language server. Every keyword
 * of this grammar is a word, and a terminal that can continue a word matches the whole word, so a plain match of
 * the keyword against the terminal gives the same tokens (test/parser/token-builder.test.ts compares them).
 */
import { DefaultTokenBuilder, type GrammarAST } from 'langium';
import type { TokenType } from 'chevrotain';

export class OsaTokenBuilder extends DefaultTokenBuilder {
    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        return terminalTokens.filter(token => {
            const pattern = token.PATTERN;
            return pattern instanceof RegExp && new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, '')).test(keyword.value);
        });
    }
}
