/**
 * Langium's file system provider, reading through safe-read: the language server loads workspace
 * files with it and the CLI's WorkspaceChecker reads every `.osa` file through `readSource`, so the
 * editor and the CLI refuse and report the same files in the same words.
 *
 * What reading found wrong with a file is kept per URI, with the text it applies to, so that the
 * document validator can report it: a file that could not be read at all (too large, binary, ...) is
 * loaded as an empty document carrying that problem; invalid UTF-8 is a finding on the decoded text.
 */
import type { LangiumDocument, URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import type { Message } from '../i18n/message.js';
import { MAX_SOURCE_BYTES, readTextFile, textOfBytes, type ReadOptions, type TextPosition } from './safe-read.js';
import { contentHash } from './content-hash.js';

export interface SourceIssue {
    /** The text the issue was found in: it applies only while the document still has this text. */
    text: string;
    /** The file could not be read; its document is empty. */
    problem?: string;
    /** The same as a catalogue message (rendered in the locale in force by the document validator). */
    detail?: Message;
    /** The first byte that is not UTF-8. */
    invalid?: TextPosition;
}

export type SourceRead = { text: string; invalid?: TextPosition } | { problem: string; detail: Message };

export class OsaFileSystemProvider extends NodeFileSystemProvider {
    /**
     * Folders symbolic links may lead into (the workspace folders, set by the server on initialize),
     * or 'anywhere' in a trusted workspace. Empty: links are not followed.
     */
    within: readonly string[] | 'anywhere' = [];
    private readonly issues = new Map<string, SourceIssue>();

    /**
     * When set (a run with the result cache), the content hash of the bytes each file was read from, by path:
     * results are stored under the hash of what was actually parsed, even if the file changes during the run.
     */
    contentHashes: Map<string, string> | undefined;

    /**
     * Bytes already read this run, by path, each used once: the CLI's workspace listing reads every file to find
     * its definitions, and the check then parses those very bytes instead of reading the file a second time.
     * Only bytes that readRegularFile returned under the same `within` belong here.
     */
    readonly prefetched = new Map<string, Buffer>();

    /** Reads an `.osa` file, remembering what was wrong with it for the document validator. */
    readSource(uri: URI, within: ReadOptions['within'] = this.within): SourceRead {
        const hashes = this.contentHashes;
        const onBytes = hashes && ((bytes: Buffer) => hashes.set(uri.fsPath, contentHash(bytes)));
        const read = this.readText(uri.fsPath, within, onBytes);
        const key = uri.toString();
        if ('problem' in read) {
            this.issues.set(key, { text: '', problem: read.problem, detail: read.detail });
            return { problem: read.problem, detail: read.detail };
        }
        if (read.invalid) {
            this.issues.set(key, { text: read.text, invalid: read.invalid });
        } else {
            this.issues.delete(key);
        }
        return read;
    }

    /** A file's text: from the bytes read earlier in the run if there are some, else read now. */
    readText(file: string, within: ReadOptions['within'], onBytes?: (bytes: Buffer) => void): ReturnType<typeof readTextFile> {
        const bytes = this.prefetched.get(file);
        if (bytes !== undefined) {
            this.prefetched.delete(file);
            return textOfBytes(bytes, onBytes);
        }
        return readTextFile(file, { maxBytes: MAX_SOURCE_BYTES, within }, onBytes);
    }

    /** What reading found wrong with the document's file, if the document still has the text read. */
    issueOf(document: LangiumDocument): SourceIssue | undefined {
        const issue = this.issues.get(document.uri.toString());
        return issue && issue.text === document.textDocument.getText() ? issue : undefined;
    }

    /** Drops what is remembered about files no longer loaded. */
    forget(uris: readonly URI[]): void {
        for (const uri of uris) {
            this.issues.delete(uri.toString());
            this.contentHashes?.delete(uri.fsPath);
            this.prefetched.delete(uri.fsPath);
        }
    }

    // The server's loading: a file that cannot be read becomes an empty document that reports why.
    override readFile(uri: URI): Promise<string> {
        return Promise.resolve(this.readFileSync(uri));
    }

    override readFileSync(uri: URI): string {
        const read = this.readSource(uri);
        return 'problem' in read ? '' : read.text;
    }
}

export const OsaFileSystem = {
    fileSystemProvider: () => new OsaFileSystemProvider()
};
