/**
 * English texts of the guideline rules: findings, related locations and the notes the rule runner adds.
 * Ids: `OSAnnn.<what>` for one rule's texts, `runner.*` for the runner's, `clauseTitle.*` for clause names.
 * `{name}` marks a placeholder.
 */
export const rules = {
    'runner.exceptionJustified': '{message} An exception with a written justification is declared ("{justification}"), so this is reported as {severity}; keep the decision behind it on file.',
    'runner.exceptionJustified.related': 'The exception declared for {rule}.',
    'runner.exceptionUnjustified': '{message} The exception declared for {rule} has no written justification, so it does not apply: write the justification.',
    'runner.exceptionUnjustified.related': 'The exception declared for {rule}, without justification.',
    'runner.ruleFailed': 'Rule {rule} ({name}) failed on this file and could not check it: {error}. The other rules still ran; please report this as a bug.',

    'clauseTitle.information-disclosure': 'information-disclosure',
    'clauseTitle.monitoring-and-evaluation': 'monitoring-and-evaluation',
    'clauseTitle.no-extra-purpose-use': 'no-extra-purpose-use',
    'clauseTitle.no-third-party-transfer': 'no-third-party-transfer',
    'clauseTitle.un-charter-conformity': 'UN Charter conformity',
    'clauseTitle.prior-consent': 'prior-consent',
    'clauseTitle.entry-into-force': 'entry-into-force',

    'OSA401.noAgreement': 'Programme {programme} declares no international agreement. Every OSA programme is carried out under an agreement with the recipient country that fixes its conditions (§3(3)). Add `agreement uses <template> signed YYYY-MM-DD`, or an inline agreement with its clauses.',
    'agreement.missingClause': 'The agreement lacks the {what} clause: the agreement has no `clause {clause}`. Each OSA agreement must include it ({section}). Add `clause {clause}`.',
    'agreement.missingClauseWithTemplate': 'The agreement lacks the {what} clause: neither the agreement nor its template {template} has `clause {clause}`. Each OSA agreement must include it ({section}). Add `clause {clause}` to the template or the agreement.',
    'agreement.templateLacksClause': 'The template {template} has no `clause {clause}`.',
    'OSA404.templateResults': 'The monitoring-and-evaluation clause of the template {template} {problem}. The guidelines require the results of monitoring and evaluation to be made public (§3(3)(b)). Write `results disclosed` in the template, or add `clause monitoring-and-evaluation results disclosed` to the agreement.',
    'OSA404.templateResults.related': 'The template {template}\'s monitoring-and-evaluation clause.',
    'OSA404.results': 'The monitoring-and-evaluation clause {problem}. The guidelines require the results of monitoring and evaluation to be made public (§3(3)(b)). Write `results disclosed`.',
    'OSA404.withholds': 'withholds its results',
    'OSA404.silent': 'does not say that its results are disclosed'
} satisfies Record<string, string>;
