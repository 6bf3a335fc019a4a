import { randomUUID } from 'node:crypto';

/** Ids are UUIDs made by the application, stored as varchar(36) on SQLite and PostgreSQL alike. */
export const newId = (): string => randomUUID();
