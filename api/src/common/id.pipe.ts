import { NotFoundException, ParseUUIDPipe } from '@nestjs/common';

/** Route ids are UUIDs; anything else names nothing that exists. */
export const IdPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('Niet gevonden.') });
