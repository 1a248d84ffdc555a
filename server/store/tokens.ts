// Character tokens: 32 random bytes, shown to the client once and kept only as a SHA-256 hash.
// A token has 256 bits of entropy, so a fast hash is enough (slow hashes are for guessable passwords).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): Uint8Array {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Constant-time comparison, so response timing says nothing about how close a guess was. */
export function tokenMatches(token: string, hash: Uint8Array): boolean {
  const given = hashToken(token);
  return given.length === hash.length && timingSafeEqual(given, hash);
}
