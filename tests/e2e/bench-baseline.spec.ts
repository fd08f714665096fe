import { expect, test } from "@playwright/test";

// The benchmark's static baseline page exists only while the server runs with VETTED_BENCH=1
// (npm run bench sets it); the e2e server, like a production one, answers 404 for every size.
test("the benchmark baseline route is not served outside the benchmark", async ({ request }) => {
  for (const units of ["1", "50", "4999", "99999", "abc"]) {
    const response = await request.get(`/bench-baseline/${units}`);
    expect(response.status(), `/bench-baseline/${units}`).toBe(404);
    expect(await response.text()).not.toContain("Static baseline text");
  }
});
