/** A small reader of zip archives (a .vsix is one): the central directory, and one entry's bytes. */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
    name: string;
    method: number;
    compressedSize: number;
    size: number;
    localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries listed in the central directory, in archive order. */
export function readZipEntries(zip: Buffer): ZipEntry[] {
    // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
    let eocd = -1;
    for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
        if (zip.readUInt32LE(i) === EOCD) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0) {
        throw new Error('not a zip archive: no end-of-central-directory record');
    }
    const count = zip.readUInt16LE(eocd + 10);
    let offset = zip.readUInt32LE(eocd + 16);
    const entries: ZipEntry[] = [];
    for (let i = 0; i < count; i++) {
        if (zip.readUInt32LE(offset) !== CENTRAL) {
            throw new Error(`bad central directory entry at ${offset}`);
        }
        const nameLength = zip.readUInt16LE(offset + 28);
        const extraLength = zip.readUInt16LE(offset + 30);
        const commentLength = zip.readUInt16LE(offset + 32);
        entries.push({
            method: zip.readUInt16LE(offset + 10),
            compressedSize: zip.readUInt32LE(offset + 20),
            size: zip.readUInt32LE(offset + 24),
            localHeaderOffset: zip.readUInt32LE(offset + 42),
            name: zip.toString('utf-8', offset + 46, offset + 46 + nameLength)
        });
        offset += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}

/** An entry's uncompressed bytes (stored or deflated). */
export function readZipEntry(zip: Buffer, entry: ZipEntry): Buffer {
    const at = entry.localHeaderOffset;
    if (zip.readUInt32LE(at) !== LOCAL) {
        throw new Error(`bad local header for ${entry.name}`);
    }
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const data = zip.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
        return Buffer.from(data);
    }
    if (entry.method === 8) {
        return inflateRawSync(data);
    }
    throw new Error(`${entry.name}: unsupported compression method ${entry.method}`);
}
