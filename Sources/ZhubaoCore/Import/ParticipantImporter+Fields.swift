import ZhubaoSystem

/// One `Participant` element as read: its leaves, its `Loan` (with any `CoBorrower`) and its
/// `Pension`, each found by name. Reused participant after participant.
struct ParticipantFields: XMLFieldLookup {
    enum Field: Int {
        case idNumber, name, gender, birthDate, insuranceType, county, retirementDate, contributionMonths
        case sscAccount, personalAccountBalance, deathDate
    }

    enum LoanField: Int { case approvalNo, approvedOn, mode, bankCode, contractNo, basicPensionConsent }
    enum CoBorrowerField: Int { case idNumber, name, relation }
    enum PensionField: Int { case startMonth, monthly, basic }

    static let names = ["IdNumber", "Name", "Gender", "BirthDate", "InsuranceType", "County", "RetirementDate",
                        "ContributionMonths", "SscAccount", "PersonalAccountBalance", "DeathDate"]
    static let loanNames = ["ApprovalNo", "ApprovedOn", "Mode", "BankCode", "ContractNo", "BasicPensionConsent"]
    static let coBorrowerNames = ["IdNumber", "Name", "Relation"]
    static let pensionNames = ["StartMonth", "Monthly", "Basic"]

    private(set) var person: XMLFields
    private(set) var loan: XMLFields
    private(set) var pension: XMLFields
    /// One per `CoBorrower`, labelled `Loan/CoBorrower[n]/…`.
    private(set) var coBorrowers: [XMLFields] = []
    private(set) var hasLoan = false
    private(set) var hasPension = false
    private let loanName: XMLName, pensionName: XMLName, coBorrowerName: XMLName

    init(_ reader: XMLStreamReader) {
        person = XMLFields(reader, Self.names)
        loan = XMLFields(reader, Self.loanNames, prefix: "Loan/")
        pension = XMLFields(reader, Self.pensionNames, prefix: "Pension/")
        loanName = reader.intern("Loan")
        pensionName = reader.intern("Pension")
        coBorrowerName = reader.intern("CoBorrower")
    }

    /// Reads the participant the reader is on, up to its end tag.
    mutating func read(_ reader: XMLStreamReader) throws {
        person.clear()
        loan.clear()
        pension.clear()
        coBorrowers.removeAll(keepingCapacity: true)
        hasLoan = false
        hasPension = false
        try reader.forEachChild {
            if try person.take(reader) { return }
            if reader.localNameIs(loanName) {
                hasLoan = true
                try reader.forEachChild {
                    if try loan.take(reader) { return }
                    guard reader.localNameIs(coBorrowerName) else { return }
                    var coBorrower = XMLFields(reader, Self.coBorrowerNames, prefix: "Loan/CoBorrower[\(coBorrowers.count + 1)]/")
                    try reader.forEachChild { _ = try coBorrower.take(reader) }
                    coBorrowers.append(coBorrower)
                }
            } else if reader.localNameIs(pensionName) {
                hasPension = true
                try reader.forEachChild { _ = try pension.take(reader) }
            }
        }
    }

    /// Element name → label for libxml2's messages: every name that occurs once in a
    /// participant (`IdNumber` and `Name` also occur in a co-borrower: left out).
    static let labels: [String: String] = {
        var labels = ["Loan": "Loan", "Pension": "Pension", "CoBorrower": "Loan/CoBorrower", "Relation": "Loan/CoBorrower"]
        for name in names where name != "IdNumber" && name != "Name" { labels[name] = name }
        for name in loanNames { labels[name] = "Loan/" + name }
        for name in pensionNames { labels[name] = "Pension/" + name }
        return labels
    }()

    /// With a single co-borrower, its fields' labels.
    var coBorrowerLabels: [String: String] {
        guard coBorrowers.count == 1 else { return [:] }
        return ["CoBorrower": "Loan/CoBorrower[1]", "Relation": "Loan/CoBorrower[1]/Relation"]
    }

    /// The last line a field was read on.
    var lastLine: Int? {
        ([person.lastLine, loan.lastLine, pension.lastLine] + coBorrowers.map(\.lastLine)).compactMap { $0 }.max()
    }

    func line(of label: String) -> Int? {
        let fields: XMLFields?
        if label.hasPrefix("Loan/CoBorrower[") {
            fields = coBorrowers.first { label.hasPrefix($0.prefix) }
        } else if label.hasPrefix("Loan/") {
            fields = loan
        } else if label.hasPrefix("Pension/") {
            fields = pension
        } else {
            fields = person
        }
        return fields?.line(of: label)
    }
}
