/**
 * A CSL 1.0 style for the reference list, following the AMA Manual of Style, 11th edition
 * (JAMA Network Editors, Oxford University Press, 2020), chapter 3 "References".
 *
 * Written for Vetted against the CSL 1.0.2 specification (citationstyles.org) rather than copied
 * from the CSL project's american-medical-association.csl (CC BY-SA 3.0), which is the reference
 * implementation of the same rules: no npm package ships that file except a 72 MB bundle of every
 * style, and the library needs only four shapes (journal article, book, report, web page). Kept as
 * a string module rather than a .csl file so bundlers include it without reading files at run time.
 *
 * Where AMA differs from CSL defaults:
 * - names "Family GI", all of them up to 6, otherwise the first 3 and "et al";
 * - the abbreviated journal title with its periods removed, in italics;
 * - "Year;Vol(Issue):pages." with page numbers in full, joined by a hyphen;
 * - "doi:…" (no trailing period) instead of the URL when there is a DOI.
 * The bibliography has no numbers of its own: the reader page numbers its list.
 */
export const AMA_STYLE_NAME = "vetted-ama-11";

export const AMA_STYLE_XML = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" demote-non-dropping-particle="never" page-range-format="expanded" initialize-with-hyphen="false" default-locale="en-US">
  <info>
    <title>AMA Manual of Style, 11th edition (Vetted reference list)</title>
    <id>urn:vetted:style:ama-11</id>
    <category citation-format="numeric"/>
    <category field="medicine"/>
    <updated>2026-11-23T00:00:00+00:00</updated>
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
