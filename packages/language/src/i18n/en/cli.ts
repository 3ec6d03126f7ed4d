/** English texts of the cli area. Ids: see catalogue.ts; `{name}` marks a placeholder. */
export const cli = {
    'cli.help': `osa {version}: check OSA programme files against Japan's OSA Implementation Guidelines

Usage:
  osa validate [paths|globs...] [options]   validate files, folders and globs (default: .)
      --format stylish|json|sarif|junit|github   output format (default: stylish)
      --output <file>          write the report to a file instead of standard output
      --config <file>          use this osa.config.json for every file instead of discovering one
      --allow-outside-data     trust the configurations: let them name data files outside their folder
      --fail-level error|warning|info   exit 1 on a finding at or above this level (default: error)
      --max-warnings <n>       also exit 1 when there are more than n warnings
      --jobs <n>               worker threads (default: the number of CPU cores)
      --shard <i>/<n>          validate only part i of n (1-based): a deterministic split for CI matrices
      --as-of <YYYY-MM-DD>     the check date the rules judge "now" by (default: the config's asOf, else today)
      --cache                  keep results between runs: only changed files are checked again
      --cache-location <path>  the cache file, or a folder for .osacache (default: ./.osacache; implies --cache)
      --print-config <file>    print the configuration that applies to a file, and exit
      --color, --no-color      colour the stylish output (default: on for a terminal unless NO_COLOR is set)
  osa report [paths|globs...] [options]     the compliance matrix, disclosure sheets and portfolio (docs/report.md)
      --format md|json|html|csv|xlsx   output format (default: md, or the --output file's extension; xlsx needs --output)
      --output <file>          write the report to a file instead of standard output
      --config, --allow-outside-data, --fail-level, --max-warnings, --jobs   as for validate (same exit codes)
  osa rules [--format table|json]         list every rule with its clause
  osa explain <ID>                        print a rule's documentation page
  osa init [dir]                          write a starter programme and osa.config.json into an empty folder
  osa lsp --stdio                         run the language server (LSP over standard input/output)
  osa --version                           tool version and reference-data editions
  osa --help                              this text

Every command takes --locale en|ja: the language of messages, help and reports (default: LC_ALL,
LC_MESSAGES or LANG, else English). Rule ids, JSON field names and exit codes are the same in both.

A file's workspace is the folder of the nearest osa.config.json above it (up to the repository root),
else the current directory: every .osa file in it is loaded, so templates, budgets and ids resolve
across files, and validating one file reports exactly what validating the workspace reports for it.

Exit codes:
  0  no finding at or above --fail-level, and no more warnings than --max-warnings
  1  findings at or above --fail-level, or more warnings than --max-warnings
  2  usage error, invalid configuration, a path that is missing or cannot be read (not a regular file,
     too large, binary), a report that cannot be written, or an internal error
     (the other files are still validated and reported)
  A named path that is not an .osa file (README.md from a shell glob) is skipped with a notice and
  does not change the exit code.
`,
    'cli.version.referenceData': 'reference data:',
    'cli.usage.runHelp': 'Run `osa --help` for usage.',
    'cli.usage.unknownCommand': 'unknown command "{command}"',
    'cli.usage.unknownOption': 'unknown option --{option}',
    'cli.usage.needsValue': 'option --{option} needs a value',
    'cli.usage.choice': '--{option} must be one of {allowed} (got "{value}")',
    'cli.usage.wholeNumber': '--{option} takes a whole number of at least {min} (got "{value}")',
    'cli.usage.locale': '--locale must be one of {allowed} (got "{value}")',
    'cli.usage.shard': '--shard takes i/n with 1 ≤ i ≤ n, e.g. 2/4 (got "{value}")',
    'cli.usage.config': '--config {file}: {problem}',
    'cli.usage.asOf': '--as-of takes the check date as YYYY-MM-DD, such as 2026-04-01: {problem}',
    'cli.usage.xlsxNeedsOutput': '--format xlsx writes a binary workbook: give --output <file>.xlsx',
    'cli.usage.explainOneId': 'explain takes one rule id, e.g. `osa explain OSA101`',
    'cli.usage.notARule': '{id} is not a rule id (run `osa rules` for the list)',
    'cli.usage.initOneFolder': 'init takes at most one folder',
    'cli.usage.lspStdio': 'lsp takes --stdio (the server speaks LSP over standard input and output)',

    'cli.internalError': 'osa: internal error: {message}',
    'cli.internalErrorInFile': 'osa: internal error while checking {file}: {message}',
    'cli.internalErrorReport': 'This is a bug in osa, not in your files. Please report it at {url} with the command you ran (set OSA_DEBUG=1 to include the stack trace).',
    'cli.internalErrorReportWithFile': 'This is a bug in osa, not in your files. Please report it at {url} with the command you ran and the file (set OSA_DEBUG=1 to include the stack trace).',

    'cli.input.globMatchesNothing': 'the glob matches no .osa file',
    'cli.input.noSuchFile': 'no such file or directory',
    'cli.input.symlinkLoop': 'a symbolic link loop; not followed',
    'cli.input.cannotAccess': 'cannot access: {code}',
    'cli.input.notOsa': 'skipped: not an .osa file',
    'cli.input.ignored': 'ignored by the configuration\'s "ignore", not validated',
    'cli.progress': 'checked {done}/{total} files',

    'cli.output.cannotWrite': '--output {output}: cannot write the report: {reason}',
    'cli.output.notADirectory': 'a part of the path {folder} is a file, not a directory ({code})',
    'cli.output.isADirectory': '{target} is a directory; give a file name (EISDIR)',
    'cli.output.permission': 'permission denied ({code}); choose a writable location',
    'cli.output.readOnly': 'the file system is read-only ({code})',
    'cli.output.noSpace': 'no space left on the device ({code})',

    'cli.severity.error': 'error',
    'cli.severity.warning': 'warning',
    'cli.severity.info': 'info',
    'cli.count.file.one': '{count} file',
    'cli.count.file.other': '{count} files',
    'cli.count.error.one': '{count} error',
    'cli.count.error.other': '{count} errors',
    'cli.count.warning.one': '{count} warning',
    'cli.count.warning.other': '{count} warnings',
    'cli.count.info.one': '{count} info',
    'cli.count.info.other': '{count} infos',
    'cli.count.suppressed': '{count} suppressed',
    'cli.count.inputProblem.one': '{count} input problem',
    'cli.count.inputProblem.other': '{count} input problems',
    'cli.stylish.summary': '{files} checked: {counts}',

    'cli.related': 'related: {location} {message}',
    'cli.docs': 'docs: {url}',
    'cli.junit.noFindings': 'no findings',
    'cli.junit.inputProblem': 'input problem',
    'cli.junit.suppressed': 'suppressed ({kind}): {reason}',

    'cli.sarif.fullName': 'osa: the OSA policy linter for the Implementation Guidelines for Official Security Assistance',
    'cli.sarif.clause.guideline': 'Implementation Guidelines for Official Security Assistance, {clause}.',
    'cli.sarif.clause.data': 'Clause: data (a check of the reference data the other rules rely on).',
    'cli.sarif.clause.portfolio': 'Clause: portfolio (a check across the programmes of the input set).',
    'cli.sarif.clause.other': 'Clause: {clause}.',
    'cli.sarif.fullDescription': '{summary} {clause}',
    'cli.sarif.syntax.short': 'The file is not valid OSA: a parse error, an unresolved reference or a missing required declaration.',
    'cli.sarif.syntax.full': 'The file is not valid OSA: a parse error, an unresolved reference or a missing required declaration. These are the language\'s own errors, not guideline rules; while they remain, other findings may be missing or misleading.',
    'cli.sarif.suppression.short': 'A suppression comment is misused: it names no rule or an unknown rule, gives no reason, or silences nothing.',
    'cli.sarif.suppression.full': 'A suppression comment is misused: it names no rule or an unknown rule, gives no reason, or silences nothing. Suppressions are the audit trail of waivers, so each must name its rules and give a reason.',
    'cli.sarif.unknown.short': 'Findings reported under the code {id}.',
    'cli.sarif.unknown.full': 'Findings reported under the code {id}, which is not in the rule list of this osa version.',

    'cli.rules.header.id': 'ID',
    'cli.rules.header.name': 'NAME',
    'cli.rules.header.severity': 'SEVERITY',
    'cli.rules.header.clause': 'CLAUSE',
    'cli.rules.header.summary': 'SUMMARY',

    'cli.explain.notInstalled': 'osa: the documentation page {page} is not installed with this copy of osa',
    'cli.explain.languageReference': 'The language reference (every construct, property and term): {path} ({url})',
    'cli.explain.englishFallback': 'osa: the Japanese page {page} is not installed with this copy of osa; showing the English page.',

    'cli.init.notEmpty': 'osa: {dir} is not empty; run `osa init` in an empty folder so nothing is overwritten',
    'cli.init.created': 'created {file}',
    'cli.init.next': 'Next: edit the programme, then run `osa validate`.',
    'cli.init.programmeComment': '// A starter OSA programme sheet. Replace the example content with the programme\'s own;\n// run `osa validate` to check it against the Implementation Guidelines, and\n// `osa explain <ID>` to read about any finding.',
    'cli.init.title': 'Coastal surveillance radars for the Navy',
    'cli.init.recipientComment': 'ISO 3166-1 alpha-3 code of the recipient country',
    'cli.init.beneficiary': 'Philippine Navy',
    'cli.init.fieldComment': 'rule-of-law, humanitarian or peace-cooperation (§2(2))',
    'cli.init.item': 'Coastal surveillance radar',
    'cli.init.assessmentComment': 'the six topics weighed when choosing a recipient (§3(2))',
    'cli.init.onFile': 'Reference of the assessment on file',
    'cli.init.socioEconomic': 'Lower-middle-income country on the DAC List of ODA Recipients',
    'cli.init.securityNeeds': 'Maritime domain awareness',
    'cli.init.bilateralRelations': 'Strategic partnership',
    'cli.init.templateComment': '// The clauses every OSA agreement must contain (§3(3)); programmes use it with\n// `agreement uses StandardExchangeOfNotes signed YYYY-MM-DD`.',
    'cli.init.templateTitle': 'Exchange of notes with the standard OSA conditions',

    'cli.printConfig.invalid': 'osa: invalid configuration: {message}'
} satisfies Record<string, string>;
