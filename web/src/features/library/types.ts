// The API's shapes the library pages speak in, named once.
import type { components } from "../../api/schema";

type Schemas = components["schemas"];

export type Collection = Schemas["CollectionOut"];
export type CollectionItem = Schemas["CollectionItemOut"];
export type CollectionChange = Schemas["CollectionChangeIn"];
export type ItemSummary = Schemas["ItemSummaryOut"];
export type ItemRef = Schemas["ItemRefIn"];
export type Bookmark = Schemas["BookmarkOut"];
export type Folder = Schemas["FolderOut"];
export type TaggedItem = Schemas["TaggedItemOut"];
export type Rating = Schemas["RatingOut"];
export type RatingBody = Schemas["RatingIn"];

/** What can be bookmarked or put in a collection. */
export type ItemKind = ItemRef["kind"];
/** What can carry a tag. */
export type TagKind = ItemKind | "collection";
