import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, findConfigFile, loadConfig } from '../src/config/config.js';
import schema from '../src/config/osa.config.schema.json' with { type: 'json' };
import { DEFAULT_REFERENCE_DATA } from '../src/reference/default-data.js';
import { ALL_RULES } from '../src/rules/index.js';

function folder(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-config-'));
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

function loadError(contents: unknown): ConfigError {
    const dir = folder({ 'osa.config.json': JSON.stringify(contents) });
    try {
        loadConfig(path.join(dir, 'osa.config.json'), DEFAULT_REFERENCE_DATA);
    } catch (error) {
        return error as ConfigError;
    }
    throw new Error('expected a ConfigError');
}

describe('osa.config.json', () => {
    it('the schema knows exactly the registered rule ids', () => {
        expect([...schema.properties.rules.propertyNames.enum].sort()).toEqual(ALL_RULES.map(r => r.id).sort());
    });

    it('is found in the nearest folder above a file, never above the repository root', () => {
        const dir = folder({ 'osa.config.json': '{}', 'repo/.git/HEAD': '', 'repo/sub/deep/x.osa': '', 'other/y.osa': '' });
        expect(findConfigFile(path.join(dir, 'other'))).toBe(path.join(dir, 'osa.config.json'));
        expect(findConfigFile(path.join(dir, 'repo/sub/deep'))).toBeUndefined();
    });

    it('resolves severities, path ignores and file ignores relative to its folder', () => {
        const dir = folder({ 'osa.config.json': JSON.stringify({ rules: { OSA502: 'off', OSA311: { severity: 'error', ignore: ['legacy'] } }, ignore: ['drafts/**'] }) });
        const config = loadConfig(path.join(dir, 'osa.config.json'), DEFAULT_REFERENCE_DATA);
        expect(config.severityOf('OSA502')).toBe('off');
        expect(config.severityOf('OSA311')).toBe('error');
        expect(config.severityOf('OSA101')).toBeUndefined();
        expect(config.isRuleIgnored('OSA311', path.join(dir, 'legacy/a.osa'))).toBe(true);
        expect(config.isRuleIgnored('OSA311', path.join(dir, 'current/a.osa'))).toBe(false);
        expect(config.isFileIgnored(path.join(dir, 'drafts/x/a.osa'))).toBe(true);
        expect(config.isFileIgnored(path.join(dir, 'a.osa'))).toBe(false);
    });

    it('adds reference data, including a newer DAC list file', () => {
        const newer = {
            editions: [{ id: '2026-2027', title: 'test edition', effectiveFrom: '2026-01-01', effectiveTo: '2027-12-31', adopted: 'test', sources: ['test'], recipients: [{ iso3: 'PHL', name: 'Philippines', category: 'LMIC' }] }],
            graduations: []
        };
        const dir = folder({
            'osa.config.json': JSON.stringify({ referenceData: { dacList: 'data/dac.json', inCombat: [{ iso3: 'PHL', from: '2026-01-01', basis: 'test', sources: ['x'] }] } }),
            'data/dac.json': JSON.stringify(newer)
        });
        const data = loadConfig(path.join(dir, 'osa.config.json'), DEFAULT_REFERENCE_DATA).referenceData;
        expect(data.dacList.editions.map(e => e.id).sort()).toEqual(['2024-2025', '2026-2027']);
        expect(data.inCombat.entries.at(-1)).toMatchObject({ iso3: 'PHL', until: null });
        expect(DEFAULT_REFERENCE_DATA.inCombat.entries.some(e => e.iso3 === 'PHL')).toBe(false);
    });

    it('rejects what the schema does not allow, naming the JSON path', () => {
        expect(loadError({ rules: { OSA999: 'off' } })).toMatchObject({ jsonPath: 'rules.OSA999' });
        expect(loadError({ rules: { OSA101: 'loud' } })).toMatchObject({ jsonPath: 'rules.OSA101' });
        expect(loadError({ colour: true })).toMatchObject({ jsonPath: 'colour' });
        expect(loadError({ ignore: 'drafts' })).toMatchObject({ jsonPath: 'ignore' });
        expect(loadError({ referenceData: { inCombat: [{ iso3: 'PHL', from: 'soon', basis: 'x', sources: ['y'] }] } }))
            .toMatchObject({ jsonPath: 'referenceData.inCombat[0].from' });
    });

    it('reports broken JSON and a missing DAC list file clearly', () => {
        const dir = folder({ 'osa.config.json': '{ "rules": ' });
        expect(() => loadConfig(path.join(dir, 'osa.config.json'), DEFAULT_REFERENCE_DATA)).toThrow(/not valid JSON/);
        expect(loadError({ referenceData: { dacList: 'nowhere.json' } })).toMatchObject({ jsonPath: 'referenceData.dacList' });
    });

    describe('reads nothing outside its folder, and only regular files (hostile repositories)', () => {
        const DAC = JSON.stringify({ editions: [{ id: '2026-2027', effectiveFrom: '2026-01-01', effectiveTo: '2027-12-31', recipients: [] }] });
        const load = (dir: string, trusted = false) => loadConfig(path.join(dir, 'osa.config.json'), DEFAULT_REFERENCE_DATA, { trusted });
        const failure = (dir: string, trusted = false): ConfigError => {
            try {
                load(dir, trusted);
            } catch (error) {
                return error as ConfigError;
            }
            throw new Error('expected a ConfigError');
        };

        it('refuses a data file given as an absolute path or leading out with .., unless trusted', () => {
            const outside = folder({ 'dac.json': DAC });
            const absolute = folder({ 'osa.config.json': JSON.stringify({ referenceData: { dacList: path.join(outside, 'dac.json') } }) });
            expect(failure(absolute)).toMatchObject({ jsonPath: 'referenceData.dacList', detail: expect.stringContaining('is an absolute path') });
            expect(load(absolute, true).referenceData.dacList.editions.map(e => e.id)).toContain('2026-2027');
            const parent = folder({ 'dac.json': DAC, 'team/osa.config.json': JSON.stringify({ referenceData: { dacList: '../dac.json' } }) });
            expect(failure(path.join(parent, 'team'))).toMatchObject({ jsonPath: 'referenceData.dacList', detail: expect.stringContaining('leads outside the configuration\'s folder') });
            expect(load(path.join(parent, 'team'), true).referenceData.dacList.editions.map(e => e.id)).toContain('2026-2027');
        });

        it('refuses /dev/zero as a data file without reading it, trusted or not', () => {
            const dir = folder({ 'osa.config.json': JSON.stringify({ referenceData: { dacList: '/dev/zero' } }) });
            expect(failure(dir, true)).toMatchObject({ jsonPath: 'referenceData.dacList', detail: expect.stringContaining('not a regular file but a character device') });
            const linked = folder({ 'osa.config.json': JSON.stringify({ referenceData: { dacList: 'zero.json' } }) });
            fs.symlinkSync('/dev/zero', path.join(linked, 'zero.json'));
            expect(failure(linked)).toMatchObject({ detail: expect.stringContaining('outside the workspace') });
            expect(failure(linked, true)).toMatchObject({ detail: expect.stringContaining('character device') });
        });

        it('refuses a FIFO configuration and a FIFO data file without blocking', () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-config-'));
            execFileSync('mkfifo', [path.join(dir, 'osa.config.json')]);
            expect(failure(dir)).toMatchObject({ jsonPath: '', detail: expect.stringContaining('FIFO') });
            const data = folder({ 'osa.config.json': JSON.stringify({ referenceData: { dacList: 'dac.json' } }) });
            execFileSync('mkfifo', [path.join(data, 'dac.json')]);
            expect(failure(data)).toMatchObject({ jsonPath: 'referenceData.dacList', detail: expect.stringContaining('FIFO') });
        });

        it('refuses an oversized or non-UTF-8 configuration, naming the line and column', () => {
            const big = folder({ 'osa.config.json': `{"ignore": [${'"x",'.repeat(300_000)}"x"]}` });
            expect(failure(big)).toMatchObject({ detail: expect.stringContaining('file is too large') });
            const latin1 = fs.mkdtempSync(path.join(os.tmpdir(), 'osa-config-'));
            fs.writeFileSync(path.join(latin1, 'osa.config.json'), Buffer.from('{\n  "ignore": ["Bogot\xe1"]\n}', 'latin1'));
            expect(failure(latin1)).toMatchObject({ detail: expect.stringContaining('not valid UTF-8 at line 2, column 20') });
        });

        it('a data file that is JSON but not an object is a configuration error, not a crash', () => {
            const dir = folder({ 'osa.config.json': JSON.stringify({ referenceData: { dacList: 'dac.json' } }), 'dac.json': 'null' });
            expect(failure(dir)).toMatchObject({ jsonPath: 'referenceData.dacList', detail: expect.stringContaining('must hold "editions"') });
        });
    });
});
