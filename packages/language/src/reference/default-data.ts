/** The reference data shipped with the tool. Each file keeps its sources and retrieval date. */
import countries from './data/countries.json' with { type: 'json' };
import conflictParties from './data/conflict-parties.json' with { type: 'json' };
import dacList from './data/dac-list.json' with { type: 'json' };
import embargoes from './data/embargoes.json' with { type: 'json' };
import inCombat from './data/in-combat.json' with { type: 'json' };
import peaceOperations from './data/peace-operations.json' with { type: 'json' };
import type { ReferenceDataSet } from './types.js';

export const DEFAULT_REFERENCE_DATA: ReferenceDataSet = {
    countries,
    dacList: dacList as ReferenceDataSet['dacList'],
    embargoes: embargoes as ReferenceDataSet['embargoes'],
    conflictParties: conflictParties as ReferenceDataSet['conflictParties'],
    inCombat: inCombat as ReferenceDataSet['inCombat'],
    peaceOperations: peaceOperations as ReferenceDataSet['peaceOperations']
};
