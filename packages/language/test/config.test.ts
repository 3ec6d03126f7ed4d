import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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
});
