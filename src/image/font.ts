// A 5x7 bitmap font (one byte a row, the same glyphs as the simulator's sim_pixels.py), for
// timecode labels and names drawn into images. Lowercase is drawn as uppercase.
const CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.,:;-_/\\()[]#'\"!?+=%&*<>@|~^${}";
const DATA =
  "0e11131519110e040c040404040e0e11010204081f1e01010e01011e02060a121f02021f101e0101110e" +
  "0e10101e11110e1f0102040808080e11110e11110e0e11110f01010e0e11111f1111111e11111e11111e" +
  "0e11101010110e1e11111111111e1f10101e10101f1f10101e1010100e11101711110f1111111f111111" +
  "0e04040404040e0702020202120c111214181412111010101010101f111b1515111111111915131111110e" +
  "11111111110e1e11111e1010100e11111115120d1e11111e1412110f10100e01011e1f04040404040411" +
  "11111111110e11111111110a041111111515150a11110a040a111111110a040404041f01020408101f00" +
  "000000000c0c000000000c0408000c0c000c0c00000c0c000c04080000001f0000000000000000001f01" +
  "0202040808101008080402020102040808080402080402020204080e08080808080e0e02020202020e0a" +
  "0a1f0a1f0a0a040408000000000a0a0000000000040404040400040e1101020400040004041f04040000" +
  "001f001f0000191902040813130c12140815120d00150e1f0e150002040810080402080402010204080e" +
  "11171517100f0404040404040400000815020000040a1100000000040f140e051e040204040804040208" +
  "040402040408";

const BLANK = [0, 0, 0, 0, 0, 0, 0];
const glyphs = new Map<string, number[]>();
for (let i = 0; i < CHARS.length; i++) {
  glyphs.set(
    CHARS[i],
    Array.from(
      { length: 7 },
      (_, r) => parseInt(DATA.slice(i * 14 + r * 2, i * 14 + r * 2 + 2), 16),
    ),
  );
}

/** Glyph rows (bit 4 is the leftmost pixel) of a character; unknown ones draw as '?'. */
export function glyph(ch: string): number[] {
  if (ch === " ") return BLANK;
  return glyphs.get(ch.toUpperCase()) ?? glyphs.get("?")!;
}

export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;
/** Horizontal advance of one character at scale 1 (a column of space between glyphs). */
export const ADVANCE = 6;
