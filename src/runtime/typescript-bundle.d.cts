/** Project root (the folder with package.json). */
export declare const ROOT: string;
/** Path of an up-to-date CommonJS bundle of a TypeScript entry point (absolute path), built on demand. */
export declare function ensureBundle(entry: string): Promise<string>;
/** Path of the bundle of an entry point when it is up to date (or prebuilt), synchronously; undefined when it must be built. */
export declare function freshBundle(entry: string): string | undefined;
/** Runs an entry point (path relative to the project root) from its bundle. */
export declare function runEntry(entry: string): Promise<void>;
/** Builds the package's prebuilt bundle of an entry point (absolute path) into `outDir`; returns its path. */
export declare function buildPrebuilt(entry: string, outDir: string): Promise<string>;
