import pkg from '../../package.json' with { type: 'json' };

/** The package version, as `fans --version` prints it. */
export const version: string = pkg.version;
