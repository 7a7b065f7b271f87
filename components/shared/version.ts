/** The package version, stamped on every element class so two copies of the bundle can tell each other apart. */
export const VERSION = '0.1.0';
