/** Project root (the folder with package.json). */
export declare const ROOT: string;
/** Path of an up-to-date CommonJS bundle of a TypeScript entry point (absolute path), built on demand. */
export declare function ensureBundle(entry: string): Promise<string>;
/** Runs an entry point (path relative to the project root) from its bundle. */
export declare function runEntry(entry: string): Promise<void>;
