// A tiny PNG toolkit with no dependency (node:zlib only): an RGBA encoder (the icon), a decoder for
// the 8-bit, non-interlaced PNGs a browser's screenshot is, and a 256-colour quantizer that writes an
// indexed PNG, so that the README's screenshot stays small in the repository.
import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) {
        c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return c >>> 0;
});

export function crc32(bytes) {
    let c = 0xffffffff;
    for (const b of bytes) {
        c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
    }
    return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
}

function header(width, height, colourType) {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr[8] = 8;            // bit depth
    ihdr[9] = colourType;   // 6: RGBA, 3: palette
    return chunk('IHDR', ihdr);
}

/** Rows of `bytesPerRow` bytes, each with filter byte 0 (none). */
function unfilteredRows(height, bytesPerRow, source) {
    const raw = Buffer.alloc((bytesPerRow + 1) * height);
    for (let y = 0; y < height; y++) {
        source.copy(raw, y * (bytesPerRow + 1) + 1, y * bytesPerRow, (y + 1) * bytesPerRow);
    }
    return raw;
}

/** RGBA pixels (width × height × 4 bytes) → PNG bytes (colour type 6, 8 bits, no interlace). */
export function encodePng(width, height, rgba) {
    return Buffer.concat([
        SIGNATURE,
        header(width, height, 6),
        chunk('IDAT', deflateSync(unfilteredRows(height, width * 4, rgba), { level: 9 })),
        chunk('IEND', Buffer.alloc(0))
    ]);
}

function paeth(a, b, c) {
    const p = a + b - c;
    const pa = Math.abs(p - a);
    const pb = Math.abs(p - b);
    const pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** PNG bytes (8-bit RGB or RGBA, not interlaced) → { width, height, rgba }. */
export function decodePng(bytes) {
    if (!bytes.subarray(0, 8).equals(SIGNATURE)) {
        throw new Error('not a PNG file');
    }
    let offset = 8;
    let width = 0, height = 0, colourType = 0;
    const data = [];
    while (offset < bytes.length) {
        const length = bytes.readUInt32BE(offset);
        const type = bytes.toString('ascii', offset + 4, offset + 8);
        const body = bytes.subarray(offset + 8, offset + 8 + length);
        if (type === 'IHDR') {
            width = body.readUInt32BE(0);
            height = body.readUInt32BE(4);
            colourType = body[9];
            if (body[8] !== 8 || body[12] !== 0 || (colourType !== 2 && colourType !== 6)) {
                throw new Error('only 8-bit, non-interlaced RGB or RGBA PNGs are supported');
            }
        } else if (type === 'IDAT') {
            data.push(body);
        }
        offset += 12 + length;
    }
    const channels = colourType === 6 ? 4 : 3;
    const stride = width * channels;
    const raw = inflateSync(Buffer.concat(data));
    const pixels = Buffer.alloc(stride * height);
    for (let y = 0; y < height; y++) {
        const filter = raw[y * (stride + 1)];
        const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
        for (let x = 0; x < stride; x++) {
            const left = x >= channels ? pixels[y * stride + x - channels] : 0;
            const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
            const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels] : 0;
            const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
            pixels[y * stride + x] = (line[x] + predictor) & 0xff;
        }
    }
    const rgba = Buffer.alloc(width * height * 4);
    for (let i = 0; i < width * height; i++) {
        rgba[i * 4] = pixels[i * channels];
        rgba[i * 4 + 1] = pixels[i * channels + 1];
        rgba[i * 4 + 2] = pixels[i * channels + 2];
        rgba[i * 4 + 3] = channels === 4 ? pixels[i * channels + 3] : 255;
    }
    return { width, height, rgba };
}

/**
 * An opaque image → an indexed PNG of at most 256 colours: the most frequent colours (on a 5-bit
 * grid, so near shades of anti-aliased text share a slot) form the palette, each pixel takes the
 * nearest. Screenshots of an editor have few colours; this keeps them sharp and about half the size.
 */
export function quantizePng(width, height, rgba) {
    const counts = new Map();
    const sums = new Map();
    for (let i = 0; i < width * height; i++) {
        const r = rgba[i * 4], g = rgba[i * 4 + 1], b = rgba[i * 4 + 2];
        const key = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);
        counts.set(key, (counts.get(key) ?? 0) + 1);
        const sum = sums.get(key) ?? [0, 0, 0];
        sum[0] += r;
        sum[1] += g;
        sum[2] += b;
        sums.set(key, sum);
    }
    const palette = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 256)
        .map(([key, n]) => sums.get(key).map(v => Math.round(v / n)));
    const nearest = new Map();
    const indexOf = (r, g, b) => {
        const key = (r << 16) | (g << 8) | b;
        let index = nearest.get(key);
        if (index === undefined) {
            let best = Infinity;
            palette.forEach(([pr, pg, pb], i) => {
                const d = 2 * (pr - r) ** 2 + 4 * (pg - g) ** 2 + 3 * (pb - b) ** 2;
                if (d < best) {
                    best = d;
                    index = i;
                }
            });
            nearest.set(key, index);
        }
        return index;
    };
    const indices = Buffer.alloc(width * height);
    for (let i = 0; i < width * height; i++) {
        indices[i] = indexOf(rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]);
    }
    return Buffer.concat([
        SIGNATURE,
        header(width, height, 3),
        chunk('PLTE', Buffer.from(palette.flat())),
        chunk('IDAT', deflateSync(unfilteredRows(height, width, indices), { level: 9 })),
        chunk('IEND', Buffer.alloc(0))
    ]);
}

/** A screenshot (PNG bytes) → a smaller indexed PNG of the same picture. */
export function shrinkScreenshot(bytes) {
    const { width, height, rgba } = decodePng(bytes);
    return quantizePng(width, height, rgba);
}
