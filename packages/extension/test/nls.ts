/**
 * The manifest as VS Code shows it: every `%key%` string of package.json replaced by its text in
 * package.nls.json (English) or package.nls.<language>.json, the way the editor and vsce resolve them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A whole-string `%key%` placeholder (VS Code replaces only those, not `%` inside a text). */
export const NLS_KEY = /^%([^%\s]+)%$/;

export function readJson<T = unknown>(file: string): T {
    return JSON.parse(fs.readFileSync(file, 'utf-8')) as T;
}

/** Every `%key%` used anywhere in a manifest, with the JSON path where it is (for messages). */
export function nlsKeys(value: unknown, at = ''): { key: string; at: string }[] {
    if (typeof value === 'string') {
        const match = NLS_KEY.exec(value);
        return match ? [{ key: match[1], at }] : [];
    }
    if (Array.isArray(value)) {
        return value.flatMap((item, i) => nlsKeys(item, `${at}[${i}]`));
    }
    if (value && typeof value === 'object') {
        return Object.entries(value).flatMap(([k, v]) => nlsKeys(v, at ? `${at}.${k}` : k));
    }
    return [];
}

/** The manifest with its placeholders replaced from `texts`; a missing key throws. */
export function localise<T>(value: T, texts: Record<string, string>): T {
    if (typeof value === 'string') {
        const match = NLS_KEY.exec(value);
        if (!match) {
            return value;
        }
        if (!(match[1] in texts)) {
            throw new Error(`no text for %${match[1]}%`);
        }
        return texts[match[1]] as T;
    }
    if (Array.isArray(value)) {
        return value.map(item => localise(item, texts)) as T;
    }
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localise(v, texts)])) as T;
    }
    return value;
}

/** packages/extension/package.json (or the one in `dir`) in English, as VS Code shows it. */
export function englishManifest(dir: string): Record<string, any> {
    return localise(readJson<Record<string, any>>(path.join(dir, 'package.json')), readJson<Record<string, string>>(path.join(dir, 'package.nls.json')));
}
