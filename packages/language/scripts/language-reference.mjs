// Rewrites the generated sections of the language reference, docs/language.md (term tables, property tables,
// currencies, UN peace operations, rules that take an exception), from the compiled language package.
//
//   npm run docs:language                                        compile, then write docs/language.md
//   node packages/language/scripts/language-reference.mjs --check   exit 1 and say what is out of step
//
// The prose between the sections is written by hand; packages/language/test/language-reference.test.ts fails
// while the page and the language differ, so run this after adding a term, a property or a vocabulary, and
// then explain the new thing in the prose.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { LANGUAGE_REFERENCE_PATH, defaultLanguageReferenceData, languageReferenceProblems, updateLanguageReference } =
    await import('../out/docs/language-reference.js');

const file = path.join(REPO, LANGUAGE_REFERENCE_PATH);
const page = fs.readFileSync(file, 'utf-8');
const data = defaultLanguageReferenceData();

if (process.argv.includes('--check')) {
    const problems = languageReferenceProblems(page, data);
    for (const problem of problems) {
        process.stderr.write(`${LANGUAGE_REFERENCE_PATH}: ${problem}\n`);
    }
    process.exit(problems.length > 0 ? 1 : 0);
}

const updated = updateLanguageReference(page, data);
if (updated !== page) {
    fs.writeFileSync(file, updated);
    process.stdout.write(`${LANGUAGE_REFERENCE_PATH}: generated sections updated\n`);
}
// What regeneration cannot fix (a missing section, an unexplained keyword) is for a writer to add.
const remaining = languageReferenceProblems(updated, data);
for (const problem of remaining) {
    process.stderr.write(`${LANGUAGE_REFERENCE_PATH}: ${problem}\n`);
}
process.exit(remaining.length > 0 ? 1 : 0);
