import { createHmac } from 'node:crypto';

/** Thai consonants in everyday use (no obsolete ฃ ฅ), for the first mark of an alias. */
const CONSONANTS = 'กขคงจฉชซญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ';

/**
 * A stable, short stand-in for a person in one group ("ก-3F2A"), for members
 * who may not see who they are. Keyed per installation and per group, so the
 * same person has unrelated aliases in two groups and nobody can recompute
 * one from an id without the key.
 */
export function aliasOf(key: Buffer, groupId: string, personId: string): string {
  const mac = createHmac('sha256', key).update(`${groupId}:${personId}`).digest();
  const letter = CONSONANTS[mac.readUInt16BE(0) % CONSONANTS.length];
  return `${letter}-${mac.subarray(2, 4).toString('hex').toUpperCase()}`;
}
