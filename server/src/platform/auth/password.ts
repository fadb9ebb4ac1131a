import { hash, verify } from '@node-rs/argon2';

// 2 = Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const argon2id = 2;

const options = { algorithm: argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, options);
}

export async function verifyPassword(hashed: string, plain: string): Promise<boolean> {
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}

/** Password rules: 8–128 characters with at least one letter and one digit. Returns the broken rule, if any. */
export function passwordProblem(plain: string): 'tooShort' | 'tooLong' | 'needsLetterAndDigit' | null {
  if (plain.length < 8) return 'tooShort';
  if (plain.length > 128) return 'tooLong';
  if (!/[A-Za-z]/.test(plain) || !/\d/.test(plain)) return 'needsLetterAndDigit';
  return null;
}
