package dev.workflowengine.ollama;

/**
 * What a call is for, which decides its timeouts: generation waits for a model to load, a stream
 * then watches for silence, management calls are quick, progress streams may last hours.
 */
enum Purpose {
  /** A streamed chat or generate answer: first-chunk, idle and total timeouts. */
  STREAM,
  /** A non-streaming chat, generate or embed: the first-chunk timeout bounds the whole answer. */
  GENERATION,
  /** A pull, push or create progress stream: first-chunk and idle timeouts, no total. */
  PROGRESS,
  /** A quick call (tags, show, ps, version, copy, delete, blob check): the request timeout. */
  MANAGEMENT,
  /** A blob upload: the request timeout per read and write, none for the whole upload. */
  UPLOAD
}
