export const ExitCode = {
    Ok: 0,
    Findings: 1,
    UsageOrIo: 2
} as const;

/** A mistake in how osa was called: reported in one line with exit code 2. */
export class UsageError extends Error { }

/** The report could not be written (--output): one line, exit code 2, and no partial file left behind. */
export class OutputError extends Error { }
