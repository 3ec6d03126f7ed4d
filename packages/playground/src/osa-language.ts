/**
 * The `osa` language in Monaco: comments, strings, numbers and dates by a small Monarch grammar (the
 * colouring before the server answers), then the server's semantic tokens on top.
 */
import * as monaco from 'monaco-editor/editor/editor.api.js';
import { LANGUAGE_ID } from './lsp-client.js';

export function registerOsaLanguage(): void {
    monaco.languages.register({ id: LANGUAGE_ID, extensions: ['.osa'], aliases: ['OSA'] });
    monaco.languages.register({ id: 'json', extensions: ['.json'], aliases: ['JSON'] });
    monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
        comments: { lineComment: '//', blockComment: ['/*', '*/'] },
        brackets: [['{', '}'], ['(', ')'], ['[', ']']],
        autoClosingPairs: [{ open: '{', close: '}' }, { open: '"', close: '"', notIn: ['string'] }],
        wordPattern: /[A-Za-z_][\w-]*|\d[\d_]*(?:\.\d+)?/
    });
    monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, {
        tokenizer: {
            root: [
                [/\/\/.*$/, 'comment'],
                [/\/\*/, 'comment', '@comment'],
                [/"/, 'string', '@string'],
                [/\d{4}-\d{2}-\d{2}/, 'number'],
                [/\d[\d_]*(\.\d+)?/, 'number'],
                [/^\s*[a-z][a-z-]*/, 'keyword'],
                // Names (ids, codes, terms) stay whole, digits included; the server's tokens colour them.
                [/[A-Za-z_][\w-]*/, 'identifier'],
                [/[{}()[\]]/, '@brackets']
            ],
            comment: [[/\*\//, 'comment', '@pop'], [/./, 'comment']],
            string: [[/\\./, 'string.escape'], [/"/, 'string', '@pop'], [/[^"\\]+/, 'string']]
        }
    });
}
