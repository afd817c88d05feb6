import { describe, expect, it } from "vitest";

import { queueName, subjectOf } from "./learner";

function jwt(claims: object): string {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  return `${part({ alg: "HS256" })}.${part(claims)}.signature`;
}

describe("the learner's queue", () => {
  it("is named after the access token's subject", () => {
    expect(subjectOf(jwt({ sub: "5b2c0f6e-user", exp: 1 }))).toBe("5b2c0f6e-user");
    expect(queueName(jwt({ sub: "5b2c0f6e-user" }))).toBe("parla.reviews.5b2c0f6e-user");
  });

  it("reads subjects whose encoding uses the URL-safe alphabet", () => {
    const sub = "ÿÿ>?~";
    expect(subjectOf(jwt({ sub }))).toBe(sub);
  });

  it("falls back to one shared name when the token cannot be read", () => {
    expect(subjectOf("opaque-token")).toBeNull();
    expect(subjectOf("a.%%%.c")).toBeNull();
    expect(subjectOf(jwt({ name: "no subject" }))).toBeNull();
    expect(queueName("")).toBe("parla.reviews.learner");
  });
});
