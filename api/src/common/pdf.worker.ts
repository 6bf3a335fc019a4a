import { move } from 'piscina';
import { renderMinutesPdf, type MinutesPdfInput } from '../meetings/minutes/minutes-pdf';

/**
 * What a PDF worker renders. Everything in it is already decided: the request handler applied the
 * disclosure policy in the main thread, so a task holds only what the reader may see, as plain data
 * (structured-cloned into the worker). A worker never looks anything up and never decides privacy.
 */
export interface MinutesPdfTask {
  kind: 'minutes';
  input: MinutesPdfInput;
  reader: { name: string; organisation: string };
  now: Date;
}

export type PdfTask = MinutesPdfTask;

/** The worker's entry (piscina calls the default export): the task's PDF, its bytes moved back, not copied. */
export default async function render(task: PdfTask): Promise<unknown> {
  const bytes = await renderMinutesPdf(task.input, task.reader, task.now);
  // A buffer of its own (Buffer.concat may hand out a slice of a shared pool), so it can be transferred.
  const own = new Uint8Array(bytes.length);
  own.set(bytes);
  return move(own.buffer);
}
