import { describe, expect, it } from 'vitest';
import { ALL_RULES, ruleById } from '../../src/rules/index.js';

const EXPECTED_IDS = [
    'OSA100',
    'OSA101', 'OSA102', 'OSA103', 'OSA104', 'OSA105',
    'OSA201', 'OSA202', 'OSA203', 'OSA204', 'OSA205', 'OSA206', 'OSA207',
    'OSA301', 'OSA302', 'OSA303', 'OSA304', 'OSA305',
    'OSA310', 'OSA311',
    'OSA401', 'OSA402', 'OSA403', 'OSA404', 'OSA405', 'OSA406', 'OSA407', 'OSA408', 'OSA409', 'OSA410',
    'OSA501', 'OSA502', 'OSA503',
    'OSA601', 'OSA602', 'OSA603'
];

describe('the rule registry', () => {
    it('registers exactly the 36 expected rules, in id order', () => {
        expect(EXPECTED_IDS).toHaveLength(36);
        expect(ALL_RULES.map(r => r.id)).toEqual(EXPECTED_IDS);
    });

    it('gives every rule a unique OSA id and a unique kebab-case name', () => {
        const ids = ALL_RULES.map(r => r.id);
        const names = ALL_RULES.map(r => r.name);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(names).size).toBe(names.length);
        for (const rule of ALL_RULES) {
            expect(rule.id, rule.id).toMatch(/^OSA\d{3}$/);
            expect(rule.name, rule.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
        }
    });

    it('gives every rule a clause, a summary, a severity, a family and a scope', () => {
        for (const rule of ALL_RULES) {
            expect(rule.clause.trim(), `${rule.id} clause`).not.toBe('');
            expect(rule.clause, `${rule.id} clause`).toMatch(/^(§\d+(\(\d+\))?(\([a-d]\))?|data|portfolio)$/);
            expect(rule.summary.trim().length, `${rule.id} summary`).toBeGreaterThan(10);
            expect(rule.summary, `${rule.id} summary`).toMatch(/\.$/);
            expect(['error', 'warning', 'info'], `${rule.id} severity`).toContain(rule.severity);
            expect(rule.family, `${rule.id} family`).toBeTruthy();
            expect(['programme', 'workspace'], `${rule.id} scope`).toContain(rule.scope);
            expect(typeof rule.check, `${rule.id} check`).toBe('function');
        }
    });

    it('cites the guideline section that matches the id\'s family', () => {
        const sectionOf: Record<string, RegExp> = {
            'reference-data': /^data$/,
            'recipient': /^§2\(1\)$/,
            'fields': /^§2\(2\)/,
            'three-principles': /^§3\(1\)$/,
            'considerations': /^§3\(2\)$/,
            'agreement': /^§3\(3\)/,
            'implementation': /^§4\(\d\)$/,
            'portfolio': /^portfolio$/
        };
        for (const rule of ALL_RULES) {
            expect(rule.clause, rule.id).toMatch(sectionOf[rule.family]);
        }
    });

    it('finds every rule by its id, and nothing for an unknown id', () => {
        for (const id of EXPECTED_IDS) {
            expect(ruleById(id)?.id).toBe(id);
        }
        expect(ruleById('OSA999')).toBeUndefined();
    });
});
