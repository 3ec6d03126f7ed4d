/** §3(2) Considerations: the six topics weighed when deciding on a recipient. */
import { assessmentOf, isStated, topicNameOf, topicTextOf } from '../model/facts.js';
import { ASSESSMENT_TOPICS, suggestTerms, type AssessmentTopicName } from '../vocabulary.js';
import { msg } from '../i18n/message.js';
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
                message: msg('OSA310.noAssessment', { programme: programme.name }),
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
                message: msg('OSA311.missing', { topics: missing, additions: missing.map(t => `\`${t} "…"\``) }),
                data: { missingTopics: missing }
            });
        }
    }
});

export const considerationRules = [noAssessment, assessmentIncomplete];
