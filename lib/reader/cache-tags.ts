/** Data-cache tags of reader data read by route handlers (see lib/reader-cache.ts). */
export const READER_TAGS = { all: "reader", lists: "reader-lists" } as const;

export const readerArticleTag = (slug: string) => `reader-article:${slug}`;
