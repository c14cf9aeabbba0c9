export declare function register(tsconfigPath?: string): () => void;
