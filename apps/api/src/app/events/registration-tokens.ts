import type { EntityManager } from 'typeorm';
import type { LinkTokens } from '../common/link-tokens';

/**
 * A registration's check-in code: derived from its id, so only its hash is stored. A registration
 * made before codes were derived has a hash of a random code nobody can rebuild; the first time its
 * code is needed again (a mail, the registrant's page) the stored hash moves to the derived code.
 */
export async function checkInTokenOf(
  db: EntityManager,
  tokens: LinkTokens,
  reg: { id: string; checkInTokenHash: string },
): Promise<string> {
  const token = tokens.token('registration_check_in', reg.id);
  const hash = tokens.hash('registration_check_in', reg.id);
  if (reg.checkInTokenHash !== hash) {
    await db.query(`UPDATE registration SET check_in_token_hash = $2 WHERE id = $1`, [reg.id, hash]);
    reg.checkInTokenHash = hash;
  }
  return token;
}

/** The cancel token of a public registration (null for registrations made with an account). */
export function cancelTokenOf(tokens: LinkTokens, reg: { id: string; cancelTokenHash: string | null }): string | null {
  if (!reg.cancelTokenHash) return null;
  const token = tokens.token('registration_cancel', reg.id);
  // an older registration's random token can't be rebuilt: its link was in the mail already sent
  return tokens.hash('registration_cancel', reg.id) === reg.cancelTokenHash ? token : null;
}
