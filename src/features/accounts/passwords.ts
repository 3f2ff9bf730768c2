// The native argon2 module is loaded when a password is hashed or checked, not by every command that starts.
const argon2 = () => import('@node-rs/argon2');

// argon2id with the library's defaults (m=19456 KiB, t=2, p=1), as OWASP recommends.
export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password);
}

// Verified against when an account does not exist, so that a wrong e-mail costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  const { hash, verify } = await argon2();
  if (!stored) {
    dummyHash ??= hash('not a real password');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
