import { OpenAIEmbeddings } from '@langchain/openai';
import { checkTexts } from './embedder.js';
import type { Embedder } from './embedder.js';
import { EmbeddingError } from './errors.js';

/** Options of {@link OpenAIEmbedder}. Everything is passed in: nothing is read from the environment. */
export interface OpenAIEmbedderOptions {
  /** Model name, e.g. `text-embedding-3-small`, or whatever an OpenAI-compatible server serves. */
  model: string;
  apiKey: string;
  /** OpenAI-compatible endpoint; default `https://api.openai.com/v1`. */
  baseURL?: string;
  /** Dimension of the vectors the model returns; every answer is checked against it. */
  dim: number;
  /** Ask the model to shorten its vectors to `dim` (text-embedding-3 models support this). */
  shorten?: boolean;
  /** Texts per request (default 256). */
  batchSize?: number;
  /** Retries on 429/5xx/network errors, with exponential backoff (default 2). */
  maxRetries?: number;
  timeoutMs?: number;
}

/**
 * An {@link Embedder} over any OpenAI-compatible `/v1/embeddings` endpoint (OpenAI, vLLM, Ollama,
 * llama.cpp server), through LangChain's `OpenAIEmbeddings`. Answers are checked: one finite
 * vector of `dim` numbers per text, or an {@link EmbeddingError}.
 *
 * @example
 * ```ts
 * const embedder = new OpenAIEmbedder({ model: 'text-embedding-3-small', apiKey: config.openaiApiKey, dim: 1536 });
 * const [vector] = await embedder.embed(['blue ceramic mug']);
 * ```
 */
export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  readonly dim: number;
  private readonly client: OpenAIEmbeddings;

  constructor(options: OpenAIEmbedderOptions) {
    this.dim = options.dim;
    this.id = `openai:${options.model}/${options.dim}`;
    this.client = new OpenAIEmbeddings({
      model: options.model,
      apiKey: options.apiKey,
      // Explicit values (null included) so that neither LangChain nor the OpenAI client falls back
      // to OPENAI_BASE_URL, OPENAI_ORG_ID or OPENAI_PROJECT_ID from the environment.
      configuration: {
        baseURL: options.baseURL ?? 'https://api.openai.com/v1',
        organization: null,
        project: null,
      },
      encodingFormat: 'float',
      batchSize: options.batchSize ?? 256,
      maxRetries: options.maxRetries ?? 2,
      ...(options.shorten === true ? { dimensions: options.dim } : {}),
      ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
    });
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    checkTexts(texts);
    if (texts.length === 0) return [];
    const vectors = await this.client.embedDocuments([...texts]);
    if (vectors.length !== texts.length) {
      throw new EmbeddingError(
        `The embedding service returned ${vectors.length} vectors for ${texts.length} texts.`,
        {
          context: { model: this.id, expected: texts.length, received: vectors.length },
        },
      );
    }
    return vectors.map((vector, i) => {
      if (!Array.isArray(vector) || vector.length !== this.dim || !vector.every((x) => Number.isFinite(x))) {
        const received = Array.isArray(vector) ? `${vector.length} numbers` : typeof vector;
        throw new EmbeddingError(
          `The embedding service returned a bad vector for texts[${i}]: expected ${this.dim} finite numbers, received ${received}.`,
          { context: { model: this.id, index: i, expected: this.dim, received } },
        );
      }
      return Float32Array.from(vector);
    });
  }
}
