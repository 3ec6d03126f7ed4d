/** Short labels of the reference-data editions shipped, for `osa --version` (no parser needed). */
import { DEFAULT_REFERENCE_DATA } from './default-data.js';
import type { ReferenceDataSet } from './types.js';
import { compareCodePoints } from '../util/order.js';

export function dataEditions(data: ReferenceDataSet = DEFAULT_REFERENCE_DATA): { dataset: string; edition: string }[] {
    return [
        { dataset: 'countries', edition: data.countries.meta.standard },
        ...[...data.dacList.editions].sort((a, b) => compareCodePoints(a.effectiveFrom, b.effectiveFrom))
            .map(e => ({ dataset: 'dac-list', edition: e.id })),
        { dataset: 'un-arms-embargoes', edition: `as of ${data.embargoes.meta.asOf}` },
        { dataset: 'conflict-parties', edition: `retrieved ${data.conflictParties.meta.retrieved}` },
        { dataset: 'in-combat', edition: `as of ${data.inCombat.meta.asOf ?? data.inCombat.meta.retrieved}` },
        { dataset: 'un-peace-operations', edition: `as of ${data.peaceOperations.meta.asOf}` }
    ];
}
