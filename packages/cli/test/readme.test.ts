import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleCatalogue } from '../src/commands/rules.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const README = fs.readFileSync(path.join(REPO, 'README.md'), 'utf-8');

describe('README', () => {
    it('gives the two commands a newcomer runs', () => {
        expect(README).toContain('npm install && npx osa validate examples/programmes');
        expect(README).toMatch(/^ {3}npm test$/m);
    });

    it('lists every rule with its severity and clause, as the catalogue does', () => {
        for (const rule of ruleCatalogue()) {
            const row = README.split('\n').find(line => line.startsWith(`| [${rule.id}]`));
            expect(row, rule.id).toBeDefined();
            expect(row).toContain(`| \`${rule.name}\` | ${rule.severity} | ${rule.clause} |`);
        }
    });
});
