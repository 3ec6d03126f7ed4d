import { describe, expect, it } from 'vitest';
import { DEFAULT_REFERENCE_DATA } from '../src/reference/default-data.js';
import { fiscalYearPeriod, ReferenceData } from '../src/reference/reference-data.js';

const reference = new ReferenceData(DEFAULT_REFERENCE_DATA);

describe('reference data', () => {
    it('maps a Japanese fiscal year to April–March', () => {
        expect(fiscalYearPeriod(2024)).toEqual({ start: '2024-04-01', end: '2025-03-31' });
    });

    it('has the full ISO 3166-1 table with names', () => {
        expect(reference.allCountries().length).toBeGreaterThanOrEqual(249);
        expect(reference.country('PHL')?.name).toBe('Philippines');
        expect(reference.country('phl')).toBeUndefined();
    });

    it('has all 141 recipients of the 2024–25 DAC list', () => {
        expect(DEFAULT_REFERENCE_DATA.dacList.editions[0].recipients).toHaveLength(141);
        for (const r of DEFAULT_REFERENCE_DATA.dacList.editions[0].recipients) {
            expect(reference.country(r.iso3), r.iso3).toBeDefined();
        }
    });

    it('uses the edition in force on 1 April of the fiscal year', () => {
        const fy2024 = reference.dacStatus('PHL', '2024-04-01');
        expect(fy2024).toMatchObject({ listed: true, covered: true });
        expect(fy2024.recipient?.category).toBe('LMIC');
        expect(reference.dacStatus('USA', '2024-04-01').listed).toBe(false);
    });

    it('falls back to the nearest edition outside its years and says so', () => {
        const fy2023 = reference.dacListOn('2023-04-01');
        expect(fy2023.covered).toBe(false);
        expect(fy2023.edition.id).toBe('2024-2025');
        expect(reference.coverageOn('2023-04-01').find(c => c.dataset.startsWith('DAC'))?.covered).toBe(false);
        expect(reference.coverageOn('2025-04-01').every(c => c.covered)).toBe(true);
    });

    it('applies confirmed graduations after the edition (Nauru leaves on 2026-01-01)', () => {
        expect(reference.dacStatus('NRU', '2025-04-01').listed).toBe(true);
        const fy2026 = reference.dacStatus('NRU', '2026-04-01');
        expect(fy2026.listed).toBe(false);
        expect(fy2026.graduatedBy?.effective).toBe('2026-01-01');
        expect(reference.graduationsWithin('NRU', '2025-04-01', '2026-03-31')).toHaveLength(1);
        // Montserrat's graduation is only pending: it stays on the list.
        expect(reference.dacStatus('MSR', '2026-04-01').listed).toBe(true);
    });

    it('finds arms embargoes by period and scope', () => {
        const prk = reference.embargoesDuring('PRK', '2024-04-01', '2025-03-31');
        expect(prk.some(e => e.scope === 'government_and_all')).toBe(true);
        const somalia2024 = reference.embargoesDuring('SOM', '2024-04-01', '2025-03-31');
        expect(somalia2024.map(e => e.scope)).toEqual(['non_state_only']);
        expect(reference.embargoesDuring('PHL', '2024-04-01', '2025-03-31')).toEqual([]);
    });

    it('keeps sources and retrieval dates for every dataset', () => {
        const metas = [
            DEFAULT_REFERENCE_DATA.countries.meta, DEFAULT_REFERENCE_DATA.dacList.meta, DEFAULT_REFERENCE_DATA.embargoes.meta,
            DEFAULT_REFERENCE_DATA.conflictParties.meta, DEFAULT_REFERENCE_DATA.inCombat.meta
        ];
        for (const meta of metas) {
            expect(meta.sources.length).toBeGreaterThan(0);
            expect(meta.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
        for (const e of DEFAULT_REFERENCE_DATA.embargoes.embargoes) {
            expect(e.sources.length, e.id).toBeGreaterThan(0);
        }
        for (const e of DEFAULT_REFERENCE_DATA.inCombat.entries) {
            expect(e.sources.length, e.iso3).toBeGreaterThan(0);
        }
    });

    it('records in-combat judgements with dates', () => {
        expect(reference.inCombatDuring('UKR', '2024-04-01', '2025-03-31')).toHaveLength(1);
        expect(reference.inCombatDuring('UKR', '2020-04-01', '2021-03-31')).toHaveLength(0);
        expect(reference.inCombatDuring('PHL', '2024-04-01', '2025-03-31')).toHaveLength(0);
    });

    it('suggests countries for unknown codes', () => {
        expect(reference.suggestCountries('phl').map(c => c.alpha3)).toEqual(['PHL']);
        expect(reference.suggestCountries('PH').map(c => c.alpha3)).toEqual(['PHL']);
        expect(reference.suggestCountries('Philippines').map(c => c.alpha3)).toEqual(['PHL']);
        expect(reference.suggestCountries('QQQ')).toEqual([]);
    });

    it('can be substituted: a service built from other data answers from it', () => {
        const substitute = new ReferenceData({
            ...DEFAULT_REFERENCE_DATA,
            inCombat: { ...DEFAULT_REFERENCE_DATA.inCombat, entries: [{ iso3: 'PHL', from: '2024-01-01', until: null, basis: 'test', sources: ['test'] }] }
        });
        expect(substitute.inCombatDuring('PHL', '2024-04-01', '2025-03-31')).toHaveLength(1);
    });
});
