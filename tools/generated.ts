// Generators (npm run map, art, audio) write through here, so they never overwrite a file someone edited
// by hand. assets/generated.json keeps the SHA-256 of what a generator last wrote to each file; a file
// on disk that differs from it was changed since, and the generator refuses (exit 1, nothing written)
// unless run with --force.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const MANIFEST = 'assets/generated.json';

export interface Output {
  /** Path under the repository root, with forward slashes. */
  path: string;
  bytes: Uint8Array | string;
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

function readManifest(root: string): Record<string, string> {
  const file = join(root, MANIFEST);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

/** True if the file exists and is not what a generator last wrote (or no generator ever wrote it). */
export function isHandEdited(root: string, path: string): boolean {
  const file = join(root, path);
  if (!existsSync(file)) return false;
  return readManifest(root)[path] !== sha256(readFileSync(file));
}

/** The outputs that would overwrite hand edits: on disk, different from both the manifest and the new bytes. */
export function refusals(root: string, outputs: readonly Output[]): string[] {
  const manifest = readManifest(root);
  return outputs
    .filter((o) => {
      const file = join(root, o.path);
      if (!existsSync(file)) return false;
      const now = sha256(readFileSync(file));
      return now !== manifest[o.path] && now !== sha256(o.bytes);
    })
    .map((o) => o.path);
}

/**
 * Writes every output and records it in the manifest, or, if any would overwrite a hand edit (and not
 * `force`), writes nothing, explains, and returns false.
 */
export function writeGenerated(
  root: string,
  command: string,
  outputs: readonly Output[],
  force = process.argv.includes('--force'),
): boolean {
  const refused = force ? [] : refusals(root, outputs);
  if (refused.length) {
    console.error(
      `${command} did not write anything: ${refused.length} file(s) changed since it last wrote them ` +
        `(edited by hand?):\n${refused.map((p) => `  ${p}`).join('\n')}\n` +
        `Your edits are the source now. To keep them, copy the file to a new name (and point the game or ` +
        `your data at it) or keep it and run the generator only when you mean to. ` +
        `To throw the edits away and regenerate: ${command} -- --force`,
    );
    return false;
  }
  const manifest = readManifest(root);
  for (const o of outputs) {
    const file = join(root, o.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, o.bytes);
    manifest[o.path] = sha256(o.bytes);
  }
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(join(root, MANIFEST), JSON.stringify(sorted, null, 2) + '\n');
  return true;
}
