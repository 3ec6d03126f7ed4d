/** §3(2) Considerations: the six topics weighed when deciding on a recipient. */
import { assessmentOf, isStated, topicNameOf, topicTextOf } from '../model/facts.js';
import { ASSESSMENT_TOPICS, suggestTerms, type AssessmentTopicName } from '../vocabulary.js';
import { programmeRule } from './rule.js';

const TOPICS = Object.keys(ASSESSMENT_TOPICS) as AssessmentTopicName[];

export const noAssessment = programmeRule({
    id: 'OSA310',
    name: 'no-considerations-assessment',
    family: 'considerations',
    severity: 'error',
    clause: '§3(2)',
    summary: 'The programme has no considerations assessment.',
    check(programme, _context, report) {
        if (!isStated(programme, 'assessments')) {
            report({
                node: programme, property: 'name',
                message: `Programme ${programme.name} has no assessment. The choice of recipient must weigh democracy, rule of law, human rights, `
                    + 'the socio-economic situation, security needs and bilateral relations (§3(2)). '
                    + 'Add an `assessment { … }` block with all six topics, as text or `on-file "document reference"`.',
                data: { missingTopics: TOPICS }
            });
        }
    }
});

export const assessmentIncomplete = programmeRule({
    id: 'OSA311',
    name: 'assessment-topic-missing',
    family: 'considerations',
    severity: 'warning',
    clause: '§3(2)',
    summary: 'The assessment lacks one of its six topics.',
    check(programme, _context, report) {
        const assessment = assessmentOf(programme);
        if (!assessment) {
            return;
        }
        const present = new Set<string>();
        for (const topic of assessment.topics) {
            const name = topicNameOf(topic);
            if (name) {
                if ((topicTextOf(topic) ?? '').trim().length > 0) {
                    present.add(name);
                }
            } else {
                // A misspelt topic is reported once by the language checks; the topic it stands for is not also missing.
                suggestTerms('assessment-topic', topic.name, 1).forEach(t => present.add(t));
            }
        }
        const missing = TOPICS.filter(t => !present.has(t));
        if (missing.length > 0) {
            report({
                node: assessment, keyword: 'assessment',
                message: `The assessment does not address ${missing.join(', ')}. All six topics of §3(2) must be weighed before a recipient is chosen. `
                    + `Add ${missing.map(t => `\`${t} "…"\``).join(', ')} (text, or \`on-file "…"\` with a document reference).`,
                data: { missingTopics: missing }
            });
        }
    }
});

export const considerationRules = [noAssessment, assessmentIncomplete];
