import FollowUpModel
import FollowUpStore
/// The words the importer recognises: operative verbs by class, qualifiers, conjunctions and
/// references back to an earlier actor, in Chinese and English.
enum Lexicon {
    /// An operative verb and its class.
    struct Verb: Sendable {
        var text: String
        var classification: Classification
        /// A Secretary-General's suggestion ("may wish to consider"): its addressee comes before it.
        var addresseeFirst: Bool = false
    }

    static let chineseVerbs: [Verb] = {
        let actionable = ["鼓励", "敦促", "促请", "吁请", "呼吁", "请", "要求", "邀请", "建议", "恳请", "号召", "责成", "提议"]
        let decision = ["决定", "决心", "商定", "核准", "核可", "赞同", "同意", "通过", "批准", "宣布", "授权", "指定"]
        let declaratory = [
            "注意到", "表示注意到", "欢迎", "赞扬", "重申", "确认", "承认", "强调", "着重指出", "表示赞赏", "回顾", "认识到", "肯定",
            "关切", "表示关切", "深表关切", "感谢", "表示感谢", "重点指出", "提请注意", "赞赏", "意识到", "铭记", "深信", "认为", "申明",
            "表示满意", "遗憾", "表示遗憾", "谴责", "表示支持", "支持", "祝贺", "满意地注意到",
        ]
        return actionable.map { Verb(text: $0, classification: .actionable) }
            + decision.map { Verb(text: $0, classification: .decision) }
            + declaratory.map { Verb(text: $0, classification: .declaratory) }
            + ["不妨考虑", "不妨", "应当", "应"].map { Verb(text: $0, classification: .actionable, addresseeFirst: true) }
    }()

    static let englishVerbs: [Verb] = {
        let actionable = [
            "encourages", "urges", "calls upon", "calls on", "calls for", "requests", "invites", "recommends",
            "appeals to", "exhorts", "asks", "strongly encourages", "strongly urges", "calls once again upon",
            "calls again upon", "calls once more upon", "reiterates its request", "reiterates its call",
            "reiterates its appeal", "renews its call", "renews its appeal", "renews its request", "demands",
            "reiterates its requests", "reiterates its previous request", "reiterates its previous requests",
            "reiterates its calls", "reiterates its invitation", "renews its invitation", "reiterates the invitation",
            "reiterates the call", "reiterates the request", "reiterates its demand", "reiterates its demands",
            "directs",
            "renews its demand",
        ]
        let decision = [
            "decides", "resolves", "agrees", "approves", "endorses", "adopts", "declares", "designates", "authorizes",
            "proclaims", "determines",
        ]
        let declaratory = [
            "notes", "takes note", "welcomes", "commends", "reaffirms", "recognizes", "acknowledges", "stresses",
            "emphasizes", "expresses", "recalls", "underlines", "underscores", "affirms", "reiterates", "considers",
            "is convinced", "bears in mind", "deplores", "condemns", "regrets", "appreciates", "highlights",
            "draws attention", "notes with appreciation", "notes with concern", "takes note with appreciation",
            "is aware", "believes", "supports",
        ]
        return actionable.map { Verb(text: $0, classification: .actionable) }
            + decision.map { Verb(text: $0, classification: .decision) }
            + declaratory.map { Verb(text: $0, classification: .declaratory) }
            + ["may wish to consider", "may wish to", "should consider", "should"].map {
                Verb(text: $0, classification: .actionable, addresseeFirst: true)
            }
    }()

    /// Verbs longest first, so `表示注意到` wins over `注意到` and `calls upon` over `calls`.
    static let chineseByLength = chineseVerbs.sorted { $0.text.count > $1.text.count }
    static let englishByLength = englishVerbs.sorted { $0.text.count > $1.text.count }

    /// The verbs as characters, by their first character, longest first within each: the analyzer
    /// looks for a verb at every word, and comparing each verb there made a third of an import.
    static let englishByFirst = byFirstCharacter(englishByLength)
    static let chineseByFirst = byFirstCharacter(chineseByLength)

    private static func byFirstCharacter(_ verbs: [Verb]) -> [Character: [(verb: Verb, characters: [Character])]] {
        // Grouping keeps the order of `verbs` within each group.
        Dictionary(grouping: verbs.filter { !$0.text.isEmpty }.map { (verb: $0, characters: Array($0.text)) }) {
            $0.characters[0]
        }
    }

    /// Words that may stand before a clause's verb: `又`, `还`, `Also`, `Further`, `In this regard,`.
    static let chinesePrefixes = ["在这方面", "在此方面", "为此", "因此", "再次", "又", "还", "并", "也", "同时", "另外", "此外"]
    static let englishPrefixes = [
        "in this regard,", "in that regard,", "in this context,", "also", "further", "again", "once again",
        "furthermore,", "moreover,", "strongly", "urgently", "respectfully", "kindly", "therefore",
    ]

    /// Qualifiers that are not actors and may stand between a verb and its addressee.
    static let chineseQualifiers = [
        "酌情", "在各自任务范围内", "在其各自任务规定范围内", "在各自任务规定范围内", "继续", "其他", "所有", "有关", "相关",
        "适当的", "各", "并酌情", "现有", "广大",
        // 占领国以色列: the occupying Power is the State named after it.
        "占领国",
    ]
    static let englishQualifiers = [
        "as appropriate,", "inter alia,", "where appropriate,", "within their respective mandates,",
        "within their mandates,", "within existing resources,", "in particular", "particularly", "especially",
        "members of", "the", "all relevant", "relevant", "all", "other", "concerned", "interested", "its", "their",
        "each", "two", "three", "four", "five", "six", "upon", "continued", "ongoing", "enhanced", "increased",
        "closer", "efforts by", "further efforts by",
        "including", "that", "those", "to", "in this regard", "in that regard", "newly established",
        // The object of the verb is a joint effort or one actor's work: "Encourages further
        // collaboration between X and Y", "Encourages the continuing endeavours of X".
        "further collaboration between", "collaboration between", "collaboration among", "collaboration of",
        "cooperation between", "cooperation among", "cooperation of", "efforts of", "continuing efforts of",
        "continued efforts of", "endeavours of", "continuing endeavours of",
        // "Encourages the participation of representatives of X", "calls for continued support from X".
        "full and effective participation of", "full participation of", "active participation of",
        "participation of", "involvement of", "engagement of", "representatives of", "continued support from",
        "support from",
    ]

    /// Wholes whose members, named after "including", are folded into them: "the United Nations
    /// system, including its funds, programmes and specialized agencies", "civil society, including
    /// non-governmental organizations". After "all stakeholders, including …" each is named.
    static let englishFoldingWholes: Set<String> = ["UN-ENTITIES", "CIVIL-SOCIETY"]

    /// Requests in the infinitive, at the start of a sub-item of "Decides:" or after "decides to".
    static let englishInfinitives = [
        "to request", "to invite", "to encourage", "to urge", "to call upon", "to call on", "to recommend",
    ]

    /// The heads of a unit named in capitals before "of" and the body it belongs to.
    static let englishUnitHeads: Set<String> = [
        "Committee", "Commission", "Council", "Board", "Office", "Department", "Division", "Secretariat", "Group",
        "Unit", "Branch", "Section", "Centre", "Center", "Bureau",
    ]

    /// What names a State's government or people rather than the State: "the Government of
    /// Israel" binds Israel.
    static let englishOfState = ["government of", "governments of", "authorities of", "people and government of"]

    /// What names a body through its officer: "the Chair of the Committee on …" binds the committee.
    static let englishOfBody = [
        "chair of", "chairs of", "chair-rapporteur of", "chairperson of", "chairpersons of", "director-general of",
        "director general of",
        "directors-general of", "executive director of", "executive directors of", "administrator of", "head of",
        "heads of", "executive heads of", "president of",
        "envoys of", "special envoys of", "special representatives of", "special representatives and special envoys of",
        "special representatives and envoys of",
    ]

    /// A decision verb followed by what the deciding organ itself will do ("Decides to include in the
    /// provisional agenda", "decides also to convene"): the organ is bound.
    static let englishSelfDecisionTails = [" to ", " also to ", " further to ", " therefore to "]

    /// The generic heads of a body's name that a document uses alone once it has named the body in
    /// full: "the Special Committee" after "the Special Committee on the Situation with regard to …".
    static let englishShortFormHeads = [
        "Special Committee", "Working Group", "Special Rapporteur", "Independent Expert", "Group of Experts",
        "Preparatory Committee", "Ad Hoc Committee", "Intergovernmental Committee", "Expert Mechanism",
        "Special Representative", "Special Envoy", "Special Adviser", "Permanent Forum", "Commission", "Committee",
        "Advisory Committee",
    ]

    /// The last word of a body's name that the body may be called by with the word before it:
    /// "the Staff College" (United Nations System Staff College), "the Advisory Committee".
    static let englishInstitutionNouns: Set<String> = [
        "Committee", "College", "Commission", "Council", "Board", "Mission", "Office", "Programme", "Fund", "Forum",
        "Institute", "Panel", "Mechanism", "Centre", "Agency", "Court", "Tribunal", "Secretariat", "Facility",
        "Platform", "Network", "University", "Operation", "Force",
    ]

    /// Words that may stand between a clause boundary and a verb in the middle of a paragraph:
    /// ", and in this regard strongly urges …".
    static let englishVerbLeadIns = [
        "in this regard", "in that regard", "in this context", "in this respect", "in that connection",
        "in this connection", "to this end", "to that end", "for this purpose", "for that purpose", "in addition",
        "also", "further",
        "therefore", "once again", "again", "strongly", "urgently",
    ]

    /// How a circumstance set between "decides that" and its subject begins: "at its sixty-ninth
    /// session,", "in 2025,", "ahead of each session,".
    static let englishCircumstanceLeads = [
        "at ", "in ", "during ", "ahead of ", "before ", "after ", "from ", "for ", "as from ", "with effect from ",
        "beginning ", "starting ", "as of ", "on ", "until ", "pending ",
    ]

    /// The kinds of member a list may name "of the United Nations system".
    static let englishSystemMembers: Set<String> = [
        "organs", "bodies", "agencies", "entities", "organizations", "funds", "programmes", "components",
        "departments", "offices",
    ]

    /// Words that may stand between a clause boundary and a verb in Chinese: "，并酌情促请".
    static let chineseVerbLeadIns = ["酌情", "在这方面", "在此方面", "为此目的", "为此", "还", "也", "再次"]

    /// What one does with a partner: after 与X, these make X a partner, not an addressee.
    static let chineseJointActions = ["合作", "协作", "协调", "协商", "磋商", "对话", "配合", "接触", "一道", "一起", "携手"]

    /// Joins between two addressees.
    /// The head nouns Chinese modifiers share: 全球、区域和次区域组织, 发展和贸易伙伴.
    static let chineseSharedHeads = ["组织", "伙伴", "机构", "实体", "方案", "基金", "国家", "银行"]

    static let chineseConjunctions = ["、", "和", "以及", "及", "与", "或", "并", ","]
    static let englishConjunctions = [", and", ", or", ",", "and", "or", "as well as"]

    /// Words that refer back to an earlier actor: `请他`, `requests him`, `该国`.
    static let chineseBackReferences = ["它们", "他们", "他", "她", "该国", "其", "政府"]
    static let englishBackReferences = ["him", "her", "that State", "those States", "them", "it"]
}
