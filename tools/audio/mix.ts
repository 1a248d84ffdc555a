// Putting tones together: mixing at an offset, folding a loop's tail back to its start, an echo,
// and levels (peak, RMS, normalizing with headroom).

/** Adds `source × gain` into `target` starting at sample `offset`; what runs past the end is dropped. */
export function mixInto(target: Float32Array, source: Float32Array, offset: number, gain = 1): void {
  const end = Math.min(source.length, target.length - offset);
  for (let i = Math.max(0, -offset); i < end; i++) {
    target[offset + i] = (target[offset + i] ?? 0) + (source[i] ?? 0) * gain;
  }
}

/**
 * A loop's notes ring past its end; adding that tail onto the start makes the loop seamless, as if
 * the previous time round were still sounding.
 */
export function foldLoop(rendered: Float32Array, loopLength: number): Float32Array {
  const loop = rendered.slice(0, loopLength);
  for (let i = loopLength; i < rendered.length; i++) {
    const j = i % loopLength;
    loop[j] = (loop[j] ?? 0) + (rendered[i] ?? 0);
  }
  return loop;
}

/**
 * A feedback echo that wraps around the buffer, so a looped track's echoes carry over the loop
 * point. Runs a few passes: each adds the echoes of the round before.
 */
export function loopedEcho(
  buffer: Float32Array,
  delaySamples: number,
  feedback: number,
  wet: number,
): Float32Array {
  const n = buffer.length;
  const echoes = new Float32Array(n);
  for (let pass = 0; pass < 6; pass++) {
    for (let i = 0; i < n; i++) {
      const j = (i - delaySamples + n * 4) % n;
      echoes[i] = ((buffer[j] ?? 0) + (echoes[j] ?? 0)) * feedback;
    }
  }
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (buffer[i] ?? 0) + (echoes[i] ?? 0) * wet;
  return out;
}

export function peak(buffer: Float32Array): number {
  let p = 0;
  for (const s of buffer) p = Math.max(p, Math.abs(s));
  return p;
}

export function rms(buffer: Float32Array): number {
  let sum = 0;
  for (const s of buffer) sum += s * s;
  return Math.sqrt(sum / Math.max(1, buffer.length));
}

export const dbfs = (level: number): number => 20 * Math.log10(Math.max(level, 1e-9));

/**
 * Scales a mix to a target loudness (RMS) without letting its peak pass `ceiling`: the headroom that
 * keeps a sum of voices from clipping. Returns a new buffer.
 */
export function normalize(buffer: Float32Array, opts: { rms: number; ceiling: number }): Float32Array {
  const p = peak(buffer);
  const r = rms(buffer);
  if (p === 0) return buffer.slice();
  const gain = Math.min(opts.rms / r, opts.ceiling / p);
  return buffer.map((s) => s * gain);
}

/** A short linear fade at the end, so a one-shot effect never stops with a click. */
export function fadeOut(buffer: Float32Array, samples: number): Float32Array {
  const n = Math.min(samples, buffer.length);
  for (let i = 0; i < n; i++) {
    const k = buffer.length - n + i;
    buffer[k] = (buffer[k] ?? 0) * (1 - (i + 1) / n);
  }
  return buffer;
}
