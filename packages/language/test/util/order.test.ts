/**
 * Ordering by code point: the same on every machine whatever its locale or ICU version, and a guard that no
 * source file sorts with the locale's collation (localeCompare, Intl.Collator).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { byCodePoints, compareCodePoints } from '../../src/util/order.js';

const PACKAGES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('compareCodePoints', () => {
    it('orders paths by code point, not by any locale\'s collation', () => {
        const paths = ['案件.osa', 'ä.osa', 'b.osa', 'B.osa', 'a.osa', 'Z.osa'];
        // A collation would put B.osa beside b.osa and ä.osa beside a.osa.
        expect([...paths].sort(compareCodePoints)).toEqual(['B.osa', 'Z.osa', 'a.osa', 'b.osa', 'ä.osa', '案件.osa']);
    });

    it('puts characters beyond U+FFFF after the fullwidth forms, as their code points say', () => {
        // '𠮷' (U+20BB7) is stored as the surrogates D842 DFB7, which compare below 'Ａ' (U+FF21) as UTF-16 units.
        expect('𠮷' < 'Ａ').toBe(true);
        expect(compareCodePoints('𠮷', 'Ａ')).toBeGreaterThan(0);
        expect(compareCodePoints('Ａ', '𠮷')).toBeLessThan(0);
        expect(['𠮷.osa', 'Ａ.osa', '吉.osa'].sort(compareCodePoints)).toEqual(['吉.osa', 'Ａ.osa', '𠮷.osa']);
    });

    it('agrees with the order of the code point arrays on mixed text', () => {
        const words = ['案件', 'あんけん', 'アンケン', 'ｱﾝｹﾝ', 'anken', 'Anken', '𠮷', '\uFFFD', 'x\u0301', 'é', '', '案'];
        const byArrays = [...words].sort((a, b) => {
            const x = [...a].map(c => c.codePointAt(0)!);
            const y = [...b].map(c => c.codePointAt(0)!);
            for (let i = 0; i < Math.min(x.length, y.length); i++) {
                if (x[i] !== y[i]) {
                    return x[i] - y[i];
                }
            }
            return x.length - y.length;
        });
        expect([...words].sort(compareCodePoints)).toEqual(byArrays);
    });

    it('is zero only for equal strings, and a prefix sorts first', () => {
        expect(compareCodePoints('案件', '案件')).toBe(0);
        expect(compareCodePoints('案', '案件')).toBeLessThan(0);
        expect(compareCodePoints('案件', '案')).toBeGreaterThan(0);
    });

    it('sorts objects by a key', () => {
        const items = [{ path: 'b.osa' }, { path: '案件.osa' }, { path: 'B.osa' }];
        expect(items.sort(byCodePoints(i => i.path)).map(i => i.path)).toEqual(['B.osa', 'b.osa', '案件.osa']);
    });
});

describe('no locale-dependent ordering in the sources', () => {
    it('no source file of any package calls localeCompare or Intl.Collator', () => {
        const offenders: string[] = [];
        const sources: string[] = [];
        for (const pkg of fs.readdirSync(PACKAGES)) {
            const src = path.join(PACKAGES, pkg, 'src');
            if (!fs.existsSync(src)) {
                continue;
            }
            for (const file of fs.readdirSync(src, { recursive: true, encoding: 'utf-8' })) {
                if (!/\.(ts|mts|js|mjs)$/.test(file)) {
                    continue;
                }
                const full = path.join(src, file);
                sources.push(full);
                // Code only: comments may name what they avoid.
                const code = fs.readFileSync(full, 'utf-8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
                if (/\blocaleCompare\b|\bIntl\s*\.\s*Collator\b/.test(code)) {
                    offenders.push(path.relative(PACKAGES, full));
                }
            }
        }
        // The walk found the sources (a wrong root would pass vacuously).
        expect(sources.some(f => f.endsWith(path.join('language', 'src', 'util', 'order.ts')))).toBe(true);
        expect(sources.some(f => f.endsWith(path.join('cli', 'src', 'commands', 'validate.ts')))).toBe(true);
        expect(offenders).toEqual([]);
    });
});
