/** §4 Implementation structure: coordination among NSS, MOFA and MOD, with other frameworks, with the transfer scheme. */
import type { Programme } from '../generated/ast.js';
import { coordinationBodiesOf, countsAsDefenseEquipment, isDefenseEquipment, isStated } from '../model/facts.js';
import {
    COORDINATION_BODIES, CORE_COORDINATION_BODIES, isKnownTerm, suggestTerms, type CoordinationBody
} from '../vocabulary.js';
import { msg } from '../i18n/message.js';
import { programmeRule } from './rule.js';

function declaredBodies(programme: Programme): Set<CoordinationBody> {
    return coordinationBodiesOf(programme);
}

/** Bodies a misspelt body name may stand for (reported once by the language checks, not also as missing). */
function maybeBodies(programme: Programme): Set<string> {
    return new Set(programme.coordination.flatMap(line => line.bodies)
        .filter(body => !isKnownTerm('coordination-body', body))
        .flatMap(body => suggestTerms('coordination-body', body, 1)));
}

/** Where a coordination finding goes: the first `coordination` line, else the programme's name. */
function coordinationAnchor(programme: Programme) {
    const first = programme.coordination[0];
    return first ? { node: first, keyword: 'coordination' } : { node: programme, property: 'name' };
}

export const coreCoordinationMissing = programmeRule({
    id: 'OSA501',
    name: 'core-coordination-missing',
    family: 'implementation',
    severity: 'warning',
    clause: '§4(1)',
    summary: 'Coordination among NSS, MOFA and MOD is not all declared.',
    check(programme, _context, report) {
        if (programme.coordination.length === 0 && isStated(programme, 'coordination')) {
            return; // a misspelt `coordination` keyword: reported once by the language checks
        }
        const declared = declaredBodies(programme);
        const maybe = maybeBodies(programme);
        const missing = CORE_COORDINATION_BODIES.filter(b => !declared.has(b) && !maybe.has(b));
        if (missing.length > 0) {
            report({
                ...coordinationAnchor(programme),
                message: msg('OSA501.missing', { bodies: missing }),
                data: { missingBodies: missing }
            });
        }
    }
});

export const noFrameworkCoordination = programmeRule({
    id: 'OSA502',
    name: 'no-framework-coordination',
    family: 'implementation',
    severity: 'info',
    clause: '§4(2)',
    summary: 'No coordination with other governmental cooperation frameworks is declared.',
    check(programme, _context, report) {
        if (programme.coordination.length === 0 && isStated(programme, 'coordination')) {
            return;
        }
        const declared = declaredBodies(programme);
        const maybe = [...maybeBodies(programme)] as CoordinationBody[];
        if (![...declared, ...maybe].some(b => COORDINATION_BODIES[b].role === 'framework')) {
            report({
                ...coordinationAnchor(programme),
                message: msg('OSA502.none')
            });
        }
    }
});

export const noTransferSchemeCoordination = programmeRule({
    id: 'OSA503',
    name: 'no-transfer-scheme-coordination',
    family: 'implementation',
    severity: 'info',
    clause: '§4(3)',
    summary: 'Defense equipment is provided without coordination with the transfer scheme at programme formation.',
    check(programme, context, report) {
        const equipment = programme.items.find(item => countsAsDefenseEquipment(item, context.terms));
        if (equipment && !declaredBodies(programme).has('transfer-scheme') && !maybeBodies(programme).has('transfer-scheme')) {
            report({
                // An item of a category that is defense equipment by nature may carry no flag: mark its category then.
                node: equipment, ...(isDefenseEquipment(equipment) ? { property: 'defenseEquipment' } : { property: 'categories' }), index: 0,
                message: msg('OSA503.noScheme', { item: equipment.name })
            });
        }
    }
});

export const implementationRules = [coreCoordinationMissing, noFrameworkCoordination, noTransferSchemeCoordination];
