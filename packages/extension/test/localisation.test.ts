/**
 * The extension in Japanese, the VS Code way: the manifest's `%key%` strings have a text in package.nls.json
 * (English) and package.nls.ja.json, and every string the client says through `vscode.l10n.t` (or the report
 * page's translator) has a Japanese entry in l10n/bundle.l10n.ja.json. Nothing is left untranslated, no entry
 * is stale, and placeholders match. Also the `osa.locale` setting, the contract with the language server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { localise, nlsKeys, readJson } from './nls.js';

const EXTENSION = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = readJson<Record<string, any>>(path.join(EXTENSION, 'package.json'));
const english = readJson<Record<string, string>>(path.join(EXTENSION, 'package.nls.json'));
const japanese = readJson<Record<string, string>>(path.join(EXTENSION, 'package.nls.ja.json'));
const bundle = readJson<Record<string, string>>(path.join(EXTENSION, 'l10n/bundle.l10n.ja.json'));

/** Hiragana, katakana or CJK ideographs: a text a Japanese reader reads as Japanese. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** Names that read the same in both languages (the product's name). */
const SAME_IN_BOTH = new Set(['configuration.title', 'command.category']);

/**
 * The translatable strings of the client's sources: the first argument of `vscode.l10n.t`, and of the report
 * page's `t`, `this.text` and `this.html` (src/report-view.ts), which the panel wires to `vscode.l10n.t`.
 */
const CALL = /(?:\bl10n\.t|\bthis\.text|\bthis\.html|(?<![\w.])t)\(\s*/g;
function sourceStrings(): { strings: Map<string, string>; nonLiteral: string[] } {
    const strings = new Map<string, string>();
    const nonLiteral: string[] = [];
    for (const file of fs.readdirSync(path.join(EXTENSION, 'src')).filter(f => f.endsWith('.ts'))) {
        const source = fs.readFileSync(path.join(EXTENSION, 'src', file), 'utf-8');
        for (const call of source.matchAll(CALL)) {
            const rest = source.slice(call.index + call[0].length);
            const literal = /^'((?:[^'\\\n]|\\.)*)'/.exec(rest);
            if (literal) {
                strings.set(literal[1].replace(/\\(.)/g, '$1'), file);
            } else {
                nonLiteral.push(`${file}: ${call[0]}${rest.slice(0, 40).split('\n')[0]}`);
            }
        }
    }
    return { strings, nonLiteral };
}

const placeholders = (text: string) => [...text.matchAll(/\{(\d+)\}/g)].map(m => m[1]).sort();

describe('package.json contributions (package.nls.json, package.nls.ja.json)', () => {
    const used = nlsKeys(manifest);

    it('every user-facing string of contributes (and the name, description and capabilities) is a %key%', () => {
        const c = manifest.contributes;
        const mustBeKeys: [string, unknown][] = [
            ['displayName', manifest.displayName], ['description', manifest.description],
            ['capabilities.untrustedWorkspaces.description', manifest.capabilities.untrustedWorkspaces.description],
            ['capabilities.virtualWorkspaces.description', manifest.capabilities.virtualWorkspaces.description],
            ['configuration.title', c.configuration.title],
            ...c.commands.flatMap((command: { command: string; title: string; category: string }) =>
                [[`${command.command} title`, command.title], [`${command.command} category`, command.category]]),
            ...c.problemMatchers.map((m: { label: string }) => ['problem matcher label', m.label]),
            ...Object.entries(c.configuration.properties).flatMap(([name, p]: [string, any]) => [
                [`${name} description`, p.markdownDescription ?? p.description],
                ...(p.enumDescriptions ?? []).map((d: string, i: number) => [`${name} enumDescriptions[${i}]`, d]),
                ...(p.patternErrorMessage ? [[`${name} patternErrorMessage`, p.patternErrorMessage]] : [])
            ])
        ];
        const plain = mustBeKeys.filter(([, value]) => typeof value !== 'string' || !/^%[^%\s]+%$/.test(value));
        expect(plain.map(([where, value]) => `${where}: ${String(value)}`)).toEqual([]);
        expect(used.length).toBeGreaterThanOrEqual(mustBeKeys.length);
    });

    it('every %key% has a text in both files, and both files hold exactly the keys package.json uses', () => {
        const keys = [...new Set(used.map(u => u.key))].sort();
        expect(Object.keys(english).sort()).toEqual(keys);
        expect(Object.keys(japanese).sort()).toEqual(keys);
        // Resolving never throws: VS Code would otherwise show the raw %key%.
        expect(JSON.stringify(localise(manifest, japanese))).not.toMatch(/"%[^%\s"]+%"/);
        expect(JSON.stringify(localise(manifest, english))).not.toMatch(/"%[^%\s"]+%"/);
    });

    it('every Japanese text is translated (not the English one, and written in Japanese)', () => {
        const untranslated = Object.keys(english).filter(key => !SAME_IN_BOTH.has(key)
            && (japanese[key] === english[key] || !JAPANESE.test(japanese[key])));
        expect(untranslated).toEqual([]);
        for (const key of SAME_IN_BOTH) {
            expect(japanese[key], key).toBe(english[key]);
        }
        // Code stays code: the settings' examples, commands and file names appear in both languages.
        for (const key of Object.keys(english)) {
            for (const code of english[key].match(/`[^`]+`/g) ?? []) {
                expect(japanese[key], `${key} keeps ${code}`).toContain(code);
            }
        }
        // A setting that names a command names it the way the command palette shows it in that language.
        expect(english['osa.validation.scope.description']).toContain(`**OSA: ${english['command.validateWorkspace']}**`);
        expect(japanese['osa.validation.scope.description']).toContain(`**OSA: ${japanese['command.validateWorkspace']}**`);
    });

    it('the English texts are the ones the manifest had before it was localised', () => {
        const shown = localise(manifest, english);
        expect(shown.displayName).toBe('OSA Policy Language');
        expect(shown.contributes.commands.map((c: { category: string; title: string }) => `${c.category}: ${c.title}`)).toEqual([
            'OSA: Validate Workspace', 'OSA: Show Rule Documentation', 'OSA: Restart Language Server', 'OSA: Open Compliance Report'
        ]);
        expect(shown.contributes.configuration.properties['osa.asOf'].patternErrorMessage).toBe('A date written YYYY-MM-DD, such as 2026-03-31, or empty for today.');
        expect(shown.contributes.problemMatchers[0].label).toBe('OSA: osa validate (stylish output)');
    });
});

describe('the osa.locale setting', () => {
    const property = manifest.contributes.configuration.properties['osa.locale'];

    it('offers "" (VS Code\'s display language), "en" and "ja", default "", described in both languages', () => {
        expect(property.type).toBe('string');
        expect(property.enum).toEqual(['', 'en', 'ja']);
        expect(property.default).toBe('');
        expect(property.enumDescriptions).toHaveLength(3);
        expect(property.enumItemLabels).toHaveLength(3);
        const en = localise(property, english);
        const ja = localise(property, japanese);
        expect(en.markdownDescription).toMatch(/display language/);
        expect(ja.markdownDescription).toMatch(/表示言語/);
        expect(ja.enumDescriptions[0]).toMatch(/表示言語/);
        expect(en.enumItemLabels.slice(1)).toEqual(['English', '日本語']);
    });

    it('is in the `osa` section the client synchronises, so the server can read it with workspace/configuration', () => {
        const client = fs.readFileSync(path.join(EXTENSION, 'src/extension.ts'), 'utf-8');
        expect(client).toContain("configurationSection: 'osa'");
        // The client passes nothing about the language in initializationOptions: the server reads the setting.
        expect(client).toContain('initializationOptions: () => ({ trusted: vscode.workspace.isTrusted })');
    });
});

describe('runtime strings (vscode.l10n.t, l10n/bundle.l10n.ja.json)', () => {
    const { strings, nonLiteral } = sourceStrings();

    it('the manifest points VS Code at the bundle folder', () => {
        expect(manifest.l10n).toBe('./l10n');
    });

    it('finds the client\'s strings, each given as a literal (a template literal would never match the bundle)', () => {
        expect(strings.size).toBeGreaterThan(50);
        for (const expected of ['Show Problems', 'OSA: validating every file of the workspace…', 'Compliance matrix', 'OSA Report: {0}']) {
            expect(strings.has(expected), expected).toBe(true);
        }
        // Only the panel's translator forwards what it was given (to the report page, whose calls are literals).
        expect(nonLiteral).toEqual(['report-panel.ts: l10n.t(text, ...args),']);
    });

    it('no text a person reads is given to VS Code or the page without going through the translator', () => {
        const raw: string[] = [];
        for (const file of fs.readdirSync(path.join(EXTENSION, 'src')).filter(f => f.endsWith('.ts'))) {
            const source = fs.readFileSync(path.join(EXTENSION, 'src', file), 'utf-8');
            // Notifications, status bar, log lines, quick-pick texts, tooltips and panel titles given a bare literal.
            for (const m of source.matchAll(/(show(?:Information|Warning|Error)Message|setStatusBarMessage|output\.(?:info|warn|error)|\.(?:title|placeholder)\s*=|tooltip:|withProgress\([^)]*title:|createWebviewPanel\([^,]+,)\s*\(?\s*['`"]/g)) {
                raw.push(`${file}: ${m[0]}`);
            }
            // The page's headings and header cells: their text is a translated label.
            for (const m of source.matchAll(/<(h[1-3]|th)\b[^>]*>(?!\$\{(?:this\.(?:text|html)\(|k\}|h\())[^<]/g)) {
                raw.push(`${file}: ${m[0]}`);
            }
        }
        expect(raw).toEqual([]);
    });

    it('every string has a Japanese entry with the same placeholders, and the bundle has no stale entry', () => {
        expect([...strings.keys()].filter(s => !(s in bundle))).toEqual([]);
        expect(Object.keys(bundle).filter(s => !strings.has(s))).toEqual([]);
        for (const [source, text] of Object.entries(bundle)) {
            expect(placeholders(text), `${source} → ${text}`).toEqual(placeholders(source));
        }
    });

    it('no entry is left untranslated', () => {
        const untranslated = Object.entries(bundle).filter(([source, text]) => text === source || !JAPANESE.test(text));
        expect(untranslated).toEqual([]);
    });
});
