import { Connection, Keypair, PublicKey } from "@solana/web3.js";
import bs58 from "./vendor/bs58-fast/index.js";
import fs from "node:fs";

/** Load a keypair from a base58 secret or a Solana CLI JSON file. */
export function loadSigner(src) {
  if (typeof src === "string" && fs.existsSync(src)) return Keypair.fromSecretKey(Uint8Array.from(JSON.parse(fs.readFileSync(src, "utf8"))));
  return Keypair.fromSecretKey(bs58.decode(src));
}

/** Agent tool: create a token launch draft (metadata only, no on-chain writes). */
export async function draftLaunch({ rpc, signer, name, symbol, supply }) {
  const conn = new Connection(rpc || "https://api.mainnet-beta.solana.com");
  const kp = loadSigner(signer);
  const bal = await conn.getBalance(kp.publicKey);
  return { creator: kp.publicKey.toBase58(), balanceLamports: bal, name, symbol, supply, mintAddress: bs58.encode(Keypair.generate().publicKey.toBytes()) };
}

export const tools = [
  { name: "draft_launch", description: "Prepare a Solana token launch draft for review", run: draftLaunch },
  { name: "address_of", description: "Show the public address of the configured signer", run: ({ signer }) => loadSigner(signer).publicKey.toBase58() },
];
export { PublicKey };
