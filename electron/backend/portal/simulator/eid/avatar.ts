import { createHash } from 'node:crypto';
import { encodePngRgb, pngDataUrl } from './png';

/*
 * A deterministic face picture for a demo holder: background, shoulders, neck, head, hair,
 * eyes and mouth, with colours picked from a hash of the seed. Simple shapes, so the picture
 * is obviously synthetic, but it reads as a portrait at one metre.
 */

type Rgb = readonly [number, number, number];

const SKIN: readonly Rgb[] = [[241, 204, 170], [224, 180, 140], [198, 150, 110], [160, 115, 80]];
const HAIR: readonly Rgb[] = [[40, 30, 25], [90, 60, 35], [160, 120, 70], [200, 190, 180], [120, 40, 30]];
const BACKGROUND: readonly Rgb[] = [[200, 215, 230], [215, 225, 210], [230, 220, 205], [210, 210, 225]];
const CLOTHES: readonly Rgb[] = [[40, 50, 80], [60, 60, 60], [30, 70, 60], [90, 40, 50]];

const pick = <T>(list: readonly T[], byte: number): T => list[byte % list.length] as T;

function inEllipse(x: number, y: number, cx: number, cy: number, rx: number, ry: number): boolean {
  const dx = (x - cx) / rx;
  const dy = (y - cy) / ry;
  return dx * dx + dy * dy <= 1;
}

/** The colour of pixel (x, y) in unit coordinates (0..1) of the portrait. */
function shade(x: number, y: number, palette: { skin: Rgb; hair: Rgb; bg: Rgb; clothes: Rgb; long: boolean }): Rgb {
  const { skin, hair, bg, clothes, long } = palette;
  if (inEllipse(x, y, 0.39, 0.43, 0.035, 0.025) || inEllipse(x, y, 0.61, 0.43, 0.035, 0.025)) return [30, 30, 40];
  if (inEllipse(x, y, 0.5, 0.6, 0.08, 0.02)) return [150, 60, 60];
  const face = inEllipse(x, y, 0.5, 0.46, 0.2, 0.25);
  const hairCap = inEllipse(x, y, 0.5, 0.36, 0.23, 0.2) && y < 0.36;
  const hairSides = long && inEllipse(x, y, 0.5, 0.5, 0.25, 0.3) && !face;
  if (hairCap || hairSides) return hair;
  if (face || (x > 0.44 && x < 0.56 && y > 0.66 && y < 0.8)) return skin;
  if (inEllipse(x, y, 0.5, 1.05, 0.42, 0.3)) return clothes;
  return bg;
}

/** Raw RGB pixels of the avatar for `seed`, `size` x `size`. */
export function renderAvatar(seed: string, size: number): Uint8Array {
  const h = createHash('sha256').update(seed, 'utf8').digest();
  const palette = {
    skin: pick(SKIN, h[0] ?? 0),
    hair: pick(HAIR, h[1] ?? 0),
    bg: pick(BACKGROUND, h[2] ?? 0),
    clothes: pick(CLOTHES, h[3] ?? 0),
    long: ((h[4] ?? 0) & 1) === 1,
  };
  const rgb = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const [r, g, b] = shade((x + 0.5) / size, (y + 0.5) / size, palette);
      const i = (y * size + x) * 3;
      rgb[i] = r;
      rgb[i + 1] = g;
      rgb[i + 2] = b;
    }
  }
  return rgb;
}

/** The avatar for `seed` as a PNG data URL (default 96 x 96 pixels). */
export function avatarDataUrl(seed: string, size = 96): string {
  return pngDataUrl(encodePngRgb(size, size, renderAvatar(seed, size)));
}
