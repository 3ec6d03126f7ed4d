/** OSA1xx (data): whether the reference data reaches the programme's fiscal year. */
import { programmeRule } from './rule.js';
import { fiscalYearOf } from '../model/facts.js';
import { fiscalYearStart } from './programme-facts.js';

export const dataCoverage = programmeRule({
    id: 'OSA100',
    name: 'reference-data-coverage',
    family: 'reference-data',
    severity: 'info',
    clause: 'data',
    summary: 'The reference data does not cover the programme\'s fiscal year, so the nearest edition was used.',
    check(programme, { reference }, report) {
        const date = fiscalYearStart(programme);
        if (!date) {
            return;
        }
        const gaps = reference.coverageOn(date).filter(c => !c.covered);
        if (gaps.length === 0) {
            return;
        }
        report({
            node: programme,
            property: 'fiscalYears', index: 0,
            message: `No reference data covers 1 April ${fiscalYearOf(programme)} (the start of FY${fiscalYearOf(programme)}) for: `
                + gaps.map(g => `${g.dataset}, so ${g.detail} was used`).join('; ')
                + '. Findings that depend on these data are based on the nearest edition. '
                + 'Check those findings against the data in force for that year.',
            data: { datasets: gaps.map(g => g.dataset) }
        });
    }
});

export const referenceDataRules = [dataCoverage];
