/** Row ids: random, so rows made on two machines never collide when a backup is restored. */
export const newId = (): string => crypto.randomUUID();
