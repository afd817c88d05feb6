// What other pages can use to organise an item from where it is shown.
export { AddToCollection } from "./AddToCollection";
export { BookmarkButton } from "./BookmarkButton";
export { KeepIt } from "./KeepIt";
export { TagEditor } from "./TagEditor";
