import { afterEach, describe, expect, it } from "vitest";

import { setLocale } from "../../i18n";
import { skillName } from "./names";

afterEach(() => setLocale("en"));

describe("names of skills", () => {
  it("are the reader's words for known skills", () => {
    setLocale("en");
    expect(skillName("comprehension")).toBe("Reading comprehension");
    setLocale("es");
    expect(skillName("listening")).toBe("Comprensión auditiva");
  });

  it("show a skill this client does not know as it came, spaced", () => {
    expect(skillName("reading")).toBe("reading");
    expect(skillName("free_writing")).toBe("free writing");
  });
});
