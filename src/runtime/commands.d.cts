/** Tool command (= scripts/<command>.ts) → German one-line description. */
export declare const TOOLS: Record<string, string>;
/** Site command (run by Docusaurus) → German one-line description. */
export declare const SITE: Record<string, string>;
