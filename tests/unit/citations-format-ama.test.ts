import { describe, expect, test } from "vitest";
import { formatAma, formatAmaList } from "@/lib/citations/format-ama";
import type { ReferenceFields } from "@/lib/citations/reference";

const sperstad: ReferenceFields = {
  type: "research",
  title:
    "Diastasis recti abdominis during pregnancy and 12 months after childbirth: prevalence, risk factors and report of lumbopelvic pain",
  authors: [
    { family: "Sperstad", given: "Jorun Bakken" },
    { family: "Tennfjord", given: "Merete Kolberg" },
    { family: "Hilde", given: "Gunvor" },
    { family: "Ellström-Engh", given: "Marie" },
    { family: "Bø", given: "Kari" },
  ],
  source: "British Journal of Sports Medicine",
  sourceAbbrev: "Br J Sports Med",
  year: 2016,
  volume: "50",
  issue: "17",
  pages: "1092-6",
  doi: "10.1136/bjsports-2016-096065",
  pmid: "27324871",
};

const mottola: ReferenceFields = {
  type: "guideline",
  title: "2019 Canadian guideline for physical activity throughout pregnancy",
  authors: [
    { family: "Mottola", given: "Michelle F." },
    { family: "Davenport", given: "Margie H." },
    { family: "Ruchat", given: "Stephanie-May" },
    { family: "Davies", given: "Gregory A." },
    { family: "Poitras", given: "Veronica J." },
    { family: "Gray", given: "Casey E." },
    { family: "Jaramillo Garcia", given: "Alejandra" },
  ],
  source: "British Journal of Sports Medicine",
  sourceAbbrev: "Br J Sports Med",
  year: 2018,
  volume: "52",
  issue: "21",
  pages: "1339-1346",
  doi: "10.1136/bjsports-2018-100056",
  pmid: "30337460",
};

const whoGuideline: ReferenceFields = {
  type: "guideline",
  title: "WHO guidelines on physical activity and sedentary behaviour",
  authors: [{ literal: "World Health Organization" }],
  source: "World Health Organization",
  year: 2020,
  url: "https://www.who.int/publications/i/item/9789240015128",
  accessedAt: "2025-12-16",
};

const acogOpinion: ReferenceFields = {
  type: "guideline",
  title: "Physical activity and exercise during pregnancy and the postpartum period: ACOG Committee Opinion, Number 804",
  authors: [{ literal: "American College of Obstetricians and Gynecologists" }],
  source: "Obstetrics and Gynecology",
  sourceAbbrev: "Obstet Gynecol",
  year: 2020,
  volume: "135",
  issue: "4",
  pages: "e178-e188",
  doi: "10.1097/AOG.0000000000003772",
};

const williams: ReferenceFields = {
  type: "textbook",
  title: "Williams Obstetrics",
  authors: [
    { family: "Cunningham", given: "F. Gary" },
    { family: "Leveno", given: "Kenneth J." },
    { family: "Dashe", given: "Jodi S." },
    { family: "Hoffman", given: "Barbara L." },
    { family: "Spong", given: "Catherine Y." },
    { family: "Casey", given: "Brian M." },
  ],
  source: "",
  publisher: "McGraw Hill",
  year: 2022,
};

const nhsPage: ReferenceFields = {
  type: "other",
  title: "Exercise in pregnancy",
  authors: [{ literal: "NHS" }],
  source: "NHS website",
  year: 2023,
  url: "https://www.nhs.uk/pregnancy/keeping-well/exercise/",
  accessedAt: "2025-12-01",
};

describe("formatAma", () => {
  test("journal article with up to six authors lists all of them, pages in full", () => {
    const entry = formatAma(sperstad);
    expect(entry.text).toBe(
      "Sperstad JB, Tennfjord MK, Hilde G, Ellström-Engh M, Bø K. Diastasis recti abdominis during pregnancy and 12 months after childbirth: prevalence, risk factors and report of lumbopelvic pain. Br J Sports Med. 2016;50(17):1092-1096. doi:10.1136/bjsports-2016-096065",
    );
    expect(entry.html).toBe(
      "Sperstad JB, Tennfjord MK, Hilde G, Ellström-Engh M, Bø K. Diastasis recti abdominis during pregnancy and 12 months after childbirth: prevalence, risk factors and report of lumbopelvic pain. <i>Br J Sports Med</i>. 2016;50(17):1092-1096. doi:10.1136/bjsports-2016-096065",
    );
  });

  test("more than six authors: the first three and et al", () => {
    expect(formatAma(mottola).text).toBe(
      "Mottola MF, Davenport MH, Ruchat SM, et al. 2019 Canadian guideline for physical activity throughout pregnancy. Br J Sports Med. 2018;52(21):1339-1346. doi:10.1136/bjsports-2018-100056",
    );
  });

  test("an organisation's guideline: organisation as author, title in italics, publisher; year, access date and URL", () => {
    const entry = formatAma(whoGuideline);
    expect(entry.text).toBe(
      "World Health Organization. WHO guidelines on physical activity and sedentary behaviour. World Health Organization; 2020. Accessed December 16, 2025. https://www.who.int/publications/i/item/9789240015128",
    );
    expect(entry.html).toBe(
      "World Health Organization. <i>WHO guidelines on physical activity and sedentary behaviour</i>. World Health Organization; 2020. Accessed December 16, 2025. https://www.who.int/publications/i/item/9789240015128",
    );
  });

  test("an organisation's guideline published in a journal reads as a journal article, its DOI in the registered case", () => {
    expect(formatAma(acogOpinion).text).toBe(
      "American College of Obstetricians and Gynecologists. Physical activity and exercise during pregnancy and the postpartum period: ACOG Committee Opinion, Number 804. Obstet Gynecol. 2020;135(4):e178-e188. doi:10.1097/AOG.0000000000003772",
    );
  });

  test("a book: italic title, publisher; year", () => {
    const entry = formatAma(williams);
    expect(entry.text).toBe("Cunningham FG, Leveno KJ, Dashe JS, Hoffman BL, Spong CY, Casey BM. Williams Obstetrics. McGraw Hill; 2022.");
    expect(entry.html).toBe(
      "Cunningham FG, Leveno KJ, Dashe JS, Hoffman BL, Spong CY, Casey BM. <i>Williams Obstetrics</i>. McGraw Hill; 2022.",
    );
  });

  test("a web page: site name, year published, access date and URL", () => {
    expect(formatAma(nhsPage).text).toBe(
      "NHS. Exercise in pregnancy. NHS website. Published 2023. Accessed December 1, 2025. https://www.nhs.uk/pregnancy/keeping-well/exercise/",
    );
  });

  test("periods in an abbreviated journal title are dropped; an article without a DOI ends after the pages", () => {
    const entry = formatAma({ ...sperstad, sourceAbbrev: "Br. J. Sports Med.", doi: null });
    expect(entry.text).toMatch(/ Br J Sports Med\. 2016;50\(17\):1092-1096\.$/);
  });

  test("a reference without authors starts with its title", () => {
    expect(formatAma({ ...acogOpinion, authors: [] }).text).toMatch(/^Physical activity and exercise during pregnancy/);
  });

  test("markup in fields is text: escaped in HTML, verbatim in plain text", () => {
    const hostile = { ...sperstad, title: 'Pain <script>alert(1)</script> & <i onmouseover="x()">relief</i>', sourceAbbrev: "<b>BMJ</b>" };
    const entry = formatAma(hostile);
    expect(entry.html).not.toMatch(/<(?!\/?i>)/);
    expect(entry.html).toContain("Pain &lt;script&gt;alert(1)&lt;/script&gt; &#38; &lt;i onmouseover=");
    expect(entry.html).toContain("<i>&lt;b&gt;BMJ&lt;/b&gt;</i>");
    expect(entry.text).toContain('Pain <script>alert(1)</script> & <i onmouseover="x()">relief</i>.');
  });

  test("formatAmaList keeps the order given", () => {
    const entries = formatAmaList([williams, sperstad, whoGuideline]);
    expect(entries.map((e) => e.text.split(" ")[0])).toEqual(["Cunningham", "Sperstad", "World"]);
    expect(formatAmaList([])).toEqual([]);
  });
});

describe("initials stored the PubMed way", () => {
  test("given names written as bare initials keep every initial", () => {
    const entry = formatAma({
      ...mottola,
      authors: [
        { family: "Mottola", given: "MF" },
        { family: "Davenport", given: "MH" },
        { family: "Bø", given: "K" },
      ],
    });
    expect(entry.text).toMatch(/^Mottola MF, Davenport MH, Bø K\. 2019 Canadian guideline/);
  });
});
