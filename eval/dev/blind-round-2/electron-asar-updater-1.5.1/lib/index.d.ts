import { EventEmitter } from 'events';
export declare class AsarUpdater extends EventEmitter {
  constructor(o: { app: unknown; feedUrl: string; publicKey: string; fetch?: typeof fetch });
  check(): Promise<{ version: string; url: string; sha512: string; signature: string } | null>;
  download(manifest: { version: string; url: string; sha512: string; signature: string }): Promise<string>;
  quitAndInstall(): void;
}
