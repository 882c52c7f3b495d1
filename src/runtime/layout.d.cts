/** The package's root (the folder with its package.json), in both layouts. */
export declare const ROOT: string;
/** True in this repository, where the TypeScript sources are; false in the installed package. */
export declare const FROM_SOURCE: boolean;
/** Prebuilt bundles of the entry points (package layout). */
export declare const DIST_DIR: string;
/** The browser code: src/ here, lib/ in the package. */
export declare const CLIENT_DIR: string;
/** node_modules/.cache/stellenwissen of the project using the tool. */
export declare const CACHE_DIR: string;
/** File name of the prebuilt bundle of an entry point (path relative to ROOT). */
export declare function prebuiltName(entry: string): string;
/** The module to load for an entry point: its source here, its prebuilt bundle in the package. */
export declare function entryModule(entry: string): string;
/** A browser module (path under src/ without extension) in this layout. */
export declare function clientModule(path: string): string;
