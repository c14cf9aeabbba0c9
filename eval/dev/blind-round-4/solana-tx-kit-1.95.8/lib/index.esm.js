import m from './index.cjs.js';
export const { LAMPORTS_PER_SOL, PublicKey, Keypair, Transaction, Connection } = m;
