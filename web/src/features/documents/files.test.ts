import { describe, expect, it } from "vitest";

import { fileProblem, MAX_FILE_BYTES, MAX_PASTED_CHARS, megabytes, pastedProblem } from "./files";

describe("a file to import", () => {
  it("must be chosen", () => {
    expect(fileProblem(null, "en")?.key).toBe("documents.file.none");
  });

  it("must not be empty", () => {
    expect(fileProblem({ name: "notes.txt", size: 0 }, "en")).toEqual({ key: "documents.file.empty", params: { name: "notes.txt" } });
  });

  it("may be exactly 20 MB", () => {
    expect(fileProblem({ name: "book.epub", size: MAX_FILE_BYTES }, "en")).toBeNull();
  });

  it("is refused above 20 MB, saying its size and the limit", () => {
    expect(fileProblem({ name: "scan.pdf", size: 25 * 2 ** 20 + 2 ** 19 }, "en")).toEqual({
      key: "documents.file.tooBig",
      params: { name: "scan.pdf", size: "25.5", limit: "20" },
    });
  });

  it("is not judged by its name: the API reads its real type from its bytes", () => {
    expect(fileProblem({ name: "chapter", size: 1200 }, "en")).toBeNull();
    expect(fileProblem({ name: "photo.png", size: 1200 }, "en")).toBeNull();
  });
});

describe("a size in megabytes", () => {
  it("uses the interface language's decimal mark", () => {
    expect(megabytes(1.5 * 2 ** 20, "es")).toBe("1,5");
    expect(megabytes(1.5 * 2 ** 20, "en")).toBe("1.5");
  });
});

describe("a pasted text", () => {
  it("must have more than blanks", () => {
    expect(pastedProblem(" \n\t", "en")?.key).toBe("documents.paste.none");
  });

  it("is taken up to the API's length", () => {
    expect(pastedProblem("a".repeat(MAX_PASTED_CHARS), "en")).toBeNull();
  });

  it("is refused beyond it, saying both lengths", () => {
    expect(pastedProblem("a".repeat(MAX_PASTED_CHARS + 1), "en")).toEqual({
      key: "documents.paste.tooLong",
      params: { count: "5,000,001", limit: "5,000,000" },
    });
  });
});
