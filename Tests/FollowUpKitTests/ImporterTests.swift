import FollowUpSeeds
import Testing
@testable import FollowUpKit
@testable import FollowUpModel
@testable import FollowUpStore
@testable import FollowUpImport
@testable import FollowUpExchange
@testable import FollowUpReports
@testable import FollowUpReference
@testable import FollowUpBootstrap
@testable import FollowUpRendering
import FollowUpTestSupport

/// The importer on the two seed documents: the counts, texts and addressees the issue pins.
@Suite("Importer on the seed documents")
struct SeedImporterTests {
    static func plan(_ file: String, symbol: String, date: String) throws -> ImportPlan {
        let text = String(decoding: try #require(SeedFiles.documentText(file)), as: UTF8.self)
        return try TestDatabase.withReference().planImport(
            text: text, options: ImportOptions(symbol: symbol, date: CalendarDate(date), sourceName: file))
    }

    static let report = Result { try plan("sg-report-sti-2021.zh.txt", symbol: "UNSG/STI/2021", date: "2021-07-31") }
    static let commission = Result { try plan("E-2020-31.zh.txt", symbol: "E/2020/31", date: "2020-06-12") }

    func items(_ plan: ImportPlan, under prefix: String) -> [ExtractedItem] {
        plan.items.filter { $0.path.hasPrefix(prefix) }
    }

    @Test("Secretary-General's report: ¶79 (a)–(k) to Member States, ¶80 (a)–(h) to the international community")
    func secretaryGeneralReport() throws {
        let plan = try Self.report.get()
        let p79 = items(plan, under: "¶79(")
        #expect(p79.map(\.path) == "abcdefghijk".map { "¶79(\($0))" })
        #expect(p79.allSatisfy { $0.classification == .actionable && $0.addressees == ["MEMBER-STATES"] })
        let p80 = items(plan, under: "¶80(")
        #expect(p80.map(\.path) == "abcdefgh".map { "¶80(\($0))" })
        #expect(p80.allSatisfy { $0.classification == .actionable && $0.addressees == ["INTERNATIONAL-COMMUNITY"] })
        // Nothing actionable from sections 一.–四.: every actionable item is under ¶79 or ¶80.
        #expect(plan.items.filter { $0.classification == .actionable }.count == 19)
        #expect(Set(plan.items.map { $0.path.prefix(3) }) == ["¶78", "¶79", "¶80"])
        #expect(p79[8].text == "加强创新融资机制，通过创业促进创新；")
        #expect(p80[7].text.hasPrefix("促进关于前沿技术推动实现可持续发展目标的包容性辩论；没有参与前沿技术开发"))
        #expect(plan.document.body == "SG")
    }

    @Test("E/2020/31 draft resolution I: paragraphs 1–90, ¶84 (a)–(d) split, each classified")
    func draftResolutionOne() throws {
        let plan = try Self.commission.get()
        let drI = items(plan, under: "DR-I ")
        let top = drI.filter { !$0.path.contains("(") }.map(\.path)
        #expect(top == (1...90).map { "DR-I ¶\($0)" })
        #expect(
            drI.filter { $0.path.hasPrefix("DR-I ¶84(") }.map(\.path) == ["a", "b", "c", "d"].map { "DR-I ¶84(\($0))" })
        let byPath = Dictionary(uniqueKeysWithValues: drI.map { ($0.path, $0) })
        func check(_ path: String, _ classification: Classification, _ addressees: [String]) throws {
            let item = try #require(byPath[path])
            #expect(item.classification == classification, "\(path)")
            #expect(item.addressees == addressees, "\(path)")
        }
        try check("DR-I ¶2", .declaratory, [])
        try check("DR-I ¶10", .actionable, ["CSTD"])
        try check("DR-I ¶19", .actionable, ["ALL-STAKEHOLDERS", "UN-ENTITIES"])  // traditional script
        try check("DR-I ¶23", .actionable, ["ALL-STATES"])
        try check(
            "DR-I ¶48", .actionable,
            [
                "GOVERNMENTS", "PRIVATE-SECTOR", "CIVIL-SOCIETY", "INTERNATIONAL-ORGANIZATIONS", "TECHNICAL-COMMUNITY",
                "ALL-STAKEHOLDERS", "UN-ENTITIES",
            ])
        try check("DR-I ¶49", .actionable, ["MEMBER-STATES"])
        try check("DR-I ¶79", .actionable, ["INTERNATIONAL-ORGANIZATIONS", "REGIONAL-ORGANIZATIONS"])
        try check("DR-I ¶84(a)", .actionable, ["MEMBER-STATES"])
        try check("DR-I ¶84(c)", .declaratory, [])
        try check("DR-I ¶84(d)", .actionable, ["ICT4D-PARTNERSHIP"])
        try check("DR-I ¶85", .actionable, ["INTERNATIONAL-COMMUNITY"])
        try check("DR-I ¶90", .actionable, ["SG"])
        #expect(byPath["DR-I ¶90"]?.cycle == .annual)
        #expect(
            byPath["DR-I ¶90"]?.text
                == "请秘书长每年向科学和技术促进发展委员会提交报告，说明本决议及经社理事会其他决议中关于评估在执行和后续落实世界峰会成果方面取得的定量和定性进展的各项建议的落实情况。")
        #expect(byPath["DR-I ¶60"]?.tags == ["heading:互联网治理"])
        #expect(byPath["DR-I ¶5"]?.verbsWithoutAddressee == ["鼓励"])
        // A paragraph broken across pages is joined, without the page's footnotes.
        #expect(byPath["DR-I ¶50"]?.text.contains("“主页上的女性”（联合国教育、科学及文化组织)") == true)
    }

    @Test("E/2020/31 draft resolution II: 28 to Governments, 18 to the Commission, 7 to UNCTAD")
    func draftResolutionTwo() throws {
        let plan = try Self.commission.get()
        for (lead, count, actor) in [("(a)", 28, "GOVERNMENTS"), ("(b)", 18, "CSTD"), ("(c)", 7, "UNCTAD")] {
            let group = items(plan, under: "DR-II \(lead)(")
            #expect(group.map(\.path) == (1...count).map { "DR-II \(lead)(\(RomanNumerals.string($0)))" })
            #expect(group.allSatisfy { $0.classification == .actionable && $0.addressees == [actor] }, "\(lead)")
        }
        #expect(items(plan, under: "DR-II").count == 53)
        let byPath = Dictionary(uniqueKeysWithValues: plan.items.map { ($0.path, $0) })
        #expect(byPath["DR-II (a)(ii)"]?.text.contains("从多种渠道调动资源") == true)
        #expect(byPath["DR-II (a)(ii)"]?.text.contains("66/288") == false)
        // "到 2020 年增加 15 亿新的在线互联网用户" is a global target, not a deadline for every
        // Government (issue #11: it made 197 of the 199 overdue items).
        #expect(byPath["DR-II (a)(iii)"]?.dueDate == nil)
        #expect(byPath["DR-II (a)(iii)"]?.tags.contains("target:2020") == true)
        #expect(byPath["DR-II (c)(vi)"]?.dueDate == CalendarDate("2021-12-31"))
        // The General Assembly's seventy-fourth session is not the Commission's.
        #expect(byPath["DR-II (b)(i)"]?.dueDate == nil)
        #expect(byPath["DR-II (b)(ix)"]?.text.contains("(a) 将技术前瞻转变为") == true)  // inline (a) is not a sub-item
        #expect(byPath["DR-II (a)(xxviii)"]?.text.hasPrefix("支持最不发达国家技术库") == true)
    }

    @Test("E/2020/31: the draft decision as decisions, nothing from chapters II–VIII or the annexes")
    func draftDecisionAndNothingElse() throws {
        let plan = try Self.commission.get()
        #expect(items(plan, under: "DD").map(\.path) == ["DD (a)", "DD (b)"])
        #expect(items(plan, under: "DD").allSatisfy { $0.classification == .decision && $0.kind == .decision })
        #expect(plan.items.count == 94 + 53 + 2)
        let chapterTwo = 600  // "第二章" is on line 601 of the seed
        #expect(plan.items.allSatisfy { $0.line < chapterTwo })
        #expect(plan.items.allSatisfy { !$0.text.contains("¹") && !$0.text.contains("^a") })
        #expect(Set(plan.items.map(\.key)).count == plan.items.count)
    }
}

/// The importer on English documents written for the tests.
@Suite("Importer on English documents")
struct EnglishImporterTests {
    func plan(_ text: String, symbol: String, date: String? = "2021-07-22") throws -> [String: ExtractedItem] {
        let plan = try TestDatabase.withReference().planImport(
            text: text,
            options: ImportOptions(symbol: symbol, date: date.flatMap(CalendarDate.init), sourceName: "test"))
        return Dictionary(uniqueKeysWithValues: plan.items.map { ($0.path, $0) })
    }

    @Test("a General Assembly resolution: classes, addressees, sub-items, deadlines, noise")
    func generalAssembly() throws {
        let items = try plan(EnglishTestDocuments.generalAssemblyResolution, symbol: "A/RES/75/999", date: nil)
        // Ten paragraphs; ¶6 is only a frame for its sub-items and is not kept itself.
        #expect(
            items.keys.filter { !$0.contains("(") }.sorted() == [1, 2, 3, 4, 5, 7, 8, 9, 10].map { "¶\($0)" }.sorted())
        #expect(items["¶1"]?.classification == .declaratory)
        #expect(items["¶2"]?.addressees == ["SG"])
        #expect(items["¶2"]?.kind == .request)
        // At its seventy-seventh session, in a resolution of the seventy-fifth: September 2022.
        #expect(items["¶2"]?.dueDate == CalendarDate("2022-09-01"))
        #expect(
            items["¶2"]?.text
                == "Requests the Secretary-General to submit to the General Assembly at its seventy-seventh session a report on the implementation of the present resolution;"
        )
        #expect(items["¶3"]?.addressees == ["MEMBER-STATES", "INTERNATIONAL-COMMUNITY"])
        #expect(items["¶3"]?.dueDate == CalendarDate("2030-12-31"))
        #expect(items["¶3"]?.text.contains("Resolution 70/125") == false)
        #expect(items["¶4"]?.addressees == ["ALL-STATES"])
        #expect(
            items["¶4"]?.text
                == "Calls upon all States to refrain from unilateral measures that impede the full achievement of economic and social development;"
        )
        #expect(items["¶5"]?.addressees == ["UNCTAD", "ITU"])
        #expect(items["¶6"] == nil)  // a frame: "to consider the following measures:"
        #expect(items.keys.filter { $0.hasPrefix("¶6(") }.sorted() == "abcdefghij".map { "¶6(\($0))" }.sorted())
        #expect(items["¶6(i)"]?.addressees == ["GOVERNMENTS"])
        #expect(items["¶7"]?.classification == .decision)
        #expect(items["¶7"]?.addressees == ["GA"])
        #expect(items["¶7"]?.text.contains("sustainable development\"") == true)
        #expect(items["¶8"]?.addressees == ["LDC"])
        #expect(items["¶9"]?.classification == .actionable)
        #expect(items["¶9"]?.addressees == ["SG"])
        #expect(items["¶9"]?.cycle == .annual)
        #expect(items["¶10"]?.classification == .declaratory)
        #expect(items["¶10"]?.text == "Takes note with appreciation of the report of the Secretary-General.")
    }

    @Test("requests him: a back-reference to the actor named before")
    func backReference() throws {
        let text = """
            The General Assembly,

            1. Requests the Secretary-General to convene a meeting;

            2. Also requests him to report thereon at its next session;
            """
        let items = try plan(text, symbol: "A/RES/1")
        #expect(items["¶2"]?.addressees == ["SG"])
        #expect(items["¶2"]?.phrases == ["him"])
    }

    @Test(
        "English addressees as a reader marks them: verbs mid-paragraph, whole lists, shared adjectives, the Government of X"
    )
    func englishAddressees() throws {
        let text = """
            The General Assembly,

            1. Condemns the abductions, and in this regard strongly urges the Government of the Democratic People’s Republic of Korea to resolve them;

            2. Calls upon all Member States to ensure that persons with disabilities can vote;

            3. Calls upon Member States, United Nations entities, within their respective mandates, and other relevant stakeholders to offer support to families;

            4. Invites Governments, regional and international organizations and non-governmental organizations to contribute;

            5. Encourages the United Nations Secretariat, regional intergovernmental organizations and forums, civil society organizations and the private sector to engage;

            6. Notes the report, and requests the United Nations to continue its efforts;
            """
        let items = try plan(text, symbol: "A/RES/2")
        #expect(items["¶1"]?.addressees == ["PRK"])
        #expect(items["¶1"]?.classification == .actionable)
        #expect(items["¶2"]?.addressees == ["MEMBER-STATES"])
        #expect(items["¶3"]?.addressees == ["MEMBER-STATES", "UN-ENTITIES", "ALL-STAKEHOLDERS"])
        #expect(
            items["¶4"]?.addressees == ["GOVERNMENTS", "REGIONAL-ORGANIZATIONS", "INTERNATIONAL-ORGANIZATIONS", "NGOS"])
        #expect(
            items["¶5"]?.addressees == ["UN-SECRETARIAT", "REGIONAL-ORGANIZATIONS", "CIVIL-SOCIETY", "PRIVATE-SECTOR"])
        #expect(items["¶6"]?.addressees == ["UN-ENTITIES"])
    }

    @Test("classes as a reader marks them: decisions by 'shall', requests in mid-paragraph to someone unnamed")
    func englishClasses() throws {
        let text = """
            The General Assembly,

            1. Member States shall make advances to the Working Capital Fund;

            2. The Secretary-General is authorized to advance from the Fund sums not exceeding 25 million dollars;

            3. Commends the assistance provided, and requests that such assistance continue;

            4. Reaffirms the responsibility of the administering Power, and requests the administering Power to act;

            5. Calls once again upon the administering Power to take the will of the people into consideration;

            6. Proclaims it a historic responsibility of all States to use outer space for peaceful purposes;
            """
        let items = try plan(text, symbol: "A/RES/3")
        #expect(items["¶1"]?.classification == .decision)
        #expect(items["¶1"]?.addressees == ["MEMBER-STATES"])
        #expect(items["¶2"]?.classification == .decision)
        #expect(items["¶2"]?.addressees == ["SG"])
        #expect(items["¶3"]?.classification == .actionable)
        #expect(items["¶4"]?.classification == .actionable)
        #expect(items["¶4"]?.unresolved == ["administering Power"])
        #expect(items["¶5"]?.classification == .actionable)
        #expect(items["¶6"]?.classification == .decision)
    }

    @Test(
        "names a document defines, the Assembly's own decisions, officers of bodies, conditions, and PDF hyphen spacing"
    )
    func documentNamesAndDecisions() throws {
        let text = """
            The General Assembly,

            Noting the statement of the United States of America as the administering Power, and the work of the Special Committee on the Situation with regard to the Implementation of the Declaration on the Granting of Independence to Colonial Countries and Peoples,

            1. Requests the administering Power to cooperate, and requests the Special Committee to report thereon;

            2. Decides to include in the provisional agenda of its eighty-first session the item, and requests the Secretary-General to report;

            3. Decides that the proceedings shall be webcast, and invites the Chair of the Committee on the Rights of Persons with Disabilities to speak;

            4. Calls upon the specialized agencies and other organizations of the United Nations system and regional organizations to assist;

            5. Should the provision in paragraph 1 above prove inadequate to meet the purposes of the Fund, the Secretary-General is authorized to utilize cash;

            6. Encourages further collaboration between the Department of Economic and Social Affairs of the Secretariat and non -governmental organizations;

            7. Notes the report of the Secretary- General;
            """
        let items = try plan(text, symbol: "A/RES/78/4")
        #expect(items["¶1"]?.addressees == ["USA", "C24"])
        #expect(items["¶2"]?.addressees == ["SG", "GA"])
        #expect(items["¶3"]?.addressees == ["CRPD-COMMITTEE", "GA"])
        #expect(items["¶4"]?.addressees == ["SPECIALIZED-AGENCIES", "UN-ENTITIES", "REGIONAL-ORGANIZATIONS"])
        #expect(items["¶5"]?.classification == .decision)
        #expect(items["¶5"]?.addressees == ["SG"])
        #expect(items["¶6"]?.addressees == ["DESA", "NGOS"])
        #expect(items["¶7"]?.text == "Notes the report of the Secretary-General;")
        // Without a State named so, "the administering Power" stays unresolved (englishClasses ¶4).
    }

    @Test(
        "gapped requests, 'it', agents of a decision, apportionment, later 'that' clauses, folded members, Council forms"
    )
    func readerRulesOfHeldOutTwo() throws {
        let text = """
            The General Assembly,

            Taking note of the report of the Special Rapporteur on the situation of human rights in the Democratic People's Republic of Korea,

            1. Calls upon States that have not done so to accede to the Convention, and States parties to consider making the declaration;

            2. Acknowledges the leadership role of the Human Rights Council, and encourages it to continue its work;

            3. Decides that the Summit will have two round tables, to be appointed by the President of the General Assembly;

            4. Decides to apportion among Member States the amount of 122,311,500 dollars;

            5. Decides that preparations should be carried out and that, for this purpose, the Department of Economic and Social Affairs and the relevant organizations of the United Nations system, within their respective mandates and available resources, should provide support;

            6. Invites the United Nations system, including the funds, programmes and specialized agencies, as well as the international financial institutions, to participate;

            7. Takes note of the report of the Working Group of Experts on People of African Descent, 16 invites the Human Rights Council to continue to report;

            8. Endorses the conclusions of the Advisory Committee, and requests the Secretary -General to ensure their implementation;

            9. Encourages the Special Rapporteur of the Human Rights Council on the situation of human rights in the Democratic People's Republic of Korea to continue;

            10. Recognizes the role of cooperation, and encourages the continuation of such cooperation;
            """
        let items = try plan(text, symbol: "A/RES/78/5")
        #expect(items["¶1"]?.addressees == ["ALL-STATES", "STATES-PARTIES"])
        #expect(items["¶2"]?.addressees == ["HRC"])
        #expect(items["¶3"]?.addressees == ["PGA", "GA"])
        #expect(items["¶4"]?.addressees == ["MEMBER-STATES"])
        #expect(items["¶5"]?.addressees == ["DESA", "UN-ENTITIES"])
        #expect(items["¶6"]?.addressees == ["UN-ENTITIES", "IFIS"])
        #expect(items["¶7"]?.addressees == ["HRC"])
        #expect(items["¶8"]?.addressees == ["SG"])
        #expect(items["¶9"]?.addressees == ["SR-DPRK"])
        #expect(items["¶10"]?.classification == .actionable)
    }

    @Test("requests in the infinitive, 'them' after a statement, units of bodies, 'the Force', a first item no actor")
    func readerRulesOfHeldOutThree() throws {
        let text = """
            The General Assembly,

            Having considered the financing of the United Nations Interim Force in Lebanon,

            1. Recognizes the role of the United Nations and of the international financial institutions, and encourages them to continue;

            2. Decides:
            (a) To request the Secretary-General to submit a report;
            (b) To invite the Committee on the Rights of the Child to brief the Assembly;

            3. Decides to request the Secretary-General to report;

            4. Encourages other relevant stakeholders, including the Development Assistance Committee of the Organisation for Economic Co-operation and Development, to continue;

            5. Requests the Force to continue to assist;

            6. Requests the Territory and the Secretary-General to take all measures necessary;

            7. Calls upon States and businesses to ensure that children are protected, and invites creditors and debtors to explore ways;

            8. Requests UNICEF and WHO to continue their work, but not who else;
            """
        let items = try plan(text, symbol: "A/RES/78/6")
        #expect(items["¶1"]?.addressees == ["UN-ENTITIES", "IFIS"])
        #expect(items["¶2(a)"]?.addressees == ["SG"])
        #expect(items["¶2(b)"]?.addressees == ["CRC-COMMITTEE"])
        #expect(items["¶3"]?.addressees == ["SG"])
        #expect(items["¶3"]?.classification == .actionable)
        #expect(items["¶4"]?.addressees == ["ALL-STAKEHOLDERS", "OECD"])
        #expect(items["¶5"]?.addressees == ["UNIFIL"])
        #expect(items["¶6"]?.addressees == ["SG"])
        #expect(items["¶7"]?.addressees == ["ALL-STATES", "PRIVATE-SECTOR", "CREDITORS", "DEBTORS"])
        // Acronyms match in capitals only: "WHO" is the World Health Organization, "who" is not.
        #expect(items["¶8"]?.addressees == ["UNICEF", "WHO"])
    }

    @Test("Security Council and Human Rights Council resolutions: adoption line, body, sessions, 'within 30 days'")
    func councilResolutions() throws {
        let security = """
            United Nations                                              S/RES/2728 (2024)
            Security Council                                            Distr.: General
                                                                        26 March 2024
            Resolution 2728 (2024)
            Adopted by the Security Council at its 9586th meeting, on 25 March 2024

                 The Security Council,

                 Guided by the Charter of the United Nations,

                 1. Requests the Secretary-General to report to the Council on the implementation of this resolution within 30 days;

                 2. Decides to remain actively seized of the matter.
            """
        let council = """
            United Nations                                              A/HRC/RES/55/1
            General Assembly                                            Distr.: General
                                                                        10 April 2024
            Human Rights Council
            Fifty-fifth session

            Resolution adopted by the Human Rights Council on 3 April 2024

            55/1. Promotion and protection of human rights in Nicaragua

                 The Human Rights Council,

                 Recalling the work of the Office of the United Nations High Commissioner for Human Rights,

                 1. Requests the High Commissioner to present an oral update at its fifty-seventh session;

                 2. Also requests the High Commissioner to present a report at its fifty-eighth session;
            """
        let database = try TestDatabase.withReference()
        let first = try database.planImport(text: security, options: ImportOptions(sourceName: "test"))
        #expect(first.document.date == CalendarDate("2024-03-25"))
        #expect(first.document.body == "SC")
        #expect(first.items.first?.dueDate == CalendarDate("2024-04-24"))
        let second = try database.planImport(text: council, options: ImportOptions(sourceName: "test"))
        #expect(second.document.body == "HRC")
        #expect(second.items.map(\.addressees) == [["OHCHR"], ["OHCHR"]])
        #expect(second.items.map(\.dueDate) == [CalendarDate("2024-09-01"), CalendarDate("2025-02-01")])
    }

    @Test(
        "a non-self-governing territory is an actor: 'the Territory' and its Government are the one the text is about")
    func territories() throws {
        let text = """
            The General Assembly,

            Having considered the question of Pitcairn, and noting the statement of the United Kingdom of Great Britain and Northern Ireland as the administering Power,

            Recalling the visit to Pitcairn in 2023,

            1. Requests the Territory and the administering Power to take all measures necessary to protect the environment;

            2. Calls upon the territorial Government to continue its work;
            """
        let items = try plan(text, symbol: "A/RES/78/7")
        #expect(items["¶1"]?.addressees == ["PCN", "GBR"])
        #expect(items["¶2"]?.addressees == ["PCN"])
        let date = try #require(CalendarDate(year: 2024, month: 1, day: 1))
        let actors = try TestDatabase.withReference().actors(ActorFilter(kind: .territory, date: date))
        #expect(actors.count == 17)
    }

    @Test("a Chinese General Assembly resolution: its adoption date, a report due at a session, shared nouns")
    func chineseGeneralAssemblyResolution() throws {
        let text = """
            联 合 国                                                    A/RES/78/187
            大    会                                                   Distr.: General
                                                                       2 January 2024
            第七十八届会议

                           2023 年 12 月 19 日大会决议
                 [根据第三委员会的报告(A/78/474)通过]

            78/187. 儿童权利

                 大会，
                 回顾其 1989 年 11 月 20 日第 44/25 号决议，
                 1. 敦促各国政府、联合国系统和其他国际和区域组织以及民间社会加强努力；
                 2. 请秘书长在大会第七十九届会议上提交一份关于本决议执行情况的报告；
            """
        let plan = try TestDatabase.withReference().planImport(text: text, options: ImportOptions(sourceName: "test"))
        #expect(plan.document.date == CalendarDate("2023-12-19"))
        #expect(plan.document.title == "儿童权利")
        let items = Dictionary(uniqueKeysWithValues: plan.items.map { ($0.path, $0) })
        #expect(
            items["¶1"]?.addressees == [
                "GOVERNMENTS", "UN-ENTITIES", "INTERNATIONAL-ORGANIZATIONS", "REGIONAL-ORGANIZATIONS", "CIVIL-SOCIETY",
            ])
        #expect(items["¶2"]?.dueDate == CalendarDate("2024-09-01"))
    }

    @Test("'as follows:' keeps its own (a), (b) as sub-items, and swallows a list of its own numbering")
    func asFollows() throws {
        let text = """
            The General Assembly,

            1. Decides that the organizational arrangements for the two panels will be as follows:

            (a) Two panels will be held in parallel to the plenary segment;

            (b) The panels will address the following themes;

            2. Decides that the agenda of the meeting shall be as follows:

            1. Opening of the meeting.

            2. Adoption of the agenda.

            3. Requests the Secretary-General to report at its next session;
            """
        let items = try plan(text, symbol: "A/RES/4")
        // ¶1 is a frame for its sub-items and is not kept itself.
        #expect(items.keys.sorted() == ["¶1(a)", "¶1(b)", "¶2", "¶3"])
        #expect(items["¶2"]?.text.contains("Adoption of the agenda") == true)
    }

    @Test("a global target is the recommendation's target, not its addressees' deadline; a deadline stays one")
    func targetsAndDeadlines() throws {
        let text = """
            The General Assembly,

            1. Encourages Governments to increase by 2025 by 1.5 billion the number of people online;

            2. Calls upon Member States to accelerate progress towards achieving the Sustainable Development Goals by 2030;

            3. Requests Member States to submit national reports by 2026;

            4. Requests the Secretary-General to report to the General Assembly at its eighty-first session;
            """
        let items = try plan(text, symbol: "A/RES/79/5")
        #expect(items["¶1"]?.dueDate == nil)
        #expect(items["¶1"]?.tags.contains("target:2025") == true)
        #expect(items["¶2"]?.dueDate == nil)
        #expect(items["¶2"]?.tags.contains("target:2030") == true)
        #expect(items["¶3"]?.dueDate == CalendarDate("2026-12-31"))
        #expect(items["¶4"]?.dueDate == CalendarDate("2026-09-01"))
    }

    @Test("an ECOSOC resolution: a clause lead-in, nested roman sub-items, an unresolved actor")
    func economicAndSocialCouncil() throws {
        let items = try plan(EnglishTestDocuments.economicAndSocialCouncilResolution, symbol: "E/RES/2021/99")
        #expect(items["¶1"]?.classification == .declaratory)
        #expect(items["¶2"]?.addressees == ["CSTD"])
        #expect(items["¶3"]?.addressees == ["UNCTAD"])
        #expect(items["¶3(a)"]?.addressees == ["MEMBER-STATES"])
        #expect(items["¶3(b)"]?.addressees == ["DONORS"])
        #expect(items["¶3(b)(i)"]?.addressees == ["DONORS"])
        #expect(items["¶3(b)(iii)"]?.text == "Through in-kind support;")
        #expect(items["¶3(c)"]?.addressees == ["SG"])
        #expect(items["¶4"]?.unresolved == ["ombudsman bodies"])
    }

    @Test("a Secretary-General's report: only its conclusions and recommendations")
    func secretaryGeneralReport() throws {
        let items = try plan(EnglishTestDocuments.secretaryGeneralReport, symbol: "A/76/999")
        #expect(items.keys.sorted() == ["¶3", "¶4(a)", "¶4(b)", "¶4(c)", "¶5(a)", "¶5(b)"])
        #expect(items["¶3"]?.classification == .declaratory)
        #expect(items["¶4(b)"]?.addressees == ["MEMBER-STATES"])
        #expect(items["¶5(a)"]?.addressees == ["INTERNATIONAL-COMMUNITY"])
    }

    @Test("text without an operative part is refused with a message saying what was expected")
    func noOperativePart() throws {
        let database = try TestDatabase.withReference()
        #expect(throws: FollowUpError.self) {
            try database.planImport(
                text: "Some notes about a meeting.\nNothing numbered here.\n",
                options: ImportOptions(symbol: "X/1", date: CalendarDate("2020-01-01"), sourceName: "notes.txt"))
        }
        #expect(throws: FollowUpError.self) {
            try database.planImport(
                text: "The General Assembly,\n\nRecalling its resolutions,\n\nNoting the report,\n",
                options: ImportOptions(symbol: "X/2", date: CalendarDate("2020-01-01"), sourceName: "preamble.txt"))
        }
    }

    @Test(
        "text cleaning: running heads, footnotes, glued markers, hyphenation",
        arguments: [
            ("20-08012 (C)", true), ("3/21", true), ("A/RES/75/999", true), ("E/2020/31", true), ("*2008012*", true),
            ("1. Welcomes the report;", false), ("A/75/62-E/2020/11 and the report", false),
        ])
    func runningHeads(line: String, isNoise: Bool) {
        #expect(DocumentPatterns.isRunningHead(line) == isNoise)
    }

    @Test("glued footnote markers are removed, numbers in sentences are kept")
    func footnoteMarkers() {
        #expect(TextCleaner.removeFootnoteMarkers("世界上仍有一半人口无法使用互联网，1") == "世界上仍有一半人口无法使用互联网，")
        #expect(TextCleaner.removeFootnoteMarkers("《2021 年技术和创新报告》2 中所强调") == "《2021 年技术和创新报告》中所强调")
        #expect(TextCleaner.removeFootnoteMarkers("“查询研究成果，促进发展创新”方案16 通过") == "“查询研究成果，促进发展创新”方案通过")
        #expect(TextCleaner.removeFootnoteMarkers("回顾信息社会世界峰会成果文件，¹") == "回顾信息社会世界峰会成果文件，")
        #expect(
            TextCleaner.removeFootnoteMarkers("the World Summit on the Information Society,4 and")
                == "the World Summit on the Information Society, and")
        #expect(TextCleaner.removeFootnoteMarkers("有 83 亿个蜂窝移动用户") == "有 83 亿个蜂窝移动用户")
        #expect(
            TextCleaner.removeFootnoteMarkers("paragraph 72 of the Tunis Agenda") == "paragraph 72 of the Tunis Agenda")
        #expect(TextCleaner.removeFootnoteMarkers("第 17 和 19 条") == "第 17 和 19 条")
    }
}
