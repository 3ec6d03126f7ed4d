// Rewrites the generated sections of the language reference, docs/language.md, and of its Japanese edition,
// docs/ja/language.md (term tables, property tables, currencies, UN peace operations, rules that take an
// exception), from the compiled language package.
//
//   npm run docs:language                                        compile, then write both pages
//   node packages/language/scripts/language-reference.mjs --check   exit 1 and say what is out of step
//
// The prose between the sections is written by hand; packages/language/test/language-reference.test.ts fails
// while a page and the language differ, so run this after adding a term, a property or a vocabulary, and
// then explain the new thing in the prose of both pages.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { LANGUAGE_REFERENCE_PATHS, defaultLanguageReferenceData, languageReferenceProblems, updateLanguageReference } =
    await import('../out/docs/language-reference.js');

const data = defaultLanguageReferenceData();
const check = process.argv.includes('--check');
let failed = false;

for (const [locale, relative] of Object.entries(LANGUAGE_REFERENCE_PATHS)) {
    const file = path.join(REPO, relative);
    const page = fs.readFileSync(file, 'utf-8');
    const updated = check ? page : updateLanguageReference(page, data, locale);
    if (updated !== page) {
        fs.writeFileSync(file, updated);
        process.stdout.write(`${relative}: generated sections updated\n`);
    }
    // What regeneration cannot fix (a missing section, an unexplained keyword) is for a writer to add.
    const problems = languageReferenceProblems(updated, data, locale);
    for (const problem of problems) {
        process.stderr.write(`${relative}: ${problem}\n`);
    }
    failed ||= problems.length > 0;
}
process.exit(failed ? 1 : 0);
