import { randomUUID } from 'node:crypto';
import { Document } from '@langchain/core/documents';
import type { DocumentInterface } from '@langchain/core/documents';
import { Embeddings } from '@langchain/core/embeddings';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { maximalMarginalRelevance } from '@langchain/core/utils/math';
import { VectorStore } from '@langchain/core/vectorstores';
import type { MaxMarginalRelevanceSearchOptions } from '@langchain/core/vectorstores';
import { InvalidInputError } from '../src/core/errors.js';
import type { Embedder } from './embedder.js';
import type { Metadata, VectorMemory } from './vector-memory.js';
import type { MetadataFilter } from './metadata-filter.js';

/**
 * A LangChain `Embeddings` over an {@link Embedder}, so LangChain code can use the offline embedder.
 *
 * @example
 * ```ts
 * const embeddings = new EmbedderEmbeddings(createOfflineEmbedder());
 * await embeddings.embedQuery('refund'); // number[]
 * ```
 */
export class EmbedderEmbeddings extends Embeddings {
  constructor(readonly embedder: Embedder) {
    super({});
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return (await this.embedder.embed(documents)).map((vector) => Array.from(vector));
  }

  async embedQuery(document: string): Promise<number[]> {
    const [vector] = await this.embedder.embed([document]);
    return Array.from(vector!);
  }
}

/** Options of {@link LodestoneVectorStore.addVectors} and `addDocuments`. */
export interface AddOptions {
  /** Ids, one per document; otherwise each document's `id`, otherwise a random UUID. */
  ids?: string[];
}

/**
 * A LangChain `VectorStore` over a {@link VectorMemory}: `addDocuments`, `addVectors`, `delete`,
 * `similaritySearch(WithScore)`, `maxMarginalRelevanceSearch` and `asRetriever()` behave as
 * LangChain users expect. Filters are {@link MetadataFilter}s; scores are cosine similarities.
 *
 * @example
 * ```ts
 * const store = new LodestoneVectorStore(new EmbedderEmbeddings(embedder), { memory });
 * await store.addDocuments([new Document({ pageContent: 'How do I get a refund?', metadata: { intent: 'refund' } })]);
 * const docs = await store.asRetriever({ k: 2 }).invoke('money back');
 * ```
 */
export class LodestoneVectorStore extends VectorStore {
  declare FilterType: MetadataFilter;
  readonly memory: VectorMemory;

  constructor(embeddings: EmbeddingsInterface, args: { memory: VectorMemory }) {
    // The memory is not handed to LangChain's serialisable kwargs: it is a live resource.
    super(embeddings, {});
    this.memory = args.memory;
  }

  _vectorstoreType(): string {
    return 'lodestone';
  }

  async addVectors(
    vectors: number[][],
    documents: DocumentInterface[],
    options: AddOptions = {},
  ): Promise<string[]> {
    if (vectors.length !== documents.length) {
      throw new InvalidInputError('vectors', `one vector per document (${documents.length})`, vectors);
    }
    const ids = documents.map((doc, i) => options.ids?.[i] ?? doc.id ?? randomUUID());
    await this.memory.upsert(
      documents.map((doc, i) => ({
        id: ids[i]!,
        // An empty pageContent is common with addVectors: it is stored as "no text".
        ...(doc.pageContent === '' ? {} : { text: doc.pageContent }),
        metadata: doc.metadata as Metadata,
        vector: vectors[i]!,
      })),
    );
    return ids;
  }

  async addDocuments(documents: DocumentInterface[], options: AddOptions = {}): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(documents.map((doc) => doc.pageContent));
    return this.addVectors(vectors, documents, options);
  }

  /** Deletes by id: `delete({ ids })`. */
  override async delete(params: { ids?: string[] } = {}): Promise<void> {
    if (!Array.isArray(params.ids))
      throw new InvalidInputError('delete params', '{ ids: string[] }', params.ids);
    await this.memory.delete(params.ids);
  }

  async similaritySearchVectorWithScore(
    query: number[],
    k: number,
    filter?: this['FilterType'],
  ): Promise<[DocumentInterface, number][]> {
    const hits = await this.memory.search(query, k, filter === undefined ? {} : { filter });
    // Metadata is copied: the memory hands out frozen objects, and LangChain code may add fields.
    return hits.map((hit) => [
      new Document({ pageContent: hit.text ?? '', metadata: { ...hit.metadata }, id: hit.id }),
      hit.score,
    ]);
  }

  override async maxMarginalRelevanceSearch(
    query: string,
    options: MaxMarginalRelevanceSearchOptions<this['FilterType']>,
  ): Promise<DocumentInterface[]> {
    const queryVector = await this.embeddings.embedQuery(query);
    const filter = options.filter === undefined ? {} : { filter: options.filter };
    const hits = await this.memory.search(queryVector, options.fetchK ?? 20, filter);
    const stored = await Promise.all(hits.map((hit) => this.memory.get(hit.id)));
    const candidates = hits.filter((_, i) => stored[i] !== undefined);
    const vectors = stored.filter((item) => item !== undefined).map((item) => Array.from(item.vector));
    const picked = maximalMarginalRelevance(queryVector, vectors, options.lambda ?? 0.5, options.k);
    return picked.map((i) => {
      const hit = candidates[i]!;
      return new Document({ pageContent: hit.text ?? '', metadata: { ...hit.metadata }, id: hit.id });
    });
  }

  static override async fromDocuments(
    docs: DocumentInterface[],
    embeddings: EmbeddingsInterface,
    args: { memory: VectorMemory },
  ): Promise<LodestoneVectorStore> {
    const store = new LodestoneVectorStore(embeddings, args);
    await store.addDocuments(docs);
    return store;
  }

  static override async fromTexts(
    texts: string[],
    metadatas: object[] | object,
    embeddings: EmbeddingsInterface,
    args: { memory: VectorMemory },
  ): Promise<LodestoneVectorStore> {
    const docs = texts.map(
      (pageContent, i) =>
        new Document({
          pageContent,
          metadata: (Array.isArray(metadatas) ? metadatas[i] : metadatas) as Record<string, unknown>,
        }),
    );
    return LodestoneVectorStore.fromDocuments(docs, embeddings, args);
  }
}
