/** Where a bug in osa should be reported (kept light: the CLI imports it before loading the parser). */
export const REPORT_BUGS_URL = 'https://github.com/osa-policy/osa-policy/issues';
