// Draws the extension's icon and writes it as a PNG with the tiny encoder of png.mjs (no dependency).
//
//   node scripts/icon.mjs     writes images/icon.png (128×128, the Marketplace's size) and
//                             images/osa-file.png (32×32, the icon of .osa files in the explorer)
//
// The picture: a white shield with a blue check mark on a navy rounded square: a policy checked
// against the guidelines. Anti-aliased by 4×4 supersampling. Both files are committed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

const NAVY = [0x1b, 0x36, 0x5d];
const WHITE = [0xff, 0xff, 0xff];
const BLUE = [0x2f, 0x7d, 0xd1];
const GOLD = [0xe8, 0xb9, 0x3a];

/** Distance from point p to the segment a–b. */
function segmentDistance(px, py, ax, ay, bx, by) {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The colour at (u, v) in [0, 1]², or undefined outside the rounded square. */
function paint(u, v, { background }) {
    const r = 0.18;
    const cx = Math.min(Math.max(u, r), 1 - r);
    const cy = Math.min(Math.max(v, r), 1 - r);
    if (background && Math.hypot(u - cx, v - cy) > r) {
        return undefined;
    }
    // The shield: straight top and sides, then a curve to a point at the bottom.
    const top = 0.17;
    const shoulder = 0.5;
    const bottom = 0.88;
    const half = 0.31;
    let width = 0;
    if (v >= top && v <= shoulder) {
        width = half;
    } else if (v > shoulder && v <= bottom) {
        width = half * Math.pow(Math.cos(((v - shoulder) / (bottom - shoulder)) * Math.PI / 2), 0.75);
    }
    const inShield = Math.abs(u - 0.5) <= width;
    const inRim = inShield && (Math.abs(u - 0.5) > width - 0.035 || v < top + 0.035);
    const check = Math.min(segmentDistance(u, v, 0.35, 0.5, 0.46, 0.62), segmentDistance(u, v, 0.46, 0.62, 0.67, 0.37));
    if (inShield && check < 0.055) {
        return BLUE;
    }
    if (inRim) {
        return GOLD;
    }
    if (inShield) {
        return WHITE;
    }
    return background ? NAVY : undefined;
}

export function drawIcon(size, { background = true } = {}) {
    const samples = 4;
    const rgba = Buffer.alloc(size * size * 4);
    for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
            let r = 0, g = 0, b = 0, a = 0;
            for (let sy = 0; sy < samples; sy++) {
                for (let sx = 0; sx < samples; sx++) {
                    const colour = paint((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size, { background });
                    if (colour) {
                        r += colour[0];
                        g += colour[1];
                        b += colour[2];
                        a += 1;
                    }
                }
            }
            const i = (y * size + x) * 4;
            if (a > 0) {
                rgba[i] = Math.round(r / a);
                rgba[i + 1] = Math.round(g / a);
                rgba[i + 2] = Math.round(b / a);
                rgba[i + 3] = Math.round((255 * a) / (samples * samples));
            }
        }
    }
    return encodePng(size, size, rgba);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const images = path.join(HERE, '..', 'images');
    fs.mkdirSync(images, { recursive: true });
    for (const [name, png] of [['icon.png', drawIcon(128)], ['osa-file.png', drawIcon(32, { background: false })]]) {
        fs.writeFileSync(path.join(images, name), png);
        console.log(`images/${name}: ${png.length} bytes`);
    }
}
