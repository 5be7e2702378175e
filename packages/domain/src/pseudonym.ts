/**
 * Pseudonyms for blind review: four characters of an alphabet without look-alikes (no 0/O, 1/I/L),
 * drawn from random bytes by the caller and stored, so a candidate keeps its pseudonym for good.
 */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const PSEUDONYM_LENGTH = 4;

export function pseudonymFromBytes(bytes: Uint8Array): string {
  if (bytes.length < PSEUDONYM_LENGTH) throw new Error(`a pseudonym needs ${PSEUDONYM_LENGTH} random bytes`);
  let code = "";
  for (let i = 0; i < PSEUDONYM_LENGTH; i++) code += ALPHABET[(bytes[i] as number) % ALPHABET.length];
  return code;
}
