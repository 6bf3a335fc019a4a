import { StreamableFile } from '@nestjs/common';

/** A file a service hands out: its bytes, what they are, and the name a browser saves them under (none: shown inline). */
export interface FileDownload {
  bytes: Buffer;
  contentType: string;
  filename?: string;
}

/**
 * The HTTP side of a file: a controller returns `download(await service.x(...))` and Nest sets the
 * type, disposition and length. Caching is decided once for the API (request-guards: no-store).
 */
export function download(file: FileDownload): StreamableFile {
  return new StreamableFile(file.bytes, {
    type: file.contentType,
    disposition: file.filename ? `attachment; filename="${file.filename}"` : undefined,
    length: file.bytes.length,
  });
}
