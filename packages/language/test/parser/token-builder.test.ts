/**
 * OsaTokenBuilder answers "which terminals may continue this keyword" by a plain match instead of Langium's
 * partial match: for this grammar the tokens must come out the same, or the lexer would split words differently.
 */
import { DefaultTokenBuilder } from 'langium';
import type { TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { OsaTokenBuilder } from '../../src/parser/osa-token-builder.js';
import { createOsaServices, OsaFileSystem } from '../../src/index.js';

const shape = (tokens: TokenType[]) => tokens.map(token => ({
    name: token.name,
    pattern: String(token.PATTERN),
    group: token.GROUP,
    longerAlt: (Array.isArray(token.LONGER_ALT) ? token.LONGER_ALT : token.LONGER_ALT ? [token.LONGER_ALT] : []).map(alt => alt.name)
}));

describe('OsaTokenBuilder', () => {
    const grammar = createOsaServices(OsaFileSystem).Osa.Grammar;

    it('builds exactly the tokens Langium builds for the OSA grammar', () => {
        const ours = shape(new OsaTokenBuilder().buildTokens(grammar, { caseInsensitive: false }));
        const langiums = shape(new DefaultTokenBuilder().buildTokens(grammar, { caseInsensitive: false }));
        expect(ours).toEqual(langiums);
        // The comparison is not vacuous: keywords do have longer alternatives (ID), and not all terminals are one.
        expect(ours.find(t => t.name === 'programme')?.longerAlt).toEqual(['ID']);
        expect(ours.filter(t => t.longerAlt.length > 0).length).toBeGreaterThan(40);
    });

    it('is the token builder the services use', () => {
        expect(createOsaServices(OsaFileSystem).Osa.parser.TokenBuilder).toBeInstanceOf(OsaTokenBuilder);
    });
});
