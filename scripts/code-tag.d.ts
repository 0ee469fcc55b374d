export declare const lazyWrapper: (tag: string) => string;
export declare const codeTag: (text: string) => string;
export declare const wrapLazy: (body: string) => string;
export declare const unwrapLazy: (text: string) => string;
