/// English UN documents written for the tests, in the layouts the importer must read: a General
/// Assembly resolution with PDF noise, an ECOSOC resolution with nested sub-items, and a
/// Secretary-General's report with conclusions and recommendations. None is a real document.
enum EnglishTestDocuments {
    /// A General Assembly resolution: header, running heads, a footnote block, a glued footnote
    /// marker, a hyphenated break, a page break inside a paragraph, and (i) after (h).
    static let generalAssemblyResolution = """
        United Nations                                                        A/RES/75/999
        General Assembly                                          Distr.: General
                                                                  23 December 2020

        Seventy-fifth session
        Agenda item 19 (b)

                  Resolution adopted by the General Assembly on 21 December 2020

        75/999. Information and communications technologies for sustainable development

        The General Assembly,

        Recalling its resolution 70/125 of 16 December 2015 on the outcome document of the
        high-level meeting on the overall review of the World Summit on the Information Society,1

        Reaffirming the commitment to bridge the digital divides, including the gender digital
        divide,

        Noting with concern that half of the world's population remains offline,

        1. Welcomes the efforts of the International Telecommunication Union to connect the
        unconnected;

        2. Requests the Secretary-General to submit to the General Assembly at its seventy-
        seventh session a report on the implementation of the present resolution;

        3. Urges Member States and the international community, as appropriate, to promote
        affordable access to broadband by 2030;
        __________________
        1 Resolution 70/125.
        20-17845                                                                          3/5
        A/RES/75/999

        4. Calls upon all States to refrain from unilateral measures that impede the full
        achievement of economic and social development;

        5. Invites the United Nations Conference on Trade and Development and the
        International Telecommunication Union to continue their cooperation, and requests
        him to report thereon annually;

        6. Encourages Governments to consider the following measures:

        (a) Integrating digital skills in national curricula;

        (b) Supporting local content in all languages;

        (c) Expanding community networks in rural areas;

        (d) Promoting open data;

        (e) Strengthening cybersecurity capacities;

        (f) Improving the collection of statistics disaggregated by sex;

        (g) Encouraging investment in infrastructure;

        (h) Supporting small and medium-sized enterprises;

        (i) Reducing the cost of devices;

        (j) Protecting personal data;

        7. Decides to include in the provisional agenda of its seventy-seventh session the
        sub-item entitled "Information and communications technologies for sustainable develop-
        ment";

        8. Recommends that least developed countries integrate science and technology in
        their national development plans;

        9. Stresses the importance of multi-stakeholder cooperation, and requests the
        Secretary-General to report annually on progress;

        10. Takes note with appreciation of the report of the Secretary-General.2

        __________________
        2 A/75/62-E/2020/11.
        """

    /// An ECOSOC resolution whose paragraph 3 has a lead-in that is a clause of its own, with
    /// lettered sub-items and roman sub-sub-items.
    static let economicAndSocialCouncilResolution = """
        Resolution 2021/99

        Science, technology and innovation for development

        The Economic and Social Council,

        Recognizing the role of the Commission on Science and Technology for Development,

        1. Takes note of the report of the Commission on Science and Technology for Development on its
        twenty-fourth session;

        2. Encourages the Commission to continue its work on gender equality;

        3. Requests the United Nations Conference on Trade and Development to strengthen its science,
        technology and innovation policy reviews, and to that end:

        (a) Encourages Member States to request reviews;

        (b) Invites donors to support the reviews:

        (i) Through voluntary contributions;

        (ii) Through technical cooperation;

        (iii) Through in-kind support;

        (c) Requests the Secretary-General to report to the Commission at its twenty-fifth session;

        4. Calls upon the ombudsman bodies of all States to support the work of the Commission;
        """

    /// A Secretary-General's report: analysis in sections I–IV, recommendations in section V.
    static let secretaryGeneralReport = """
        Science, technology and innovation for sustainable development

        Report of the Secretary-General

        I. Introduction

        1. The present report is submitted pursuant to General Assembly resolution 74/229.
        Member States should note its findings.

        II. Frontier technologies

        2. Governments should invest in research. UNCTAD encourages Member States to act.

        V. Conclusions and recommendations

        3. Technology can be steered towards sustainable development.

        4. Member States may wish to consider the following:

        (a) Designing science, technology and innovation policies for inclusive outcomes;

        (b) Strengthening national innovation systems;

        (c) Investing in digital infrastructure and skills.

        5. The international community may wish to consider the following:

        (a) Strengthening research cooperation;

        (b) Supporting South-South and triangular cooperation.
        """
}
