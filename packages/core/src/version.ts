/** Bengal's version; part of the cache key and the generator tag. */
export const VERSION = "0.1.0";
