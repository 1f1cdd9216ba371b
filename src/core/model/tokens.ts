/**
 * A tokenizer-free token estimate: about four characters per token for English text (OpenAI's
 * rule of thumb). Lodestone never loads a tokenizer, because LangChain's tiktoken helper fetches
 * its encoding files from the internet at run time; the estimate is used only where a server
 * reports no usage, and is marked `estimated` there.
 *
 * @example
 * ```ts
 * approximateTokens('four score and seven'); // 5
 * ```
 */
export function approximateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}
