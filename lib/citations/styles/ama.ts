/**
 * A CSL 1.0 style for the reference list, following the AMA Manual of Style, 11th edition
 * (JAMA Network, 2020), section 3.
 *
 * Written for Vetted rather than copied: no npm package ships the CSL project's
 * american-medical-association.csl except a 72 MB bundle of every style, and we need only the
 * four item shapes the library holds (journal article, book, report, web page). Kept as a string
 * module, not a .csl file, so bundlers include it without filesystem reads at run time.
 *
 * Choices that follow AMA and differ from CSL defaults:
 * - names "Family GI", all listed up to 6, else the first 3 and "et al";
 * - the abbreviated journal title with periods stripped;
 * - "Year;Vol(Issue):pages." with full page numbers joined by a hyphen;
 * - "doi:…" (no trailing period) in place of a URL when there is a DOI.
 * The bibliography carries no numbers: the reader page numbers its own list.
 */
export const AMA_STYLE_NAME = "vetted-ama-11";

export const AMA_STYLE_XML = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" demote-non-dropping-particle="never" page-range-format="expanded" initialize-with-hyphen="false" default-locale="en-US">
  <info>
    <title>AMA Manual of Style, 11th edition (Vetted reference list)</title>
    <id>urn:vetted:style:ama-11</id>
    <category citation-format="numeric"/>
    <category field="medicine"/>
    <updated>2025-01-01T00:00:00+00:00</updated>
  </info>
  <locale xml:lang="en">
    <terms>
      <term name="et-al">et al</term>
      <term name="page-range-delimiter">-</term>
    </terms>
  </locale>
  <macro name="author">
    <names variable="author" suffix=".">
      <name name-as-sort-order="all" sort-separator=" " initialize-with="" delimiter=", " delimiter-precedes-last="always" delimiter-precedes-et-al="always" et-al-min="7" et-al-use-first="3"/>
    </names>
  </macro>
  <macro name="accessed">
    <date variable="accessed" prefix="Accessed " suffix=".">
      <date-part name="month" suffix=" "/>
      <date-part name="day" suffix=", "/>
      <date-part name="year"/>
    </date>
  </macro>
  <macro name="locator">
    <choose>
      <if variable="DOI">
        <text variable="DOI" prefix="doi:"/>
      </if>
      <else-if variable="URL">
        <group delimiter=" ">
          <text macro="accessed"/>
          <text variable="URL"/>
        </group>
      </else-if>
    </choose>
  </macro>
  <macro name="journal-details">
    <group suffix=".">
      <date variable="issued">
        <date-part name="year"/>
      </date>
      <group prefix=";">
        <text variable="volume"/>
        <text variable="issue" prefix="(" suffix=")"/>
      </group>
      <text variable="page" prefix=":"/>
    </group>
  </macro>
  <macro name="publisher-year">
    <group delimiter="; " suffix=".">
      <text variable="publisher"/>
      <date variable="issued">
        <date-part name="year"/>
      </date>
    </group>
  </macro>
  <citation>
    <layout delimiter=",">
      <text variable="citation-number"/>
    </layout>
  </citation>
  <bibliography>
    <layout>
      <group delimiter=" ">
        <text macro="author"/>
        <choose>
          <if type="article-journal article-magazine article-newspaper" match="any">
            <text variable="title" suffix="."/>
            <text variable="container-title" form="short" strip-periods="true" font-style="italic" suffix="."/>
            <text macro="journal-details"/>
          </if>
          <else-if type="webpage post post-weblog" match="any">
            <text variable="title" suffix="."/>
            <text variable="container-title" suffix="."/>
            <date variable="issued" prefix="Published " suffix=".">
              <date-part name="year"/>
            </date>
          </else-if>
          <else>
            <text variable="title" font-style="italic" suffix="."/>
            <text macro="publisher-year"/>
          </else>
        </choose>
        <text macro="locator"/>
      </group>
    </layout>
  </bibliography>
</style>
`;
