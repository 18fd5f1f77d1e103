// Byte helpers shared by the stdio transport, the bridge's pipe and the PNG codec.

/** The parts one after another; a single part is returned as it is (not copied). */
export function concatBytes(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
